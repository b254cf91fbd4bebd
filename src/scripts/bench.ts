// `npm run bench`: a 10,000-task ledger with four quarters of progress and a 300-unit directory.
// Prints the engine's time for the check, the whole command's time, and ExcelJS's bare read of the
// same file, with the ratio. Targets: engine ≤ 100 ms; whole command ≤ 1.3 × the bare read.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { run } from "../cli/main";
import { sheetGrid } from "../cli/xlsx";
import { check, readDirectory } from "../core";

const TASKS = Number(process.env.BENCH_TASKS ?? 10000);
const UNITS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** A small deterministic generator, so every run measures the same workbook. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STEMS = ["发展和改革", "财政", "商务", "教育", "民政", "司法", "审计", "统计", "应急管理", "卫生健康", "文化和旅游", "住房和城市更新", "城市管理执法", "水务和湖泊", "园林", "市场监督管理", "人力资源", "退役军人事务", "行政审批", "医疗保障"];

function unitNames(): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < UNITS; i++) {
    const stem = STEMS[i % STEMS.length]!;
    const round = Math.floor(i / STEMS.length);
    names.push(round === 0 ? `区${stem}局` : `区${stem}第${round}中心`);
  }
  return names;
}

async function buildWorkbook(file: string): Promise<void> {
  const rand = rng(20261122);
  const units = unitNames();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2026年责任分解");
  ws.addRow(["2026年区《政府工作报告》目标任务责任分解台账"]);
  ws.addRow(["序号", "类别", "目标任务", "责任单位", "配合单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"]);
  const progressText = (q: number, i: number) => {
    const r = rand();
    if (r < 0.08) return "";
    if (r < 0.12) return "正在推进";
    return `第${q}季度：完成投资${(i % 97) + q}亿元，推进项目${(i % 13) + q}个，开展专项检查${(i % 7) + 2}次，问题整改率${80 + (i % 20)}%。`;
  };
  for (let i = 1; i <= TASKS; i++) {
    const lead = units[Math.floor(rand() * units.length)]!;
    const co = rand() < 0.5 ? `${units[Math.floor(rand() * units.length)]}、各街道` : "";
    // A few abbreviations and typos, as real ledgers have.
    const written = rand() < 0.02 ? lead.replace("和", "").replace("局", "该局") : lead;
    const q1 = progressText(1, i);
    const q2 = rand() < 0.05 ? q1 : progressText(2, i);
    ws.addRow([
      i,
      `（${Math.ceil(i / 500)}）重点工作`,
      `第${i}项任务：新建项目${i % 50}个，完成投资${i % 90}亿元，持续提升城区功能品质。`,
      written,
      co,
      rand() < 0.1 ? "2026年6月底" : "2026年12月底",
      q1,
      q2,
      progressText(3, i),
      "",
    ]);
  }
  const dir = wb.addWorksheet("部门目录");
  dir.addRow(["单位名称", "别名", "曾用名", "类别", "状态"]);
  units.forEach((u, i) => dir.addRow([u, "", i < 20 ? u.replace("区", "区原") : "", "部门", "有效"]));
  await wb.xlsx.writeFile(file);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-"));
  const file = path.join(dir, "bench.xlsx");
  await buildWorkbook(file);
  const size = fs.statSync(file).size;

  // The engine alone: read once, check many times.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grid = sheetGrid(wb.getWorksheet("2026年责任分解")!);
  const quarter = { year: 2026, q: 3 as const };
  // The engine on its own first (warmed up, many runs), then the file-reading runs, so that the
  // garbage ExcelJS leaves behind is not counted as the engine's.
  let findings = 0;
  const directoryGrid = sheetGrid(wb.getWorksheet("部门目录")!);
  const engineRun = () => (findings = check(grid, readDirectory(directoryGrid), { quarter }).findings.length);
  for (let i = 0; i < 3; i++) engineRun();
  const engine: number[] = [];
  for (let i = 0; i < Math.max(RUNS, 15); i++) engine.push(await time(engineRun));
  const read: number[] = [];
  const whole: number[] = [];
  const io = { out: () => undefined, err: () => undefined };
  for (let i = 0; i < RUNS; i++) {
    read.push(await time(() => new ExcelJS.Workbook().xlsx.readFile(file)));
    whole.push(await time(() => run(["check", file, "--quarter", "2026Q3", "--json"], io)));
  }
  const e = median(engine);
  const r = median(read);
  const w = median(whole);
  const ok = (pass: boolean) => (pass ? "达标" : "未达标");
  console.log(`督办助手基准（${TASKS} 项任务，4 个季度进展，${UNITS} 个单位的目录；文件 ${(size / 1024 / 1024).toFixed(1)} MB；取 ${RUNS} 次中位数）`);
  console.log(`  发现问题：${findings} 处`);
  console.log(`  引擎检查（check）：      ${e.toFixed(1)} ms   目标 ≤ 100 ms     ${ok(e <= 100)}`);
  console.log(`  ExcelJS 仅读取文件：     ${r.toFixed(0)} ms`);
  console.log(`  整个命令（duban check）：${w.toFixed(0)} ms   比值 ${(w / r).toFixed(2)} × 读取   目标 ≤ 1.3 ×   ${ok(w / r <= 1.3)}`);
  if (process.env.BENCH_KEEP) console.log(file); else fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
