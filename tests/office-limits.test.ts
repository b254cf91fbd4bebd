// The Office host within what real Excel can do at once, over the fake Excel as the vendor documents
// it: formulas recalculated after a write under suspended calculation, used ranges too large for one
// read of `values` (Excel answers null over five million cells) read again in chunks, and writes split
// into requests under Excel on the web's 5 MB, each request weighed as office.js serialises it.
import { a1 } from "../src/core/address";
import type { Op } from "../src/core/ops";
import { parseQuarter } from "../src/core/quarter";
import { Batch } from "../src/hosts/office/batch";
import { OfficeHost, WEB_PAYLOAD_LIMIT, type ApiSupport } from "../src/hosts/office/host";
import { MAX_READ_CELLS } from "../src/hosts/office/support";
import { createApp } from "../src/app";
import { formFiles } from "../src/files/forms";
import ExcelJS from "exceljs";
import { CELL_READ_LIMIT, cellAt, fakeRun, jsonBytes, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { officeJsRun } from "./fakes/officeRuntime";
import { LEDGER_2026 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { opened } from "./helpers/app";

const DESKTOP: ApiSupport = { mergedAreas: true, rangeAreas: true, notes: true };
const WEB: ApiSupport = { ...DESKTOP, payloadLimit: WEB_PAYLOAD_LIMIT };
const SHEET = "2026年责任分解";
const Q1 = parseQuarter("2026Q1")!;
const appOf = (host: OfficeHost) => createApp({ port: host, today: () => new Date(2026, 10, 22), forms: async () => formFiles });

/** A unit's form with progress written for every row, as a unit sends it back. */
async function returned(host: OfficeHost, unit: string): Promise<{ name: string; bytes: Uint8Array }> {
  const app = appOf(host);
  const plan = await app.planForms({ quarter: Q1 });
  const file = await app.formFile(plan.forms.find((f) => f.unit === unit)!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  wb.getWorksheet("进展填报")!.eachRow((row, n) => {
    if (n >= 3) row.getCell(9).value = `第${String(row.getCell(1).value)}项：已完成年度目标的25%。`;
  });
  return { name: `${unit}-回报.xlsx`, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

describe("formulas after 合并回报", () => {
  test.each([
    ["desktop", DESKTOP],
    ["the web", WEB],
  ])("on %s the progress written is recalculated in the same batch, no sync more", async (_, support) => {
    const model = await fakeModelOf(LEDGER_2026, SHEET);
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, support);
    const app = appOf(host);
    const plan = await app.planMerge(await app.readReturnFiles([await returned(host, "区发展和改革局")]), { quarter: Q1 });
    expect(plan.edits.length).toBeGreaterThan(3);
    fake.reset();
    const done = await app.writeMerge(plan);
    expect(cellAt(model.sheets.find((s) => s.name === SHEET)!, done.edits[0]!.cell)!.value).toBe(done.edits[0]!.text);
    // Calculation was suspended while the cells were written, and the formulas that count them are current.
    expect(fake.ops).toContain("application.suspendApiCalculationUntilNextSync()");
    expect(model.uncalculated).toBe(false);
    // The recalculation rides in the write's last request: 合并回报 takes the syncs it took before.
    const write = fake.runs[fake.runs.length - 1]!;
    expect(write.ops[write.ops.length - 1]).toBe("application.calculate(Recalculate)");
  });

  test("a write of looks only (a mark's fill) neither suspends nor recalculates", async () => {
    const model = await fakeModelOf(LEDGER_2026, SHEET);
    const fake = fakeRun(model);
    await new OfficeHost(fake.run, DESKTOP).apply([{ op: "fill", sheet: SHEET, cells: ["B5"], fill: { color: "#FFC7CE" } }], "mark");
    expect(fake.ops.filter((o) => o.startsWith("application."))).toEqual([]);
    expect(model.uncalculated).toBeUndefined();
  });
});

/** The seed ledger with one stray value far below it: a used range of more cells than Excel reads at once. */
async function strayModel(): Promise<{ model: FakeWorkbookModel; stray: number }> {
  const model = await fakeModelOf(LEDGER_2026, SHEET);
  const sheet = model.sheets.find((s) => s.name === SHEET)!;
  const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
  const width = Math.max(...keys.map(([, c]) => c)) + 1;
  // A stray "x" typed below the ledger, in its last column, as such a cell is found in real ledgers.
  const stray = Math.ceil(CELL_READ_LIMIT / width) + 10;
  sheet.cells.set(`${stray},${width - 1}`, { value: "x", fill: { ...NO_FILL }, numberFormat: "General" });
  return { model, stray };
}

describe("a used range over five million cells", () => {
  test.each([
    ["desktop", DESKTOP],
    ["the web", WEB],
  ])("on %s is read again in chunks of at most a million cells, and reads as the ledger", async (_, support) => {
    const { model, stray } = await strayModel();
    const plain = await opened(new OfficeHost(fakeRun(await fakeModelOf(LEDGER_2026, SHEET)).run, support));
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, support);
    const snap = await opened(host);
    // The ledger as without the stray cell, then empty rows down to the stray one.
    expect(snap.ledger.rows.slice(0, plain.ledger.rows.length)).toEqual(plain.ledger.rows);
    expect(snap.ledger.rows).toHaveLength(stray + 1);
    expect(snap.ledger.rows[stray]!.at(-1)).toBe("x");
    expect(snap.ledger.rows.slice(plain.ledger.rows.length, stray).every((r) => r.length === 0)).toBe(true);
    // Over five million cells in reads of at most MAX_READ_CELLS: more than five of them.
    expect(fake.ops.filter((o) => o.startsWith("range.load(values")).length).toBeGreaterThan(CELL_READ_LIMIT / MAX_READ_CELLS);
  }, 60000);
});

describe("records past a response's 5 MB on the web", () => {
  /** Undo records of 合并回报 over long progress texts: each row a record, its old content long. */
  const records = Array.from({ length: 3000 }, (_, i) => ["written", SHEET, `K${i + 3}`, JSON.stringify({ v: 2, content: { formula: `第${i + 1}项原有进展：${"已完成年度目标的一部分，正在推进后续工作。".repeat(30)}`, numberFormat: "@" }, written: "新进展" })]);

  test("are read in chunks, each response under the limit, and come back whole", async () => {
    const model = await fakeModelOf(LEDGER_2026, SHEET);
    const fake = fakeRun(model, { payloadLimit: WEB_PAYLOAD_LIMIT });
    const host = new OfficeHost(fake.run, WEB);
    await opened(host);
    await host.apply([{ op: "metadata", rows: [["type", "sheet", "cell", "record"], ...records] }], "write");
    expect(jsonBytes(records)).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    fake.reset();
    const read = await host.read({ metadata: true });
    expect(read.metadata!.rows.slice(1)).toEqual(records);
    // No request failed over the limit and was sent again smaller: every response fit.
    const responses = fake.runs.flatMap((r) => r.responses);
    expect(Math.max(...responses)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(responses.length).toBeGreaterThan(1);
  });
});

describe("a formula cell, as Excel reports it", () => {
  test("the ledger reads what it computes, never its formula; its contents keep the formula, to put back", async () => {
    const model = await fakeModelOf(LEDGER_2026, SHEET);
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);
    // A person's 序号 column made of formulas: =1+1 in the first task's number cell, text-formatted cells aside.
    await host.apply([{ op: "content", sheet: SHEET, cell: "A4", content: { formula: "=1+1", numberFormat: "General" } }], "write");
    const read = await host.read({ grids: [{ name: SHEET, rows: 5 }], contents: [{ sheet: SHEET, cells: ["A4"] }] });
    expect(read.grids[0]!.grid.rows[3]![0]).toBe(2);
    expect(read.contents.get(SHEET)!.get("A4")).toMatchObject({ formula: "=1+1", text: "2" });
  });
});

/** A ledger's rows as the host writes them: a number, a task, a unit, progress, in Chinese. */
const ledgerRows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return [i + 1, `第${i + 1}项：推进重点项目建设，完成年度投资目标的百分之二十五，按月报送进展。`, "区发展和改革局", `已完成年度目标的${i % 100}%，正在推进后续工作。`];
  });
/** `n` cells of a ledger's columns B-F, row by row from row 5. */
const cellsOf = (n: number) => Array.from({ length: n }, (_, i) => a1(4 + Math.floor(i / 5), 1 + (i % 5)));
const RICH_FILL = { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } as const;
const emptyLedger = (): FakeWorkbookModel => ({ sheets: [newSheet(SHEET, [["序号"]])], active: SHEET, settings: new Map() });

describe("a request's bytes, as office.js serialises it", () => {
  // Microsoft's office.js (the Excel on the web runtime) builds the body of each request, and the
  // fake Excel counts the same bytes: its limit bites where Excel on the web's would. Notes are left
  // out: the office.js the repository has has no NoteCollection.
  const BOTH: ApiSupport = { ...WEB, notes: false };
  const writes: [string, ApiSupport, Op[]][] = [
    ["1,000 rows of Chinese text (office.js splits the values itself past 1,500 cells)", BOTH, [{ op: "values", sheet: SHEET, row: 3, col: 0, rows: ledgerRows(1000) }]],
    ["5,000 marks' fills, 400 cells a RangeAreas", BOTH, [{ op: "fill", sheet: SHEET, cells: cellsOf(5000), fill: RICH_FILL }]],
    ["5,000 fills cleared, a range a cell (ExcelApi 1.7)", { ...BOTH, rangeAreas: false }, [{ op: "fill", sheet: SHEET, cells: cellsOf(5000), fill: null }]],
    [
      "a summary's looks: a formula, a merge, a style with borders, widths, heights, a link, frozen rows, a table, a chart, the page, protection",
      BOTH,
      [
        { op: "content", sheet: SHEET, cell: "A4", content: { formula: "=SUM(B5:B9)", numberFormat: "General" } },
        { op: "merge", sheet: SHEET, range: { top: 0, left: 0, bottom: 1, right: 3 } },
        { op: "style", sheet: SHEET, range: { top: 0, left: 0, bottom: 5, right: 3 }, style: { bold: true, size: 12, align: "center", wrap: true, border: { around: "#000000" }, numberFormat: "@" } },
        { op: "columnWidths", sheet: SHEET, widths: [6, 40, 16, 30] },
        { op: "rowHeights", sheet: SHEET, heights: [{ row: 0, height: 28 }, { row: 1, height: 20 }] },
        { op: "link", sheet: SHEET, cell: "B2", target: { sheet: SHEET, cell: "A1" }, text: "返回台账" },
        { op: "freeze", sheet: SHEET, rows: 2 },
        { op: "table", sheet: SHEET, name: "各单位完成情况", range: { top: 30, left: 0, bottom: 40, right: 3 } },
        { op: "chart", sheet: SHEET, title: "各单位完成情况", values: { top: 31, left: 1, bottom: 40, right: 1 }, categories: { top: 31, left: 0, bottom: 40, right: 0 }, at: { top: 30, left: 5, bottom: 45, right: 12 } },
        { op: "page", sheet: SHEET, footer: { left: "&P", right: "&N" } },
        { op: "printTitles", sheet: SHEET, from: 0, to: 1 },
        { op: "protect", sheet: SHEET, open: [{ top: 3, left: 8, bottom: 20, right: 8 }] },
      ],
    ],
    // Past a request's budget: several requests, ids running on from one to the next.
    ["40,000 rows in several requests", BOTH, [{ op: "values", sheet: SHEET, row: 3, col: 0, rows: ledgerRows(40000) }]],
  ];

  test.each(writes)("%s: the fake counts the bytes office.js posts, request by request", async (_, support, ops) => {
    const real = officeJsRun();
    await new OfficeHost(real.run, support).apply(ops, "write");
    const fake = fakeRun(emptyLedger());
    await new OfficeHost(fake.run, support).apply(ops, "write");
    expect(real.requests.length).toBeGreaterThan(0);
    expect(fake.requests).toEqual(real.requests);
  }, 60000);
});

/** Each sync the host's batches make, with the bytes the host estimated for it and the bytes the fake counted. */
async function estimated(ops: Op[], model = emptyLedger()): Promise<{ estimate: number; bytes: number }[]> {
  const fake = fakeRun(model, { payloadLimit: WEB_PAYLOAD_LIMIT });
  const host = new OfficeHost(fake.run, WEB);
  await host.read({});
  const flush = Batch.prototype.flush;
  const out: { estimate: number; bytes: number }[] = [];
  const spy = jest.spyOn(Batch.prototype, "flush").mockImplementation(async function (this: Batch) {
    const estimate = this.queued;
    await flush.call(this);
    out.push({ estimate, bytes: fake.requests[fake.requests.length - 1]! });
  });
  try {
    await host.apply(ops, "write");
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("the host's estimate of a request on the web", () => {
  const notesModel = () => {
    const model = emptyLedger();
    for (const cell of cellsOf(2000)) model.sheets[0]!.notes.set(cell, "由区园林局填写");
    return model;
  };
  const typical: [string, Op[], () => FakeWorkbookModel][] = [
    ["1,000 rows of Chinese text", [{ op: "values", sheet: SHEET, row: 3, col: 0, rows: ledgerRows(1000) }], emptyLedger],
    ["a column of 60,000 small numbers (their number formats weigh more)", [{ op: "values", sheet: SHEET, row: 3, col: 0, rows: Array.from({ length: 60000 }, (_, i) => [i % 10]) }], emptyLedger],
    ["5,000 marks' fills", [{ op: "fill", sheet: SHEET, cells: cellsOf(5000), fill: RICH_FILL }], emptyLedger],
    ["5,000 fills cleared", [{ op: "fill", sheet: SHEET, cells: cellsOf(5000), fill: null }], emptyLedger],
    ["5,000 marks' notes", cellsOf(5000).map((cell, i): Op => ({ op: "note", sheet: SHEET, cell, text: `督办助手：第${i + 1}项未按期报送进展，请于本周五前补报。`, had: false })), emptyLedger],
    ["2,000 notes put back over a person's own", cellsOf(2000).map((cell): Op => ({ op: "note", sheet: SHEET, cell, text: "由区园林局填写", had: true })), notesModel],
    ["30,000 row heights and 3,000 column widths", [{ op: "rowHeights", sheet: SHEET, heights: Array.from({ length: 30000 }, (_, row) => ({ row, height: 20.25 })) }, { op: "columnWidths", sheet: SHEET, widths: Array.from({ length: 3000 }, (_, i) => 8 + (i % 30)) }], emptyLedger],
    ["3,000 rows styled with borders", Array.from({ length: 3000 }, (_, i): Op => ({ op: "style", sheet: SHEET, range: { top: i, left: 0, bottom: i, right: 10 }, style: { bold: true, size: 12, color: "#1F1F1F", fill: "#FFF2CC", align: "center", valign: "middle", wrap: true, border: { around: "#000000" }, numberFormat: "@" } })), emptyLedger],
    ["5,000 formulas put back", cellsOf(5000).map((cell, i): Op => ({ op: "content", sheet: SHEET, cell, content: { formula: `=SUM(A${i + 1}:B${i + 1})`, numberFormat: "General" } })), emptyLedger],
    ["5,000 links", cellsOf(5000).map((cell): Op => ({ op: "link", sheet: SHEET, cell, target: { sheet: SHEET, cell: "A1" }, text: "返回台账" })), emptyLedger],
  ];

  test.each(typical)("%s: never below what office.js would send, and under twice it", async (_, ops, model) => {
    const syncs = await estimated(ops, model());
    expect(syncs.length).toBeGreaterThan(0);
    for (const { estimate, bytes } of syncs) {
      expect(bytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
      expect(estimate).toBeGreaterThanOrEqual(bytes);
      // Not wastefully above it, where it matters: requests of some size.
      if (bytes > 100_000) expect(estimate).toBeLessThan(2 * bytes);
    }
  }, 60000);
});

describe("a write larger than a request on the web", () => {
  test("is split into requests each under 5 MB, and all of it is written", async () => {
    const model = emptyLedger();
    const fake = fakeRun(model, { payloadLimit: WEB_PAYLOAD_LIMIT });
    const host = new OfficeHost(fake.run, WEB);
    const rows = ledgerRows(60000);
    const cells = cellsOf(30000);
    expect(jsonBytes(rows)).toBeGreaterThan(2 * WEB_PAYLOAD_LIMIT);
    await host.apply([{ op: "values", sheet: SHEET, row: 3, col: 0, rows }, { op: "fill", sheet: SHEET, cells, fill: RICH_FILL }], "write");
    expect(fake.requests.length).toBeGreaterThan(2);
    expect(Math.max(...fake.requests)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    const sheet = model.sheets[0]!;
    expect(cellAt(sheet, "B60003")!.value).toBe(rows[59999]![1]);
    expect(cellAt(sheet, cells[29999]!)!.fill.color).toBe(RICH_FILL.color);
  }, 60000);
});
