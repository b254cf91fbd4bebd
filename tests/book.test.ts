// The procedures of src/app/book.ts, tested once over a port that keeps a workbook as plain data
// (tests/helpers/memoryPort.ts): what each reads, what it applies and in which order, and what the
// workbook holds after. The contract suite checks that every host carries each primitive out exactly.
import { Book, book as bookOf, SUMMARY_DRAFT_SHEET } from "../src/app/book";
import { HostError } from "../src/app/port";
import { MARK_COLORS, NOTE_PREFIX, type Mark } from "../src/core/marks";
import { noteDigest } from "../src/core/markNotes";
import { METADATA_SHEET, readMetadata } from "../src/core/metadata";
import { decodeLook, decodeWritten, encodeLook } from "../src/core/records";
import type { SummarySheetPlan } from "../src/core/summarySheet";
import type { Op } from "../src/core/ops";
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

// ———————————————————————————————————————————————————————————————————————————————————————————————
// What each procedure reads and refuses, what the workbook holds after it, and where a stop half-way
// leaves the person: every procedure's failure names the procedure, and what it wrote can be put back.

const names = (port: MemoryPort) => port.sheets.map((s) => s.name);
const excelFailed = (error = "GeneralException") => new HostError({ code: "excel-failed", action: "read", error });
const PERSON = { fill: { color: "#DDEBF7", pattern: "Solid" }, note: "由区住建局填写" };
/** The looks of the ledger's progress cells, as the person sees them. */
const looksOf = (port: MemoryPort, cells = ["D2", "D3", "D4"]) => cells.map((c) => ({ fill: port.cell("台账", c).fill, note: port.cell("台账", c).note }));
const UNMARKED = [{ fill: null, note: null }, PERSON, { fill: null, note: null }];

const Q3 = "2026年第三季度汇总";
/** A summary as the add-in draws it: the stamp leads its second row, the metadata keeps it to know the sheet again. */
const summary = (name: string, stamp: string, quarter = "2026Q3"): SummarySheetPlan => ({
  name,
  quarter,
  stamp,
  widths: [8, 40],
  blocks: [
    { kind: "text", style: "title", text: `${quarter} 汇总` },
    { kind: "text", style: "subtitle", text: `${stamp} · 数据来源：工作表“台账”` },
    { kind: "table", name: `Duban${quarter}Totals`, header: ["序号", "单位"], rows: [[1, "区园林局"], [2, "区人社局"]] },
    { kind: "chart", title: "报送率", table: `Duban${quarter}Totals`, categoryColumn: 1, valueColumn: 0 },
  ],
});
const OLD_STAMP = "由督办助手生成（2026Q3，2026-10-12）";
const NEW_STAMP = "由督办助手生成（2026Q3，2026-10-20）";
const stampOn = (port: MemoryPort, sheet: string) => String(port.cell(sheet, "A2").value ?? "");

describe("reading", () => {
  test("info: the sheets in tab order, the active one, the metadata sheet and an earlier version's settings only when there are some", async () => {
    const { port, book } = setup();
    expect(await book.info()).toStrictEqual({ sheets: [{ name: "台账", visible: true }, { name: "部门目录", visible: true }], active: "台账" });
    await book.saveSettings('{"headerRow":1}');
    port.legacySettings = '{"headerRow":2}';
    const info = await book.info();
    expect(info.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["台账", true],
      ["部门目录", true],
      [METADATA_SHEET, false],
    ]);
    expect(readMetadata(info.metadata).settings).toBe('{"headerRow":1}');
    expect(info.legacySettings).toBe('{"headerRow":2}');
  });

  test("sheets are read in one round trip, as many rows as asked; asking for none reads nothing", async () => {
    const { port, book } = setup();
    expect(await book.readSheets([])).toEqual([]);
    expect(port.reads).toEqual([]);
    const [ledger, directory] = await book.readSheets([{ name: "台账", rows: 2 }, { name: "部门目录" }]);
    expect(ledger!.grid.rows.map((r) => r[1])).toEqual(["目标任务", "新建口袋公园3个。"]);
    expect(directory!.grid).toMatchObject({ name: "部门目录", rows: LEDGER.部门目录 });
    expect(port.reads).toHaveLength(1);
  });

  const procedures: [string, string, (b: Book) => Promise<unknown>][] = [
    ["info", "read", (b) => b.info()],
    ["readSheets", "read", (b) => b.readSheets([{ name: "台账" }])],
    ["mark", "mark", (b) => b.mark("台账", [mark("D2")])],
    ["clearMarks", "clear", (b) => b.clearMarks()],
    ["writeSummary", "summary", (b) => b.writeSummary(summary(Q3, OLD_STAMP), false)],
    ["setTexts", "set-text", (b) => b.setTexts("台账", [{ cell: "C3", text: "区住更局" }])],
    ["saveSettings", "settings", (b) => b.saveSettings("{}")],
    ["addSheet", "add-sheet", (b) => b.addSheet({ name: "新表", columns: [{ header: "甲", width: 8 }], rows: [] })],
    ["writeCells", "write", (b) => b.writeCells("台账", [{ cell: "D2", text: "甲" }], "合并回报")],
    ["undoWrites", "undo", (b) => b.undoWrites()],
  ];

  test.each(procedures)("a read that fails in %s is that procedure's failure (%s), and nothing is written", async (_name, action, run) => {
    const { port, book } = setup();
    port.failReadAt = { index: 0, error: excelFailed("AccessDenied") };
    await expect(run(book)).rejects.toMatchObject({ detail: { code: "excel-failed", action, error: "AccessDenied" } });
    expect(port.applied).toEqual([]);
  });

  test("a failure that is not the host's own report is passed on as it is", async () => {
    const { port, book } = setup();
    const boom = new Error("network down");
    port.failReadAt = { index: 0, error: boom };
    await expect(book.mark("台账", [mark("D2")])).rejects.toBe(boom);
    const gone = new HostError({ code: "no-workbook" });
    port.failReadAt = { index: 1, error: gone };
    await expect(book.clearMarks()).rejects.toBe(gone);
  });

  test("the second read of a procedure fails as that procedure too", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    await book.writeCells("台账", [{ cell: "D3", text: "甲" }], "合并回报");
    // Marks made by another Book: this one reads their looks in a second read.
    await new Book(port).mark("台账", [mark("D2"), mark("D4")]);
    for (const [run, action] of [
      [() => new Book(port).mark("台账", [mark("D2")]), "mark"],
      [() => book.clearMarks(), "clear"],
      [() => book.undoWrites(), "undo"],
    ] as const) {
      port.failReadAt = { index: port.reads.length + 1, error: excelFailed() };
      await expect(run()).rejects.toMatchObject({ detail: { code: "excel-failed", action } });
    }
  });
});

describe("failures while writing", () => {
  test.each<[string, string, (b: Book) => Promise<unknown>, object]>([
    ["mark", "mark", (b) => b.mark("台账", [mark("D2")]), { recovery: "clear-marks" }],
    ["clearMarks", "clear", (b) => b.clearMarks(), {}],
    ["setTexts", "set-text", (b) => b.setTexts("台账", [{ cell: "C3", text: "区住更局" }]), {}],
    ["saveSettings", "settings", (b) => b.saveSettings("{}"), {}],
    ["writeCells", "write", (b) => b.writeCells("台账", [{ cell: "D2", text: "甲" }], "合并回报"), { recovery: "undo-merge" }],
    ["undoWrites", "undo", (b) => b.undoWrites(), {}],
    ["select", "select", (b) => b.select("台账", "D3"), {}],
  ])("a write that fails in %s says so (%s), with what can put it back", async (_name, action, run, more) => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D4")]);
    await book.writeCells("台账", [{ cell: "C2", text: "区园林局" }], "合并回报");
    port.failAt = { index: port.applied.flat().length, error: "InvalidOperation" };
    const e = (await run(book).catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.detail).toEqual({ code: "excel-failed", action, error: "InvalidOperation", ...more });
  });

  test("a failure of the port that is not the host's own report is passed on as it is", async () => {
    const { port, book } = setup();
    const boom = new Error("lost connection");
    port.apply = async () => {
      throw boom;
    };
    await expect(book.mark("台账", [mark("D2")])).rejects.toBe(boom);
    await expect(book.writeCells("台账", [{ cell: "D2", text: "甲" }], "合并回报")).rejects.toBe(boom);
    // Nor is a host's report of another kind given a way to put things back.
    const locked = new HostError({ code: "workbook-protected" });
    port.apply = async () => {
      throw locked;
    };
    await expect(book.mark("台账", [mark("D2")])).rejects.toBe(locked);
    expect(locked.detail).toEqual({ code: "workbook-protected" });
  });
});

describe("marking: what is read, what is written", () => {
  test("one Book per port, which remembers what it read", async () => {
    const port = MemoryPort.of(LEDGER);
    expect(bookOf(port)).toBe(bookOf(port));
    expect(bookOf(port)).not.toBe(bookOf(MemoryPort.of(LEDGER)));
    await new Book(port).mark("台账", [mark("D2")]);
    await bookOf(port).info();
    port.reads.length = 0;
    await bookOf(port).mark("台账", [mark("D4")]);
    expect(port.reads.map((r) => r.looks)).toEqual([[{ sheet: "台账", cells: ["D4", "D2"] }]]);
  });

  test("marks another Book made are known from the last read of the metadata: one read, not two", async () => {
    const { port, book } = setup();
    await new Book(port).mark("台账", [mark("D2"), mark("D3")]);
    await book.info();
    port.reads.length = 0;
    await book.mark("台账", [mark("D4")]);
    expect(port.reads).toHaveLength(1);
    expect(port.reads[0]!.looks).toEqual([{ sheet: "台账", cells: ["D4", "D2", "D3"] }]);
    // And a read that is not of the metadata does not make the Book forget them.
    await book.setTexts("台账", [{ cell: "C3", text: "区住房和城乡建设委员会" }]);
    port.reads.length = 0;
    await book.mark("台账", [mark("D2")]);
    expect(port.reads).toHaveLength(1);
    expect(port.reads[0]!.looks).toEqual([{ sheet: "台账", cells: ["D2", "D4"] }]);
  });

  test("the looks read are those of this sheet's cells only; marks on another sheet are left as they are", async () => {
    const { port, book } = setup();
    await book.mark("部门目录", [{ ...mark("A2"), sheet: "部门目录" }]);
    await book.mark("台账", [mark("D2")]);
    expect(port.reads.at(-1)!.looks).toEqual([{ sheet: "台账", cells: ["D2"] }]);
    await book.mark("台账", [mark("D3")]);
    expect(port.reads.at(-1)!.looks).toEqual([{ sheet: "台账", cells: ["D3", "D2"] }]);
    expect(port.cell("部门目录", "A2").fill).toEqual({ color: MARK_COLORS.missing });
    expect(metaOf(port).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["部门目录!A2", "台账!D3"]);
    // Clearing one sheet leaves the other's marks and records; clearing all takes them too.
    expect(await book.clearMarks("台账")).toBe(1);
    expect(port.cell("部门目录", "A2").fill).toEqual({ color: MARK_COLORS.missing });
    expect(metaOf(port).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["部门目录!A2"]);
    expect(await book.clearMarks()).toBe(1);
    expect(port.cell("部门目录", "A2").fill).toBeNull();
    expect(names(port)).toEqual(["台账", "部门目录"]);
  });

  test("cells of one colour are filled by one operation; a cell marked again is not put back first", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3", "weak")]);
    port.applied.length = 0;
    await book.mark("台账", [mark("D3", "missing"), mark("D4", "missing")]);
    const ops = port.applied[0]!;
    expect(ops.filter((o) => o.op === "fill")).toEqual([
      { op: "fill", sheet: "台账", cells: ["D2"], fill: null },
      { op: "fill", sheet: "台账", cells: ["D3", "D4"], fill: { color: MARK_COLORS.missing } },
    ]);
    expect(ops.filter((o) => o.op === "note").map((o) => o.op === "note" && [o.cell, o.had])).toEqual([
      ["D2", true],
      ["D3", true],
      ["D4", false],
    ]);
    expect(ops.map((o) => o.op)).toEqual(["metadata", "fill", "note", "fill", "note", "note", "metadata"]);
  });

  test("a cell marked by someone else since is put back whole when it is fixed: its fill and the person's note", async () => {
    const { port, book } = setup();
    await new Book(port).mark("台账", [mark("D3")]);
    await book.mark("台账", [mark("D4")]);
    expect(looksOf(port, ["D3"])).toEqual([PERSON]);
  });

  test("a check that finds nothing puts back every earlier mark, and the metadata sheet goes", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3")]);
    await book.mark("台账", []);
    expect(looksOf(port)).toEqual(UNMARKED);
    expect(names(port)).toEqual(["台账", "部门目录"]);
  });

  test("nothing to mark in a workbook never marked: nothing is written, no metadata sheet is added", async () => {
    const { port, book } = setup();
    port.structureProtected = true;
    await book.mark("台账", []);
    expect(port.applied.flat()).toEqual([]);
    expect(names(port)).toEqual(["台账", "部门目录"]);
  });

  test("a protected structure does not stop marks once the metadata sheet is there", async () => {
    const { port, book } = setup();
    await book.saveSettings("{}");
    port.structureProtected = true;
    await book.mark("台账", [mark("D2")]);
    expect(port.cell("台账", "D2").fill).toEqual({ color: MARK_COLORS.missing });
    await book.mark("台账", []);
    expect(port.cell("台账", "D2").fill).toBeNull();
    expect(metaOf(port)).toEqual({ summaries: [], marks: [], writes: [], settings: "{}" });
  });

  test("a sheet that is not there is refused before anything is written", async () => {
    const { port, book } = setup();
    await expect(book.mark("没有", [{ ...mark("D2"), sheet: "没有" }])).rejects.toMatchObject({ detail: { code: "sheet-missing", sheet: "没有" } });
    expect(port.applied).toEqual([]);
  });

  test("an earlier version's mark, marked again where notes cannot be read, still has its note taken away when cleared later", async () => {
    const { port, book } = setup();
    const legacy = [
      ["类型", "工作表", "单元格", "键", "内容"],
      ["mark", "台账", "D4", "weak", JSON.stringify({ host: "excel", fill: null, note: null })],
    ];
    await port.apply([{ op: "metadata", rows: legacy }], "mark");
    port.cell("台账", "D4").note = `${NOTE_PREFIX}old`;
    port.notesUnreadable = true;
    await book.mark("台账", [mark("D4")]);
    port.notesUnreadable = false;
    await book.clearMarks();
    expect(port.cell("台账", "D4")).toMatchObject({ fill: null, note: null });
  });

  test("marked where notes can be read, cleared where they cannot: the fill goes back, the note is left as it is", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    port.notesUnreadable = true;
    expect(await book.clearMarks()).toBe(1);
    expect(port.cell("台账", "D2")).toMatchObject({ fill: null, note: `${NOTE_PREFIX}missing` });
  });

  test("a note the person edited after the mark stays theirs, even when the next marking stopped half-way", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    const edited = `${NOTE_PREFIX}missing（已电话催办，10月底前报送）`;
    port.cell("台账", "D2").note = edited;
    // Stops right after the records of the cells it touches are stored.
    port.failAt = { index: port.applied.flat().length + 1, error: "GeneralException" };
    await expect(book.mark("台账", [mark("D2")])).rejects.toMatchObject({ detail: { recovery: "clear-marks" } });
    port.failAt = undefined;
    await book.clearMarks();
    expect(port.cell("台账", "D2")).toMatchObject({ fill: null, note: edited });
  });

  test("wherever a marking stops, 清除标记 puts every cell back as it was", async () => {
    const first = [mark("D2"), mark("D3", "weak")];
    const second = [mark("D3", "missing"), mark("D4", "unit")];
    const dry = setup();
    await dry.book.mark("台账", first);
    dry.port.applied.length = 0;
    await dry.book.mark("台账", second);
    const count = dry.port.applied[0]!.length;
    expect(count).toBeGreaterThan(4);
    for (let i = 0; i < count; i++) {
      const { port, book } = setup();
      await book.mark("台账", first);
      port.failAt = { index: port.applied.flat().length + i, error: "GeneralException" };
      await expect(book.mark("台账", second)).rejects.toMatchObject({ detail: { recovery: "clear-marks" } });
      port.failAt = undefined;
      await new Book(port).clearMarks();
      expect([i, looksOf(port)]).toEqual([i, UNMARKED]);
      expect([i, names(port)]).toEqual([i, ["台账", "部门目录"]]);
    }
  });
});

describe("clearing", () => {
  test("nothing marked: one read, nothing written", async () => {
    const { port, book } = setup();
    await book.saveSettings("{}");
    port.reads.length = 0;
    port.applied.length = 0;
    expect(await book.clearMarks()).toBe(0);
    expect(await book.clearMarks("台账")).toBe(0);
    expect(port.reads).toHaveLength(2);
    expect(port.applied).toEqual([]);
  });

  test("a protected sheet is refused before anything is written", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    port.sheet("台账").protected = true;
    port.applied.length = 0;
    await expect(book.clearMarks()).rejects.toMatchObject({ detail: { code: "sheet-protected", sheet: "台账", action: "clear" } });
    expect(port.applied).toEqual([]);
    expect(metaOf(port).marks).toHaveLength(1);
  });

  test("clearing every sheet puts back the sheets that are there, and keeps a renamed ledger's records as they were", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2"), mark("D3")]);
    await book.mark("部门目录", [{ ...mark("A2"), sheet: "部门目录" }]);
    port.sheet("台账").name = "2026年台账";
    expect(await book.clearMarks()).toBe(1);
    expect(port.cell("部门目录", "A2").fill).toBeNull();
    expect(metaOf(port).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["台账!D2", "台账!D3"]);
    expect(await book.clearMarks("2026年台账")).toBe(2);
    expect(names(port)).toEqual(["2026年台账", "部门目录"]);
  });

  test("a cell's fills are put back grouped by what they were", async () => {
    const { port, book } = setup();
    Object.assign(port.cell("台账", "D4"), { fill: { color: "#DDEBF7", pattern: "Solid" } });
    await book.mark("台账", [mark("D2"), mark("D3"), mark("D4")]);
    port.applied.length = 0;
    await book.clearMarks();
    expect(port.applied[0]!.filter((o) => o.op === "fill")).toEqual([
      { op: "fill", sheet: "台账", cells: ["D2"], fill: null },
      { op: "fill", sheet: "台账", cells: ["D3", "D4"], fill: PERSON.fill },
    ]);
  });
});

describe("writing and undoing: what is refused, what is kept", () => {
  test("writing into a sheet that is not there, or protected, is refused before anything is written", async () => {
    const { port, book } = setup();
    await expect(book.writeCells("没有", [{ cell: "D2", text: "甲" }], "合并回报")).rejects.toMatchObject({ detail: { code: "sheet-missing", sheet: "没有" } });
    port.sheet("台账").protected = true;
    await expect(book.writeCells("台账", [{ cell: "D2", text: "甲" }], "合并回报")).rejects.toMatchObject({ detail: { code: "sheet-protected", sheet: "台账", action: "write" } });
    expect(port.applied).toEqual([]);
  });

  test("a write keeps the marks and settings recorded; undoing it too", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    await book.saveSettings('{"headerRow":1}');
    await book.writeCells("台账", [{ cell: "D3", text: "甲" }], "合并回报");
    expect(metaOf(port)).toMatchObject({ marks: [{ cell: "D2" }], settings: '{"headerRow":1}', writes: [{ cell: "D3" }] });
    await book.undoWrites();
    expect(metaOf(port)).toMatchObject({ marks: [{ cell: "D2" }], settings: '{"headerRow":1}', writes: [] });
  });

  test("undo into a protected sheet is refused before anything is written", async () => {
    const { port, book } = setup();
    await book.writeCells("台账", [{ cell: "D2", text: "甲" }], "合并回报");
    port.sheet("台账").protected = true;
    port.applied.length = 0;
    await expect(book.undoWrites()).rejects.toMatchObject({ detail: { code: "sheet-protected", sheet: "台账", action: "undo" } });
    expect(port.applied).toEqual([]);
  });

  test("undo after the written sheet was deleted: its cells are told as kept, the rest put back, the batch forgotten", async () => {
    const { port, book } = setup();
    await port.apply([{ op: "addSheet", name: "回报" }], "add-sheet");
    await book.writeCells("回报", [{ cell: "A1", text: "甲" }], "合并回报");
    await book.writeCells("台账", [{ cell: "D3", text: "乙" }], "合并回报");
    // Only the last batch is kept: that of 台账.
    expect(metaOf(port).writes.map((w) => w.sheet)).toEqual(["台账"]);
    await book.writeCells("回报", [{ cell: "A1", text: "丙" }], "合并回报 2026Q3");
    await port.apply([{ op: "deleteSheet", name: "回报" }], "add-sheet");
    expect(await book.undoWrites()).toEqual({ label: "合并回报 2026Q3", restored: 0, kept: ["回报!A1"] });
    expect(metaOf(port).writes).toEqual([]);
    expect(await book.undoWrites()).toBeUndefined();
  });

  test("wherever a write stops, 撤销 puts every cell back as it was", async () => {
    const edits = [{ cell: "D2", text: "已建成2个。" }, { cell: "D3", text: "=完成20个" }, { cell: "D4", text: "新增1.8万人。" }];
    const contents = (port: MemoryPort) => ["D2", "D3", "D4"].map((c) => {
      const { value, formula, numberFormat } = port.cell("台账", c);
      return { value, formula, numberFormat };
    });
    for (let i = 0; i <= edits.length; i++) {
      const { port, book } = setup();
      Object.assign(port.cell("台账", "D4"), { formula: "=B4", value: "", numberFormat: "0" });
      const before = contents(port);
      port.failAt = { index: i, error: "GeneralException" };
      await expect(book.writeCells("台账", edits, "合并回报 2026Q3")).rejects.toMatchObject({ detail: { recovery: "undo-merge" } });
      port.failAt = undefined;
      await new Book(port).undoWrites();
      expect([i, contents(port)]).toEqual([i, before]);
    }
  });
});

describe("texts, selection, settings", () => {
  test("select shows the sheet and the cell", async () => {
    const { port, book } = setup();
    await book.select("部门目录", "A2");
    expect([port.active, port.selected]).toEqual(["部门目录", "A2"]);
  });

  test("texts are written as text at their cells; an address that is not one is refused before anything is written", async () => {
    const { port, book } = setup();
    await expect(book.setTexts("台账", [{ cell: "C3", text: "甲" }, { cell: "第4行", text: "乙" }])).rejects.toThrow("第4行");
    expect(port.applied).toEqual([]);
    await book.setTexts("台账", [{ cell: "C3", text: "=区住更局" }, { cell: "AB12", text: "乙" }]);
    expect(port.applied[0]).toEqual([
      { op: "values", sheet: "台账", row: 2, col: 2, rows: [["=区住更局"]] },
      { op: "values", sheet: "台账", row: 11, col: 27, rows: [["乙"]] },
    ]);
  });

  test("a sheet that is not there: nothing is written", async () => {
    const { port, book } = setup();
    await expect(book.setTexts("没有", [{ cell: "A1", text: "x" }])).rejects.toMatchObject({ detail: { code: "sheet-missing", sheet: "没有" } });
    expect(port.applied).toEqual([]);
  });

  test("settings keep the metadata's other records; an earlier version's copy goes, and only then is it dropped", async () => {
    const { port, book } = setup();
    await book.mark("台账", [mark("D2")]);
    port.legacySettings = '{"headerRow":3}';
    port.applied.length = 0;
    await book.saveSettings('{"headerRow":2}');
    expect(metaOf(port)).toMatchObject({ settings: '{"headerRow":2}', marks: [{ cell: "D2" }] });
    expect(port.legacySettings).toBeUndefined();
    expect(port.applied[0]!.map((o) => o.op)).toEqual(["metadata", "dropLegacySettings"]);
    await book.saveSettings('{"headerRow":1}');
    expect(port.applied[1]!.map((o) => o.op)).toEqual(["metadata"]);
  });
});

describe("adding a laid-out sheet", () => {
  const layout = { name: "部门目录2", columns: [{ header: "单位名称", width: 20 }], rows: [["区财政局"]] };

  test("a protected structure is refused before anything is written", async () => {
    const { port, book } = setup();
    port.structureProtected = true;
    await expect(book.addSheet(layout)).rejects.toMatchObject({ detail: { code: "workbook-protected" } });
    expect(port.applied).toEqual([]);
  });

  test("the new sheet goes after the others, before the add-in's own very hidden sheet", async () => {
    const { port, book } = setup();
    await book.saveSettings("{}");
    await book.addSheet(layout);
    expect(names(port)).toEqual(["台账", "部门目录", "部门目录2", METADATA_SHEET]);
  });

  test("a sheet of that name someone added meanwhile is theirs: left as it is", async () => {
    const { port, book } = setup();
    const apply = port.apply.bind(port);
    port.apply = async (ops: readonly Op[], action) => {
      if (ops[0]?.op === "addSheet") port.sheets.push({ name: "部门目录2", cells: new Map([["A1", { value: "他人的表", numberFormat: "General", fill: null, note: null }]]), merges: [], tables: [] });
      return apply(ops, action);
    };
    port.failAt = { index: 0, error: "ItemAlreadyExists" };
    const e = (await book.addSheet(layout).catch((x: unknown) => x)) as HostError;
    expect(e.detail).toEqual({ code: "excel-failed", action: "add-sheet", error: "ItemAlreadyExists" });
    expect(port.cell("部门目录2", "A1").value).toBe("他人的表");
  });

  test("a failure that is not the host's report is passed on as it is; the unfinished sheet still goes", async () => {
    const { port, book } = setup();
    const apply = port.apply.bind(port);
    const boom = new Error("lost connection");
    port.apply = async (ops: readonly Op[], action) => {
      if (ops[0]?.op !== "addSheet") return apply(ops, action);
      await apply(ops.slice(0, 3), action);
      throw boom;
    };
    await expect(book.addSheet(layout)).rejects.toBe(boom);
    expect(names(port)).toEqual(["台账", "部门目录"]);
  });

  test("stopped before the sheet was added: there is nothing to take away, and the failure says none was", async () => {
    const { port, book } = setup();
    port.failAt = { index: 0, error: "GeneralException" };
    const e = (await book.addSheet(layout).catch((x: unknown) => x)) as HostError;
    expect(e.detail).toEqual({ code: "excel-failed", action: "add-sheet", error: "GeneralException" });
    expect(names(port)).toEqual(["台账", "部门目录"]);
  });

  test("stopped, and the workbook cannot be read to clean up: the failure does not claim the sheet was taken away", async () => {
    const { port, book } = setup();
    port.failAt = { index: 2, error: "GeneralException" };
    port.failReadAt = { index: 1, error: excelFailed() };
    const e = (await book.addSheet(layout).catch((x: unknown) => x)) as HostError;
    expect(e.detail).toEqual({ code: "excel-failed", action: "add-sheet", error: "GeneralException" });
  });
});

describe("the summary sheet: records, tab position, a stop half-way", () => {
  test("another quarter's summary and its record stay; the same quarter's record is replaced, not doubled", async () => {
    const { port, book } = setup();
    await book.writeSummary(summary("2026年第二季度汇总", "由督办助手生成（2026Q2，2026-07-10）", "2026Q2"), false);
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    await book.writeSummary(summary(Q3, NEW_STAMP), true);
    expect(metaOf(port).summaries).toEqual([
      { key: "2026Q2", sheet: "2026年第二季度汇总", stamp: "由督办助手生成（2026Q2，2026-07-10）" },
      { key: "2026Q3", sheet: Q3, stamp: NEW_STAMP },
    ]);
    expect(names(port)).toEqual(["台账", "部门目录", "2026年第二季度汇总", Q3, METADATA_SHEET]);
    expect(stampOn(port, Q3)).toMatch(new RegExp(`^${NEW_STAMP}`));
  });

  test("a protected structure is refused before anything is written, the metadata sheet there or not", async () => {
    const { port, book } = setup();
    await book.saveSettings("{}");
    port.structureProtected = true;
    port.applied.length = 0;
    await expect(book.writeSummary(summary(Q3, OLD_STAMP), false)).rejects.toMatchObject({ detail: { code: "workbook-protected" } });
    expect(port.applied).toEqual([]);
  });

  test("a new summary goes after the others, before the add-in's own sheet; a draft a stopped write left is taken away, its table names with it", async () => {
    const { port, book } = setup();
    await book.saveSettings("{}");
    port.sheets.splice(1, 0, { name: SUMMARY_DRAFT_SHEET, cells: new Map(), merges: [], tables: ["Duban2026Q3Totals"] });
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    expect(names(port)).toEqual(["台账", "部门目录", Q3, METADATA_SHEET]);
    expect(port.sheet(Q3).tables).toEqual(["Duban2026Q3Totals"]);
  });

  test("replacing: the old sheet's table names are free again, another sheet's are not", async () => {
    const { port, book } = setup();
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    port.sheets.push({ name: "旧表", cells: new Map(), merges: [], tables: ["Duban2026Q3Totals_2"] });
    await book.writeSummary(summary(Q3, NEW_STAMP), true);
    expect(port.sheet(Q3).tables).toEqual(["Duban2026Q3Totals"]);
    port.sheet(Q3).tables = ["Duban2026Q3Totals_3"];
    port.sheet("旧表").tables = ["Duban2026Q3Totals"];
    await book.writeSummary(summary(Q3, NEW_STAMP), true);
    expect(port.sheet(Q3).tables).toEqual(["Duban2026Q3Totals_2"]);
  });

  test.each([
    ["the first tab", 0],
    ["a tab between others", 1],
  ])("a replaced summary keeps its tab: %s", async (_where, at) => {
    const { port, book } = setup();
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    const [sheet] = port.sheets.splice(names(port).indexOf(Q3), 1);
    port.sheets.splice(at, 0, sheet!);
    const before = names(port);
    await book.writeSummary(summary(Q3, NEW_STAMP), true);
    expect(names(port)).toEqual(before);
    expect(stampOn(port, Q3)).toMatch(new RegExp(`^${NEW_STAMP}`));
  });

  test("asked to replace a summary someone deleted since: it is written new", async () => {
    const { port, book } = setup();
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    await port.apply([{ op: "deleteSheet", name: Q3 }], "summary");
    await book.writeSummary(summary(Q3, NEW_STAMP), true);
    expect(names(port)).toEqual(["台账", "部门目录", Q3, METADATA_SHEET]);
    expect(metaOf(port).summaries).toEqual([{ key: "2026Q3", sheet: Q3, stamp: NEW_STAMP }]);
  });

  test("wherever a replacing write stops: the old summary or the new one, at its tab, never a draft, and the record knows the sheet there", async () => {
    const prepare = async () => {
      const { port, book } = setup();
      await book.mark("台账", [mark("D2")]);
      await book.writeSummary(summary("2026年第二季度汇总", "由督办助手生成（2026Q2，2026-07-10）", "2026Q2"), false);
      await book.writeSummary(summary(Q3, OLD_STAMP), false);
      return { port, book };
    };
    const dry = await prepare();
    dry.port.applied.length = 0;
    await dry.book.writeSummary(summary(Q3, NEW_STAMP), true);
    const count = dry.port.applied[0]!.length;
    const outcomes = new Set<string>();
    for (let i = 0; i < count; i++) {
      const { port, book } = await prepare();
      const tabs = names(port);
      port.failAt = { index: port.applied.flat().length + i, error: "GeneralException" };
      const e = (await book.writeSummary(summary(Q3, NEW_STAMP), true).catch((x: unknown) => x)) as HostError | undefined;
      port.failAt = undefined;
      const meta = metaOf(port);
      const stamp = e ? OLD_STAMP : NEW_STAMP;
      outcomes.add(e ? "kept" : "done");
      expect([i, names(port)]).toEqual([i, tabs]);
      expect([i, stampOn(port, Q3).startsWith(stamp)]).toEqual([i, true]);
      expect([i, meta.summaries]).toEqual([
        i,
        [
          { key: "2026Q2", sheet: "2026年第二季度汇总", stamp: "由督办助手生成（2026Q2，2026-07-10）" },
          { key: "2026Q3", sheet: Q3, stamp },
        ],
      ]);
      expect([i, meta.marks.map((m) => m.cell)]).toEqual([i, ["D2"]]);
      if (e) expect([i, e.detail]).toEqual([i, { code: "excel-failed", action: "summary", error: "GeneralException", keptSheet: Q3 }]);
      else expect([i, port.active, port.selected]).toEqual([i, Q3, "A1"]);
    }
    expect([...outcomes].sort()).toEqual(["done", "kept"]);
  });

  test("wherever a new summary's write stops: the new sheet and its record, or neither, never a draft", async () => {
    const dry = setup();
    await dry.book.writeSummary(summary(Q3, NEW_STAMP), false);
    const count = dry.port.applied[0]!.length;
    for (let i = 0; i < count; i++) {
      const { port, book } = setup();
      port.failAt = { index: i, error: "GeneralException" };
      const e = (await book.writeSummary(summary(Q3, NEW_STAMP), false).catch((x: unknown) => x)) as HostError | undefined;
      port.failAt = undefined;
      const there = names(port).includes(Q3);
      expect([i, names(port).includes(SUMMARY_DRAFT_SHEET)]).toEqual([i, false]);
      expect([i, metaOf(port).summaries]).toEqual([i, there ? [{ key: "2026Q3", sheet: Q3, stamp: NEW_STAMP }] : []]);
      if (e) {
        expect([i, there]).toEqual([i, false]);
        // Said taken away only when a draft was there to take away (not at the very first operation).
        expect([i, e.detail]).toEqual([i, { code: "excel-failed", action: "summary", error: "GeneralException", ...(i > 0 ? { removedSheet: Q3 } : {}) }]);
      } else expect([i, there, port.active]).toEqual([i, true, Q3]);
    }
  });

  test("stopped, and the workbook cannot be read to settle it: the failure claims nothing about the sheets", async () => {
    const { port, book } = setup();
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    port.failAt = { index: port.applied.flat().length + 3, error: "GeneralException" };
    port.failReadAt = { index: port.reads.length + 1, error: excelFailed() };
    const e = (await book.writeSummary(summary(Q3, NEW_STAMP), true).catch((x: unknown) => x)) as HostError;
    expect(e.detail).toEqual({ code: "excel-failed", action: "summary", error: "GeneralException" });
  });

  test("stopped before the draft was added, over an old summary cut down to one row: that sheet is the old one, kept", async () => {
    const { port, book } = setup();
    await book.writeSummary(summary(Q3, OLD_STAMP), false);
    for (const address of [...port.sheet(Q3).cells.keys()]) if (address !== "A1") port.sheet(Q3).cells.delete(address);
    port.failAt = { index: port.applied.flat().length, error: "GeneralException" };
    const e = (await book.writeSummary(summary(Q3, NEW_STAMP), true).catch((x: unknown) => x)) as HostError;
    expect(e.detail).toMatchObject({ keptSheet: Q3 });
    expect(metaOf(port).summaries).toEqual([{ key: "2026Q3", sheet: Q3, stamp: OLD_STAMP }]);
  });
});
