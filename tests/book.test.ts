// The procedures of src/app/book.ts, tested once over a port that keeps a workbook as plain data
// (tests/helpers/memoryPort.ts): what each reads, what it applies and in which order, and what the
// workbook holds after. The contract suite checks that every host carries each primitive out exactly.
import { Book, SUMMARY_DRAFT_SHEET } from "../src/app/book";
import { HostError } from "../src/app/port";
import { MARK_COLORS, NOTE_PREFIX, type Mark } from "../src/core/marks";
import { noteDigest } from "../src/core/markNotes";
import { METADATA_SHEET, readMetadata } from "../src/core/metadata";
import { decodeLook, decodeWritten } from "../src/core/records";
import type { SummarySheetPlan } from "../src/core/summarySheet";
import { MemoryPort } from "./helpers/memoryPort";

const LEDGER = {
  台账: [
    ["序号", "目标任务", "牵头单位", "三季度进展"],
    [1, "新建口袋公园3个。", "区园林局", ""],
    [2, "完成老旧小区改造30个。", "区住更局", "正在推进"],
    [3, "新增就业2万人。", "区人社局", "新增就业1.6万人。"],
  ],
  部门目录: [["单位名称"], ["区园林局"]],
};

function mark(cell: string, kind: "missing" | "weak" | "unit" = "missing"): Mark {
  return { sheet: "台账", cell, row: 0, col: 0, kind, color: MARK_COLORS[kind], note: `${NOTE_PREFIX}${kind}`, findings: [] };
}

function setup() {
  const port = MemoryPort.of(LEDGER);
  // A person's own look on D3: a fill and a note.
  Object.assign(port.cell("台账", "D3"), { fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" });
  return { port, book: new Book(port) };
}

const metaOf = (port: MemoryPort) => readMetadata(port.sheets.find((s) => s.name === METADATA_SHEET) ? { name: METADATA_SHEET, rows: port.rowsOf(port.sheet(METADATA_SHEET)), merges: [] } : undefined);

describe("marking", () => {
  test("marks cells over their own look, recording it first; the note goes under the person's own", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3", "weak")]);
    expect(port.cell("台账", "D2").fill).toEqual({ color: MARK_COLORS.missing });
    expect(port.cell("台账", "D3").fill).toEqual({ color: MARK_COLORS.weak });
    expect(port.cell("台账", "D3").note).toBe(`由区住建局填写\n——\n${NOTE_PREFIX}weak`);
    const records = metaOf(port).marks;
    expect(records.map((r) => [r.cell, r.key])).toEqual([
      ["D2", "missing"],
      ["D3", "weak"],
    ]);
    expect(decodeLook(records[1]!.original)).toEqual({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: { before: "由区住建局填写", wrote: noteDigest(`由区住建局填写\n——\n${NOTE_PREFIX}weak`) } });
    // The records go before any fill: the first operation of the write.
    expect(port.applied[0]![0]!.op).toBe("metadata");
    expect(port.sheet(METADATA_SHEET).veryHidden).toBe(true);
  });

  test("one read for the marks, with the looks of the cells marked at the last read; one apply", async () => {
    const { port, book } = setup();
    await book.info();
    await book.mark("台账", [mark("D2"), mark("D3")]);
    await book.info();
    port.reads.length = 0;
    port.applied.length = 0;
    await book.mark("台账", [mark("D4")]);
    expect(port.reads).toHaveLength(1);
    expect(port.reads[0]!.looks).toEqual([{ sheet: "台账", cells: ["D4", "D2", "D3"] }]);
    expect(port.applied).toHaveLength(1);
  });

  test("cells marked by someone else since the last read: their looks in one more read", async () => {
    const { port, book } = setup();
    await new Book(port).mark("台账", [mark("D2")]);
    port.reads.length = 0;
    await book.mark("台账", [mark("D4")]);
    expect(port.reads.map((r) => r.looks)).toEqual([[{ sheet: "台账", cells: ["D4"] }], [{ sheet: "台账", cells: ["D2"] }]]);
    expect(port.cell("台账", "D2").fill).toBeNull();
  });

  test("a second check puts back what is fixed; a cell marked again keeps its first look; clearing restores exactly", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3", "weak")]);
    await book.mark("台账", [mark("D3", "missing")]);
    expect(port.cell("台账", "D2").fill).toBeNull();
    expect(port.cell("台账", "D2").note).toBeNull();
    expect(port.cell("台账", "D3").fill).toEqual({ color: MARK_COLORS.missing });
    expect(port.cell("台账", "D3").note).toBe(`由区住建局填写\n——\n${NOTE_PREFIX}missing`);
    expect(await book.clearMarks()).toBe(1);
    expect(port.cell("台账", "D3")).toMatchObject({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" });
    // Nothing left to remember: the metadata sheet goes.
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录"]);
  });

  test("a note the person edited after the mark is theirs: clearing leaves it", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    port.cell("台账", "D2").note = "已电话催办";
    await book.clearMarks();
    expect(port.cell("台账", "D2")).toMatchObject({ fill: null, note: "已电话催办" });
  });

  test("no note where none can be written (a threaded comment) or read (older Excel): the fill alone, and clearing takes only it", async () => {
    const { port, book } = setup();
    port.cell("台账", "D2").threaded = true;
    await book.mark("台账", [mark("D2")]);
    expect(port.cell("台账", "D2").note).toBeNull();
    expect(decodeLook(metaOf(port).marks[0]!.original).note).toEqual({ before: null, wrote: null });
    const blind = setup();
    blind.port.notesUnreadable = true;
    await blind.book.mark("台账", [mark("D3")]);
    expect(blind.port.cell("台账", "D3").note).toBe("由区住建局填写");
    expect(decodeLook(metaOf(blind.port).marks[0]!.original).note).toEqual({ before: undefined, wrote: null });
    await blind.book.clearMarks();
    expect(blind.port.cell("台账", "D3")).toMatchObject({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" });
  });

  test("a protected sheet is refused before anything is written", async () => {
    const { port, book } = setup();
    port.sheet("台账").protected = true;
    await expect(book.mark("台账", [mark("D2")])).rejects.toMatchObject({ detail: { code: "sheet-protected", sheet: "台账", action: "mark" } });
    expect(port.applied).toEqual([]);
  });

  test("no metadata sheet and a protected structure: refused before anything is written", async () => {
    const { port, book } = setup();
    port.structureProtected = true;
    await expect(book.mark("台账", [mark("D2")])).rejects.toMatchObject({ detail: { code: "workbook-protected" } });
    expect(port.applied).toEqual([]);
  });

  test("a write that stops half-way says 清除标记 puts it back, and it does", async () => {
    const { port, book } = setup();
    port.failAt = { index: port.applied.flat().length + 2, error: "GeneralException" };
    const e = await book.mark("台账", [mark("D2"), mark("D3", "weak")]).catch((x: unknown) => x);
    expect((e as HostError).detail).toEqual({ code: "excel-failed", action: "mark", error: "GeneralException", recovery: "clear-marks" });
    port.failAt = undefined;
    await book.clearMarks();
    expect(port.cell("台账", "D2")).toMatchObject({ fill: null, note: null });
    expect(port.cell("台账", "D3")).toMatchObject({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" });
  });

  test("a renamed ledger keeps its marks: the next check and 清除标记 of that sheet take them over", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3")]);
    port.sheet("台账").name = "2026年台账";
    // Clearing every sheet cannot tell which sheet the old one became: those marks are kept.
    expect(await book.clearMarks()).toBe(0);
    expect(metaOf(port).marks).toHaveLength(2);
    expect(await book.clearMarks("2026年台账")).toBe(2);
    expect(port.cell("2026年台账", "D3")).toMatchObject({ fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" });
  });

  test("records of earlier versions (each host's own form) are put back", async () => {
    const { port, book } = setup();
    const legacy = [
      ["类型", "工作表", "单元格", "键", "内容"],
      ["mark", "台账", "D2", "missing", JSON.stringify({ host: "excel", fill: { color: "#FFFF00", pattern: "Solid", tintAndShade: null }, note: null, wrote: null })],
      ["mark", "台账", "D3", "weak", JSON.stringify({ host: "xlsx", fill: { type: "pattern", pattern: "solid", fgColor: { theme: 4 } }, note: { texts: [{ text: "原批注" }] }, wrote: noteDigest(`原批注\n——\n${NOTE_PREFIX}x`) })],
      ["mark", "台账", "D4", "weak", JSON.stringify({ host: "wps", fill: null, note: null })],
    ];
    await port.apply([{ op: "metadata", rows: legacy }], "mark");
    port.cell("台账", "D3").note = `原批注\n——\n${NOTE_PREFIX}x`;
    port.cell("台账", "D4").note = `${NOTE_PREFIX}old`;
    expect(await book.clearMarks()).toBe(3);
    expect(port.cell("台账", "D2").fill).toEqual({ color: "#FFFF00", pattern: "Solid" });
    expect(port.cell("台账", "D3").fill).toEqual({ color: "#FFFFFF", native: { host: "xlsx", value: { type: "pattern", pattern: "solid", fgColor: { theme: 4 } } } });
    expect(port.cell("台账", "D3").note).toBe("原批注");
    // A record from before digests: the add-in's note is told by its prefix.
    expect(port.cell("台账", "D4")).toMatchObject({ fill: null, note: null });
  });
});

describe("writing and undoing", () => {
  test("writes texts recording what each cell held first; undo puts back those not changed since", async () => {
    const { port, book } = setup();
    Object.assign(port.cell("台账", "D4"), { formula: "=B4", value: "新增就业2万人。", numberFormat: "General" });
    await book.writeCells("台账", [{ cell: "D2", text: "已建成2个。" }, { cell: "D3", text: "=完成20个" }, { cell: "D4", text: "新增1.8万人。" }], "合并回报 2026Q3");
    expect(port.applied[0]![0]!.op).toBe("metadata");
    expect(port.cell("台账", "D3")).toMatchObject({ value: "=完成20个", numberFormat: "@" });
    expect(decodeWritten(metaOf(port).writes[2]!.original)).toEqual({ content: { formula: "=B4", numberFormat: "General" }, written: "新增1.8万人。" });
    port.cell("台账", "D2").value = "已建成3个。";
    expect(await book.undoWrites()).toEqual({ label: "合并回报 2026Q3", restored: 2, kept: ["台账!D2"] });
    expect(port.cell("台账", "D3")).toMatchObject({ value: "正在推进", numberFormat: "General" });
    expect(port.cell("台账", "D4")).toMatchObject({ formula: "=B4", numberFormat: "General" });
    expect(port.cell("台账", "D2").value).toBe("已建成3个。");
    expect(await book.undoWrites()).toBeUndefined();
  });

  test("a write that stopped half-way: undo puts back the number format of a cell never written", async () => {
    const { port, book } = setup();
    port.failAt = { index: port.applied.flat().length + 1, error: "GeneralException" };
    const e = await book.writeCells("台账", [{ cell: "D3", text: "完成20个。" }], "合并回报 2026Q3").catch((x: unknown) => x);
    expect((e as HostError).detail).toMatchObject({ recovery: "undo-merge" });
    port.failAt = undefined;
    port.cell("台账", "D3").numberFormat = "@"; // as a host leaves it when the value did not follow
    expect(await book.undoWrites()).toEqual({ label: "合并回报 2026Q3", restored: 1, kept: [] });
    expect(port.cell("台账", "D3")).toMatchObject({ value: "正在推进", numberFormat: "General" });
  });

  test("records of earlier versions: an .xlsx host's value, an Excel host's formula", async () => {
    const { port, book } = setup();
    const rows = [
      ["类型", "工作表", "单元格", "键", "内容"],
      ["write", "台账", "D2", "合并回报 2026Q2", JSON.stringify({ host: "xlsx", value: 42, written: "甲" })],
      ["write", "台账", "D3", "合并回报 2026Q2", JSON.stringify({ host: "excel", formula: "=1+1", numberFormat: "0.00", written: "乙" })],
    ];
    await port.apply([{ op: "metadata", rows }, { op: "values", sheet: "台账", row: 1, col: 3, rows: [["甲"], ["乙"]] }], "write");
    expect(await book.undoWrites()).toMatchObject({ restored: 2 });
    expect(port.cell("台账", "D2")).toMatchObject({ value: 42, numberFormat: "General" });
    expect(port.cell("台账", "D3")).toMatchObject({ formula: "=1+1", numberFormat: "0.00" });
  });

  test("setTexts refuses a protected sheet and a missing one", async () => {
    const { port, book } = setup();
    await expect(book.setTexts("没有", [{ cell: "A1", text: "x" }])).rejects.toMatchObject({ detail: { code: "sheet-missing" } });
    port.sheet("台账").protected = true;
    await expect(book.setTexts("台账", [{ cell: "C3", text: "区住房保障和房屋管理局" }])).rejects.toMatchObject({ detail: { code: "sheet-protected", action: "set-text" } });
    port.sheet("台账").protected = false;
    await book.setTexts("台账", [{ cell: "C3", text: "区住房保障和房屋管理局" }]);
    expect(port.cell("台账", "C3").value).toBe("区住房保障和房屋管理局");
  });
});

describe("sheets", () => {
  const plan = (name: string): SummarySheetPlan => ({
    name,
    quarter: "2026Q3",
    stamp: "督办助手生成 2026-10-12",
    widths: [8, 40],
    blocks: [
      { kind: "text", style: "title", text: "汇总" },
      { kind: "table", name: "DubanTotals", header: ["序号", "单位"], rows: [[1, "区园林局"], [2, "区人社局"]] },
      { kind: "chart", title: "报送率", table: "DubanTotals", categoryColumn: 1, valueColumn: 0 },
    ],
  });

  test("a summary replacing the add-in's own takes its tab position, its tables' names, and is recorded", async () => {
    const { port, book } = setup();
    await book.writeSummary(plan("2026年第三季度汇总"), false);
    await port.apply([{ op: "addSheet", name: "备注" }], "add-sheet");
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录", "2026年第三季度汇总", METADATA_SHEET, "备注"]);
    await book.writeSummary(plan("2026年第三季度汇总"), true);
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录", "2026年第三季度汇总", METADATA_SHEET, "备注"]);
    expect(port.sheet("2026年第三季度汇总").tables).toEqual(["DubanTotals"]);
    expect(metaOf(port).summaries).toEqual([{ key: "2026Q3", sheet: "2026年第三季度汇总", stamp: "督办助手生成 2026-10-12" }]);
    expect([port.active, port.selected]).toEqual(["2026年第三季度汇总", "A1"]);
    // The chart is drawn where the host draws charts.
    expect(port.applied.at(-1)!.some((o) => o.op === "chart")).toBe(true);
  });

  test("a table name another sheet holds (a renamed old summary) is not taken; a host without charts gets none", async () => {
    const port = new MemoryPort(MemoryPort.of(LEDGER).sheets, new Set(["charts"]));
    port.sheets.push({ name: "旧汇总", cells: new Map(), merges: [], tables: ["DubanTotals"] });
    await new Book(port).writeSummary(plan("2026年第三季度汇总"), false);
    expect(port.sheet("2026年第三季度汇总").tables).toEqual(["DubanTotals_2"]);
    expect(port.applied.flat().some((o) => o.op === "chart")).toBe(false);
  });

  test("a summary over a sheet a person made is refused; a protected structure too", async () => {
    const { port, book } = setup();
    await expect(book.writeSummary(plan("台账"), false)).rejects.toMatchObject({ detail: { code: "sheet-exists" } });
    port.structureProtected = true;
    await expect(book.writeSummary(plan("汇总"), false)).rejects.toMatchObject({ detail: { code: "workbook-protected" } });
    expect(port.applied).toEqual([]);
  });

  test.each([
    ["while drawing", "draft", "kept"],
    ["after the old sheet went", "swap", "done"],
  ])("a summary write that stops %s leaves the old summary or the new one, never neither", async (_when, at, outcome) => {
    const { port, book } = setup();
    await book.writeSummary(plan("2026年第三季度汇总"), false);
    port.sheet("2026年第三季度汇总").cells.set("A1", { value: "旧", numberFormat: "@", fill: null, note: null });
    const before = port.applied.flat().length;
    // Find the index of the operation to fail at: the renaming (after the old sheet is deleted) or one while drawing.
    const dry = setup();
    await dry.book.writeSummary(plan("2026年第三季度汇总"), false);
    dry.port.applied.length = 0;
    await dry.book.writeSummary(plan("2026年第三季度汇总"), true);
    const list = dry.port.applied[0]!;
    const index = at === "draft" ? list.findIndex((o) => o.op === "values") : list.findIndex((o) => o.op === "renameSheet");
    port.failAt = { index: before + index, error: "GeneralException" };
    const e = await book.writeSummary(plan("2026年第三季度汇总"), true).catch((x: unknown) => x);
    const names = port.sheets.map((s) => s.name);
    expect(names).not.toContain(SUMMARY_DRAFT_SHEET);
    expect(names).toContain("2026年第三季度汇总");
    if (outcome === "kept") {
      expect((e as HostError).detail).toMatchObject({ code: "excel-failed", action: "summary", keptSheet: "2026年第三季度汇总" });
      expect(port.cell("2026年第三季度汇总", "A1").value).toBe("旧");
    } else {
      expect(e).toBeUndefined();
      expect(port.applied.flat().length).toBeGreaterThan(before + index);
      expect(port.cell("2026年第三季度汇总", "A1").value).toBe("汇总");
      expect(names.indexOf("2026年第三季度汇总")).toBe(2);
    }
  });

  test("a new laid-out sheet: never over an existing one; one that stops half-way is taken away", async () => {
    const { port, book } = setup();
    const layout = { name: "部门目录2", columns: [{ header: "单位名称", width: 20 }], rows: [["区财政局"]] };
    await expect(book.addSheet({ ...layout, name: "部门目录" })).rejects.toMatchObject({ detail: { code: "sheet-exists" } });
    port.failAt = { index: port.applied.flat().length + 3, error: "GeneralException" };
    const e = await book.addSheet(layout).catch((x: unknown) => x);
    expect((e as HostError).detail).toMatchObject({ action: "add-sheet", removedSheet: "部门目录2" });
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录"]);
    port.failAt = undefined;
    await book.addSheet(layout);
    expect(port.active).toBe("部门目录2");
    expect(port.cell("部门目录2", "A2").value).toBe("区财政局");
  });

  test("settings go into the metadata sheet, and nothing else is written", async () => {
    const { port, book } = setup();
    await book.saveSettings('{"headerRow":2}');
    expect(metaOf(port).settings).toBe('{"headerRow":2}');
    expect(port.applied[0]!.map((o) => o.op)).toEqual(["metadata"]);
  });
});
