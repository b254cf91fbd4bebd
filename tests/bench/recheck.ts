// The bench's 边填边查 part: the re-check against the full check on the 10,000-task ledger.
import { performance } from "perf_hooks";
import { check, readDirectory } from "../../src/core";
import { recheck } from "../../src/core/recheck";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "../helpers/syntheticLedger";

const TASKS = Number(process.env.BENCH_TASKS ?? 10000);
const UNITS = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * 边填边查 (BENCH_PART=recheck npm run bench): the re-check of one edited row of the 10,000-task ledger
 * (target ≤ 20 ms) and of a paste over 500 rows (≤ 200 ms), beside the full check of the same sheet.
 * Each run edits other rows, from the result the run before left, as a person's typing goes on.
 */
export function recheckBench(ok: (pass: boolean) => string): void {
  const units = syntheticUnits(UNITS);
  const directory = readDirectory({ name: "部门目录", rows: syntheticDirectoryRows(units), merges: [] });
  const quarter = { year: 2026, q: 3 as const };
  const rows = syntheticLedgerRows(TASKS, units);
  const base = { name: "2026年责任分解", rows, merges: [] };
  const progressCol = 8; // 三季度进展 (tests/helpers/syntheticLedger.ts)
  const texts = ["正在推进", "截至9月底，完成投资12亿元，推进项目5个。", "", "暂无"];
  for (let i = 0; i < 3; i++) check(base, directory, { quarter });
  const fullRuns: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    check(base, directory, { quarter });
    fullRuns.push(performance.now() - t);
  }
  let previous = check(base, directory, { quarter });
  let grid = base;
  const edit = (first: number, count: number, n: number) => {
    const next = grid.rows.map((r) => r);
    for (let r = first; r < first + count; r++) next[r - 1] = next[r - 1]!.map((v, c) => (c === progressCol ? texts[(n + r) % texts.length]! : v));
    grid = { ...grid, rows: next };
  };
  const measure = (count: number) => {
    const runs: number[] = [];
    let full = 0;
    for (let n = 0; n < 25; n++) {
      const first = 3 + ((n * 7919) % (TASKS - count));
      edit(first, count, n);
      const t = performance.now();
      const again = recheck(previous, grid, [[first, first + count - 1]], directory, { quarter });
      runs.push(performance.now() - t);
      if (again.full) full++;
      previous = again.result;
    }
    return { ms: median(runs.slice(5)), full };
  };
  const one = measure(1);
  const paste = measure(500);
  const f = median(fullRuns);
  const same = JSON.stringify(previous.findings) === JSON.stringify(check(grid, directory, { quarter }).findings);
  console.log(`边填边查基准（${TASKS} 项任务，${UNITS} 个单位的目录；取中位数）`);
  console.log(`  整表检查（check）：        ${f.toFixed(1)} ms`);
  console.log(`  改一行后重查（recheck）：  ${one.ms.toFixed(2)} ms   目标 ≤ 20 ms    ${ok(one.ms <= 20 && one.full === 0)}${one.full ? `（${one.full} 次改为整表检查）` : ""}`);
  console.log(`  粘贴 500 行后重查：        ${paste.ms.toFixed(1)} ms   目标 ≤ 200 ms   ${ok(paste.ms <= 200 && paste.full === 0)}${paste.full ? `（${paste.full} 次改为整表检查）` : ""}`);
  console.log(`  重查结果与整表检查一致：   ${same ? "是" : "否"}   ${ok(same)}`);
}

