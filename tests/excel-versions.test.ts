// Excel as offices run it: the Office host over the fake Excel of each ExcelApi version the add-in
// meets — Office 2019 volume-licensed (1.7), 1.9, Office 2021 and later (1.13), notes (1.18) — told what
// the pane's entry would tell it. The fake throws ApiNotFound from every member newer than its
// version, at the call, as office.js does; a whole session must never meet one.
import { createApp, problemText } from "../src/app";
import { check } from "../src/core";
import { METADATA_SHEET } from "../src/core/metadata";
import { apiSupport, OfficeHost } from "../src/hosts/office/host";
import ExcelJS from "exceljs";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { covers, EXCEL_VERSIONS, fakeLibrary, fakeRun, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { marksOf, opened, problemOf } from "./helpers/app";
import { book as bookOf } from "../src/app/book";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2019, q: 3 as const };

/** The ledger sheet as a person sees it: every cell's value, fill and number format, and the notes. */
function ledgerLook(m: FakeWorkbookModel): Map<string, string> {
  const s = m.sheets.find((x) => x.name === "进展情况")!;
  const out = new Map<string, string>();
  for (const [k, c] of s.cells) {
    const blank = (c.value === "" || c.value === null) && c.numberFormat === "General" && JSON.stringify(c.fill) === JSON.stringify(NO_FILL);
    if (!blank) out.set(k, JSON.stringify([c.value, c.fill, c.numberFormat]));
  }
  for (const [cell, note] of s.notes) out.set(`note ${cell}`, note);
  return out;
}

/** The seed ledger with a look of a person's own: a note on a cell that gets marked, two hidden rows. */
async function seedWorkbook(): Promise<FakeWorkbookModel> {
  const m = await fakeModelOf(LEDGER_2019, "进展情况");
  m.sheets[0]!.notes.set("F3", "由区政府办核对");
  m.sheets[0]!.hiddenRows = new Set([5, 6]);
  return m;
}

describe.each(EXCEL_VERSIONS)("ExcelApi %s", (version) => {
  test("the pane's entry tells the host what this Excel has", () => {
    const support = fakeRun({ sheets: [], active: "", settings: new Map() }, { version }).support;
    expect(support).toEqual({ mergedAreas: covers(version, "1.13"), rangeAreas: covers(version, "1.9"), notes: covers(version, "1.18"), collectionEvents: covers(version, "1.9") });
  });

  test("a whole session — check and marks, the summary twice, an imported ledger, a merge written and undone, settings, clearing — meets no missing API, and leaves the ledger as it was", async () => {
    const m = await seedWorkbook();
    const before = ledgerLook(m);
    const fake = fakeRun(m, { version });
    const host = new OfficeHost(fake.run, fake.support);
    const app = createApp({ port: host, today: () => TODAY });
    const ledger = m.sheets[0]!;

    const checked = await app.check({ quarter: Q3 });
    expect(checked.marked).toBeGreaterThan(20);
    expect(ledger.cells.get("2,5")!.fill.color).toBe("#FCD5B4");
    // What this Excel can read: merged category cells from 1.13, hidden rows from 1.9.
    expect(checked.workbook.ledger.merges.length > 0).toBe(fake.support.mergedAreas);
    expect(checked.workbook.ledger.hiddenRows).toEqual(fake.support.rangeAreas ? [5, 6] : undefined);
    // Notes from 1.18; before, a person's own note stays as it is.
    if (fake.support.notes) expect(ledger.notes.get("F3")).toMatch(/^由区政府办核对\n——\n督办助手：/);
    else expect(ledger.notes.get("F3")).toBe("由区政府办核对");

    const first = await app.makeSummary({ quarter: Q3 });
    const again = await app.makeSummary({ quarter: Q3 });
    expect([first.replaced, again.replaced]).toEqual([false, true]);
    const summary = m.sheets.find((s) => s.name === again.sheet)!;
    expect(summary.tables).toHaveLength(4);
    expect(m.sheets.filter((s) => s.name.includes("汇总"))).toHaveLength(1);
    // Page layout from 1.9: older Excel prints with its defaults.
    expect(summary.pageLayout.orientation).toBe(fake.support.rangeAreas ? "Landscape" : undefined);

    await app.importNotice("1.新建口袋公园3个。\n责任单位：区园林局");
    expect(m.sheets.some((s) => s.name === "责任分解台账")).toBe(true);

    await bookOf(host).writeCells("进展情况", [{ cell: "G5", text: "已完成年度目标的八成。" }], "合并回报 2019Q3");
    expect(await bookOf(host).undoWrites()).toEqual({ label: "合并回报 2019Q3", restored: 1, kept: [] });
    await app.saveSettings({ minProgressLength: 6 });

    expect(await app.clearMarks()).toBeGreaterThan(20);
    expect(ledgerLook(m)).toEqual(before);
    expect(m.sheets.find((s) => s.name === METADATA_SHEET)!.visibility).toBe("VeryHidden");
  });
});

test("a host told of a set this Excel lacks meets ApiNotFound at the call, and the person is told to update Office", async () => {
  const m = await seedWorkbook();
  // An Excel 2019 told it has merged areas (ExcelApi 1.13).
  const fake = fakeRun(m, { version: "1.7" });
  const host = new OfficeHost(fake.run, { ...fake.support, mergedAreas: true });
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await bookOf(host).info();
  expect(await problemOf(bookOf(host).readSheets([{ name: "进展情况" }]))).toBe(
    "读取台账失败：这个版本的 Excel 不支持督办助手用到的功能：请更新 Office（Microsoft 365，或 Office 2021 及以后的版本）后再试；在此之前可用离线网页版处理 .xlsx 文件。",
  );
  // Nothing was sent: office.js throws before the request.
  expect(fake.runs.at(-1)!.syncs).toBe(0);
  spy.mockRestore();
});

describe("the office.js the intranet build serves, older than Excel", () => {
  test("Excel has notes (ExcelApi 1.18), the library has no NoteCollection: the host is told there are none, and marks without them", async () => {
    const support = apiSupport(() => true, fakeLibrary({ libraryWithoutNotes: true }), false);
    expect(support).toEqual({ mergedAreas: true, rangeAreas: true, notes: false, collectionEvents: true });
    const m = await seedWorkbook();
    const fake = fakeRun(m, { version: "1.18", libraryWithoutNotes: true });
    expect(fake.support).toEqual(support);
    const host = new OfficeHost(fake.run, fake.support);
    const app = createApp({ port: host, today: () => TODAY });
    const outcome = await app.check({ quarter: Q3 });
    expect(outcome.marked).toBeGreaterThan(20);
    expect(m.sheets[0]!.notes.get("F3")).toBe("由区政府办核对");
    expect(await app.clearMarks()).toBe(outcome.marked);
  });

  test("told there are notes, the same host fails on the missing library, which is why the library is checked", async () => {
    const m = await seedWorkbook();
    const fake = fakeRun(m, { version: "1.18", libraryWithoutNotes: true });
    const host = new OfficeHost(fake.run, { ...fake.support, notes: true });
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: Q3 }));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let error: unknown;
    await bookOf(host).mark("进展情况", marks).catch((e) => (error = e));
    expect(problemText(error)).toMatch(/^标记台账失败：/);
    spy.mockRestore();
  });
});

describe("marks made in one Excel, cleared in another", () => {
  /** The seed ledger marked by an Excel of `version`; the same workbook then opened in `later`. */
  async function markedIn(version: string) {
    const m = await seedWorkbook();
    const fake = fakeRun(m, { version });
    await createApp({ port: new OfficeHost(fake.run, fake.support), today: () => TODAY }).check({ quarter: Q3 });
    return m;
  }

  test("marked where notes cannot be read (Office 2021), cleared where they can: a person's own note stays", async () => {
    const m = await markedIn("1.13");
    const ledger = m.sheets[0]!;
    expect(ledger.notes.get("F3")).toBe("由区政府办核对");
    // Meanwhile someone notes another marked cell.
    ledger.notes.set("F4", "已与区发改局核实");
    const later = fakeRun(m, { version: "1.18" });
    expect(await createApp({ port: new OfficeHost(later.run, later.support), today: () => TODAY }).clearMarks()).toBeGreaterThan(20);
    expect(ledger.notes.get("F3")).toBe("由区政府办核对");
    expect(ledger.notes.get("F4")).toBe("已与区发改局核实");
    expect(ledger.cells.get("2,5")!.fill).toEqual(NO_FILL);
  });

  test("marked there, marked again where notes can be written: the note is the person's with the mark's, and clears back to the person's", async () => {
    const m = await markedIn("1.13");
    const later = fakeRun(m, { version: "1.18" });
    const app = createApp({ port: new OfficeHost(later.run, later.support), today: () => TODAY });
    await app.check({ quarter: Q3 });
    expect(m.sheets[0]!.notes.get("F3")).toMatch(/^由区政府办核对\n——\n督办助手：/);
    await app.clearMarks();
    expect(m.sheets[0]!.notes.get("F3")).toBe("由区政府办核对");
    expect([...m.sheets[0]!.notes.keys()]).toEqual(["F3"]);
  });

  test("marked with notes, marked again where notes cannot be read: the notes stay, known as the add-in's, and go when cleared with notes", async () => {
    const m = await markedIn("1.18");
    const older = fakeRun(m, { version: "1.13" });
    const app = createApp({ port: new OfficeHost(older.run, older.support), today: () => TODAY });
    // A check there marks again without touching the notes; the records keep what was written.
    await app.check({ quarter: Q3 });
    expect(m.sheets[0]!.notes.get("F3")).toMatch(/^由区政府办核对\n——\n督办助手：/);
    const later = fakeRun(m, { version: "1.18" });
    await createApp({ port: new OfficeHost(later.run, later.support), today: () => TODAY }).clearMarks();
    expect([...m.sheets[0]!.notes]).toEqual([["F3", "由区政府办核对"]]);
  });

  test("records of an earlier version (a note recorded as null, whether known or not): only a note that is the add-in's is taken away", async () => {
    const m = await seedWorkbook();
    const ledger = m.sheets[0]!;
    ledger.notes.delete("F3");
    // What an earlier version recorded: F3 marked on an Excel without notes, F4 on one with them.
    ledger.notes.set("F3", "由区政府办核对");
    ledger.notes.set("F4", "督办助手：F4 中的“城管委”已更名为“区城市管理执法局”，请改用现名。");
    for (const c of ["2,5", "3,5"]) ledger.cells.get(c)!.fill = { ...NO_FILL, color: "#FCD5B4", pattern: "Solid" };
    const original = JSON.stringify({ host: "excel", fill: null, note: null });
    const meta = { name: METADATA_SHEET, rows: [["类型", "工作表", "单元格", "键", "内容"], ["mark", "进展情况", "F3", "unit", original], ["mark", "进展情况", "F4", "unit", original]] };
    const sheet = newSheet(METADATA_SHEET, meta.rows);
    sheet.visibility = "VeryHidden";
    m.sheets.push(sheet);
    const fake = fakeRun(m, { version: "1.18" });
    expect(await bookOf(new OfficeHost(fake.run, fake.support)).clearMarks()).toBe(2);
    expect([...ledger.notes]).toEqual([["F3", "由区政府办核对"]]);
    expect(ledger.cells.get("2,5")!.fill).toEqual(NO_FILL);
  });
});

test("marked in Excel 2021 (no notes), cleared by the command line (duban clear): the person's note stays, the fill comes back", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.getCell("D3").value = "正在推进";
  ws.getCell("D3").note = "由区园林局填写";
  ws.getCell("D3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
  // The record the Excel add-in wrote there: the cell's own fill (#DDEBF7) and no knowledge of its note.
  const meta = wb.addWorksheet(METADATA_SHEET, { state: "veryHidden" });
  meta.addRows([["类型", "工作表", "单元格", "键", "内容"], ["mark", "台账", "D3", "weak", JSON.stringify({ host: "excel", fill: { color: "#DDEBF7" }, wrote: null })]]);
  const host = new XlsxHost(wb);
  expect(await bookOf(host).clearMarks()).toBe(1);
  const cell = wb.getWorksheet("台账")!.getCell("D3");
  expect(cell.note).toBe("由区园林局填写");
  expect(cell.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
});
