// The Office.js host against the fake Excel: how many syncs it takes, and exactly what it writes.
import ExcelJS from "exceljs";
import { check, readDirectory } from "../src/core";
import { MARK_COLORS, type Mark } from "../src/core/marks";
import { METADATA_SHEET, readMetadata } from "../src/core/metadata";
import { summarise } from "../src/core/summary";
import { summarySheetPlan } from "../src/core/summarySheet";
import { sheetGrid } from "../src/hosts/xlsx/grid";
import { OfficeHost, SETTINGS_KEY, WEB_PAYLOAD_LIMIT, type ApiSupport } from "../src/hosts/office/host";
import { syntheticDirectoryRows, syntheticLedgerRows, syntheticUnits } from "./helpers/syntheticLedger";
import { cellAt, fakeRun, newSheet, NO_FILL, type FakeWorkbookModel } from "./fakes/excel";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";
import { marksOf, opened, problemOf } from "./helpers/app";
import { book as bookOf } from "../src/app/book";

const DESKTOP: ApiSupport = { mergedAreas: true, rangeAreas: true, notes: true };
const WEB: ApiSupport = { ...DESKTOP, payloadLimit: WEB_PAYLOAD_LIMIT };

function syntheticModel(tasks: number): FakeWorkbookModel {
  const units = syntheticUnits(300);
  return {
    sheets: [newSheet("2026年责任分解", syntheticLedgerRows(tasks, units)), newSheet("部门目录", syntheticDirectoryRows(units))],
    active: "2026年责任分解",
    settings: new Map(),
  };
}

/** The 2019 Jianghan seed ledger as a fake workbook (values and merged areas). */
const seedModel = () => fakeModelOf(LEDGER_2019, "进展情况");

describe("reading", () => {
  test.each([
    [100, DESKTOP, 2],
    [20000, DESKTOP, 2],
    [100, WEB, 2],
  ])("%i rows (%o) in %i syncs", async (rows, support, syncs) => {
    const fake = fakeRun(syntheticModel(rows));
    const snap = await opened(new OfficeHost(fake.run, support));
    expect(fake.syncs).toBe(syncs);
    expect(snap.ledger.rows).toHaveLength(rows + 2);
    expect(snap.directory?.size).toBe(300);
  });

  test("20,000 rows on the web: row chunks, each under the payload limit, never one sync per row", async () => {
    const fake = fakeRun(syntheticModel(20000));
    const snap = await opened(new OfficeHost(fake.run, WEB));
    expect(snap.ledger.rows).toHaveLength(20002);
    expect(fake.syncs).toBeGreaterThan(2);
    expect(fake.syncs).toBeLessThanOrEqual(12);
    expect(snap.ledger.rows[20001]![0]).toBe(20000);
  });

  test("the seed ledger reads as the command line reads it, merged areas included", async () => {
    const model = await seedModel();
    const fake = fakeRun(model);
    const snap = await opened(new OfficeHost(fake.run, DESKTOP));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(LEDGER_2019);
    const viaFile = check(sheetGrid(wb.getWorksheet("进展情况")!), readDirectory(sheetGrid(wb.getWorksheet("部门目录")!)), { quarter: { year: 2019, q: 3 } });
    const viaExcel = check(snap.ledger, snap.directory, { quarter: { year: 2019, q: 3 } });
    expect(viaExcel.findings).toEqual(viaFile.findings);
    expect(viaExcel.ledger.tasks).toHaveLength(106);
    expect(snap.ledger.merges.length).toBeGreaterThan(10);
  });

  test("more than 512 merged areas: asked again in small bands; when even those are too many, read without them and say so", async () => {
    const rows = (n: number) => [["序号", "目标任务", "责任单位", "备注", "三季度进展", "说明"], ...Array.from({ length: n }, (_, i) => [i + 1, `任务${i + 1}`, "区财政局", "", "已完成", ""])];
    // One merged area a row (备注 over two columns): 1,000 in the first band of 2,000 rows.
    const some = newSheet("台账", rows(1000), Array.from({ length: 1000 }, (_, i) => `D${i + 2}:E${i + 2}`));
    const fake = fakeRun({ sheets: [some], active: "台账", settings: new Map() });
    const snap = await opened(new OfficeHost(fake.run, DESKTOP));
    expect(snap.ledger.merges).toHaveLength(1000);
    expect(snap.notes).toEqual([]);
    // Six merged areas a row for 100 rows: 600 even in a band of 100 rows.
    const many = newSheet("台账", rows(100), Array.from({ length: 100 }, (_, i) => ["A", "B", "C", "D", "E", "F"].map((c) => `${c}${i + 2}:${c}${i + 2}`)).flat());
    const fake2 = fakeRun({ sheets: [many], active: "台账", settings: new Map() });
    const snap2 = await opened(new OfficeHost(fake2.run, DESKTOP));
    expect(snap2.ledger.merges).toEqual([]);
    expect(snap2.ledger.rows).toHaveLength(101);
    expect(snap2.notes).toEqual([{ code: "merges-unreadable", sheet: "台账" }]);
  });

  test("a ledger sheet chosen in an earlier version's settings (Excel's workbook settings) is read, still in two syncs", async () => {
    const model = syntheticModel(50);
    model.active = "部门目录";
    model.settings.set(SETTINGS_KEY, JSON.stringify({ ledgerSheet: "2026年责任分解" }));
    const fake = fakeRun(model);
    const snap = await opened(new OfficeHost(fake.run, DESKTOP));
    expect(snap.ledger.name).toBe("2026年责任分解");
    expect(snap.settings.ledgerSheet).toBe("2026年责任分解");
    expect(fake.syncs).toBe(2);
  });
});

describe("marks", () => {
  test("check and marks of a 10,000-row ledger take 4 syncs; fills are grouped by colour in RangeAreas of at most 400", async () => {
    const model = syntheticModel(10000);
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);
    const snap = await opened(host);
    const result = check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } });
    const marks = marksOf(result);
    await bookOf(host).mark(snap.ledger.name, marks);
    expect(fake.syncs).toBe(4);
    const sheet = model.sheets[0]!;
    for (const m of marks) expect(cellAt(sheet, m.cell)!.fill.color).toBe(m.color);
    // Cells without findings keep their look.
    expect(cellAt(sheet, "C3")!.fill).toEqual(NO_FILL);
    const fillWrites = fake.ops.filter((o) => /^rangeAreas\.format\.fill\.set/.test(o));
    const perColor = new Map<string, number>();
    for (const m of marks) perColor.set(m.color, (perColor.get(m.color) ?? 0) + 1);
    expect(fillWrites.length).toBe([...perColor.values()].reduce((n, c) => n + Math.ceil(c / 400), 0));
    expect(sheet.notes.get(marks[0]!.cell)).toBe(marks[0]!.note);
  });

  test("a second check clears the old marks first, and clearing restores fills and notes exactly", async () => {
    const model: FakeWorkbookModel = {
      sheets: [
        newSheet("台账", [
          ["序号", "目标任务", "责任单位", "三季度进展"],
          [1, "新建口袋公园3个。", "区园林局", ""],
          [2, "完成老旧小区改造30个。", "区住更局", "正在推进"],
          [3, "新增就业2万人。", "区人力资源局", "新增就业1.6万人，完成全年目标的80%。"],
        ]),
      ],
      active: "台账",
      settings: new Map(),
    };
    const sheet = model.sheets[0]!;
    const own = { color: "#DDEBF7", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4, patternTintAndShade: 0 };
    sheet.cells.set("1,3", { value: "", fill: { ...own }, numberFormat: "General" });
    sheet.notes.set("D2", "由区园林局填写");
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);

    const first = check((await opened(host)).ledger, undefined, { quarter: { year: 2026, q: 3 } });
    await bookOf(host).mark("台账", marksOf(first));
    expect(cellAt(sheet, "D2")!.fill.color).toBe(MARK_COLORS.missing);
    expect(cellAt(sheet, "D3")!.fill.color).toBe(MARK_COLORS.weak);
    expect(sheet.notes.get("D2")).toMatch(/^由区园林局填写\n——\n督办助手：/);

    // Someone fills in D2; the next check marks only D3 and gives D2 its own look back.
    cellAt(sheet, "D2")!.value = "已完成选址2处，完成设计方案。";
    const second = check((await opened(host)).ledger, undefined, { quarter: { year: 2026, q: 3 } });
    await bookOf(host).mark("台账", marksOf(second));
    expect(cellAt(sheet, "D2")!.fill).toEqual(own);
    expect(sheet.notes.get("D2")).toBe("由区园林局填写");
    expect(cellAt(sheet, "D3")!.fill.color).toBe(MARK_COLORS.weak);

    expect(await bookOf(host).clearMarks()).toBe(1);
    expect(cellAt(sheet, "D3")!.fill).toEqual(NO_FILL);
    expect(sheet.notes.has("D3")).toBe(false);
    // Nothing left to remember: the metadata sheet goes.
    expect(model.sheets.find((s) => s.name === METADATA_SHEET)).toBeUndefined();
  });
});

test("a ledger sheet renamed between two checks keeps its original looks restorable", async () => {
  const model: FakeWorkbookModel = {
    sheets: [newSheet("台账", [["序号", "目标任务", "责任单位", "三季度进展"], [1, "新建口袋公园3个。", "区园林局", ""]])],
    active: "台账",
    settings: new Map(),
  };
  const sheet = model.sheets[0]!;
  const own = { color: "#DDEBF7", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
  sheet.cells.set("1,3", { value: "", fill: { ...own }, numberFormat: "General" });
  sheet.notes.set("D2", "由区园林局填写");
  const fake = fakeRun(model);
  const host = new OfficeHost(fake.run, DESKTOP);
  await bookOf(host).mark("台账", marksOf(check((await opened(host)).ledger, undefined, { quarter: { year: 2026, q: 3 } })));
  sheet.name = "2026年台账";
  model.active = "2026年台账";
  await bookOf(host).mark("2026年台账", marksOf(check((await opened(host)).ledger, undefined, { quarter: { year: 2026, q: 3 } })));
  expect(await bookOf(host).clearMarks()).toBe(1);
  expect(cellAt(sheet, "D2")!.fill).toEqual(own);
  expect(sheet.notes.get("D2")).toBe("由区园林局填写");
});

/** The metadata sheet's values as rows. */
function metaRows(model: FakeWorkbookModel): string[][] {
  const s = model.sheets.find((x) => x.name === METADATA_SHEET)!;
  const rows: string[][] = [];
  for (const [key, cell] of s.cells) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (rows[r] ??= [])[c] = String(cell.value);
  }
  return rows.map((r) => r ?? []);
}

describe("the summary sheet and the rest", () => {
  test("writes the tables, links to the ledger's cells, a chart, A4 landscape, and remembers the sheet", async () => {
    const model = await seedModel();
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);
    const snap = await opened(host);
    const dir = snap.directory!;
    const result = check(snap.ledger, dir, { quarter: { year: 2019, q: 3 } });
    const plan = summarySheetPlan(summarise(result, dir, new Date(2026, 10, 22)), "2019年第三季度汇总");
    fake.reset();
    await bookOf(host).writeSummary(plan, false);
    expect(fake.syncs).toBe(2);
    const sheet = model.sheets.find((s) => s.name === "2019年第三季度汇总")!;
    expect(sheet.tables.map((t) => [t.name, t.style])).toEqual([
      ["Duban2019Q3Totals", "TableStyleMedium2"],
      ["Duban2019Q3Units", "TableStyleMedium2"],
      ["Duban2019Q3Categories", "TableStyleMedium2"],
      ["Duban2019Q3UnitProblems", "TableStyleMedium2"],
    ]);
    const links = [...sheet.hyperlinks.values()].map((l) => l.documentReference);
    expect(links).toHaveLength(result.findings.filter((f) => /unit/.test(f.kind)).length);
    expect(links[0]).toBe("'进展情况'!F3");
    expect(sheet.charts).toBe(1);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(model.active).toBe("2019年第三季度汇总");
    expect(readMetadata({ name: METADATA_SHEET, rows: metaRows(model), merges: [] }).summaries).toEqual([{ key: "2019Q3", sheet: "2019年第三季度汇总", stamp: plan.stamp }]);
    // Text from the ledger is written as text.
    const texts = [...sheet.cells.values()].filter((c) => typeof c.value === "object" && c.value !== null);
    expect(texts).toEqual([]);
  });

  test("select, corrected unit names in one batch, and settings in the metadata sheet (an earlier version's copy removed)", async () => {
    const model = syntheticModel(10);
    model.settings.set(SETTINGS_KEY, JSON.stringify({ ledgerSheet: "2026年责任分解" }));
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);
    await bookOf(host).select("2026年责任分解", "D5");
    expect(model.selected).toEqual({ sheet: "2026年责任分解", address: "D5" });
    await bookOf(host).setTexts("2026年责任分解", [
      { cell: "D5", text: "=区财政局" },
      { cell: "D6", text: "区发展和改革局" },
    ]);
    expect(cellAt(model.sheets[0]!, "D5")!.value).toBe("=区财政局");
    expect(cellAt(model.sheets[0]!, "D6")!.value).toBe("区发展和改革局");
    await bookOf(host).saveSettings(JSON.stringify({ ledgerSheet: "2026年责任分解", headerRow: 2 }));
    expect(readMetadata({ name: METADATA_SHEET, rows: metaRows(model), merges: [] }).settings).toBe(JSON.stringify({ ledgerSheet: "2026年责任分解", headerRow: 2 }));
    expect(model.settings.has(SETTINGS_KEY)).toBe(false);
    // Selecting is one sync; writing texts reads the sheet's protection first (learning the sheets, one
    // more sync, in a host that has read nothing yet), then writes; saving the settings reads, then writes.
    expect(fake.syncs).toBe(1 + 3 + 2);
  });

  test("an Office error becomes a clear message in Chinese", async () => {
    const model = syntheticModel(10);
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, DESKTOP);
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await problemOf(bookOf(host).select("不存在的表", "A1"))).toMatch(/定位单元格失败：找不到要操作的工作表或单元格/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("as Excel runs a batch", () => {
  test("every batch waits while a person edits a cell (delayForCellEdit), instead of failing", async () => {
    const fake = fakeRun(syntheticModel(20));
    const host = new OfficeHost(fake.run, DESKTOP);
    const snap = await opened(host);
    await bookOf(host).mark(snap.ledger.name, marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } })));
    await bookOf(host).clearMarks();
    expect(fake.options.length).toBeGreaterThan(3);
    expect(fake.options.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  test("hidden rows are read from each visible area, not from the areas' address, which Excel cuts short", async () => {
    const model = syntheticModel(600);
    // Every third row hidden: 200 visible areas, far over the 255 characters of an address.
    const hidden = Array.from({ length: 200 }, (_, i) => 4 + 3 * i);
    model.sheets[0]!.hiddenRows = new Set(hidden);
    const fake = fakeRun(model);
    const snap = await opened(new OfficeHost(fake.run, fake.support));
    expect(snap.ledger.hiddenRows).toEqual(hidden);
  });

  test("a cell with a threaded comment cannot take a note: it is marked without one, the rest of the batch goes on, and clearing leaves the comment", async () => {
    const model = syntheticModel(20);
    const sheet = model.sheets[0]!;
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, fake.support);
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } }));
    const commented = marks[1]!.cell;
    sheet.comments.set(commented, "请区财政局补充数据 @张三");
    fake.reset();
    await bookOf(host).mark(snap.ledger.name, marks);
    // One more read, for where the comments are: only because there are some.
    expect(fake.syncs).toBe(3);
    expect(cellAt(sheet, commented)!.fill.color).toBe(marks[1]!.color);
    expect(sheet.notes.has(commented)).toBe(false);
    expect(sheet.notes.get(marks[0]!.cell)).toBe(marks[0]!.note);
    expect(await bookOf(host).clearMarks()).toBe(marks.length);
    expect(sheet.notes.size).toBe(0);
    expect(sheet.comments.get(commented)).toBe("请区财政局补充数据 @张三");
  });
});

describe("protection, read before anything is written", () => {
  async function markedLater() {
    const model = syntheticModel(20);
    const fake = fakeRun(model);
    const host = new OfficeHost(fake.run, fake.support);
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } }));
    return { model, fake, host, marks, sheet: model.sheets[0]!, before: JSON.stringify([...model.sheets[0]!.cells]) };
  }

  test("a protected ledger is not marked: the person is told to lift the protection, and nothing was queued", async () => {
    const { fake, host, marks, sheet, before, model } = await markedLater();
    sheet.protection = { allowFormatColumns: true };
    fake.reset();
    expect(await problemOf(bookOf(host).mark(sheet.name, marks))).toBe(
      "工作表“2026年责任分解”受保护，标记台账会被 Excel 拒绝，因此没有写入任何内容：请在“审阅”选项卡中点“撤销工作表保护”，完成后再重新保护。",
    );
    expect(fake.syncs).toBe(1);
    expect(JSON.stringify([...sheet.cells])).toBe(before);
    expect(model.sheets.some((s) => s.name === METADATA_SHEET)).toBe(false);
  });

  test("clearing marks on a sheet protected since, and writing or undoing a merge into a protected sheet: refused the same way", async () => {
    const { host, marks, sheet } = await markedLater();
    await bookOf(host).mark(sheet.name, marks);
    await bookOf(host).writeCells(sheet.name, [{ cell: "G3", text: "已完成。" }], "合并回报 2026Q3");
    sheet.protection = {};
    const marked = JSON.stringify([...sheet.cells]);
    expect(await problemOf(bookOf(host).clearMarks())).toMatch(/^工作表“2026年责任分解”受保护，清除标记会被 Excel 拒绝/);
    expect(await problemOf(bookOf(host).writeCells(sheet.name, [{ cell: "G4", text: "已完成。" }], "合并回报 2026Q3"))).toMatch(/^工作表“2026年责任分解”受保护，写入台账会被 Excel 拒绝/);
    expect(await problemOf(bookOf(host).undoWrites())).toMatch(/^工作表“2026年责任分解”受保护，撤销写入会被 Excel 拒绝/);
    expect(JSON.stringify([...sheet.cells])).toBe(marked);
    // Lifted: everything goes through.
    sheet.protection = undefined;
    expect(await bookOf(host).undoWrites()).toMatchObject({ restored: 1 });
    expect(await bookOf(host).clearMarks()).toBe(marks.length);
  });

  test("a workbook whose structure is protected: no summary, no new sheet, no first marks (the records' sheet cannot be added); nothing written", async () => {
    const { model, host, marks, sheet } = await markedLater();
    model.structureProtected = true;
    const said = "工作簿的结构受保护（不能添加或删除工作表），督办助手要用的工作表无法添加，因此没有写入任何内容：请在“审阅”选项卡中点“保护工作簿”取消保护后再试。";
    expect(await problemOf(bookOf(host).mark(sheet.name, marks))).toBe(said);
    const snap = await opened(host);
    const plan = summarySheetPlan(summarise(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } }), snap.directory, new Date(2026, 10, 22)), "2026年第三季度汇总");
    expect(await problemOf(bookOf(host).writeSummary(plan, false))).toBe(said);
    expect(await problemOf(bookOf(host).addSheet({ name: "部门目录2", columns: [{ header: "单位名称", width: 20 }], rows: [["区财政局"]] }))).toBe(said);
    expect(model.sheets.map((s) => s.name)).toEqual(["2026年责任分解", "部门目录"]);
    expect(cellAt(sheet, marks[0]!.cell)!.fill).toEqual(NO_FILL);
  });
});

describe("Excel on the web: 5 MB a request, 5 MB a response", () => {
  const LIMITED = { payloadLimit: WEB_PAYLOAD_LIMIT };

  /** The marks of a 20,000-row ledger read through `host`, each note with a long request to the unit: more than 5 MB to write. */
  async function largeMarks(host: OfficeHost) {
    const snap = await opened(host);
    const marks = marksOf(check(snap.ledger, snap.directory, { quarter: { year: 2026, q: 3 } }));
    return { snap, marks: (made = marks.map((m) => ({ ...m, note: `${m.note}\n${"请责任单位于十日内补报，并附佐证材料。".repeat(25)}` }))) };
  }
  /** The same marks, as made last (reading and checking 20,000 rows again takes seconds). */
  let made: Mark[] | undefined;

  test("check and marks of 20,000 rows: reads in chunks, writes in requests each under the limit", async () => {
    const model = syntheticModel(20000);
    const fake = fakeRun(model, LIMITED);
    expect(fake.support.payloadLimit).toBe(WEB_PAYLOAD_LIMIT);
    const host = new OfficeHost(fake.run, fake.support);
    const { snap, marks } = await largeMarks(host);
    expect(marks.length).toBeGreaterThan(4000);
    fake.reset();
    await bookOf(host).mark(snap.ledger.name, marks);
    expect(fake.syncs).toBeGreaterThan(2);
    expect(Math.max(...fake.requests)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    const sheet = model.sheets[0]!;
    for (const m of [marks[0]!, marks[marks.length - 1]!]) {
      expect(cellAt(sheet, m.cell)!.fill.color).toBe(m.color);
      expect(sheet.notes.get(m.cell)).toBe(m.note);
    }
    expect(await bookOf(host).clearMarks()).toBe(marks.length);
    expect(sheet.notes.size).toBe(0);
  });

  test("a merge of long progress texts, larger than one request with its records: written in parts, undone whole", async () => {
    const model = syntheticModel(3000);
    const fake = fakeRun(model, LIMITED);
    const host = new OfficeHost(fake.run, fake.support);
    const before = JSON.stringify([...model.sheets[0]!.cells]);
    // About 3.6 MB of text: twice that to write with its records, which are read back in one response.
    const text = (i: number) => `第${i}项：${"已完成年度目标任务的百分之八十，其中新建项目按期推进。".repeat(16)}`;
    const edits = Array.from({ length: 3000 }, (_, i) => ({ cell: `G${i + 3}`, text: text(i) }));
    await bookOf(host).writeCells("2026年责任分解", edits, "合并回报 2026Q3");
    expect(Math.max(...fake.requests)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(cellAt(model.sheets[0]!, "G3002")!.value).toBe(text(2999));
    expect(await bookOf(host).undoWrites()).toEqual({ label: "合并回报 2026Q3", restored: 3000, kept: [] });
    expect(JSON.stringify([...model.sheets[0]!.cells].filter(([, c]) => c.value !== "" || c.numberFormat !== "General"))).toBe(before);
  });

  test("a host not told of the limit: the request or the response that is too large says what happened and what to do", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const model = syntheticModel(20000);
    const fake = fakeRun(model, LIMITED);
    const host = new OfficeHost(fake.run, DESKTOP);
    // The whole used range in one response: too large.
    await bookOf(host).info();
    model.active = "部门目录";
    expect(await problemOf(bookOf(host).readSheets([{ name: "2026年责任分解" }]))).toBe(
      "读取台账失败：要读取的内容超过了 Excel 网页版一次最多传回的 5 MB：请在 Excel 桌面版中打开此工作簿再试，或把台账拆分为几个较小的工作表。",
    );
    const marks = made ?? (await largeMarks(new OfficeHost(fakeRun(syntheticModel(20000)).run, DESKTOP))).marks;
    expect(await problemOf(bookOf(host).mark("2026年责任分解", marks))).toMatch(
      /^标记台账失败：要写入的内容超过了 Excel 网页版一次最多接收的 5 MB：请在 Excel 桌面版中打开此工作簿再试，或把台账拆分为几个较小的工作表。/,
    );
    spy.mockRestore();
  });
});

test("several workbooks open and this one not active (InactiveWorkbook): the person is told to click into it", async () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const fake = fakeRun(syntheticModel(10));
  const host = new OfficeHost(fake.run, DESKTOP);
  fake.failNextAt(1, Object.assign(new Error("InactiveWorkbook"), { code: "InactiveWorkbook" }));
  expect(await problemOf(bookOf(host).info())).toBe("读取台账失败：打开了多个工作簿，督办助手所在的工作簿现在不是当前窗口：请先点一下这个工作簿的窗口，再重试。");
  spy.mockRestore();
});
