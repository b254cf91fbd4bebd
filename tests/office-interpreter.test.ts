// The Office host as an interpreter of the port, primitive by primitive, over the fake Excel of each
// ExcelApi version: what each read returns, what each operation leaves in the workbook (as a person
// would see it), and how many syncs it takes.
import { HostError, type CellLook, type Fill, type Op, type ReadRequest } from "../src/app/port";
import { METADATA_SHEET } from "../src/core/metadata";
import { OfficeHost, SETTINGS_KEY, WEB_PAYLOAD_LIMIT } from "../src/hosts/office/host";
import { cellAt, EXCEL_VERSIONS, fakeRun, formatAt, newSheet, NO_FILL, type FakeCell, type FakeExcel, type FakeSheet, type FakeWorkbookModel } from "./fakes/excel";

const LEDGER = "台账";
const OTHER = "部门目录";

function cell(sheet: FakeSheet, address: string): FakeCell {
  const found = cellAt(sheet, address);
  if (found) return found;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const made: FakeCell = { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
  sheet.cells.set(`${Number(m[2]) - 1},${col}`, made);
  return made;
}

function workbook(): FakeWorkbookModel {
  const ledger = newSheet(LEDGER, [["序号", "任务", "责任单位"], [1, "任务一", "区发改局"], [2, "任务二", "区财政局"]], ["A2:A3"]);
  return { sheets: [ledger, newSheet(OTHER, [["单位"], ["区发改局"]])], active: LEDGER, settings: new Map(), name: "台账.xlsx" };
}

function setUp(excel: FakeExcel = {}, model = workbook()) {
  const fake = fakeRun(model, excel);
  const host = new OfficeHost(fake.run, fake.support);
  const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;
  return { model, fake, host, sheet };
}

const look = async (host: OfficeHost, sheet: string, address: string): Promise<CellLook> => (await host.read({ looks: [{ sheet, cells: [address] }] })).looks.get(sheet)!.get(address)!;

describe("the port's shape", () => {
  test("an Excel host that lacks nothing, opening workbooks only where Excel can", async () => {
    const { fake, host } = setUp();
    expect(host.kind).toBe("excel");
    expect([...host.lacks]).toEqual([]);
    expect(host.openWorkbook).toBeUndefined();
    const opened: string[] = [];
    const withCreate = new OfficeHost(fake.run, fake.support, async (b) => void opened.push(b));
    await withCreate.openWorkbook!("UEsDBA==");
    expect(opened).toEqual(["UEsDBA=="]);
    const failing = new OfficeHost(fake.run, fake.support, async () => Promise.reject(Object.assign(new Error("no"), { code: "GeneralException" })));
    await expect(failing.openWorkbook!("x")).rejects.toMatchObject({ detail: { code: "excel-failed", action: "open-workbook", error: "GeneralException" } });
  });

  test("every batch waits while a cell is being edited", async () => {
    const { fake, host } = setUp();
    await host.read({});
    await host.apply([{ op: "activate", sheet: OTHER }], "select");
    expect(fake.options).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
  });
});

describe("read", () => {
  test.each(EXCEL_VERSIONS)("ExcelApi %s: the sheets, the active one, identity, protection, metadata, settings and tables in one sync", async (version) => {
    const { model, fake, host, sheet } = setUp({ version });
    const hidden = newSheet("藏");
    hidden.visibility = "Hidden";
    const meta = newSheet(METADATA_SHEET, [["type", "sheet"], ["mark", LEDGER]]);
    meta.visibility = "VeryHidden";
    model.sheets.push(hidden, meta);
    model.active = OTHER;
    model.structureProtected = true;
    model.settings.set(SETTINGS_KEY, { progressColumn: 5 });
    sheet(LEDGER).tables.push({ name: "表1", address: `${LEDGER}!A1:C3`, style: "" });
    const r = await host.read({ metadata: true, legacySettings: true, tables: true });
    expect(fake.syncs).toBe(1);
    expect(r.identity).toBe("台账.xlsx");
    expect(r.sheets).toEqual([
      { name: LEDGER, visible: true },
      { name: OTHER, visible: true },
      { name: "藏", visible: false },
      { name: METADATA_SHEET, visible: false },
    ]);
    expect(r.active).toBe(OTHER);
    expect(r.structureProtected).toBe(true);
    expect(r.metadata).toEqual({ name: METADATA_SHEET, rows: [["type", "sheet"], ["mark", LEDGER]], merges: [] });
    expect(r.legacySettings).toBe('{"progressColumn":5}');
    expect(r.tables).toEqual([{ name: "表1", sheet: LEDGER }]);
    expect(r.grids).toEqual([]);
    expect(r.protectedSheets).toEqual([]);
  });

  test("what is not asked is not there; no metadata sheet, no metadata; a setting stored as text comes back as it is", async () => {
    const { model, host } = setUp();
    const bare = await host.read({});
    expect(bare).not.toHaveProperty("metadata");
    expect(bare).not.toHaveProperty("legacySettings");
    expect(bare).not.toHaveProperty("tables");
    expect(bare.structureProtected).toBe(false);
    model.settings.set(SETTINGS_KEY, '{"a":1}');
    const r = await host.read({ metadata: true, legacySettings: true, tables: true });
    expect(r).not.toHaveProperty("metadata");
    expect(r.legacySettings).toBe('{"a":1}');
    expect(r.tables).toEqual([]);
  });

  test("a workbook whose name is not known is told by the host's kind", async () => {
    const { model, host } = setUp();
    model.name = "";
    expect((await host.read({})).identity).toBe("excel");
  });

  test.each(EXCEL_VERSIONS)("ExcelApi %s: a grid read after an info read takes one sync: values, merges, hidden rows and columns", async (version) => {
    const { fake, host, sheet } = setUp({ version });
    sheet(LEDGER).hiddenRows.add(2);
    sheet(LEDGER).hiddenColumns.add(1);
    await host.read({ metadata: true, legacySettings: true });
    fake.reset();
    const [read] = (await host.read({ grids: [{ name: LEDGER }] })).grids;
    expect(fake.syncs).toBe(1);
    expect(read!.grid.rows).toEqual([["序号", "任务", "责任单位"], [1, "任务一", "区发改局"], [2, "任务二", "区财政局"]]);
    const covers = (v: string, needed: string) => Number(v.split(".")[1]) >= Number(needed.split(".")[1]);
    expect(read!.grid.merges).toEqual(covers(version, "1.13") ? [{ top: 1, left: 0, bottom: 2, right: 0 }] : []);
    expect(read!.grid.hiddenRows).toEqual(covers(version, "1.9") ? [2] : undefined);
    expect(read!.grid.hiddenColumns).toEqual([1]);
    expect(read!.notes).toEqual([]);
  });

  test("a grid read on a fresh host: one sync for the sheets first, one for the grid; a head read; an empty sheet", async () => {
    const { model, fake, host } = setUp();
    model.sheets.push(newSheet("空"));
    const r = await host.read({ grids: [{ name: OTHER }, { name: LEDGER, rows: 2 }, { name: "空" }] });
    expect(fake.syncs).toBe(2);
    expect(r.grids.map((g) => g.grid.rows)).toEqual([[["单位"], ["区发改局"]], [["序号", "任务", "责任单位"], [1, "任务一", "区发改局"]], []]);
  });

  test("a sheet over the web's response limit: the first try refused, then learnt in size and read in chunks under the limit", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, `${"进展情况".repeat(150)}${i}`]);
    const { fake, host } = setUp({ payloadLimit: WEB_PAYLOAD_LIMIT }, { sheets: [newSheet(LEDGER, rows)], active: LEDGER, settings: new Map() });
    const [read] = (await host.read({ grids: [{ name: LEDGER }] })).grids;
    expect(read!.grid.rows).toEqual(rows);
    const responses = fake.runs.flatMap((c) => c.responses);
    expect(responses.filter((b) => b > WEB_PAYLOAD_LIMIT)).toHaveLength(1);
    expect(responses.filter((b) => b < WEB_PAYLOAD_LIMIT).length).toBeGreaterThan(3);
  });

  test("after an info read, a sheet over the web's limit is read in chunks at once: its size is known", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, `${"进展情况".repeat(150)}${i}`]);
    const { fake, host } = setUp({ payloadLimit: WEB_PAYLOAD_LIMIT }, { sheets: [newSheet(LEDGER, rows)], active: LEDGER, settings: new Map() });
    await host.read({ metadata: true });
    const [read] = (await host.read({ grids: [{ name: LEDGER }] })).grids;
    expect(read!.grid.rows).toEqual(rows);
    expect(Math.max(...fake.runs.flatMap((c) => c.responses))).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test("more merged areas than Excel lists at once: asked again in smaller bands; too many even so, the grid without them, and a note saying so", async () => {
    // 600 merged pairs in 600 rows: over the 512 one call lists, under it in bands of 100 rows.
    const rows = Array.from({ length: 600 }, (_, i) => [`第${i}行`, null, "x"]);
    const pairs = rows.map((_, i) => `A${i + 1}:B${i + 1}`);
    const some = setUp({}, { sheets: [newSheet(LEDGER, rows, pairs)], active: LEDGER, settings: new Map() });
    const [banded] = (await some.host.read({ grids: [{ name: LEDGER }] })).grids;
    expect(banded!.grid.merges).toHaveLength(600);
    expect(banded!.notes).toEqual([]);
    // 30 merged pairs a row: more than 512 in any band.
    const wide = Array.from({ length: 100 }, () => Array.from({ length: 60 }, (_, c) => (c % 2 ? null : "v")));
    const merges = wide.flatMap((_, r) => Array.from({ length: 30 }, (_, k) => ({ top: r, left: 2 * k, bottom: r, right: 2 * k + 1 })));
    const sheet = newSheet(LEDGER, wide);
    sheet.merges = merges;
    const all = setUp({}, { sheets: [sheet], active: LEDGER, settings: new Map() });
    const [unmerged] = (await all.host.read({ grids: [{ name: LEDGER }] })).grids;
    expect(unmerged!.grid.rows).toHaveLength(100);
    expect(unmerged!.grid.merges).toEqual([]);
    expect(unmerged!.notes).toEqual([{ code: "merges-unreadable", sheet: LEDGER }]);
  });

  test("a grid of a sheet that does not exist is an error; looks, contents and protection of one are left out", async () => {
    const { host } = setUp();
    await expect(host.read({ grids: [{ name: "无" }] })).rejects.toEqual(new HostError({ code: "sheet-missing", sheet: "无" }));
    const r = await host.read({ looks: [{ sheet: "无", cells: ["A1"] }], contents: [{ sheet: "无", cells: ["A1"] }], protection: ["无"] });
    expect(r.looks.size).toBe(0);
    expect(r.contents.size).toBe(0);
    expect(r.protectedSheets).toEqual([]);
  });

  test("a sheet deleted since the last read: the read learns the sheets again", async () => {
    const { model, host } = setUp();
    await host.read({});
    model.sheets.splice(1, 1);
    const r = await host.read({ looks: [{ sheet: OTHER, cells: ["A1"] }], grids: [{ name: LEDGER }] });
    expect(r.looks.size).toBe(0);
    expect(r.grids[0]!.grid.rows).toHaveLength(3);
    await expect(host.read({ grids: [{ name: OTHER }] })).rejects.toMatchObject({ detail: { code: "sheet-missing", sheet: OTHER } });
  });

  test("protection: of the sheets asked, those protected", async () => {
    const { host, sheet } = setUp();
    sheet(OTHER).protection = {};
    expect((await host.read({ protection: [LEDGER, OTHER] })).protectedSheets).toEqual([OTHER]);
  });

  test("contents: the formula (or the constant as entered), the number format, the value as text", async () => {
    const { host, sheet } = setUp();
    Object.assign(cell(sheet(LEDGER), "D2"), { value: { formula: "=A2*2" }, numberFormat: "0.00" });
    Object.assign(cell(sheet(LEDGER), "E2"), { value: "=不是公式", numberFormat: "@" });
    const r = (await host.read({ contents: [{ sheet: LEDGER, cells: ["B2", "A2", "D2", "E2", "F9"] }] })).contents.get(LEDGER)!;
    expect(r.get("B2")).toEqual({ formula: "任务一", numberFormat: "General", text: "任务一" });
    expect(r.get("A2")).toEqual({ formula: 1, numberFormat: "General", text: "1" });
    expect(r.get("D2")).toMatchObject({ formula: "=A2*2", numberFormat: "0.00" });
    expect(r.get("E2")).toEqual({ formula: "=不是公式", numberFormat: "@", text: "=不是公式" });
    expect(r.get("F9")).toEqual({ formula: "", numberFormat: "General", text: "" });
  });
});

describe("looks", () => {
  const solid: Fill = { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
  const patterned: Fill = { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: 0 };
  const tinted: Fill = { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.6, patternTintAndShade: -0.25 };

  test.each([
    ["solid", solid],
    ["patterned", patterned],
    ["tinted", tinted],
  ])("a %s fill reads as Excel reports it, and a restore puts it back exactly", async (_kind, fill) => {
    const { host, sheet } = setUp();
    cell(sheet(LEDGER), "B2").fill = { ...NO_FILL, ...fill } as FakeCell["fill"];
    const before = await look(host, LEDGER, "B2");
    expect(before.fill).toEqual(fill);
    await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B2"], fill: { color: "#FF0000" } }], "mark");
    expect(cellAt(sheet(LEDGER), "B2")!.fill).toMatchObject({ color: "#FF0000", pattern: "Solid" });
    await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B2"], fill: before.fill }], "clear");
    expect(await look(host, LEDGER, "B2")).toEqual(before);
  });

  test.each(EXCEL_VERSIONS)("ExcelApi %s: no fill reads as null, as the fake reports it and as real Excel does (pattern null, tintAndShade null)", async (version) => {
    for (const noFillAsNull of [false, true]) {
      const { host, sheet } = setUp({ version, noFillAsNull });
      expect((await look(host, LEDGER, "B2")).fill).toBeNull();
      // Marked, then put back as read: no fill again.
      await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B2"], fill: { color: "#FFC7CE" } }], "mark");
      expect((await look(host, LEDGER, "B2")).fill).toEqual(version === "1.7" ? { color: "#FFC7CE" } : { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 });
      await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B2"], fill: null }], "clear");
      expect(cellAt(sheet(LEDGER), "B2")!.fill.pattern).toBe("None");
      expect((await look(host, LEDGER, "B2")).fill).toBeNull();
    }
  });

  test("a fill with null fields (a white fill as Excel may report it: pattern null, a tint) keeps the fields it has, and is put back without setting a null", async () => {
    const { fake, host, sheet } = setUp();
    const white = { color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: 0, patternTintAndShade: null };
    cell(sheet(LEDGER), "B2").fill = white as unknown as FakeCell["fill"];
    const read = (await look(host, LEDGER, "B2")).fill;
    expect(read).toEqual({ color: "#FFFFFF", tintAndShade: 0 });
    await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B3"], fill: read }], "clear");
    expect(fake.ops.filter((o) => o.includes("fill.set"))).toEqual(['rangeAreas.format.fill.set({"color":"#FFFFFF","tintAndShade":0})']);
    expect(cellAt(sheet(LEDGER), "B3")!.fill).toMatchObject({ color: "#FFFFFF", pattern: "Solid", tintAndShade: 0 });
  });

  test("ExcelApi 1.7: only the colour; white is no fill; one range a cell", async () => {
    const { fake, host, sheet } = setUp({ version: "1.7" });
    cell(sheet(LEDGER), "B2").fill = { ...NO_FILL, ...patterned } as FakeCell["fill"];
    expect((await look(host, LEDGER, "B2")).fill).toEqual({ color: "#FFFF00" });
    fake.reset();
    await host.apply([{ op: "fill", sheet: LEDGER, cells: ["B2", "C2"], fill: patterned }], "clear");
    expect(fake.ops.filter((o) => o.includes("fill"))).toEqual(['range.format.fill.set({"color":"#FFFF00"})', 'range.format.fill.set({"color":"#FFFF00"})']);
  });

  test("notes (ExcelApi 1.18): the text or null; a cell with a threaded comment takes none, found in one more sync only then", async () => {
    const { fake, host, sheet } = setUp();
    sheet(LEDGER).notes.set("B2", "原有批注");
    const cells = ["B2", "B3"];
    await host.read({});
    fake.reset();
    let r = (await host.read({ looks: [{ sheet: LEDGER, cells }] })).looks.get(LEDGER)!;
    expect(fake.syncs).toBe(1);
    expect(r.get("B2")).toEqual({ fill: null, note: "原有批注", noteWritable: true });
    expect(r.get("B3")).toEqual({ fill: null, note: null, noteWritable: true });
    sheet(LEDGER).comments.set("B3", "讨论");
    fake.reset();
    r = (await host.read({ looks: [{ sheet: LEDGER, cells }] })).looks.get(LEDGER)!;
    expect(fake.syncs).toBe(2);
    expect(r.get("B2")!.noteWritable).toBe(true);
    expect(r.get("B3")).toEqual({ fill: null, note: null, noteWritable: false });
  });

  test.each([
    ["ExcelApi 1.13", { version: "1.13" }],
    ["a library without NoteCollection", { libraryWithoutNotes: true }],
  ])("%s: notes unknown and not writable", async (_what, excel) => {
    const { host, sheet } = setUp(excel);
    sheet(LEDGER).notes.set("B2", "原有批注");
    expect(await look(host, LEDGER, "B2")).toEqual({ fill: null, note: undefined, noteWritable: false });
  });

  test.each([
    ["on the desktop, in one sync", {}, 1],
    // Each look is about 1,100 bytes of request as office.js serialises it (tests/fakes/officeRequest.ts):
    // 10,000 are 11 MB, sent in four requests under the limit, none refused and tried again.
    ["on the web, in four requests under its limit", { payloadLimit: WEB_PAYLOAD_LIMIT }, 4],
  ])("looks of 10,000 cells %s", async (_where, excel, syncs) => {
    const cells = Array.from({ length: 10000 }, (_, i) => `D${i + 1}`);
    const { fake, host, sheet } = setUp(excel);
    cell(sheet(LEDGER), "D10000").fill = { ...NO_FILL, color: "#FFEB9C", pattern: "Solid" };
    await host.read({ metadata: true });
    fake.reset();
    const r = await host.read({ metadata: true, looks: [{ sheet: LEDGER, cells }], protection: [LEDGER] });
    expect(r.looks.get(LEDGER)!.size).toBe(10000);
    expect(r.looks.get(LEDGER)!.get("D10000")!.fill).toMatchObject({ color: "#FFEB9C", pattern: "Solid" });
    expect(fake.syncs).toBe(syncs);
    expect(Math.max(...fake.runs.flatMap((c) => c.responses))).toBeLessThan(WEB_PAYLOAD_LIMIT);
    // (The desktop has no limit: one request of 11 MB.)
    expect(Math.max(...fake.runs.flatMap((c) => c.requests))).toBeLessThan("payloadLimit" in excel ? excel.payloadLimit : Infinity);
  });
});

describe("apply: cells", () => {
  test("values: strings always as text, numbers as numbers, null empties a cell, a short row leaves the cells past it", async () => {
    const { host, sheet } = setUp();
    const ws = sheet(LEDGER);
    cell(ws, "D1").value = "留着";
    cell(ws, "C2").numberFormat = "@";
    await host.apply([{ op: "values", sheet: LEDGER, row: 0, col: 1, rows: [["=1+1", 42, true], ["+86", null]] }], "write");
    expect(cellAt(ws, "B1")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(cellAt(ws, "C1")).toMatchObject({ value: 42, numberFormat: "General" });
    expect(cellAt(ws, "D1")).toMatchObject({ value: true, numberFormat: "General" });
    expect(cellAt(ws, "B2")).toMatchObject({ value: "+86", numberFormat: "@" });
    expect(cellAt(ws, "C2")).toMatchObject({ value: "", numberFormat: "General" });
    expect((await host.read({ grids: [{ name: LEDGER }] })).grids[0]!.grid.rows.slice(0, 2)).toEqual([["序号", "=1+1", 42, true], [1, "+86"]]);
    // D2 was past the second row's end: left as it was.
    cell(ws, "D2").value = "他人";
    await host.apply([{ op: "values", sheet: LEDGER, row: 1, col: 1, rows: [["甲", "乙", "丙"], ["丁"]] }], "write");
    expect(cellAt(ws, "D2")!.value).toBe("丙");
    expect(cellAt(ws, "C3")!.value).toBe("区财政局");
  });

  test("values on the web: a large write in slices, each request under the limit", async () => {
    const { fake, host, sheet } = setUp({ payloadLimit: WEB_PAYLOAD_LIMIT });
    const rows = Array.from({ length: 3000 }, (_, i) => [`第${i}行：${"进展".repeat(400)}`]);
    await host.apply([{ op: "values", sheet: OTHER, row: 0, col: 3, rows }], "write");
    expect(fake.syncs).toBeGreaterThan(1);
    expect(Math.max(...fake.requests)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(cellAt(sheet(OTHER), "D3000")!.value).toBe(rows[2999]![0]);
  });

  test("content: the formula or constant and the number format put back", async () => {
    const { host, sheet } = setUp();
    await host.apply(
      [
        { op: "content", sheet: LEDGER, cell: "B2", content: { formula: "=A2*2", numberFormat: "0.0" } },
        { op: "content", sheet: LEDGER, cell: "B3", content: { formula: "=不是公式", numberFormat: "@" } },
        { op: "content", sheet: LEDGER, cell: "C2", content: { formula: "", numberFormat: "General" } },
      ],
      "undo",
    );
    expect(cellAt(sheet(LEDGER), "B2")).toMatchObject({ value: { formula: "=A2*2" }, numberFormat: "0.0" });
    expect(cellAt(sheet(LEDGER), "B3")).toMatchObject({ value: "=不是公式", numberFormat: "@" });
    expect(cellAt(sheet(LEDGER), "C2")!.value).toBe("");
  });

  test("numberFormat: only the format", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "numberFormat", sheet: LEDGER, cell: "A2", format: "@" }], "undo");
    expect(cellAt(sheet(LEDGER), "A2")).toMatchObject({ value: 1, numberFormat: "@" });
  });

  test.each(["1.7", "1.18"])("ExcelApi %s: 10,000 fills in one sync on the desktop; restoring 10,000 looks on the web in several requests, each under the limit", async (version) => {
    const cells = Array.from({ length: 10000 }, (_, i) => `E${i + 1}`);
    const desk = setUp({ version });
    await desk.host.apply([{ op: "fill", sheet: LEDGER, cells, fill: { color: "#FFC7CE" } }], "mark");
    expect(desk.fake.syncs).toBe(1);
    expect(cellAt(desk.sheet(LEDGER), "E10000")!.fill.color).toBe("#FFC7CE");
    const web = setUp({ version, payloadLimit: WEB_PAYLOAD_LIMIT });
    const ops: Op[] = cells.map((c, i) => ({ op: "fill", sheet: LEDGER, cells: [c], fill: { color: `#${(i % 256).toString(16).padStart(2, "0")}C7CE`, pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } }));
    await web.host.apply(ops, "clear");
    expect(web.fake.syncs).toBeGreaterThan(1);
    expect(Math.max(...web.fake.requests)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(cellAt(web.sheet(LEDGER), "E10000")!.fill.color).toBe(`#${(9999 % 256).toString(16).padStart(2, "0")}C7CE`);
  });

  test("fill: RangeAreas of at most 400 addresses", async () => {
    const { fake, host } = setUp();
    await host.apply([{ op: "fill", sheet: LEDGER, cells: Array.from({ length: 1000 }, (_, i) => `F${i + 1}`), fill: null }], "clear");
    expect(fake.ops.filter((o) => o === "rangeAreas.format.fill.clear()")).toHaveLength(3);
  });

  test("notes: added, replaced (the old one taken away first), removed", async () => {
    const { host, sheet } = setUp();
    const notes = sheet(LEDGER).notes;
    notes.set("B3", "旧");
    notes.set("C3", "去");
    await host.apply(
      [
        { op: "note", sheet: LEDGER, cell: "B2", text: "新", had: false },
        { op: "note", sheet: LEDGER, cell: "B3", text: "换", had: true },
        { op: "note", sheet: LEDGER, cell: "C3", text: null, had: true },
      ],
      "mark",
    );
    expect(Object.fromEntries(notes)).toEqual({ B2: "新", B3: "换" });
  });

  test.each([
    ["ExcelApi 1.13", { version: "1.13" }],
    ["a library without NoteCollection", { libraryWithoutNotes: true }],
  ])("%s: a note operation writes nothing and fails nothing", async (_what, excel) => {
    const { fake, host, sheet } = setUp(excel);
    await host.apply([{ op: "note", sheet: LEDGER, cell: "B2", text: "新", had: true }], "mark");
    expect(sheet(LEDGER).notes.size).toBe(0);
    expect(fake.ops.some((o) => o.includes("notes"))).toBe(false);
  });
});

describe("apply: sheets", () => {
  test("addSheet: at the end or at a tab position, very hidden where asked; the active sheet stays", async () => {
    const { model, host } = setUp();
    await host.read({});
    await host.apply(
      [
        { op: "addSheet", name: "末" },
        { op: "addSheet", name: "首", position: 0 },
        { op: "addSheet", name: "藏", position: 1, veryHidden: true },
      ],
      "add-sheet",
    );
    expect(model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["首", "Visible"],
      ["藏", "VeryHidden"],
      [LEDGER, "Visible"],
      [OTHER, "Visible"],
      ["末", "Visible"],
    ]);
    expect(model.active).toBe(LEDGER);
  });

  test.each([
    ["added", { op: "addSheet", name: "部门目录" } as Op],
    ["added, whatever the case", { op: "addSheet", name: "SHEET" } as Op],
    ["renamed", { op: "renameSheet", from: LEDGER, to: OTHER } as Op],
  ])("a sheet is never %s over another: sheet-exists, before anything is written", async (_what, op) => {
    const { model, fake, host } = setUp();
    model.sheets.push(newSheet("Sheet"));
    await host.read({});
    fake.reset();
    const before = JSON.stringify(model.sheets.map((s) => s.name));
    await expect(host.apply([{ op: "values", sheet: LEDGER, row: 9, col: 0, rows: [["x"]] }, op], "add-sheet")).rejects.toMatchObject({ detail: { code: "sheet-exists" } });
    expect(fake.syncs).toBe(0);
    expect(JSON.stringify(model.sheets.map((s) => s.name))).toBe(before);
    expect(cellAt(model.sheets[0]!, "A10")).toBeUndefined();
  });

  test("a name freed by a delete or a rename earlier in the same apply may be taken; a fresh host learns the sheets first", async () => {
    const { model, fake, host } = setUp();
    await host.apply([{ op: "deleteSheet", name: OTHER }, { op: "addSheet", name: OTHER }, { op: "renameSheet", from: LEDGER, to: "旧台账" }, { op: "renameSheet", from: OTHER, to: LEDGER }], "summary");
    expect(fake.syncs).toBe(2);
    expect(model.sheets.map((s) => s.name)).toEqual(["旧台账", LEDGER]);
  });

  test("renameSheet, moveSheet, deleteSheet", async () => {
    const { model, host } = setUp();
    model.sheets.push(newSheet("三"));
    await host.apply([{ op: "renameSheet", from: OTHER, to: "目录" }, { op: "moveSheet", name: "三", position: 0 }, { op: "deleteSheet", name: "目录" }], "summary");
    expect(model.sheets.map((s) => s.name)).toEqual(["三", LEDGER]);
  });

  test("deleteSheet: a very hidden sheet is made hidden first (Excel refuses to delete it as it is), known or not", async () => {
    for (const readFirst of [true, false]) {
      const { model, fake, host } = setUp();
      const meta = newSheet(METADATA_SHEET);
      meta.visibility = "VeryHidden";
      model.sheets.push(meta);
      if (readFirst) await host.read({});
      fake.reset();
      await host.apply([{ op: "deleteSheet", name: METADATA_SHEET }], "settings");
      expect(model.sheets.map((s) => s.name)).toEqual([LEDGER, OTHER]);
      expect(fake.syncs).toBe(1);
    }
  });

  test("the fake refuses, as Excel does, to delete a very hidden sheet as it is", async () => {
    const { model, fake } = setUp();
    const meta = newSheet(METADATA_SHEET);
    meta.visibility = "VeryHidden";
    model.sheets.push(meta);
    await expect(fake.run({}, async (context) => {
      context.workbook.worksheets.getItem(METADATA_SHEET).delete();
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("activate: shows the sheet and selects the cell", async () => {
    const { model, host } = setUp();
    await host.apply([{ op: "activate", sheet: OTHER, cell: "B7" }], "select");
    expect(model.active).toBe(OTHER);
    expect(model.selected).toEqual({ sheet: OTHER, address: "B7" });
    await host.apply([{ op: "activate", sheet: LEDGER }], "select");
    expect(model.active).toBe(LEDGER);
  });

  test("a failure is the action's HostError, with Excel's code; operations before it are carried out", async () => {
    const { model, host } = setUp();
    const err = await host.apply([{ op: "activate", sheet: OTHER }, { op: "merge", sheet: "无", range: { top: 0, left: 0, bottom: 1, right: 1 } }], "summary").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).detail).toEqual({ code: "excel-failed", action: "summary", error: "ItemNotFound" });
    expect(model.active).toBe(OTHER);
  });
});

describe("apply: drawing", () => {
  const range = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

  test("merge", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "merge", sheet: OTHER, range: range(3, 0, 3, 4) }], "add-sheet");
    expect(sheet(OTHER).merges).toEqual([range(3, 0, 3, 4)]);
  });

  test("style: font, fill, alignment, wrapping, thin lines around each cell or under, a number format", async () => {
    const { host, sheet } = setUp();
    await host.apply(
      [
        { op: "style", sheet: OTHER, range: range(0, 0, 1, 1), style: { bold: true, size: 16, color: "#FFFFFF", underline: true, fill: "#4472C4", align: "center", valign: "middle", wrap: true, border: { around: "#BFBFBF" }, numberFormat: "0.0%" } },
        { op: "style", sheet: OTHER, range: range(5, 1), style: { align: "left", valign: "top", border: { under: "#000000" } } },
      ],
      "summary",
    );
    const ws = sheet(OTHER);
    const line = { style: "Continuous", weight: "Thin", color: "#BFBFBF" };
    for (const c of ["A1", "B1", "A2", "B2"]) {
      const f = formatAt(ws, c);
      expect(f).toMatchObject({ "font.bold": true, "font.size": 16, "font.color": "#FFFFFF", "font.underline": "Single", horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true });
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]) expect(f).toMatchObject({ [`borders.${edge}.style`]: line.style, [`borders.${edge}.weight`]: line.weight, [`borders.${edge}.color`]: line.color });
      expect(cellAt(ws, c)).toMatchObject({ fill: { color: "#4472C4", pattern: "Solid" }, numberFormat: "0.0%" });
    }
    const under = formatAt(ws, "B6");
    expect(under).toMatchObject({ horizontalAlignment: "Left", verticalAlignment: "Top", "borders.EdgeBottom.color": "#000000" });
    expect(under).not.toHaveProperty("borders.EdgeTop.style");
  });

  test("style on one cell: no inside lines asked of Excel", async () => {
    const { fake, host } = setUp();
    await host.apply([{ op: "style", sheet: OTHER, range: range(0, 0), style: { border: { around: "#000000" } } }], "summary");
    expect(fake.ops.some((o) => o.includes("Inside"))).toBe(false);
    expect(fake.ops.filter((o) => o.includes(".style="))).toHaveLength(4);
  });

  test("column widths (characters × 7.5 points), hidden columns, row heights, frozen rows", async () => {
    const { host, sheet } = setUp();
    await host.apply(
      [
        { op: "columnWidths", sheet: OTHER, widths: [8, 30] },
        { op: "hideColumns", sheet: OTHER, columns: [3] },
        { op: "rowHeights", sheet: OTHER, heights: [{ row: 0, height: 30 }, { row: 4, height: 24 }] },
        { op: "freeze", sheet: OTHER, rows: 2 },
      ],
      "add-sheet",
    );
    const ws = sheet(OTHER);
    expect(Object.fromEntries(ws.columnWidths!)).toEqual({ 0: 60, 1: 225 });
    expect([...ws.hiddenColumns]).toEqual([3]);
    expect(Object.fromEntries(ws.rowHeights!)).toEqual({ 0: 30, 4: 24 });
    expect(ws.frozenRows).toBe(2);
    await host.apply([{ op: "freeze", sheet: OTHER, rows: 0 }], "add-sheet");
    expect(ws.frozenRows).toBe(0);
  });

  test.each(EXCEL_VERSIONS)("ExcelApi %s: print titles and the page (A4 landscape, one page wide, the footer as given) where Excel has page layout (1.9)", async (version) => {
    const { host, sheet } = setUp({ version });
    await host.apply([{ op: "printTitles", sheet: OTHER, from: 1, to: 2 }, { op: "page", sheet: OTHER, footer: { left: "区政府办 && 督查室 2026-04-10", right: "第 &P 页，共 &N 页" } }], "summary");
    const layout = sheet(OTHER).pageLayout;
    if (version === "1.7") {
      expect(layout).toEqual({});
      return;
    }
    expect(layout).toEqual({
      printTitleRows: "$2:$3",
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      headersFooters: { defaultForAllPages: { leftFooter: "区政府办 && 督查室 2026-04-10", rightFooter: "第 &P 页，共 &N 页" } },
    });
  });

  test("page without a footer sets no footer", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "page", sheet: OTHER }], "summary");
    expect(sheet(OTHER).pageLayout).not.toHaveProperty("headersFooters");
  });

  test("protect: the open ranges unlocked, the sheet protected without a password, columns and rows still resizable", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "protect", sheet: OTHER, open: [range(1, 1, 2, 1)] }], "add-sheet");
    const ws = sheet(OTHER);
    expect(ws.protection).toEqual({ allowFormatColumns: true, allowFormatRows: true });
    expect(cellAt(ws, "B2")!.locked).toBe(false);
    expect(cellAt(ws, "B3")!.locked).toBe(false);
    expect(cellAt(ws, "A2")!.locked).toBeUndefined();
    expect((await host.read({ protection: [OTHER] })).protectedSheets).toEqual([OTHER]);
  });

  test("link: a hyperlink to a cell of the workbook, quotes in the sheet's name doubled", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "link", sheet: OTHER, cell: "C2", target: { sheet: "王's 台账", cell: "B7" }, text: "任务 7" }], "summary");
    expect(sheet(OTHER).hyperlinks.get("C2")).toEqual({ documentReference: "'王''s 台账'!B7", textToDisplay: "任务 7" });
  });

  test("table: over the range, its first row the header, styled and named", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "table", sheet: OTHER, range: range(2, 0, 6, 3), name: "汇总表1" }], "summary");
    expect(sheet(OTHER).tables).toEqual([{ name: "汇总表1", address: `${OTHER}!A3:D7`, style: "TableStyleMedium2" }]);
    expect((await host.read({ tables: true })).tables).toEqual([{ name: "汇总表1", sheet: OTHER }]);
  });

  test("chart: clustered bars of the values by the categories, titled, no legend, over the range asked", async () => {
    const { host, sheet } = setUp();
    await host.apply([{ op: "chart", sheet: OTHER, title: "报送率", categories: range(3, 0, 9, 0), values: range(3, 2, 9, 2), at: range(2, 6, 17, 13) }], "summary");
    expect(sheet(OTHER).chartList).toEqual([
      { type: "BarClustered", seriesBy: "Columns", source: `${OTHER}!C4:C10`, categories: `${OTHER}!A4:A10`, "title.text": "报送率", "legend.visible": false, from: `${OTHER}!G3`, to: `${OTHER}!N18` },
    ]);
  });
});

describe("apply: metadata and settings", () => {
  const rows = (n: number, text = "x") => [["type", "sheet", "cell", "key", "original"], ...Array.from({ length: n }, (_, i) => ["mark", LEDGER, `B${i + 2}`, "missing", `${text}${i}`])];
  const metaSheet = (model: FakeWorkbookModel) => model.sheets.find((s) => s.name === METADATA_SHEET);
  const metaRows = async (host: OfficeHost) => (await host.read({ metadata: true })).metadata?.rows;

  test.each([true, false])("the sheet added very hidden when there is none (read first: %s); rows as text; the active sheet stays", async (readFirst) => {
    const { model, fake, host } = setUp();
    if (readFirst) await host.read({ metadata: true });
    fake.reset();
    await host.apply([{ op: "metadata", rows: [["type", "original"], ["mark", "=1+1"]] }], "mark");
    expect(fake.syncs).toBe(readFirst ? 1 : 2);
    expect(metaSheet(model)?.visibility).toBe("VeryHidden");
    expect(model.active).toBe(LEDGER);
    expect(cellAt(metaSheet(model)!, "B2")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(await metaRows(host)).toEqual([["type", "original"], ["mark", "=1+1"]]);
  });

  test("twice in one apply (the records first, the final ones last), then shorter: what was below goes", async () => {
    const { host } = setUp();
    await host.read({ metadata: true });
    await host.apply([{ op: "metadata", rows: rows(5) }, { op: "fill", sheet: LEDGER, cells: ["B2"], fill: { color: "#FFC7CE" } }, { op: "metadata", rows: rows(3, "y") }], "mark");
    expect(await metaRows(host)).toEqual(rows(3, "y"));
    await host.apply([{ op: "metadata", rows: rows(1, "z") }], "clear");
    expect(await metaRows(host)).toEqual(rows(1, "z"));
  });

  test("rows that do not fit one request (the web): written below the old ones, which are then deleted; every request under the limit", async () => {
    const { model, fake, host } = setUp({ payloadLimit: WEB_PAYLOAD_LIMIT });
    await host.read({ metadata: true });
    await host.apply([{ op: "metadata", rows: rows(3) }], "mark");
    fake.reset();
    const big = rows(3000, "长".repeat(600));
    await host.apply([{ op: "metadata", rows: big }], "mark");
    expect(fake.syncs).toBeGreaterThan(1);
    expect(Math.max(...fake.requests)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(fake.ops.some((o) => o === "range.delete(Up)")).toBe(true);
    expect(await metaRows(host)).toEqual(big);
    expect(metaSheet(model)!.visibility).toBe("VeryHidden");
  });

  test("dropLegacySettings: the earlier version's settings go; nothing fails where there are none", async () => {
    const { model, host } = setUp();
    model.settings.set(SETTINGS_KEY, "{}");
    model.settings.set("other", 1);
    await host.apply([{ op: "dropLegacySettings" }], "settings");
    expect([...model.settings.keys()]).toEqual(["other"]);
    await host.apply([{ op: "dropLegacySettings" }], "settings");
    expect([...model.settings.keys()]).toEqual(["other"]);
  });
});

describe("the sync budget", () => {
  test.each(["1.7", "1.18"])("ExcelApi %s: check and marks of 10,000 rows: info, grid, looks, apply: 4 syncs on the desktop", async (version) => {
    const rowsOf = Array.from({ length: 10001 }, (_, i) => (i === 0 ? ["序号", "任务", "责任单位", "进展"] : [i, `任务${i}`, "区发改局", ""]));
    const model: FakeWorkbookModel = { sheets: [newSheet(LEDGER, rowsOf)], active: LEDGER, settings: new Map() };
    const { fake, host } = setUp({ version }, model);
    const info = await host.read({ metadata: true, legacySettings: true });
    const [ledger] = (await host.read({ grids: [{ name: info.active }] })).grids;
    expect(ledger!.grid.rows).toHaveLength(10001);
    const cells = Array.from({ length: 10000 }, (_, i) => `D${i + 2}`);
    const request: ReadRequest = { metadata: true, looks: [{ sheet: LEDGER, cells }], protection: [LEDGER] };
    const r = await host.read(request);
    const ops: Op[] = [
      { op: "metadata", rows: [["type"], ...cells.map((c) => [c])] },
      { op: "fill", sheet: LEDGER, cells, fill: { color: "#FFC7CE" } },
      ...cells.map((cell): Op => ({ op: "note", sheet: LEDGER, cell, text: "未填写进展", had: r.looks.get(LEDGER)!.get(cell)!.note !== null && r.looks.get(LEDGER)!.get(cell)!.note !== undefined })),
      { op: "metadata", rows: [["type"], ...cells.map((c) => [c, "done"])] },
    ];
    await host.apply(ops, "mark");
    expect(fake.syncs).toBe(4);
    expect(cellAt(model.sheets[0]!, "D10001")!.fill.color).toBe("#FFC7CE");
    if (version === "1.18") expect(model.sheets[0]!.notes.get("D10001")).toBe("未填写进展");
  });

  test("calculation waits while cells are written", async () => {
    const { fake, host } = setUp();
    await host.apply([{ op: "values", sheet: LEDGER, row: 5, col: 0, rows: [["x"]] }], "write");
    expect(fake.ops[0]).toBe("application.suspendApiCalculationUntilNextSync()");
    fake.reset();
    await host.apply([{ op: "activate", sheet: OTHER }], "select");
    expect(fake.ops).not.toContain("application.suspendApiCalculationUntilNextSync()");
  });

  test("nothing to apply: no run at all", async () => {
    const { fake, host } = setUp();
    await host.apply([], "mark");
    expect(fake.runs).toHaveLength(0);
  });
});
