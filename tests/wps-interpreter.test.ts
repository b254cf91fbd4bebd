// The WPS host as an interpreter of the port, over the fake WPS 表格 (tests/fakes/wps.ts): each field
// of a read and each primitive operation, checked by what a person would see in the workbook (values,
// fills, notes, merges, tab order, the sheet shown, frozen rows, print setup, protection), and the
// guard that keeps it from writing into another workbook than the one it read.
import { HostError, type Op, type WorkbookRead } from "../src/app/port";
import { problemText } from "../src/app/messages";
import { METADATA_SHEET } from "../src/core/metadata";
import { bgrOf, hexOf } from "../src/hosts/wps/cells";
import { WpsHost } from "../src/hosts/wps/host";
import type { EtApplication } from "../src/hosts/wps/model";
import { etCell, etLine, fakeEtApplication, newEtBook, newEtSheet, type FakeEtBook, type FakeEtSheet } from "./fakes/wps";

const XL_NONE = -4142;

// A failure is logged for the person's administrator; not in the test output.
beforeEach(() => void jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());
const CVERR_REF = (0x800a0000 | 2023) >> 0;

function setUp(sheets: FakeEtSheet[], active?: string) {
  const book = newEtBook(sheets, active);
  const app = fakeEtApplication(book);
  const host = new WpsHost(app);
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;
  /** What a person sees in a cell: its value, its fill (#RRGGBB or null) and its note. */
  const look = (name: string, cell: string) => {
    const c = etCell(sheet(name), cell);
    return { value: c.value, fill: c.pattern === XL_NONE ? null : hexOf(c.color), note: sheet(name).comments.get(cell) ?? null };
  };
  const tabs = () => book.sheets.map((s) => s.name);
  return { book, app, host, sheet, look, tabs, apply: (...ops: Op[]) => host.apply(ops, "write") };
}

const ledger = () =>
  newEtSheet(
    "台账",
    [
      ["2026年任务台账"],
      ["序号", "目标任务", "牵头单位", "三季度进展"],
      [1, "新建口袋公园3个。", "区园林局", "已完成。"],
      [2, "改造老旧小区。", CVERR_REF, ""],
    ],
    ["A1:D1"],
  );

async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("read", () => {
  test("the sheets in tab order, which are visible (xlSheetVisible or true), the sheet shown, the workbook's identity and structure protection", async () => {
    const hidden = newEtSheet("旧表");
    hidden.visible = 0;
    const truthy = newEtSheet("说明");
    truthy.visible = true as unknown as number;
    const meta = newEtSheet(METADATA_SHEET);
    meta.visible = 2;
    const { book, host } = setUp([ledger(), hidden, truthy, meta], "说明");
    book.fullName = "D:\\督查室\\2026台账.xlsx";
    book.structureProtected = true;
    const read = await host.read({});
    expect(read.sheets).toEqual([
      { name: "台账", visible: true },
      { name: "旧表", visible: false },
      { name: "说明", visible: true },
      { name: METADATA_SHEET, visible: false },
    ]);
    expect(read.active).toBe("说明");
    expect(read.identity).toBe("D:\\督查室\\2026台账.xlsx");
    expect(read.structureProtected).toBe(true);
    expect(read.grids).toEqual([]);
    expect(read.looks.size).toBe(0);
    expect(read.contents.size).toBe(0);
    expect(read.metadata).toBeUndefined();
    expect(read.tables).toBeUndefined();
  });

  test("a workbook never saved is known by its name; one without FullName at all, by its Name", async () => {
    const { book, host } = setUp([ledger()]);
    book.name = "工作簿3";
    expect((await host.read({})).identity).toBe("工作簿3");
    const app = fakeEtApplication(newEtBook([ledger()]));
    const wb = app.ActiveWorkbook;
    const bare = new WpsHost({ DisplayAlerts: true, ActiveWorkbook: { Worksheets: wb.Worksheets, ActiveSheet: wb.ActiveSheet, Name: "台账.et", ProtectStructure: false, FullName: undefined as unknown as string } });
    expect((await bare.read({})).identity).toBe("台账.et");
  });

  test("protected sheets among those asked; a sheet that does not exist is left out", async () => {
    const a = ledger();
    a.protected = true;
    const { host } = setUp([a, newEtSheet("汇总")]);
    expect((await host.read({ protection: ["台账", "汇总", "没有"] })).protectedSheets).toEqual(["台账"]);
  });

  test("grids: values (error values as errors), merged areas, hidden rows and columns; a head read; a missing sheet is an error", async () => {
    const s = ledger();
    s.hiddenRows = new Set([2]);
    s.hiddenColumns = new Set([1]);
    const { host } = setUp([s]);
    const read = await host.read({ grids: [{ name: "台账" }, { name: "台账", rows: 2 }] });
    expect(read.grids[0]!.grid).toEqual({
      name: "台账",
      rows: [["2026年任务台账"], ["序号", "目标任务", "牵头单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", "已完成。"], [2, "改造老旧小区。", { error: "#REF!" }]],
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      hiddenRows: [2],
      hiddenColumns: [1],
    });
    expect(read.grids[0]!.notes).toEqual([]);
    expect(read.grids[1]!.grid.rows).toEqual([["2026年任务台账"], ["序号", "目标任务", "牵头单位", "三季度进展"]]);
    expect(read.grids[1]!.grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    const e = await failure(host.read({ grids: [{ name: "没有" }] }));
    expect(e.detail).toEqual({ code: "sheet-missing", sheet: "没有" });
  });

  test("looks: no fill is null, a fill its colour; a note's text or null; notes can be written; cells of a missing sheet are left out", async () => {
    const { host, sheet } = setUp([ledger()]);
    Object.assign(etCell(sheet("台账"), "B3"), { pattern: 1, color: bgrOf("#FFC7CE") });
    sheet("台账").comments.set("B3", "请补充进展");
    const read = await host.read({ looks: [{ sheet: "台账", cells: ["B3", "C3"] }, { sheet: "没有", cells: ["A1"] }] });
    expect([...read.looks.keys()]).toEqual(["台账"]);
    expect(read.looks.get("台账")!.get("B3")).toEqual({ fill: { color: "#FFC7CE" }, note: "请补充进展", noteWritable: true });
    expect(read.looks.get("台账")!.get("C3")).toEqual({ fill: null, note: null, noteWritable: true });
  });

  test("contents: a formula, a constant as entered, \"\" for an empty cell; the number format (General when none); the text shown", async () => {
    const { host, sheet } = setUp([ledger()]);
    Object.assign(etCell(sheet("台账"), "E3"), { formula: "=A3*2", value: 2, numberFormat: "0.00" });
    Object.assign(etCell(sheet("台账"), "D4"), { value: "=不是公式", numberFormat: "@" });
    const read = await host.read({ contents: [{ sheet: "台账", cells: ["E3", "A3", "D4", "F9", "C4"] }, { sheet: "没有", cells: ["A1"] }] });
    const c = read.contents.get("台账")!;
    expect([...read.contents.keys()]).toEqual(["台账"]);
    expect(c.get("E3")).toEqual({ formula: "=A3*2", numberFormat: "0.00", text: "2" });
    expect(c.get("A3")).toEqual({ formula: 1, numberFormat: "General", text: "1" });
    expect(c.get("D4")).toEqual({ formula: "=不是公式", numberFormat: "@", text: "=不是公式" });
    expect(c.get("F9")).toEqual({ formula: "", numberFormat: "General", text: "" });
    expect(c.get("C4")!.text).toBe("#REF!");
  });

  test("metadata: the metadata sheet's used cells as a grid (empty when the sheet is); none without the sheet; no tables here", async () => {
    const meta = newEtSheet(METADATA_SHEET, [["version", "2"], ["mark", "台账", "B3"]]);
    meta.visible = 2;
    const withMeta = setUp([ledger(), meta]);
    const read = await withMeta.host.read({ metadata: true, tables: true });
    expect(read.metadata).toEqual({ name: METADATA_SHEET, rows: [["version", "2"], ["mark", "台账", "B3"]], merges: [] });
    expect(read.tables).toEqual([]);
    const empty = newEtSheet(METADATA_SHEET);
    expect((await setUp([ledger(), empty]).host.read({ metadata: true })).metadata).toEqual({ name: METADATA_SHEET, rows: [], merges: [] });
    expect((await setUp([ledger()]).host.read({ metadata: true })).metadata).toBeUndefined();
  });

  test("with no workbook open, the person is told to open one", async () => {
    const host = new WpsHost({ ActiveWorkbook: null, DisplayAlerts: true });
    expect((await failure(host.read({}))).detail).toEqual({ code: "no-workbook" });
    expect((await failure(host.apply([], "write"))).detail).toEqual({ code: "no-workbook" });
  });
});

describe("apply: cells", () => {
  test("values: strings as text (a leading = or digits stay text), numbers as numbers, in one Value2 for a block", async () => {
    const { book, apply, look, sheet } = setUp([ledger()]);
    book.calls.clear();
    await apply({ op: "values", sheet: "台账", row: 5, col: 1, rows: [["=1+1", "007", 42], ["文字", 3.5, null]] });
    expect(book.calls.get("Value2=")).toBe(1);
    expect(look("台账", "B6").value).toBe("=1+1");
    expect(etCell(sheet("台账"), "B6").formula).toBeUndefined();
    expect(look("台账", "C6").value).toBe("007");
    expect(look("台账", "D6").value).toBe(42);
    expect(etCell(sheet("台账"), "D6").numberFormat).toBe("General");
    expect(etCell(sheet("台账"), "B6").numberFormat).toBe("@");
    expect(look("台账", "C7").value).toBe(3.5);
    expect(look("台账", "D7").value).toBeNull();
  });

  test("values: rows of different lengths touch no cell beyond their own; one cell is one value", async () => {
    const { apply, look } = setUp([ledger()]);
    await apply({ op: "values", sheet: "台账", row: 2, col: 1, rows: [["公园"], ["小区", "区住更局", "已开工"]] });
    expect(look("台账", "B3").value).toBe("公园");
    expect(look("台账", "C3").value).toBe("区园林局");
    expect(look("台账", "D3").value).toBe("已完成。");
    expect([look("台账", "B4").value, look("台账", "C4").value, look("台账", "D4").value]).toEqual(["小区", "区住更局", "已开工"]);
    await apply({ op: "values", sheet: "台账", row: 0, col: 5, rows: [["=SUM(A1)"]] });
    expect(look("台账", "F1").value).toBe("=SUM(A1)");
  });

  test("content: the number format, then the formula or constant, as the cell held them", async () => {
    const { apply, look, sheet } = setUp([ledger()]);
    await apply(
      { op: "content", sheet: "台账", cell: "D3", content: { formula: "=A3*2", numberFormat: "0.0" } },
      { op: "content", sheet: "台账", cell: "C3", content: { formula: "=区园林局", numberFormat: "@" } },
      { op: "content", sheet: "台账", cell: "B3", content: { formula: "", numberFormat: "General" } },
    );
    expect(etCell(sheet("台账"), "D3")).toMatchObject({ formula: "=A3*2", numberFormat: "0.0" });
    expect(etCell(sheet("台账"), "C3")).toMatchObject({ value: "=区园林局", numberFormat: "@" });
    expect(etCell(sheet("台账"), "C3").formula).toBeUndefined();
    expect(look("台账", "B3").value).toBeNull();
  });

  test("numberFormat: only the format changes", async () => {
    const { apply, sheet } = setUp([ledger()]);
    await apply({ op: "numberFormat", sheet: "台账", cell: "A3", format: "0.0%" });
    expect(etCell(sheet("台账"), "A3")).toMatchObject({ value: 1, numberFormat: "0.0%" });
  });

  test("fill: many cells in a few multi-area ranges, solid in the colour; null takes the fill away", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [i + 1, `任务${i + 1}`]);
    const { book, apply, look } = setUp([newEtSheet("台账", rows)]);
    const cells = rows.map((_, i) => `B${i + 1}`);
    book.calls.clear();
    await apply({ op: "fill", sheet: "台账", cells, fill: { color: "#FFC7CE" } });
    expect(look("台账", "B1").fill).toBe("#FFC7CE");
    expect(look("台账", "B300").fill).toBe("#FFC7CE");
    expect(look("台账", "A1").fill).toBeNull();
    expect(book.calls.get("Interior.Color=")!).toBeLessThan(20);
    await apply({ op: "fill", sheet: "台账", cells: ["B1", "B300"], fill: null });
    expect([look("台账", "B1").fill, look("台账", "B2").fill, look("台账", "B300").fill]).toEqual([null, "#FFC7CE", null]);
  });

  test("note: set on a cell without one, put over one it had, taken away", async () => {
    const { apply, look, sheet } = setUp([ledger()]);
    sheet("台账").comments.set("C3", "原有批注");
    await apply({ op: "note", sheet: "台账", cell: "B3", text: "督办助手：缺少进展", had: false }, { op: "note", sheet: "台账", cell: "C3", text: "督办助手：单位不详", had: true });
    expect(look("台账", "B3").note).toBe("督办助手：缺少进展");
    expect(look("台账", "C3").note).toBe("督办助手：单位不详");
    await apply({ op: "note", sheet: "台账", cell: "C3", text: null, had: true });
    expect(look("台账", "C3").note).toBeNull();
  });

  test("a write into a locked cell of a protected sheet fails as a HostError naming WPS's error number; what came before it was written", async () => {
    const s = ledger();
    s.protected = true;
    const other = newEtSheet("汇总");
    const { host, look } = setUp([s, other]);
    const e = await failure(host.apply([{ op: "values", sheet: "汇总", row: 0, col: 0, rows: [["先写"]] }, { op: "values", sheet: "台账", row: 2, col: 1, rows: [["改"]] }], "mark"));
    expect(e.detail).toEqual({ code: "excel-failed", action: "mark", error: "1004" });
    expect(look("汇总", "A1").value).toBe("先写");
    expect(look("台账", "B3").value).toBe("新建口袋公园3个。");
  });

  test("an error without a number is told by its message, not as an unknown code", async () => {
    const broken: EtApplication = {
      DisplayAlerts: true,
      get ActiveWorkbook(): never {
        throw new Error("对象已断开连接");
      },
    };
    const e = await failure(new WpsHost(broken).read({}));
    expect(e.detail).toEqual({ code: "excel-failed", action: "read", error: "对象已断开连接" });
    expect(problemText(e)).toContain("对象已断开连接");
    expect(problemText(e)).not.toContain("未知");
  });
});

describe("apply: sheets", () => {
  test("addSheet at a position keeps the tab order around it and the sheet shown", async () => {
    const { apply, tabs, book } = setUp([ledger(), newEtSheet("汇总"), newEtSheet("说明")], "汇总");
    await apply({ op: "addSheet", name: "2026年第三季度汇总", position: 1 });
    expect(tabs()).toEqual(["台账", "2026年第三季度汇总", "汇总", "说明"]);
    expect(book.active).toBe("汇总");
    await apply({ op: "addSheet", name: "附表" });
    expect(tabs()).toEqual(["台账", "2026年第三季度汇总", "汇总", "说明", "附表"]);
    await apply({ op: "addSheet", name: "首页", position: 0 });
    expect(tabs()[0]).toBe("首页");
    await apply({ op: "addSheet", name: "末页", position: 99 });
    expect(tabs().at(-1)).toBe("末页");
    expect(book.active).toBe("汇总");
  });

  test("addSheet very hidden: the person sees no new tab and stays where they were", async () => {
    const { apply, book, sheet } = setUp([ledger()]);
    await apply({ op: "addSheet", name: "_草稿", veryHidden: true });
    expect(sheet("_草稿").visible).toBe(2);
    expect(book.active).toBe("台账");
  });

  test("addSheet or renameSheet onto a name in use (in any case) is refused before anything changes", async () => {
    const { host, tabs } = setUp([ledger(), newEtSheet("Summary")]);
    expect((await failure(host.apply([{ op: "addSheet", name: "台账" }], "summary"))).detail).toEqual({ code: "sheet-exists", sheet: "台账" });
    expect((await failure(host.apply([{ op: "renameSheet", from: "台账", to: "SUMMARY" }], "summary"))).detail).toEqual({ code: "sheet-exists", sheet: "SUMMARY" });
    expect(tabs()).toEqual(["台账", "Summary"]);
  });

  test("renameSheet; the sheet shown keeps being shown under its new name", async () => {
    const { apply, tabs, book } = setUp([ledger(), newEtSheet("汇总")]);
    await apply({ op: "renameSheet", from: "台账", to: "台账（旧）" }, { op: "renameSheet", from: "汇总", to: "汇总" });
    expect(tabs()).toEqual(["台账（旧）", "汇总"]);
    expect(book.active).toBe("台账（旧）");
  });

  test("moveSheet to a tab position, forwards, backwards and to the end", async () => {
    const { apply, tabs } = setUp(["A", "B", "C", "D"].map((n) => newEtSheet(n)));
    await apply({ op: "moveSheet", name: "A", position: 2 });
    expect(tabs()).toEqual(["B", "C", "A", "D"]);
    await apply({ op: "moveSheet", name: "D", position: 0 });
    expect(tabs()).toEqual(["D", "B", "C", "A"]);
    await apply({ op: "moveSheet", name: "B", position: 3 });
    expect(tabs()).toEqual(["D", "C", "A", "B"]);
  });

  test("deleteSheet without WPS asking the person, a very hidden one too; DisplayAlerts as it was", async () => {
    const meta = newEtSheet(METADATA_SHEET);
    meta.visible = 2;
    const { apply, tabs, book } = setUp([ledger(), newEtSheet("汇总"), meta]);
    await apply({ op: "deleteSheet", name: "汇总" }, { op: "deleteSheet", name: METADATA_SHEET });
    expect(tabs()).toEqual(["台账"]);
    expect(book.confirmations).toEqual([]);
    expect(book.displayAlerts).toBe(true);
  });

  test("an operation on a sheet that does not exist is sheet-missing", async () => {
    const { host } = setUp([ledger()]);
    expect((await failure(host.apply([{ op: "deleteSheet", name: "没有" }], "write"))).detail).toEqual({ code: "sheet-missing", sheet: "没有" });
    expect((await failure(host.apply([{ op: "fill", sheet: "没有", cells: ["A1"], fill: null }], "write"))).detail).toEqual({ code: "sheet-missing", sheet: "没有" });
  });

  test("activate shows a sheet and selects a cell of it", async () => {
    const { apply, book } = setUp([ledger(), newEtSheet("汇总")]);
    await apply({ op: "activate", sheet: "汇总" });
    expect(book.active).toBe("汇总");
    await apply({ op: "activate", sheet: "台账", cell: "B3" });
    expect(book.active).toBe("台账");
    expect(book.selected).toEqual({ sheet: "台账", cell: "B3" });
  });

  test("with structure protection, adding a sheet fails as WPS fails", async () => {
    const { host, book } = setUp([ledger()]);
    book.structureProtected = true;
    expect((await failure(host.apply([{ op: "addSheet", name: "汇总" }], "summary"))).detail).toMatchObject({ code: "excel-failed", action: "summary", error: "1004" });
  });
});

describe("apply: drawing", () => {
  test("merge: the area merged, the top-left value kept, WPS asking nothing", async () => {
    const { apply, sheet, book, look } = setUp([newEtSheet("表", [["类目一"], ["类目一"], ["类目一"]])]);
    await apply({ op: "merge", sheet: "表", range: { top: 0, left: 0, bottom: 2, right: 0 } });
    expect(sheet("表").merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 0 }]);
    expect(look("表", "A1").value).toBe("类目一");
    expect(book.confirmations).toEqual([]);
    expect(book.displayAlerts).toBe(true);
  });

  test("style: font, fill, alignment, wrapping, number format", async () => {
    const { apply, sheet } = setUp([newEtSheet("表")]);
    await apply({
      op: "style",
      sheet: "表",
      range: { top: 0, left: 0, bottom: 1, right: 1 },
      style: { bold: true, size: 16, color: "#1F4E79", underline: true, fill: "#D9E1F2", align: "center", valign: "middle", wrap: true, numberFormat: "0.0%" },
    });
    const c = etCell(sheet("表"), "B2");
    expect(c).toMatchObject({ bold: true, size: 16, fontColor: bgrOf("#1F4E79"), underline: 2, pattern: 1, color: bgrOf("#D9E1F2"), hAlign: -4108, vAlign: -4108, wrap: true, numberFormat: "0.0%" });
    await apply({ op: "style", sheet: "表", range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { align: "left", valign: "top", underline: false, bold: false } });
    expect(etCell(sheet("表"), "A1")).toMatchObject({ hAlign: -4131, vAlign: -4160, underline: -4142, bold: false });
    await apply({ op: "style", sheet: "表", range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { align: "right" } });
    expect(etCell(sheet("表"), "A1").hAlign).toBe(-4152);
    // Properties not in the style stay as they were.
    expect(etCell(sheet("表"), "A1").size).toBe(16);
  });

  test("style: thin lines around every cell of a block, or one under a blank to fill", async () => {
    const { apply, sheet } = setUp([newEtSheet("表")]);
    await apply({ op: "style", sheet: "表", range: { top: 0, left: 0, bottom: 2, right: 2 }, style: { border: { around: "#808080" } } });
    for (const cell of ["A1", "B2", "C3", "A3", "C1"])
      for (const side of ["top", "bottom", "left", "right"] as const) expect(etLine(sheet("表"), cell, side)).toEqual({ lineStyle: 1, weight: 2, color: bgrOf("#808080") });
    expect(etLine(sheet("表"), "D2", "right")).toBeUndefined();
    await apply({ op: "style", sheet: "表", range: { top: 5, left: 1, bottom: 5, right: 3 }, style: { border: { under: "#000000" } } });
    expect(etLine(sheet("表"), "C6", "bottom")).toEqual({ lineStyle: 1, weight: 2, color: 0 });
    expect(etLine(sheet("表"), "C6", "top")).toBeUndefined();
    expect(etLine(sheet("表"), "B6", "left")).toBeUndefined();
    // One cell: its four edges, no lines inside.
    await apply({ op: "style", sheet: "表", range: { top: 9, left: 0, bottom: 9, right: 0 }, style: { border: { around: "#808080" } } });
    expect(etLine(sheet("表"), "A10", "right")).toBeDefined();
  });

  test("column widths in characters from column A, hidden columns, row heights in points", async () => {
    const { apply, sheet } = setUp([newEtSheet("表")]);
    await apply({ op: "columnWidths", sheet: "表", widths: [6, 40, 18] }, { op: "hideColumns", sheet: "表", columns: [3, 5] }, { op: "rowHeights", sheet: "表", heights: [{ row: 0, height: 30 }, { row: 4, height: 48 }] });
    expect([...sheet("表").columnWidths]).toEqual([[1, 6], [2, 40], [3, 18]]);
    expect([...sheet("表").hiddenColumns].sort()).toEqual([3, 5]);
    expect([...sheet("表").rowHeights]).toEqual([[1, 30], [5, 48]]);
  });

  test("freeze: the first rows of a sheet not shown, scrolled down, are frozen; the sheet shown stays shown", async () => {
    const { apply, sheet, book } = setUp([ledger(), newEtSheet("汇总")], "台账");
    Object.assign(sheet("汇总").view, { scrollRow: 40, scrollColumn: 3, splitRow: 5, splitColumn: 2, frozen: true });
    await apply({ op: "freeze", sheet: "汇总", rows: 2 });
    expect(sheet("汇总").view).toEqual({ scrollRow: 1, scrollColumn: 1, splitRow: 2, splitColumn: 0, frozen: true });
    expect(book.active).toBe("台账");
    expect(sheet("台账").view.frozen).toBe(false);
    await apply({ op: "freeze", sheet: "台账", rows: 3 });
    expect(sheet("台账").view).toMatchObject({ scrollRow: 1, splitRow: 3, frozen: true });
    expect(book.active).toBe("台账");
    await apply({ op: "freeze", sheet: "台账", rows: 0 });
    expect(sheet("台账").view.frozen).toBe(false);
  });

  test("freeze on a very hidden sheet: frozen, and hidden again as it was, the person still on their sheet", async () => {
    const hidden = newEtSheet("_记录");
    hidden.visible = 2;
    const { apply, sheet, book } = setUp([ledger(), hidden]);
    await apply({ op: "freeze", sheet: "_记录", rows: 1 });
    expect(sheet("_记录").view).toMatchObject({ splitRow: 1, frozen: true });
    expect(sheet("_记录").visible).toBe(2);
    expect(book.active).toBe("台账");
  });

  test("printTitles and page: rows repeated on every page, A4 landscape one page wide, the footer with its page numbers", async () => {
    const { apply, sheet } = setUp([newEtSheet("表")]);
    await apply({ op: "printTitles", sheet: "表", from: 1, to: 2 }, { op: "page", sheet: "表", footer: { left: "区政府办 && 督查室", right: "第 &P 页，共 &N 页" } });
    expect(sheet("表").pageSetup).toEqual({
      PrintTitleRows: "$2:$3",
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      LeftFooter: "区政府办 && 督查室",
      RightFooter: "第 &P 页，共 &N 页",
    });
    const plain = setUp([newEtSheet("表")]);
    await plain.apply({ op: "page", sheet: "表" });
    expect(plain.sheet("表").pageSetup.LeftFooter).toBeUndefined();
  });

  test("protect: the open ranges unlocked, the sheet protected without a password, row and column sizes free", async () => {
    const { apply, sheet } = setUp([newEtSheet("表", [["单位", "进展"], ["区园林局", ""]])]);
    await apply({ op: "protect", sheet: "表", open: [{ top: 1, left: 1, bottom: 2, right: 1 }] });
    expect(sheet("表").protected).toBe(true);
    expect(sheet("表").protection).toEqual(["", true, true, true, false, false, true, true]);
    expect(etCell(sheet("表"), "B2").locked).toBe(false);
    expect(etCell(sheet("表"), "B3").locked).toBe(false);
    expect(etCell(sheet("表"), "A2").locked).toBe(true);
  });

  test("link: to a cell of a sheet whose name needs quoting, showing its text as text", async () => {
    const { apply, sheet, look } = setUp([ledger(), newEtSheet("表")]);
    await apply({ op: "link", sheet: "表", cell: "A2", target: { sheet: "台账 (it's)", cell: "B3" }, text: "=任务1" });
    expect(sheet("表").links.get("A2")).toBe("'台账 (it''s)'!B3");
    expect(look("表", "A2").value).toBe("=任务1");
    expect(etCell(sheet("表"), "A2").formula).toBeUndefined();
  });

  test("table, chart and dropLegacySettings change nothing here", async () => {
    const { host, apply, book } = setUp([ledger()]);
    expect([...host.lacks].sort()).toEqual(["charts", "tables"]);
    const before = JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]));
    await apply(
      { op: "table", sheet: "台账", range: { top: 1, left: 0, bottom: 3, right: 3 }, name: "T1" },
      { op: "chart", sheet: "台账", title: "t", categories: { top: 0, left: 0, bottom: 1, right: 0 }, values: { top: 0, left: 1, bottom: 1, right: 1 }, at: { top: 5, left: 5, bottom: 9, right: 9 } },
      { op: "dropLegacySettings" },
    );
    expect(JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
  });
});

describe("apply: metadata", () => {
  const rowsOf = (s: FakeEtSheet) => {
    const out: unknown[][] = [];
    for (const [key, c] of s.cells) {
      const [r, col] = key.split(",").map(Number) as [number, number];
      if (c.value === null) continue;
      (out[r - 1] ??= [])[col - 1] = c.value;
    }
    return out;
  };

  test("the rows as text on a new very hidden sheet at the end; the sheet shown stays shown", async () => {
    const { apply, tabs, book, sheet } = setUp([ledger(), newEtSheet("汇总")], "汇总");
    await apply({ op: "metadata", rows: [["version", "2"], ["mark", "台账", "B3", "007", "=x"]] });
    expect(tabs()).toEqual(["台账", "汇总", METADATA_SHEET]);
    expect(sheet(METADATA_SHEET).visible).toBe(2);
    expect(book.active).toBe("汇总");
    expect(rowsOf(sheet(METADATA_SHEET))).toEqual([["version", "2"], ["mark", "台账", "B3", "007", "=x"]]);
  });

  test("fewer, narrower rows over an older record: what it left below and to the right is cleared", async () => {
    const meta = newEtSheet(METADATA_SHEET, [["version", "2", "", "", "", "旧"], ["mark", "台账", "B3", "{}"], ["mark", "台账", "B4", "{}"], ["write", "台账", "C3"]]);
    meta.visible = 2;
    const { apply, sheet, tabs } = setUp([ledger(), meta]);
    await apply({ op: "metadata", rows: [["version", "2"], ["mark", "台账", "B4"]] });
    expect(rowsOf(sheet(METADATA_SHEET))).toEqual([["version", "2"], ["mark", "台账", "B4"]]);
    expect(tabs()).toEqual(["台账", METADATA_SHEET]);
    await apply({ op: "metadata", rows: [] });
    expect(rowsOf(sheet(METADATA_SHEET))).toEqual([]);
  });

  test("no rows and no metadata sheet: no sheet is added", async () => {
    const { apply, tabs } = setUp([ledger()]);
    await apply({ op: "metadata", rows: [] });
    expect(tabs()).toEqual(["台账"]);
  });
});

describe("the workbook it read", () => {
  function twoBooks() {
    const a = newEtBook([ledger()]);
    a.fullName = "D:\\督查室\\甲.xlsx";
    const b = newEtBook([newEtSheet("台账", [["别的工作簿"]])]);
    b.fullName = "D:\\个人\\乙.xlsx";
    const app = fakeEtApplication(a, b);
    return { a, b, app, host: new WpsHost(app) };
  }
  const snapshot = (book: FakeEtBook) => JSON.stringify(book.sheets.map((s) => [s.name, s.visible, [...s.cells], [...s.comments]]));

  test("switched to another workbook between the read and the write: refused, nothing written into either", async () => {
    const { a, b, app, host } = twoBooks();
    const read: WorkbookRead = await host.read({ grids: [{ name: "台账" }] });
    expect(read.identity).toBe("D:\\督查室\\甲.xlsx");
    app.show(b);
    const before = [snapshot(a), snapshot(b)];
    const ops: Op[] = [
      { op: "fill", sheet: "台账", cells: ["A1"], fill: { color: "#FFC7CE" } },
      { op: "metadata", rows: [["version", "2"]] },
    ];
    const e = await failure(host.apply(ops, "mark"));
    expect(e.detail).toEqual({ code: "excel-failed", action: "mark", error: "workbook-changed" });
    expect(problemText(e)).toBe("标记台账失败：当前窗口已换成另一个工作簿，督办助手没有写入任何内容：请切回刚才检查的工作簿，重新检查后再试。");
    expect([snapshot(a), snapshot(b)]).toEqual(before);
    // Back on the workbook it read, the write goes through; after reading the other, into that one.
    app.show(a);
    await host.apply(ops, "mark");
    expect(hexOf(etCell(a.sheets[0]!, "A1").color)).toBe("#FFC7CE");
    app.show(b);
    await host.read({});
    await host.apply([{ op: "values", sheet: "台账", row: 1, col: 0, rows: [["乙"]] }], "write");
    expect(etCell(b.sheets[0]!, "A2").value).toBe("乙");
    expect(etCell(a.sheets[0]!, "A2").value).toBe("序号");
  });

  test("two workbooks never saved, told apart by their names", async () => {
    const a = newEtBook([ledger()]);
    const b = newEtBook([ledger()]);
    b.name = "工作簿2";
    const app = fakeEtApplication(a, b);
    const host = new WpsHost(app);
    await host.read({});
    app.show(b);
    expect((await failure(host.apply([{ op: "numberFormat", sheet: "台账", cell: "A1", format: "@" }], "write"))).detail).toMatchObject({ error: "workbook-changed" });
    expect(etCell(b.sheets[0]!, "A1").numberFormat).toBe("General");
  });
});
