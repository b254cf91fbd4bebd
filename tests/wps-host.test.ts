// The WPS host over the fake WPS 表格: reading in bulk (one Value2 of the used range, merged areas
// and hidden rows in calls that grow with the areas, not the cells), Value2 in either shape a script
// engine may get, error values, fills written grouped by colour, and marks another host recorded (and
// marks WPS recorded, cleared by the other hosts).
import { createApp, problemText, runCheck } from "../src/app";
import { MARK_COLORS, type Mark } from "../src/core/marks";
import { METADATA_SHEET, metadataRows } from "../src/core/metadata";
import { areaChunks, bgrOf, hexOf, valueRows } from "../src/hosts/wps/cells";
import { WpsHost } from "../src/hosts/wps/host";
import { etCell, fakeEtApplication, newEtBook, newEtSheet, type FakeEtBook } from "./fakes/wps";
import ExcelJS from "exceljs";
import { parseA1 } from "../src/core/address";
import { OfficeHost } from "../src/hosts/office/host";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { cellAt, fakeRun, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { book as bookOf } from "../src/app/book";

const TODAY = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };
const CVERR = (n: number) => (0x800a0000 | n) >> 0;

function hostOf(book: FakeEtBook): WpsHost {
  const app = fakeEtApplication(book);
  return new WpsHost(app);
}

/** A ledger of `n` tasks: a merged title, categories merged over runs of 50 rows, three hidden rows. */
function bigLedger(n: number) {
  const rows: unknown[][] = [["2026年区政府工作报告责任分解台账"], ["序号", "工作类目", "目标任务", "牵头单位", "三季度进展"]];
  for (let i = 1; i <= n; i++) rows.push([i, (i - 1) % 50 === 0 ? `类目${Math.ceil(i / 50)}` : "", `任务${i}：完成年度目标。`, "区园林局", i % 7 === 0 ? "" : `已完成第${i}项，投资${i}万元。`]);
  const merges = ["A1:E1"];
  for (let top = 3; top <= n + 2; top += 50) merges.push(`B${top}:B${Math.min(top + 49, n + 2)}`);
  const sheet = newEtSheet("台账", rows, merges);
  sheet.hiddenRows = new Set([9, 10, 11]);
  return sheet;
}

test("a 3,000-task ledger is read with one Value2; its merged areas and hidden rows in calls that grow with the areas, not the rows", async () => {
  const book = newEtBook([bigLedger(3000)]);
  const [read] = await bookOf(hostOf(book)).readSheets([{ name: "台账" }]);
  expect(book.calls.get("Value2")).toBe(1);
  expect(read!.grid.rows).toHaveLength(3002);
  expect(read!.grid.rows[2]).toEqual([1, "类目1", "任务1：完成年度目标。", "区园林局", "已完成第1项，投资1万元。"]);
  expect(read!.grid.merges).toHaveLength(61);
  expect(read!.grid.merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 4 });
  expect(read!.grid.merges[60]).toEqual({ top: 2952, left: 1, bottom: 3001, right: 1 });
  expect(read!.grid.hiddenRows).toEqual([9, 10, 11]);
  // 15,010 cells: a cell-by-cell read would ask each one.
  expect(book.calls.get("MergeCells")!).toBeLessThan(61 * 14);
  expect(book.calls.get("MergeArea")).toBe(61);
  expect(book.calls.get("EntireRow.Hidden")!).toBeLessThan(40);
});

test("Value2 as a SAFEARRAY with bounds from 1, or as row arrays: the same grid; error values are errors, a date its serial number", async () => {
  const rows = [
    ["序号", "目标任务", "牵头单位", "完成时限"],
    [1, "新建口袋公园3个。", CVERR(2023), 46203],
    [2, "#N/A", "区人社局", null],
  ];
  const grids = [];
  for (const arrays of ["safearray", "rows"] as const) {
    const [read] = await bookOf(hostOf(newEtBook([newEtSheet("台账", rows)], undefined, arrays))).readSheets([{ name: "台账" }]);
    grids.push(read!.grid);
  }
  expect(grids[0]).toEqual(grids[1]);
  expect(grids[0]!.rows).toEqual([
    ["序号", "目标任务", "牵头单位", "完成时限"],
    [1, "新建口袋公园3个。", { error: "#REF!" }, 46203],
    [2, { error: "#N/A" }, "区人社局"],
  ]);
  // One cell is a value, not an array.
  expect(valueRows("x", 1, 1)).toEqual([["x"]]);
});

test("a used range that starts below and right of A1 is placed where it stands", async () => {
  const sheet = newEtSheet("台账");
  Object.assign(etCell(sheet, "C4"), { value: "序号" });
  Object.assign(etCell(sheet, "D5"), { value: "任务" });
  const [read] = await bookOf(hostOf(newEtBook([sheet]))).readSheets([{ name: "台账" }]);
  expect(read!.grid.rows).toEqual([[], [], [], [null, null, "序号"], [null, null, null, "任务"]]);
});

test("marks: fills are written a few ranges per colour, not cell by cell", async () => {
  const book = newEtBook([bigLedger(600)]);
  const host = hostOf(book);
  const marks: Mark[] = [];
  for (let r = 3; r <= 602; r++) marks.push({ sheet: "台账", cell: `E${r}`, row: r - 1, col: 4, kind: r % 2 ? "missing" : "weak", color: r % 2 ? MARK_COLORS.missing : MARK_COLORS.weak, note: "督办助手：测试", findings: [] });
  await bookOf(host).mark("台账", marks);
  const chunks = (color: string) => areaChunks(marks.filter((m) => m.color === color).map((m) => m.cell)).length;
  expect(book.calls.get("Interior.Color=")).toBe(chunks(MARK_COLORS.missing) + chunks(MARK_COLORS.weak));
  expect(book.calls.get("Interior.Color=")!).toBeLessThan(40);
  const sheet = book.sheets[0]!;
  expect(hexOf(etCell(sheet, "E3").color)).toBe(MARK_COLORS.missing);
  expect(hexOf(etCell(sheet, "E4").color)).toBe(MARK_COLORS.weak);
  expect(await bookOf(host).clearMarks()).toBe(600);
  expect(etCell(sheet, "E3").pattern).toBe(-4142);
  expect(sheet.comments.size).toBe(0);
});

test("every reference written stays within the 255 characters Range() takes", () => {
  const cells = Array.from({ length: 500 }, (_, i) => `AB${1000 + i}`);
  const chunks = areaChunks(cells);
  expect(chunks.every((c) => c.length <= 255)).toBe(true);
  expect(chunks.join(",").split(",")).toEqual(cells);
});

test("BGR colours: red is in the low byte", () => {
  expect(bgrOf("#FF0000")).toBe(0x0000ff);
  expect(bgrOf("#FFC7CE")).toBe(0xcec7ff);
  expect(hexOf(0xcec7ff)).toBe("#FFC7CE");
});

test("marks recorded by Excel and by the .xlsx host are cleared in WPS back to their look", async () => {
  const ledger = newEtSheet("台账", [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", ""], [2, "完成改造30个。", "区住更局", "正在推进"]]);
  for (const c of ["D2", "D3"]) Object.assign(etCell(ledger, c), { pattern: 1, color: bgrOf(MARK_COLORS.missing) });
  ledger.comments.set("D2", "督办助手：未填写");
  ledger.comments.set("D3", "原有批注\n——\n督办助手：套话");
  const meta = newEtSheet(
    METADATA_SHEET,
    metadataRows({
      summaries: [],
      writes: [],
      marks: [
        { sheet: "台账", cell: "D2", key: "missing", original: JSON.stringify({ host: "excel", fill: { color: "#DDEBF7", pattern: "Solid" }, note: null }) },
        { sheet: "台账", cell: "D3", key: "weak", original: JSON.stringify({ host: "xlsx", fill: null, note: { texts: [{ text: "原有批注" }] } }) },
      ],
    }),
  );
  meta.visible = 2;
  const book = newEtBook([ledger, meta]);
  expect(await bookOf(hostOf(book)).clearMarks()).toBe(2);
  expect(hexOf(etCell(ledger, "D2").color)).toBe("#DDEBF7");
  expect(ledger.comments.has("D2")).toBe(false);
  expect(etCell(ledger, "D3").pattern).toBe(-4142);
  expect(ledger.comments.get("D3")).toBe("原有批注");
});

test("marks made in WPS, cleared in Excel and by the command line: the add-in's note goes, a note a person edited since stays, the fill comes back", async () => {
  const rows = [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", ""], [2, "完成改造30个。", "区住更局", "正在推进"]];
  const ledger = newEtSheet("台账", rows);
  ledger.comments.set("D2", "由区园林局填写");
  Object.assign(etCell(ledger, "D3"), { pattern: 1, color: bgrOf("#FFEB9C") });
  const host = hostOf(newEtBook([ledger]));
  expect((await runCheck(host, TODAY, { quarter: Q3 })).marked).toBe(2);
  expect(ledger.comments.get("D2")).toMatch(/^由区园林局填写\n——\n督办助手：/);
  const edited = `${ledger.comments.get("D3")}\n已电话催办`;
  ledger.comments.set("D3", edited);
  const records = (await bookOf(host).info()).metadata!.rows.map((r) => [...r]);
  const marked = ["D2", "D3"].map((cell) => ({ cell, fill: hexOf(etCell(ledger, cell).color), note: ledger.comments.get(cell)! }));

  // Excel (ExcelApi 1.18, which reads notes) with the same cells and records.
  const excel: FakeWorkbookModel = { sheets: [newSheet("台账", rows), newSheet(METADATA_SHEET, records)], active: "台账", settings: new Map() };
  excel.sheets[1]!.visibility = "VeryHidden";
  for (const m of marked) {
    const p = parseA1(m.cell)!;
    excel.sheets[0]!.cells.set(`${p.row},${p.col}`, { value: rows[p.row]![p.col], fill: { ...NO_FILL, color: m.fill, pattern: "Solid" }, numberFormat: "General" });
    excel.sheets[0]!.notes.set(m.cell, m.note);
  }
  const fake = fakeRun(excel, { version: "1.18" });
  expect(await bookOf(new OfficeHost(fake.run, fake.support)).clearMarks()).toBe(2);
  expect(Object.fromEntries(excel.sheets[0]!.notes)).toEqual({ D2: "由区园林局填写", D3: edited });
  expect(cellAt(excel.sheets[0]!, "D2")!.fill).toEqual(NO_FILL);
  expect(cellAt(excel.sheets[0]!, "D3")!.fill).toMatchObject({ color: "#FFEB9C", pattern: "Solid" });

  // The command line (.xlsx) likewise.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRows(rows);
  for (const m of marked) {
    ws.getCell(m.cell).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${m.fill.slice(1)}` } };
    ws.getCell(m.cell).note = m.note;
  }
  wb.addWorksheet(METADATA_SHEET, { state: "veryHidden" }).addRows(records);
  expect(await bookOf(new XlsxHost(wb)).clearMarks()).toBe(2);
  expect(ws.getCell("D2").note).toBe("由区园林局填写");
  expect(ws.getCell("D2").fill).toBeUndefined();
  expect(ws.getCell("D3").note).toBe(edited);
  expect(ws.getCell("D3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
});

test("marked in an Excel that cannot read notes, cleared in WPS: the person's note stays, the fill comes back", async () => {
  const ledger = newEtSheet("台账", [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", "正在推进"]]);
  Object.assign(etCell(ledger, "D2"), { pattern: 1, color: bgrOf(MARK_COLORS.weak) });
  ledger.comments.set("D2", "由区园林局填写");
  // The record Excel 2021 wrote: the cell's own fill, no knowledge of its note.
  const meta = newEtSheet(METADATA_SHEET, metadataRows({ summaries: [], writes: [], marks: [{ sheet: "台账", cell: "D2", key: "weak", original: JSON.stringify({ host: "excel", fill: { color: "#DDEBF7" }, wrote: null }) }] }));
  meta.visible = 2;
  expect(await bookOf(hostOf(newEtBook([ledger, meta]))).clearMarks()).toBe(1);
  expect(ledger.comments.get("D2")).toBe("由区园林局填写");
  expect(hexOf(etCell(ledger, "D2").color)).toBe("#DDEBF7");
});

test("the metadata sheet is added very hidden and the person stays on the ledger; a check in WPS needs no other sheet", async () => {
  const ledger = newEtSheet("台账", [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", ""]]);
  const book = newEtBook([ledger]);
  const host = hostOf(book);
  const outcome = await runCheck(host, TODAY, { quarter: Q3 });
  expect(outcome.marked).toBe(1);
  expect(book.sheets.map((s) => [s.name, s.visible])).toEqual([["台账", -1], [METADATA_SHEET, 2]]);
  expect(book.active).toBe("台账");
  // The note added beside nothing: AddComment on a cell with a note would fail, so marking twice works.
  await createApp({ port: host, today: () => TODAY }).check({ quarter: Q3 });
  expect(ledger.comments.get("D2")).toMatch(/^督办助手：/);
});

test("with no workbook open, the person is told to open the ledger first", async () => {
  const host = new WpsHost({ ActiveWorkbook: null, DisplayAlerts: true });
  await expect(runCheck(host, TODAY, {})).rejects.toMatchObject({ detail: { code: "no-workbook" } });
  expect(problemText(await bookOf(host).info().catch((e: unknown) => e))).toBe("没有打开的工作簿：请先在 WPS 表格中打开台账（.xlsx 或 .et），再点“检查完整性”。");
});

test("the add-in's own summary sheet is replaced without WPS asking the person to confirm the deletion", async () => {
  const book = newEtBook([newEtSheet("台账", [["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", ""]])]);
  const app = createApp({ port: hostOf(book), today: () => TODAY });
  await app.makeSummary({ quarter: Q3 });
  await app.makeSummary({ quarter: Q3 });
  expect(book.sheets.filter((s) => s.name === "2026年第三季度汇总")).toHaveLength(1);
  expect(book.confirmations).toEqual([]);
  expect(book.displayAlerts).toBe(true);
});
