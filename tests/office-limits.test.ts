// The Office host within what real Excel can do at once, over the fake Excel as the vendor documents
// it: formulas recalculated after a write under suspended calculation, and used ranges too large
// for one read of `values` (Excel answers null over five million cells) read again in chunks.
import { parseQuarter } from "../src/core/quarter";
import { OfficeHost, WEB_PAYLOAD_LIMIT, type ApiSupport } from "../src/hosts/office/host";
import { MAX_READ_CELLS } from "../src/hosts/office/support";
import { createApp } from "../src/app";
import { formFiles } from "../src/files/forms";
import ExcelJS from "exceljs";
import { CELL_READ_LIMIT, cellAt, fakeRun, jsonBytes, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
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
