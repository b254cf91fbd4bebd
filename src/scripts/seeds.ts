// `npm run seeds`: rebuilds the sample workbooks in seeds/ from the public documents' text.
// The texts are copied from ../shared/seeds into seeds/sources/ when that folder is beside the repo.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxHost } from "../hosts/xlsx/host";
import { layoutOps } from "../core/drawing";
import { noticeLedgerLayout, type SheetLayout } from "../core/layout";
import { parseNotice } from "../core/notice";
import { noticeRemark } from "../app/imports";
import { DIRECTORY_2019, DIRECTORY_2026, type DirectoryRow } from "./seeds/directories";
import { addPlanCoUnits, parseProgressTable } from "./seeds/jianghan2019";

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "seeds");
const SOURCES = path.join(OUT, "sources");
const SHARED = path.resolve(ROOT, "..", "shared", "seeds");

export const SEED_FILES = {
  jianghan2019: "2019江汉区政府工作报告责任分解台账.xlsx",
  jianghan2019Directory: "2019江汉区部门目录.xlsx",
  jiangan2026: "2026江岸区政府工作报告责任分解台账.xlsx",
} as const;

/** A fixed date, so that rebuilding the seeds gives the same files. */
const STAMP = new Date(Date.UTC(2026, 0, 13));

function source(name: string): string {
  return fs.readFileSync(path.join(SOURCES, name), "utf8");
}

function directoryLayout(rows: readonly DirectoryRow[]): SheetLayout {
  return {
    name: "部门目录",
    columns: [
      { header: "单位名称", width: 32 },
      { header: "别名", width: 32 },
      { header: "曾用名", width: 36 },
      { header: "类别", width: 10 },
      { header: "状态", width: 8 },
    ],
    rows: rows.map(([name, aliases, former, category, status]) => [name, aliases, former, category, status ?? "有效"]),
  };
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "督办助手";
  wb.created = STAMP;
  wb.modified = STAMP;
  return wb;
}

/** The 2019 Jianghan ledger: the plan's tasks and units with the progress as of end of October. */
export function jianghan2019Layout(): SheetLayout {
  const tasks = parseProgressTable(source("001_6d4a44a04b155c70.txt"));
  addPlanCoUnits(tasks, source("000_d9ff2488dc656f7a.txt"));
  const repeatHeaderBefore: number[] = [];
  tasks.forEach((t, i) => {
    if (i > 0 && t.category !== tasks[i - 1]!.category) repeatHeaderBefore.push(i);
  });
  return {
    name: "进展情况",
    title: "江汉区《2019政府工作报告》责任事项进展情况表（截至2019年10月底）",
    columns: [
      { header: "序号", width: 6 },
      { header: "工作类目", width: 12, mergeRuns: true },
      { header: "工作任务", width: 12, mergeRuns: true },
      { header: "目标和要求", width: 36 },
      { header: "主要责任部门", width: 14 },
      { header: "相关责任部门", width: 16 },
      { header: "进展情况", width: 70 },
    ],
    rows: tasks.map((t) => [Number(t.no), t.category, t.subcategory, t.task, t.lead.join("\n"), t.co.join("\n"), t.progress]),
    repeatHeaderBefore,
  };
}

export function jiangan2026Layout(): SheetLayout {
  const items = parseNotice(source("002_4e4f19e7498f2113.txt"));
  return noticeLedgerLayout(items, "2026年责任分解", "2026年江岸区《政府工作报告》目标任务责任分解台账", noticeRemark);
}

async function main(): Promise<void> {
  fs.mkdirSync(SOURCES, { recursive: true });
  if (fs.existsSync(SHARED)) {
    for (const f of fs.readdirSync(SHARED)) if (f.endsWith(".txt")) fs.copyFileSync(path.join(SHARED, f), path.join(SOURCES, f));
  }
  const written: string[] = [];
  const write = async (file: string, layouts: SheetLayout[]) => {
    const host = new XlsxHost(newWorkbook());
    for (const l of layouts) await host.apply(layoutOps(l), "add-sheet");
    await host.workbook.xlsx.writeFile(path.join(OUT, file));
    written.push(`${file}（${layouts.map((l) => `${l.name} ${l.rows.length} 行`).join("，")}）`);
  };
  await write(SEED_FILES.jianghan2019, [jianghan2019Layout(), directoryLayout(DIRECTORY_2019)]);
  await write(SEED_FILES.jianghan2019Directory, [directoryLayout(DIRECTORY_2019)]);
  await write(SEED_FILES.jiangan2026, [jiangan2026Layout(), directoryLayout(DIRECTORY_2026)]);
  console.log(`已生成 seeds/：\n  ${written.join("\n  ")}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
