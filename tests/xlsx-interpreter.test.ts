// The .xlsx host as an interpreter of the port (src/hosts/xlsx/host.ts): each field `read` returns and
// each operation `apply` carries out, against ExcelJS itself, looked at as a person would see the
// file: saved with ExcelJS and opened again wherever the file is what matters.
import ExcelJS from "exceljs";
import { HostError, type CellRange, type Op } from "../src/app/port";
import { METADATA_SHEET } from "../src/core/metadata";
import { XlsxHost } from "../src/hosts/xlsx/host";

const R = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/** A workbook of these sheets, each with `rows` from A1. */
function bookOf(sheets: Record<string, unknown[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return wb;
}

/** The workbook as saved and opened again. */
async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

const argbOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (cell: ExcelJS.Cell) => (typeof cell.note === "string" || cell.note === undefined ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join(""));
const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => `${w.name}${w.state === "visible" ? "" : `(${w.state})`}`);

describe("read", () => {
  test("the sheet list in tab order with visibility, the active sheet, identity, no structure protection", async () => {
    const wb = bookOf({ 甲: [["a"]], 乙: [], 丙: [], 丁: [] });
    wb.getWorksheet("乙")!.state = "hidden";
    wb.getWorksheet("丙")!.state = "veryHidden";
    wb.views = [{ activeTab: 3 } as ExcelJS.WorkbookView];
    const host = new XlsxHost(await reopened(wb));
    const r = await host.read({});
    expect(r.sheets).toEqual([
      { name: "甲", visible: true },
      { name: "乙", visible: false },
      { name: "丙", visible: false },
      { name: "丁", visible: true },
    ]);
    expect(r.active).toBe("丁");
    expect(r.structureProtected).toBe(false);
    expect(r.grids).toEqual([]);
    expect(r.metadata).toBeUndefined();
    expect(r.tables).toBeUndefined();
    // One workbook object, one identity; another workbook, another.
    expect((await host.read({})).identity).toBe(r.identity);
    expect((await new XlsxHost(wb).read({})).identity).not.toBe(r.identity);
  });

  test("grids: values, merges, hidden rows and columns; the first rows only; a missing sheet is sheet-missing", async () => {
    const wb = bookOf({ 台账: [["标题"], ["序号", "任务"], [1, "修路"], [2, "建园"]] });
    const ws = wb.getWorksheet("台账")!;
    ws.mergeCells("A1:B1");
    ws.getRow(4).hidden = true;
    ws.getColumn(2).hidden = true;
    const host = new XlsxHost(await reopened(wb));
    const r = await host.read({ grids: [{ name: "台账" }, { name: "台账", rows: 2 }] });
    expect(r.grids[0]).toEqual({ grid: { name: "台账", rows: [["标题"], ["序号", "任务"], [1, "修路"], [2, "建园"]], merges: [R(0, 0, 0, 1)], hiddenRows: [3], hiddenColumns: [1] }, notes: [] });
    expect(r.grids[1]!.grid.rows).toEqual([["标题"], ["序号", "任务"]]);
    const e = await host.read({ grids: [{ name: "没有" }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).detail).toEqual({ code: "sheet-missing", sheet: "没有" });
  });

  test("looks: a solid fill's colour and the ExcelJS fill; theme, tinted and indexed colours; no fill; notes plain and rich", async () => {
    const wb = bookOf({ 台账: [["a", "b", "c", "d", "e", "f"]] });
    const ws = wb.getWorksheet("台账")!;
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ws.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } as ExcelJS.Color };
    ws.getCell("C1").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 0, tint: -0.5 } as unknown as ExcelJS.Color };
    ws.getCell("D1").fill = { type: "pattern", pattern: "solid", fgColor: { indexed: 13 } as unknown as ExcelJS.Color };
    ws.getCell("E1").fill = { type: "pattern", pattern: "none" };
    ws.getCell("A1").note = "由区园林局填写";
    ws.getCell("B1").note = { texts: [{ text: "第一段" }, { font: { bold: true }, text: "第二段" }] } as ExcelJS.Comment;
    const host = new XlsxHost(await reopened(wb));
    const r = await host.read({ looks: [{ sheet: "台账", cells: ["A1", "B1", "C1", "D1", "E1", "F1", "Z9"] }, { sheet: "没有", cells: ["A1"] }] });
    const look = r.looks.get("台账")!;
    expect(look.get("A1")).toEqual({
      fill: { color: "#DDEBF7", native: { host: "xlsx", value: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } } },
      note: "由区园林局填写",
      noteWritable: true,
    });
    // ExcelJS's default theme (Office 2007): accent1 4F81BD; lt1 FFFFFF darkened by half.
    expect(look.get("B1")!.fill).toMatchObject({ color: "#4F81BD", native: { host: "xlsx", value: { fgColor: { theme: 4 } } } });
    expect(look.get("B1")!.note).toBe("第一段第二段");
    expect(look.get("C1")!.fill!.color).toBe("#808080");
    expect(look.get("D1")!.fill!.color).toBe("#FFFF00");
    expect(look.get("E1")).toEqual({ fill: null, note: null, noteWritable: true });
    expect(look.get("F1")!.fill).toBeNull();
    expect(look.get("Z9")).toEqual({ fill: null, note: null, noteWritable: true });
    expect(r.looks.has("没有")).toBe(false);
    // Reading added no cell.
    expect(host.workbook.getWorksheet("台账")!.findCell("Z9" as never, undefined as never)).toBeUndefined();
  });

  test("a theme colour comes from the workbook's own theme", async () => {
    const wb = bookOf({ 台账: [["a"]] });
    wb.getWorksheet("台账")!.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 5 } as ExcelJS.Color };
    const again = await reopened(wb);
    const themes = (again as unknown as { _themes: Record<string, string> })._themes;
    themes.theme1 = themes.theme1!.replace(/<a:accent2>\s*<a:srgbClr val="\w{6}"\/>/, '<a:accent2><a:srgbClr val="ED7D31"/>');
    const r = await new XlsxHost(again).read({ looks: [{ sheet: "台账", cells: ["A1"] }] });
    expect(r.looks.get("台账")!.get("A1")!.fill!.color).toBe("#ED7D31");
  });

  test("contents: formula or constant as Excel reports it, number format, text, and ExcelJS's value as JSON", async () => {
    const wb = bookOf({ 台账: [[null, "修路", 12.5, true, { formula: "C1*2", result: 25 }, { richText: [{ text: "区" }, { font: { bold: true }, text: "园林局" }] }, new Date(Date.UTC(2026, 2, 31)), "=不是公式"], ["合并"]] });
    const ws = wb.getWorksheet("台账")!;
    ws.getCell("C1").numFmt = "0.0%";
    ws.mergeCells("A2:B2");
    const host = new XlsxHost(await reopened(wb));
    const r = await host.read({ contents: [{ sheet: "台账", cells: ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "B2", "Q7"] }, { sheet: "没有", cells: ["A1"] }] });
    const c = r.contents.get("台账")!;
    expect(c.get("A1")).toEqual({ formula: "", numberFormat: "General", text: "", native: { host: "xlsx", value: null } });
    expect(c.get("B1")).toEqual({ formula: "修路", numberFormat: "General", text: "修路", native: { host: "xlsx", value: "修路" } });
    expect(c.get("C1")).toMatchObject({ formula: 12.5, numberFormat: "0.0%", text: "12.5" });
    expect(c.get("D1")).toMatchObject({ formula: true, text: "TRUE" });
    expect(c.get("E1")).toMatchObject({ formula: "=C1*2", text: "25", native: { value: { formula: "C1*2", result: 25 } } });
    expect(c.get("F1")).toMatchObject({ formula: "区园林局", text: "区园林局", native: { value: { richText: [{ text: "区" }, { text: "园林局" }] } } });
    expect(c.get("G1")).toMatchObject({ formula: "2026-03-31", text: "2026-03-31", native: { value: { date: "2026-03-31T00:00:00.000Z" } } });
    expect(c.get("H1")).toMatchObject({ formula: "=不是公式", text: "=不是公式" });
    // A cell covered by a merge holds nothing, as in Excel.
    expect(c.get("B2")).toMatchObject({ formula: "", text: "" });
    expect(c.get("Q7")).toMatchObject({ formula: "", text: "" });
    expect(r.contents.has("没有")).toBe(false);
    expect(JSON.parse(JSON.stringify(c.get("G1")!.native))).toEqual(c.get("G1")!.native);
  });

  test("protection of the sheets asked, the metadata sheet's cells, the tables", async () => {
    const wb = bookOf({ 台账: [["单位", "进展"], ["甲", "乙"]], 汇总: [], [METADATA_SHEET]: [["类型", "工作表"], ["mark", "台账"]] });
    await wb.getWorksheet("台账")!.protect("", {});
    wb.getWorksheet("汇总")!.addTable({ name: "季度汇总", ref: "A1", columns: [{ name: "单位" }], rows: [["甲"]] });
    const host = new XlsxHost(await reopened(wb));
    const r = await host.read({ protection: ["台账", "汇总", "没有"], metadata: true, tables: true });
    expect(r.protectedSheets).toEqual(["台账"]);
    expect(r.metadata!.rows).toEqual([["类型", "工作表"], ["mark", "台账"]]);
    expect(r.tables).toEqual([{ name: "季度汇总", sheet: "汇总" }]);
    const none = await new XlsxHost(bookOf({ 台账: [] })).read({ metadata: true, tables: true });
    expect(none.metadata).toBeUndefined();
    expect(none.tables).toEqual([]);
  });
});

describe("apply: cells", () => {
  test("values: text stays text (never a formula, formatted @), numbers stay numbers, null empties", async () => {
    const host = new XlsxHost(bookOf({ 台账: [["x", "y", "z"]] }));
    await host.apply([{ op: "values", sheet: "台账", row: 0, col: 1, rows: [["=SUM(1,2)", 42], [null, "0012", false]] }], "write");
    const ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    expect(ws.getCell("B1").value).toBe("=SUM(1,2)");
    expect(ws.getCell("B1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B1").numFmt).toBe("@");
    expect(ws.getCell("C1").value).toBe(42);
    expect(ws.getCell("C1").numFmt).toBeUndefined();
    expect(ws.getCell("B2").value).toBeNull();
    expect(ws.getCell("C2").value).toBe("0012");
    expect(ws.getCell("D2").value).toBe(false);
    expect(ws.getCell("A1").value).toBe("x");
  });

  test("values into cells a merge covers leave the merge's text alone, as Excel shows none there", async () => {
    const wb = bookOf({ 台账: [["标题", null, null]] });
    wb.getWorksheet("台账")!.mergeCells("A1:C1");
    const host = new XlsxHost(await reopened(wb));
    await host.apply([{ op: "values", sheet: "台账", row: 0, col: 1, rows: [[null, "x"]] }, { op: "content", sheet: "台账", cell: "B1", content: { formula: "", numberFormat: "General" } }], "write");
    const ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value]).toEqual(["标题", "标题", "标题"]);
    expect((await new XlsxHost(ws.workbook).read({ grids: [{ name: "台账" }] })).grids[0]!.grid.rows).toEqual([["标题"]]);
  });

  test("content: what was read is put back (dates, rich text, formulas); another host's content from its formula", async () => {
    const wb = bookOf({ 台账: [[new Date(Date.UTC(2026, 0, 5)), { richText: [{ font: { bold: true }, text: "粗" }, { text: "细" }] }, { formula: "1+1", result: 2 }, 7]] });
    wb.getWorksheet("台账")!.getCell("A1").numFmt = "yyyy-mm-dd";
    const host = new XlsxHost(await reopened(wb));
    const cells = ["A1", "B1", "C1", "D1"];
    const before = (await host.read({ contents: [{ sheet: "台账", cells }] })).contents.get("台账")!;
    await host.apply([{ op: "values", sheet: "台账", row: 0, col: 0, rows: [["a", "b", "c", "d"]] }], "write");
    // Through JSON, as a record keeps them.
    const stored = cells.map((cell) => JSON.parse(JSON.stringify({ ...before.get(cell)!, text: undefined })) as Omit<ExcelJS.CellValue, never>);
    await host.apply(cells.map((cell, i) => ({ op: "content", sheet: "台账", cell, content: stored[i] }) as Op), "undo");
    const ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    expect(ws.getCell("A1").value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(ws.getCell("A1").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B1").value).toEqual({ richText: [{ font: { bold: true }, text: "粗" }, { text: "细" }] });
    expect(ws.getCell("C1").formula).toBe("1+1");
    expect(ws.getCell("D1").value).toBe(7);
    expect(ws.getCell("D1").numFmt).toBeUndefined(); // the "@" of the write is gone
    await host.apply(
      [
        { op: "content", sheet: "台账", cell: "A1", content: { formula: "", numberFormat: "General", native: { host: "excel", value: 1 } } },
        { op: "content", sheet: "台账", cell: "B1", content: { formula: "=A1+1", numberFormat: "General" } },
        { op: "content", sheet: "台账", cell: "C1", content: { formula: "=文字", numberFormat: "@" } },
        { op: "content", sheet: "台账", cell: "D1", content: { formula: 0.25, numberFormat: "0%" } },
      ],
      "undo",
    );
    const ws2 = host.workbook.getWorksheet("台账")!;
    expect(ws2.getCell("A1").value).toBeNull();
    expect(ws2.getCell("A1").numFmt).toBeUndefined();
    expect(ws2.getCell("B1").formula).toBe("A1+1");
    expect(ws2.getCell("C1").value).toBe("=文字");
    expect(ws2.getCell("C1").numFmt).toBe("@");
    expect([ws2.getCell("D1").value, ws2.getCell("D1").numFmt]).toEqual([0.25, "0%"]);
  });

  test("numberFormat: only the format, General as none of its own", async () => {
    const host = new XlsxHost(bookOf({ 台账: [[5]] }));
    await host.apply([{ op: "numberFormat", sheet: "台账", cell: "A1", format: "@" }], "undo");
    expect([host.workbook.getWorksheet("台账")!.getCell("A1").value, host.workbook.getWorksheet("台账")!.getCell("A1").numFmt]).toEqual([5, "@"]);
    await host.apply([{ op: "numberFormat", sheet: "台账", cell: "A1", format: "General" }], "undo");
    expect((await host.read({ contents: [{ sheet: "台账", cells: ["A1"] }] })).contents.get("台账")!.get("A1")!.numberFormat).toBe("General");
  });

  test("fill: a colour, none, and a read fill put back exactly; cells that shared a style keep theirs", async () => {
    const wb = bookOf({ 台账: [["a", "b", "c"]] });
    const ws0 = wb.getWorksheet("台账")!;
    for (const a of ["A1", "B1", "C1"]) ws0.getCell(a).fill = { type: "pattern", pattern: "darkGray", fgColor: { theme: 3, tint: 0.4 } as unknown as ExcelJS.Color, bgColor: { indexed: 64 } as unknown as ExcelJS.Color };
    const host = new XlsxHost(await reopened(wb));
    const before = (await host.read({ looks: [{ sheet: "台账", cells: ["A1"] }] })).looks.get("台账")!.get("A1")!;
    await host.apply([{ op: "fill", sheet: "台账", cells: ["A1", "D1"], fill: { color: "#ffc7ce" } }, { op: "fill", sheet: "台账", cells: ["B1"], fill: null }], "mark");
    let ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    expect(argbOf(ws.getCell("A1"))).toBe("FFFFC7CE");
    expect(argbOf(ws.getCell("D1"))).toBe("FFFFC7CE");
    expect(ws.getCell("B1").fill).toBeUndefined();
    expect(ws.getCell("C1").fill).toMatchObject({ pattern: "darkGray", fgColor: { theme: 3, tint: 0.4 } });
    await host.apply([{ op: "fill", sheet: "台账", cells: ["A1", "B1"], fill: JSON.parse(JSON.stringify(before.fill)) }], "clear");
    ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    for (const a of ["A1", "B1"]) expect(ws.getCell(a).fill).toEqual(ws.getCell("C1").fill);
    expect((await host.read({ looks: [{ sheet: "台账", cells: ["A1"] }] })).looks.get("台账")!.get("A1")).toEqual(before);
  });

  test("note: written, and taken away (a note read from a file too)", async () => {
    const wb = bookOf({ 台账: [["a", "b"]] });
    wb.getWorksheet("台账")!.getCell("A1").note = "原有批注";
    const host = new XlsxHost(await reopened(wb));
    await host.apply([{ op: "note", sheet: "台账", cell: "A1", text: null, had: true }, { op: "note", sheet: "台账", cell: "B1", text: "督办助手：未填进展", had: false }], "mark");
    const ws = (await reopened(host.workbook)).getWorksheet("台账")!;
    expect(noteOf(ws.getCell("A1"))).toBeUndefined();
    expect(noteOf(ws.getCell("B1"))).toBe("督办助手：未填进展");
    expect(ws.getCell("A1").value).toBe("a");
  });
});

describe("apply: sheets", () => {
  test("added at an exact position among all sheets (hidden ones too) or the end, very hidden; renamed; moved; deleted", async () => {
    const wb = bookOf({ 台账: [], 藏: [], 目录: [] });
    wb.getWorksheet("藏")!.state = "hidden";
    const host = new XlsxHost(await reopened(wb));
    await host.apply(
      [
        { op: "addSheet", name: "甲", position: 2 },
        { op: "addSheet", name: "乙" },
        { op: "addSheet", name: "丙", position: 0, veryHidden: true },
        { op: "renameSheet", from: "乙", to: "丁" },
        { op: "moveSheet", name: "丁", position: 1 },
      ],
      "add-sheet",
    );
    expect(names(host.workbook)).toEqual(["丙(veryHidden)", "丁", "台账", "藏(hidden)", "甲", "目录"]);
    expect(names(await reopened(host.workbook))).toEqual(["丙(veryHidden)", "丁", "台账", "藏(hidden)", "甲", "目录"]);
    expect(host.active).toBe("台账");
    await host.apply([{ op: "deleteSheet", name: "甲" }, { op: "moveSheet", name: "台账", position: 99 }], "summary");
    expect(names(await reopened(host.workbook))).toEqual(["丙(veryHidden)", "丁", "藏(hidden)", "目录", "台账"]);
    await host.apply([{ op: "activate", sheet: "目录", cell: "A2" }, { op: "deleteSheet", name: "目录" }], "summary");
    expect([host.active, host.selected]).toEqual(["丁", undefined]);
  });

  test("a name in use (in any case) is sheet-exists; a sheet that is not there is sheet-missing", async () => {
    const host = new XlsxHost(bookOf({ Ledger: [], 目录: [] }));
    for (const op of [{ op: "addSheet", name: "ledger" }, { op: "renameSheet", from: "目录", to: "LEDGER" }] as Op[]) {
      const e = await host.apply([op], "add-sheet").catch((x: unknown) => x);
      expect((e as HostError).detail).toEqual({ code: "sheet-exists", sheet: op.op === "addSheet" ? "ledger" : "LEDGER" });
    }
    await host.apply([{ op: "renameSheet", from: "Ledger", to: "LEDGER" }], "summary");
    expect(names(host.workbook)).toEqual(["LEDGER", "目录"]);
    for (const op of [{ op: "deleteSheet", name: "没有" }, { op: "values", sheet: "没有", row: 0, col: 0, rows: [["x"]] }, { op: "activate", sheet: "没有" }] as Op[]) {
      expect(((await host.apply([op], "write").catch((x: unknown) => x)) as HostError).detail).toEqual({ code: "sheet-missing", sheet: "没有" });
    }
  });

  test("the tab a saved file opens on stays on its sheet when sheets are added, moved and deleted", async () => {
    const wb = bookOf({ 甲: [], 乙: [], 丙: [] });
    wb.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
    const host = new XlsxHost(await reopened(wb));
    await host.apply([{ op: "addSheet", name: "新", position: 0 }, { op: "moveSheet", name: "丙", position: 0 }], "summary");
    expect((await new XlsxHost(await reopened(host.workbook)).read({})).active).toBe("乙");
    await host.apply([{ op: "deleteSheet", name: "乙" }], "summary");
    expect((await new XlsxHost(await reopened(host.workbook)).read({})).active).toBe("丙");
  });

  test("activate: shows a sheet and selects a cell; listeners told, revision only for changed cells or sheets", async () => {
    const host = new XlsxHost(bookOf({ 台账: [["a"]], 汇总: [] }));
    let told = 0;
    const stop = host.subscribe(() => told++);
    await host.apply([{ op: "activate", sheet: "汇总", cell: "B2" }], "select");
    expect([host.active, host.selected, host.revision, told]).toEqual(["汇总", { sheet: "汇总", cell: "B2" }, 0, 1]);
    expect((await host.read({})).active).toBe("汇总");
    await host.apply([{ op: "values", sheet: "台账", row: 0, col: 0, rows: [["b"]] }, { op: "activate", sheet: "台账" }], "write");
    expect([host.active, host.selected, host.revision, told]).toEqual(["台账", { sheet: "汇总", cell: "B2" }, 1, 2]);
    await host.apply([{ op: "renameSheet", from: "汇总", to: "汇总2" }], "summary");
    expect(host.selected).toEqual({ sheet: "汇总2", cell: "B2" });
    host.activate("汇总2");
    expect([host.active, host.revision, told]).toEqual(["汇总2", 2, 4]);
    stop();
  });

  test("a failing operation is excel-failed for the action, after the operations before it; listeners told", async () => {
    const host = new XlsxHost(bookOf({ 台账: [["a", "b"]] }));
    let told = 0;
    host.subscribe(() => told++);
    host.workbook.getWorksheet("台账")!.mergeCells("A1:B1");
    const e = await host.apply([{ op: "values", sheet: "台账", row: 2, col: 0, rows: [["先"]] }, { op: "merge", sheet: "台账", range: R(0, 0, 1, 1) }, { op: "values", sheet: "台账", row: 3, col: 0, rows: [["后"]] }], "summary").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).detail).toMatchObject({ code: "excel-failed", action: "summary", error: expect.stringMatching(/merge/i) });
    expect(host.workbook.getWorksheet("台账")!.getCell("A3").value).toBe("先");
    expect(host.workbook.getWorksheet("台账")!.getCell("A4").value).toBeNull();
    expect([told, host.revision]).toEqual([1, 1]);
  });
});

describe("apply: drawing", () => {
  test("merge, style (merged into each cell's own look), widths, hidden columns, heights, freeze, print titles, page", async () => {
    const wb = bookOf({ 表: [["标题"], ["a", "b", "c"], [1, 2, 3]] });
    const ws0 = wb.getWorksheet("表")!;
    ws0.getCell("A2").font = { italic: true, size: 9 };
    ws0.getCell("B2").font = { italic: true, size: 9 };
    ws0.getCell("A2").alignment = { indent: 1 };
    const host = new XlsxHost(await reopened(wb));
    const ops: Op[] = [
      { op: "merge", sheet: "表", range: R(0, 0, 0, 2) },
      { op: "style", sheet: "表", range: R(0, 0, 0, 2), style: { bold: true, size: 16, align: "center", valign: "middle", wrap: true } },
      { op: "style", sheet: "表", range: R(1, 0), style: { bold: true, color: "#ffffff", fill: "#4472C4", border: { around: "#BFBFBF" } } },
      { op: "style", sheet: "表", range: R(2, 0, 2, 1), style: { underline: true, color: "#0563C1", border: { under: "#000000" }, numberFormat: "0.0%" } },
      { op: "columnWidths", sheet: "表", widths: [6, 30] },
      { op: "hideColumns", sheet: "表", columns: [2] },
      { op: "rowHeights", sheet: "表", heights: [{ row: 0, height: 28 }, { row: 2, height: 40 }] },
      { op: "freeze", sheet: "表", rows: 2 },
      { op: "printTitles", sheet: "表", from: 1, to: 1 },
      { op: "page", sheet: "表", footer: { left: "截至2026年3月31日", right: "第 &P 页，共 &N 页" } },
    ];
    await host.apply(ops, "summary");
    const ws = (await reopened(host.workbook)).getWorksheet("表")!;
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toEqual(["A1"]);
    expect(ws.getCell("A1")).toMatchObject({ font: { bold: true, size: 16 }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } });
    expect(ws.getCell("C1").font).toMatchObject({ bold: true, size: 16 });
    // Merged into the cell's look: its italic and indent stay; its neighbour, that shared it, keeps its own.
    expect(ws.getCell("A2").font).toMatchObject({ italic: true, size: 9, bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("A2").alignment).toEqual({ indent: 1 });
    expect(argbOf(ws.getCell("A2"))).toBe("FF4472C4");
    expect(ws.getCell("A2").border).toEqual(Object.fromEntries(["left", "right", "top", "bottom"].map((s) => [s, { style: "thin", color: { argb: "FFBFBFBF" } }])));
    expect(ws.getCell("B2").font).toEqual({ italic: true, size: 9 });
    expect(argbOf(ws.getCell("B2"))).toBeUndefined();
    expect(ws.getCell("A3")).toMatchObject({ font: { underline: true, color: { argb: "FF0563C1" } }, border: { bottom: { style: "thin", color: { argb: "FF000000" } } }, numFmt: "0.0%" });
    expect(ws.getCell("A3").border.top).toBeUndefined();
    expect(ws.getCell("C3").font).toBeUndefined();
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).hidden]).toEqual([6, 30, true]);
    expect([ws.getRow(1).height, ws.getRow(3).height]).toEqual([28, 40]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } });
    expect(ws.headerFooter.oddFooter).toBe("&L截至2026年3月31日&R第 &P 页，共 &N 页");
  });

  test("protect: without a password, only the open ranges unlocked", async () => {
    const host = new XlsxHost(bookOf({ 表: [["a", "b", "c"], ["1", "2", "3"]] }));
    await host.apply([{ op: "protect", sheet: "表", open: [R(1, 1, 1, 2), R(0, 0)] }], "add-sheet");
    const ws = (await reopened(host.workbook)).getWorksheet("表")!;
    const locked = (a: string) => ws.getCell(a).protection?.locked !== false;
    expect(["A1", "B1", "C1", "A2", "B2", "C2"].map(locked)).toEqual([false, true, true, true, false, false]);
    // Selecting cells is allowed by default, so the file leaves those two out (exceljs sheet-protection-xform).
    expect((host.workbook.getWorksheet("表") as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true, selectLockedCells: true, selectUnlockedCells: true });
    expect((ws as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect((ws as unknown as { sheetProtection: object }).sheetProtection).not.toMatchObject({ selectLockedCells: false });
    expect((ws as unknown as { sheetProtection: object }).sheetProtection).not.toHaveProperty("hashValue");
    expect((await new XlsxHost(ws.workbook).read({ protection: ["表"] })).protectedSheets).toEqual(["表"]);
  });

  test("link: a HYPERLINK formula to the cell, showing the text", async () => {
    const host = new XlsxHost(bookOf({ "台账'2026": [], 汇总: [] }));
    await host.apply([{ op: "link", sheet: "汇总", cell: "B2", target: { sheet: "台账'2026", cell: "D7" }, text: '修"路"' }], "summary");
    const cell = (await reopened(host.workbook)).getWorksheet("汇总")!.getCell("B2");
    expect(cell.formula).toBe(`HYPERLINK("#'台账''2026'!D7","修""路""")`);
    expect(cell.result).toBe('修"路"');
  });

  test("table: over the drawn cells, which keep their values (links, rich text) and looks; a name in use fails", async () => {
    const host = new XlsxHost(bookOf({ 台账: [], 汇总: [["说明"]] }));
    const ops: Op[] = [
      { op: "values", sheet: "汇总", row: 2, col: 1, rows: [["单位", "任务数"], ["区园林局", 3], ["区民政局", 5]] },
      { op: "style", sheet: "汇总", range: R(2, 1, 2, 2), style: { bold: true, fill: "#4472C4" } },
      { op: "link", sheet: "汇总", cell: "B4", target: { sheet: "台账", cell: "A1" }, text: "区园林局" },
      { op: "table", sheet: "汇总", range: R(2, 1, 4, 2), name: "季度汇总" },
    ];
    await host.apply(ops, "summary");
    host.workbook.getWorksheet("汇总")!.getCell("C3").value = { richText: [{ text: "任务数" }] };
    const ws = (await reopened(host.workbook)).getWorksheet("汇总")!;
    expect(ws.getCell("B3").value).toBe("单位");
    expect(ws.getCell("B4").formula).toBe('HYPERLINK("#\'台账\'!A1","区园林局")');
    expect([ws.getCell("B5").value, ws.getCell("C4").value, ws.getCell("C5").value, ws.getCell("A1").value]).toEqual(["区民政局", 3, 5, "说明"]);
    expect(ws.getCell("B3").font).toMatchObject({ bold: true });
    expect(argbOf(ws.getCell("C3"))).toBe("FF4472C4");
    const table = ws.getTable("季度汇总") as unknown as { table: { tableRef: string; style: { theme: string; showRowStripes: boolean }; columns: { name: string }[] } };
    expect(table.table).toMatchObject({ tableRef: "B3:C5", style: { theme: "TableStyleMedium2", showRowStripes: true }, columns: [{ name: "单位" }, { name: "任务数" }] });
    expect((await new XlsxHost(ws.workbook).read({ tables: true })).tables).toEqual([{ name: "季度汇总", sheet: "汇总" }]);
    const e = await host.apply([{ op: "table", sheet: "台账", range: R(0, 0, 1, 0), name: "季度汇总" }], "summary").catch((x: unknown) => x);
    expect((e as HostError).detail).toMatchObject({ code: "excel-failed", action: "summary" });
  });

  test("a rich-text header keeps its runs under a table", async () => {
    const wb = bookOf({ 汇总: [[{ richText: [{ font: { bold: true }, text: "单" }, { text: "位" }] }], ["甲"]] });
    const host = new XlsxHost(wb);
    await host.apply([{ op: "table", sheet: "汇总", range: R(0, 0, 1, 0), name: "T1" }], "summary");
    const ws = (await reopened(host.workbook)).getWorksheet("汇总")!;
    expect(ws.getCell("A1").value).toEqual({ richText: [{ font: { bold: true }, text: "单" }, { text: "位" }] });
    expect(ws.getCell("A2").value).toBe("甲");
  });

  test("chart: none drawn (ExcelJS lacks charts); dropLegacySettings: nothing to forget", async () => {
    const host = new XlsxHost(bookOf({ 汇总: [["a", 1]] }));
    expect([host.kind, [...host.lacks]]).toEqual(["xlsx", ["charts"]]);
    const before = await host.workbook.xlsx.writeBuffer();
    await host.apply([{ op: "chart", sheet: "汇总", title: "t", categories: R(0, 0), values: R(0, 1), at: R(2, 0, 10, 4) }, { op: "dropLegacySettings" }], "summary");
    expect(names(host.workbook)).toEqual(["汇总"]);
    expect((await host.workbook.xlsx.writeBuffer()).byteLength).toBe(before.byteLength);
  });

  test("metadata: the rows as text in a very hidden sheet at the end, written over (rows below removed), the active sheet kept", async () => {
    const host = new XlsxHost(bookOf({ 台账: [], 目录: [] }));
    host.activate("目录");
    const rows = [
      ["类型", "工作表", "单元格", "键", "内容"],
      ["mark", "台账", "D3", "missing", '{"v":2}'],
      ["write", "台账", "D4", "", "=1+1"],
    ];
    await host.apply([{ op: "metadata", rows }], "mark");
    let wb = await reopened(host.workbook);
    expect(names(wb)).toEqual(["台账", "目录", `${METADATA_SHEET}(veryHidden)`]);
    expect(wb.getWorksheet(METADATA_SHEET)!.getCell("E3").value).toBe("=1+1");
    expect(host.active).toBe("目录");
    await host.apply([{ op: "addSheet", name: "汇总" }, { op: "metadata", rows: [["类型", "工作表"]] }], "clear");
    wb = await reopened(host.workbook);
    expect(names(wb)).toEqual(["台账", "目录", `${METADATA_SHEET}(veryHidden)`, "汇总"]);
    expect((await new XlsxHost(wb).read({ metadata: true })).metadata!.rows).toEqual([["类型", "工作表"]]);
  });
});
