// 边填边查's engine: a re-check of the rows changed gives what a full check of the edited sheet gives,
// the same findings in the same order, after any sequence of edits a person makes while filling in
// (a progress cell typed, a unit changed, a status set, a row emptied, rows pasted, a task added
// under the last one, a heading typed), on the seed ledgers and on made-up ones.
import fc from "fast-check";
import { isDeepStrictEqual } from "util";
import { book } from "../src/app/book";
import { check, countByKind, LedgerError, readDirectory } from "../src/core";
import type { Directory } from "../src/core/directory";
import { recheck, type ChangedRows, type Rechecked } from "../src/core/recheck";
import type { CellValue, CheckOptions, CheckResult, Quarter, SheetGrid } from "../src/core/types";
import { seedPort, SEED_2019, SEED_2026 } from "./app/seeds";
import { CUMULATIVE_DIRECTORY, cumulativeLedger } from "./helpers/cumulative";
import { DESK_LEDGER } from "./helpers/desk";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";

/**
 * Sequences per ledger: each step checks the whole sheet too, so a case costs up to six full checks
 * of a seed ledger. FC_RUNS as in tests/properties.test.ts, here a fortieth of it (50 unless set; a
 * new seed each run, FC_SEED to repeat one); FC_RUNS=40000 for a deeper search.
 */
const RUNS = Math.max(10, Math.round((process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 2000) / 40));
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

type Rows = CellValue[][];
const grid = (rows: readonly (readonly CellValue[])[], merges: SheetGrid["merges"] = [], name = "台账"): SheetGrid => ({ name, rows: rows.map((r) => [...r]), merges });
const Q3: Quarter = { year: 2026, q: 3 };

/** The grid with `rows` (1-based row → values) put in. */
function edited(g: SheetGrid, rows: Readonly<Record<number, readonly CellValue[]>>): SheetGrid {
  const out = g.rows.map((r) => [...r]);
  for (const [row, values] of Object.entries(rows)) out[Number(row) - 1] = [...values];
  return { ...g, rows: out };
}

/** The grid with one cell set (0-based column). */
function withCell(g: SheetGrid, row: number, col: number, value: CellValue): SheetGrid {
  const out = g.rows.map((r) => [...r]);
  while (out.length < row) out.push([]);
  const r = out[row - 1]!;
  while (r.length <= col) r.push(null);
  r[col] = value;
  return { ...g, rows: out };
}

/** Re-checks and checks the same sheet in full; both must agree, in every part a person sees. */
function agree(previous: CheckResult, g: SheetGrid, changed: ChangedRows, directory: Directory | undefined, options: CheckOptions): Rechecked {
  const again = recheck(previous, g, changed, directory, options);
  const whole = check(g, directory, options);
  // Compared fast first (thousands of sheets); jest's comparison then shows where they part.
  if (isDeepStrictEqual({ ...again.result }, { ...whole })) return again;
  expect(again.result.findings).toEqual(whole.findings);
  expect(again.result.ledger).toEqual(whole.ledger);
  expect(again.result.assessments).toEqual(whole.assessments);
  expect(again.result.notes).toEqual(whole.notes);
  expect(countByKind(again.result.findings)).toEqual(countByKind(whole.findings));
  return again;
}

// A small ledger with what crosses rows: a heading over the table, a lead unit merged over two tasks,
// a task merged over two rows, a sub-heading.
const HEADER = ["序号", "目标任务", "牵头单位", "配合单位", "完成状态", "三季度进展"];
const SMALL: Rows = [
  ["2026年区政府工作报告责任分解台账"],
  HEADER,
  ["一、经济发展", null, null, null, null, null],
  [1, "新建城市书房3个。", "区城管委", "区财政局", null, "正在推进"],
  [2, "改造老旧小区20个。", null, null, null, "已完成改造12个，完成年度目标的60%。"],
  ["（一）招商引资", null, null, null, null, null],
  [3, "引进亿元以上项目10个。", "区商务局", null, null, ""],
  [null, null, null, null, null, "截至9月底引进6个。"],
  [4, "社会消费品零售总额增长8%。", "区不存在局", null, "已完成", "暂无"],
  [5, "建设口袋公园5个。", "区商务局", null, null, "建成3个，完成年度目标的60%。"],
];
const SMALL_MERGES = [
  { top: 2, left: 0, bottom: 2, right: 5 }, // 一、经济发展 across the row
  { top: 3, left: 2, bottom: 4, right: 2 }, // C4:C5, one lead unit for tasks 1 and 2
  { top: 5, left: 0, bottom: 5, right: 5 },
  { top: 6, left: 1, bottom: 7, right: 1 }, // B7:B8, task 3 over two rows
  { top: 6, left: 0, bottom: 7, right: 0 },
  { top: 6, left: 2, bottom: 7, right: 2 },
];
const SMALL_DIRECTORY = readDirectory(grid([["单位名称", "别名", "曾用名", "类别", "状态"], ["区城市管理执法局", "", "区城管委", "部门", "有效"], ["区财政局", "", "", "部门", "有效"], ["区商务局", "", "", "部门", "有效"]], [], "部门目录"));

describe("re-checking the rows changed, on a small ledger with merged cells and headings", () => {
  const base = grid(SMALL, SMALL_MERGES);
  const options = { quarter: Q3 };
  const first = check(base, SMALL_DIRECTORY, options);

  test("the small ledger reads as intended: four tasks, the merged unit reported once", () => {
    expect(first.ledger.tasks.map((t) => t.row)).toEqual([4, 5, 7, 9, 10]);
    expect(first.ledger.tasks[2]!.category).toEqual(["一、经济发展", "（一）招商引资"]);
    expect(first.findings.filter((f) => f.cell === "C4").map((f) => f.kind)).toEqual(["renamed-unit"]);
  });

  test("a progress cell typed: only its task's finding changes, and the others are the same objects", () => {
    const g = withCell(base, 4, 5, "新建城市书房2个，完成年度目标的67%。");
    const { result, full } = agree(first, g, [4], SMALL_DIRECTORY, options);
    expect(full).toBe(false);
    expect(result.findings.some((f) => f.cell === "F4")).toBe(false);
    // Kept as they were: the unknown unit of task 4 is the previous check's own finding.
    expect(result.findings.find((f) => f.cell === "C9")).toBe(first.findings.find((f) => f.cell === "C9"));
  });

  test("the second task under a merged unit cell: the unit is still reported once, at its merged cell", () => {
    const g = withCell(base, 5, 5, "正在推进");
    const { result } = agree(first, g, [5], SMALL_DIRECTORY, options);
    expect(result.findings.filter((f) => f.cell === "C4")).toHaveLength(1);
    expect(result.findings.find((f) => f.cell === "F5")?.kind).toBe("placeholder-progress");
  });

  test("the merged unit cell changed: both tasks under it take the new unit, reported once", () => {
    const g = withCell(base, 4, 2, "区财政局");
    const { result } = agree(first, g, [4], SMALL_DIRECTORY, options);
    expect(result.findings.filter((f) => f.cell === "C4")).toEqual([]);
    expect(result.ledger.tasks[1]!.lead?.text).toBe("区财政局");
  });

  test("the second row of a task merged over two rows: still one task, read from its first row", () => {
    const g = withCell(base, 8, 5, "正在推进");
    const { result } = agree(first, g, [8], SMALL_DIRECTORY, options);
    expect(result.ledger.tasks.map((t) => t.row)).toEqual([4, 5, 7, 9, 10]);
  });

  test("a new task typed under the last one becomes a task, with its findings", () => {
    const g = edited(base, { 11: [6, "新建社区食堂4个。", "区商务局", null, null, "正在推进"] });
    const { result } = agree(first, g, [11], SMALL_DIRECTORY, options);
    expect(result.ledger.tasks.map((t) => t.row)).toEqual([4, 5, 7, 9, 10, 11]);
    expect(result.findings.at(-1)).toMatchObject({ kind: "placeholder-progress", cell: "F11", taskNo: "6" });
  });

  test("a row emptied stops being a task, and its findings go", () => {
    const g = edited(base, { 9: [null, null, null, null, null, null] });
    const { result } = agree(first, g, [9], SMALL_DIRECTORY, options);
    expect(result.ledger.tasks.map((t) => t.row)).toEqual([4, 5, 7, 10]);
    expect(result.findings.some((f) => f.row === 9)).toBe(false);
  });

  test("a status set to 已完成 on a task with a placeholder: 完成无依据 instead of 进展只有套话", () => {
    const g = withCell(base, 4, 4, "已完成");
    const { result } = agree(first, g, [4], SMALL_DIRECTORY, options);
    expect(result.findings.filter((f) => f.row === 4).map((f) => f.kind)).toEqual(["renamed-unit", "done-unsupported"]);
  });

  test("a paste over several rows is one call, given as a range", () => {
    const g = edited(base, { 4: [1, "新建城市书房3个。", "区城管委", "区财政局", null, ""], 5: [2, "改造老旧小区20个。", null, null, null, "暂无"], 7: [3, "引进亿元以上项目10个。", "区商务局", null, null, "截至9月底引进亿元以上项目8个，完成年度目标的80%。"] });
    const { result, full } = agree(first, g, [[4, 7]], SMALL_DIRECTORY, options);
    expect(full).toBe(false);
    expect(result.findings.filter((f) => f.field === "progress").map((f) => `${f.cell} ${f.kind}`)).toEqual(["F4 missing-progress", "F5 placeholder-progress", "F9 done-unsupported"]);
  });

  test("a heading typed over a task's row: the task below stands under it, so the sheet is read whole", () => {
    const g = edited(base, { 9: ["二、社会民生", null, null, null, null, null] });
    const again = agree(first, g, [9], SMALL_DIRECTORY, options);
    expect(again).toMatchObject({ full: true, fallback: "categories" });
    expect(again.result.ledger.tasks.find((t) => t.row === 10)?.category).toEqual(["二、社会民生"]);
  });

  test("a heading's text edited: read whole", () => {
    const g = edited(base, { 6: ["（一）消费提振", null, null, null, null, null] });
    const again = agree(first, g, [6], SMALL_DIRECTORY, options);
    expect(again).toMatchObject({ full: true, fallback: "categories" });
    expect(again.result.ledger.tasks.find((t) => t.row === 7)?.category).toEqual(["一、经济发展", "（一）消费提振"]);
  });

  test("a heading emptied: read whole too", () => {
    const g = edited(base, { 6: [null, null, null, null, null, null] });
    expect(agree(first, g, [6], SMALL_DIRECTORY, options)).toMatchObject({ full: true, fallback: "categories" });
  });

  test("the header edited: read whole (here the progress column is another quarter's, so its findings all change)", () => {
    const g = withCell(base, 2, 5, "四季度进展");
    expect(() => recheck(first, g, [2], SMALL_DIRECTORY, options)).toThrow(LedgerError);
    const h = withCell(base, 2, 3, "协办单位");
    expect(agree(first, h, [2], SMALL_DIRECTORY, options)).toMatchObject({ full: true, fallback: "header" });
  });

  test("the title above the header edited: read whole (it carries the ledger's year)", () => {
    const g = withCell(base, 1, 0, "2025年区政府工作报告责任分解台账");
    const again = agree(first, g, [1], SMALL_DIRECTORY, options);
    expect(again).toMatchObject({ full: true, fallback: "header" });
    expect(again.result.ledger.year).toBe(2025);
  });

  test("a body row near the top turned into column names: the header is found there now, read whole", () => {
    const g = edited(base, { 4: [...HEADER, "备注"] });
    const again = agree(first, g, [4], SMALL_DIRECTORY, options);
    expect(again.full).toBe(true);
  });

  test("another quarter: read whole", () => {
    expect(recheck(first, base, [4], SMALL_DIRECTORY, { quarter: { year: 2025, q: 3 } })).toMatchObject({ full: true, fallback: "quarter" });
  });

  test("nothing changed: the previous result as it is", () => {
    expect(recheck(first, base, [], SMALL_DIRECTORY, options)).toEqual({ result: first, full: false });
  });
});

// ---- The property: random edits, step after step ----

/** A ledger to edit: its grid, directory and the quarter it is checked for. */
interface Subject {
  readonly name: string;
  readonly grid: SheetGrid;
  readonly directory: Directory | undefined;
  readonly options: CheckOptions;
}

async function seedSubject(file: string, sheet: string, quarter: Quarter, directoryFile?: string): Promise<Subject> {
  const [ledger, dir] = await book(await seedPort(file)).readSheets([{ name: sheet }, { name: "部门目录" }]);
  const directory = directoryFile ? (await book(await seedPort(directoryFile)).readSheets([{ name: "部门目录" }]))[0]!.grid : dir!.grid;
  return { name: file, grid: ledger!.grid, directory: readDirectory(directory), options: { quarter } };
}

const PROGRESS = ["", "正在推进", "暂无", "同上", "已完成", "截至9月底，完成投资12.5亿元，占年度目标的85%。", "新建城市书房3个，完成年度目标的60%。", "已制定工作方案", "#REF!", "第3季度：完成投资5亿元。"];
const UNITS = ["", "区财政局", "区发改局", "区城管委", "区不存在局", "市发改委", "区商务局、各街道", "区财政局，区卫键局", "牵头单位"];
const STATUS = ["", "已完成", "推进中", "未完成"];
const HEADINGS = ["一、新的部分", "（二）新的小类", "——专项", "合计"];

type Edit =
  | { readonly kind: "cell"; readonly row: number; readonly col: number; readonly value: CellValue }
  | { readonly kind: "empty"; readonly row: number }
  | { readonly kind: "paste"; readonly from: number; readonly to: number; readonly count: number }
  | { readonly kind: "append"; readonly value: CellValue; readonly lead: CellValue };

/** Edits of a ledger whose task rows lie between `top` and `bottom` (1-based) and columns of which roles are at `cols`. */
function editArb(top: number, bottom: number, cols: { progress: number[]; units: number[]; status: number[]; any: number }): fc.Arbitrary<Edit> {
  const row = fc.integer({ min: top, max: bottom });
  const colOf = (xs: number[]) => fc.constantFrom(...(xs.length ? xs : [0]));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("cell" as const), row, col: colOf(cols.progress), value: fc.constantFrom<CellValue>(...PROGRESS) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("cell" as const), row, col: colOf(cols.units), value: fc.constantFrom<CellValue>(...UNITS) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("cell" as const), row, col: colOf(cols.status), value: fc.constantFrom<CellValue>(...STATUS) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("cell" as const), row, col: fc.integer({ min: 0, max: cols.any }), value: fc.constantFrom<CellValue>(...HEADINGS, ...PROGRESS) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("empty" as const), row }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("paste" as const), from: row, to: row, count: fc.integer({ min: 2, max: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("append" as const), value: fc.constantFrom<CellValue>(...PROGRESS), lead: fc.constantFrom<CellValue>(...UNITS) }) },
  );
}

/** The grid after an edit, and the rows it changed (a paste as one range). */
function apply(g: SheetGrid, e: Edit, cols: { task: number; lead: number; progress: number[] }): { grid: SheetGrid; changed: ChangedRows } {
  const rows = g.rows.map((r) => [...r]);
  const width = Math.max(...rows.map((r) => r.length));
  switch (e.kind) {
    case "cell":
      return { grid: withCell(g, e.row, e.col, e.value), changed: [e.row] };
    case "empty":
      while (rows.length < e.row) rows.push([]);
      rows[e.row - 1] = new Array<CellValue>(width).fill(null);
      return { grid: { ...g, rows }, changed: [e.row] };
    case "paste": {
      const count = Math.min(e.count, rows.length - e.to + 1, rows.length - e.from + 1);
      const block = rows.slice(e.from - 1, e.from - 1 + count).map((r) => [...r]);
      block.forEach((r, i) => (rows[e.to - 1 + i] = r));
      return { grid: { ...g, rows }, changed: [[e.to, e.to + count - 1]] };
    }
    case "append": {
      const r = new Array<CellValue>(width).fill(null);
      r[cols.task] = "新增任务：建设口袋公园5个。";
      if (cols.lead >= 0) r[cols.lead] = e.lead;
      for (const c of cols.progress) r[c] = e.value;
      rows.push(r);
      return { grid: { ...g, rows }, changed: [rows.length] };
    }
  }
}

function propertyOn(subject: () => Subject): void {
  const s = subject();
  const first = check(s.grid, s.directory, s.options);
  const { columns, headerRow } = first.ledger;
  const of = (role: string) => columns.filter((c) => c.role === role).map((c) => c.col);
  const cols = { progress: of("progress"), units: [...of("lead"), ...of("co")], status: of("status"), any: Math.max(...columns.map((c) => c.col)) };
  const shape = { task: of("task")[0] ?? of("subcategory")[0]!, lead: of("lead")[0] ?? -1, progress: cols.progress };
  // Pastes may take rows from and put rows onto any body row; a few rows under the last are in reach.
  const arb = fc.array(editArb(headerRow + 1, s.grid.rows.length + 2, cols), { minLength: 1, maxLength: 6 });
  let steps = 0;
  let whole = 0;
  fc.assert(
    fc.property(arb, (edits) => {
      let g = s.grid;
      let previous = first;
      for (const e of edits) {
        const next = apply(g, e, shape);
        g = next.grid;
        const again = agree(previous, g, next.changed, s.directory, s.options);
        previous = again.result;
        steps++;
        if (again.full) whole++;
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // Most edits are re-checked in place: the property is about the incremental path, not the fallback.
  expect(whole / steps).toBeLessThan(0.25);
}

describe("after any sequence of edits, the re-check's findings are the full check's (fast-check)", () => {
  let seed2019: Subject;
  let seed2026: Subject;
  beforeAll(async () => {
    seed2019 = await seedSubject(SEED_2019, "进展情况", { year: 2019, q: 3 }, "2019江汉区部门目录.xlsx");
    seed2026 = await seedSubject(SEED_2026, "2026年责任分解", Q3);
  });

  test("the 2019 Jianghan seed ledger (one progress column, merged cells)", () => propertyOn(() => seed2019));
  test("the 2026 Jiang'an seed ledger (a column per quarter, categories, merged cells)", () => propertyOn(() => seed2026));
  test("the small ledger with headings, a merged unit and a task over two rows", () => propertyOn(() => ({ name: "small", grid: grid(SMALL, SMALL_MERGES), directory: SMALL_DIRECTORY, options: { quarter: Q3 } })));
  test("a ledger whose progress cells accumulate the quarters", () =>
    propertyOn(() => ({ name: "cumulative", grid: grid(cumulativeLedger("quarter")), directory: readDirectory(grid(CUMULATIVE_DIRECTORY, [], "部门目录")), options: { quarter: Q3 } })));
  test("the supervisor's desk ledger, without a directory", () => propertyOn(() => ({ name: "desk", grid: grid(DESK_LEDGER), directory: undefined, options: { quarter: Q3 } })));
  test("a made-up ledger of 150 tasks with a 类别 column", () => {
    const units = syntheticUnits(40);
    propertyOn(() => ({ name: "synthetic", grid: grid(syntheticLedgerRows(150, units)), directory: readDirectory(grid(syntheticDirectoryRows(units), [], "部门目录")), options: { quarter: Q3 } }));
  });
});
