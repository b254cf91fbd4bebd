// The use cases bound to one workbook, as a user interface holds them (createApp), over the plain-data
// port: what the pane shows before anything is run (overview), and each use case reaching the
// workbook, the clock as given, and the files where the host has them.
import { createApp, overview, overviewOfCheck } from "../../src/app";
import { HostError, type DocumentFiles, type FormFiles } from "../../src/app/port";
import { METADATA_SHEET } from "../../src/core/metadata";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, type SheetsPort } from "./seeds";

const NOV_22 = new Date(2026, 10, 22);
const OCT_20 = new Date(2026, 9, 20);
const Q3 = { year: 2026, q: 3 as const };
const desk = () => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
const unjson = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as unknown;
const formFiles: FormFiles = {
  fileName: (f) => `${f.unit}.xlsx`,
  bytes: async (f) => json(f.unit),
  zip: async (forms) => json(forms.map((f) => f.unit)),
  read: async (bytes) => JSON.parse(new TextDecoder().decode(bytes as Uint8Array)),
};
const documentFiles: DocumentFiles = { bytes: async (d) => json(d.name), zip: async (files, texts = []) => json([...files.map((f) => f.name), ...texts.map((t) => `${t.name}:${t.text}`)]) };
const appOf = (port: SheetsPort, today = () => NOV_22) => createApp({ port, today, forms: async () => formFiles, documents: async () => documentFiles });

describe("what the pane shows before anything is run", () => {
  test("the ledger, its tasks and year, the quarter it opens on, the sheets, the settings, nothing marked, who it speaks for", async () => {
    const o = await appOf(desk()).overview();
    expect(o).toEqual({
      sheet: "台账",
      tasks: 7,
      year: 2026,
      defaultQuarter: Q3,
      sheets: [
        { name: "台账", visible: true },
        { name: "部门目录", visible: true },
      ],
      settings: {},
      marked: 0,
      office: { district: "江汉区", issuer: "江汉区人民政府办公室", districtFrom: "ledger" },
      notes: [],
    });
  });

  test("after a check: the cells marked, the stored settings, the last merge; the same as the check tells it", async () => {
    const port = desk();
    const app = appOf(port, () => OCT_20);
    await app.saveSettings({ minProgressLength: 6 });
    const outcome = await app.check({ quarter: Q3 });
    const plan = await app.planForms({ quarter: Q3 });
    const dev = plan.forms.find((f) => f.unit === "区发展和改革局")!;
    const returned = { ...dev, rows: dev.rows.map((r) => ({ ...r, progress: "完成投资320亿元，达年度目标的74%。" })) };
    const merge = await app.planMerge({ returns: [returned], notReturns: [] }, { quarter: Q3 });
    await app.writeMerge(merge);
    const o = await app.overview();
    expect(o.marked).toBe(outcome.marked);
    expect(o.settings).toEqual({ minProgressLength: 6 });
    expect(o.lastMerge).toEqual({ label: "合并回报 2026Q3", cells: merge.edits.length });
    expect(o.sheets.map((s) => s.name)).toEqual(["台账", "部门目录", METADATA_SHEET]);
    expect(o.sheets.at(-1)!.visible).toBe(false);
    const again = await app.check({ quarter: Q3, mark: false });
    expect(app.overviewOfCheck(again)).toEqual(o);
    expect(overviewOfCheck(again, OCT_20)).toEqual(await overview(port, OCT_20));
  });

  test("a ledger naming no year has none; a sheet not the ledger is said", async () => {
    const port = portOf({ 说明: [["说明"]], 台账: DESK_LEDGER.slice(1).map((r) => r.map((v) => (v === "2026年6月底" ? "6月底" : v))) });
    const o = await overview(port, NOV_22);
    expect("year" in o).toBe(false);
    expect(o.notes).toEqual([{ code: "ledger-not-active", active: "说明", sheet: "台账", why: "not-a-ledger" }]);
    expect(o.office.districtFrom).toBe("none");
  });
});

describe("the use cases", () => {
  test("the host's kind; opening a workbook only where the host can", async () => {
    const port = desk();
    const app = appOf(port);
    expect(app.kind).toBe("xlsx");
    expect(app.canOpenWorkbook).toBe(false);
    const opened: string[] = [];
    Object.assign(port, { openWorkbook: async (b: string) => void opened.push(b) });
    const withOpen = appOf(port);
    expect(withOpen.canOpenWorkbook).toBe(true);
    await withOpen.openWorkbook("UEsDBA==");
    expect(opened).toEqual(["UEsDBA=="]);
  });

  test("the clock as given, at each use", async () => {
    let today = new Date(2026, 7, 1);
    const app = appOf(desk(), () => today);
    expect(app.today()).toBe(today);
    expect((await app.check({ mark: false })).result.quarter).toEqual({ year: 2026, q: 2 });
    today = NOV_22;
    expect((await app.check({ mark: false })).result.quarter).toEqual(Q3);
    expect((await app.overview()).defaultQuarter).toEqual(Q3);
  });

  test("检查, 应用, 全部应用, 清除标记 and going to a cell", async () => {
    const port = desk();
    const app = appOf(port);
    const outcome = await app.check();
    expect(outcome.marked).toBeGreaterThan(0);
    const fixes = app.fixesOfKind(outcome, "renamed-unit");
    expect(fixes.map((f) => [f.finding.cell, f.name])).toEqual([["C5", "区城市管理执法局"]]);
    expect(await app.applyFixes(outcome, fixes)).toBe(1);
    expect(port.cell("台账", "C5").value).toBe("区城市管理执法局");
    expect(await app.clearMarks()).toBe(outcome.marked);
    await app.select("台账", "G6");
    expect([port.active, port.selected]).toEqual(["台账", "G6"]);
  });

  test("the sheet the person is on; nothing when it cannot be read", async () => {
    const port = desk();
    port.active = "部门目录";
    expect(await appOf(port).activeSheet()).toBe("部门目录");
    port.failReadAt = { index: port.reads.length, error: new HostError({ code: "no-workbook" }) };
    expect(await appOf(port).activeSheet()).toBeUndefined();
  });

  test("汇总, 通报 and 催办单, with their files", async () => {
    const port = desk();
    const app = appOf(port, () => OCT_20);
    const made = await app.makeSummary({ quarter: Q3 });
    expect(made.sheet).toBe("2026年第三季度汇总");
    expect(port.sheets.map((s) => s.name)).toContain("2026年第三季度汇总");
    const b = await app.makeBulletin({ quarter: Q3 });
    expect(b.summary.made).toBe("2026-10-20");
    expect(await app.bulletinFile(b)).toEqual({ name: "2026Q3通报.docx", bytes: json(b.document.name) });
    const outcome = await app.check({ quarter: Q3, mark: false });
    const list = app.reminders(outcome);
    expect(list.map((r) => r.unit)).toEqual(["区城市管理执法局", "区发展和改革局", "区卫生健康局"]);
    expect(list[0]!.text).toContain("已逾期 10 天");
    expect(unjson((await app.reminderFile(list[0]!)).bytes)).toBe(list[0]!.document.name);
    expect((await app.remindersZipFile(list)).name).toBe("催办单-2026Q3（3个单位）.zip");
    expect(unjson((await app.remindersZipFile(list)).bytes)).toEqual(list.map((r) => r.fileName));
    // A name that stands for no clear unit: the office's to check, beside the 催办单.
    const stray = portOf({ 台账: [...DESK_LEDGER, [8, "建设智慧停车场。", "区停车办", "", "", "", ""]], 部门目录: DESK_DIRECTORY });
    const strayApp = appOf(stray, () => OCT_20);
    const strayOutcome = await strayApp.check({ quarter: Q3, mark: false });
    const toCheck = strayApp.namesToCheck(strayOutcome);
    expect(toCheck).toEqual([{ name: "区停车办", cells: ["C10"], suggestions: [] }]);
    const zipped = unjson((await strayApp.remindersZipFile(strayApp.reminders(strayOutcome), toCheck)).bytes) as string[];
    expect(zipped.at(-1)).toMatch(/^单位名称待核对\.txt:以下单位名称不在部门目录中/);
    // The default request: the quarter the workbook opens on.
    expect((await appOf(desk(), () => NOV_22).makeSummary()).sheet).toBe("2026年第三季度汇总");
    expect((await appOf(desk(), () => NOV_22).makeBulletin()).fileName).toBe("2026Q3通报.docx");
  });

  test("目录: the report, a directory proposed, a unit added", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    const app = appOf(port);
    const outcome = await app.check({ mark: false });
    expect(app.directoryReport(outcome).proposed.map((u) => u.name)).toContain("区城管委");
    expect(await app.createDirectory(outcome.result.ledger)).toBe(app.directoryReport(outcome).proposed.length);
    expect(port.sheets.map((s) => s.name)).toContain("部门目录");
    const listed = appOf(desk());
    expect(await listed.addToDirectory("区档案馆", { as: "unit" })).toMatchObject({ name: "区档案馆", as: "unit", cells: ["部门目录!A7", "部门目录!E7"] });
  });

  test("导入: a notice read, then made a ledger sheet", async () => {
    const port = desk();
    const app = appOf(port);
    const text = "2026年区政府工作报告责任分解方案\n1.新建口袋公园5个。(责任单位:区园林局)";
    expect(app.readNotice(text).items).toHaveLength(1);
    expect((await app.importNotice(text)).title).toBe("2026年区政府工作报告责任分解方案");
    expect(port.sheets.map((s) => s.name)).toContain("责任分解台账");
  });

  test("分发 and 合并回报: the forms and their files, names corrected, the returns read, merged and undone", async () => {
    const port = desk();
    const app = appOf(port, () => OCT_20);
    const plan = await app.planForms({ quarter: Q3 });
    expect(plan.unresolved.map((u) => u.name)).toEqual(["区卫键局"]);
    expect(await app.formFile(plan.forms[0]!)).toEqual({ name: "区财政局.xlsx", bytes: json("区财政局") });
    expect((await app.formsZipFile(plan)).name).toBe("台账-2026Q3进展填报表（4个单位）.zip");
    expect(await app.correctUnits(plan, new Map([["区卫键局", "区卫生健康局"]]))).toBe(1);
    const dev = plan.forms.find((f) => f.unit === "区发展和改革局")!;
    const back = { ...dev, rows: dev.rows.map((r) => ({ ...r, progress: "完成投资320亿元，达年度目标的74%。" })) };
    const returned = await app.readReturnFiles([{ name: "回报.xlsx", bytes: json(back) }]);
    expect(returned.returns).toEqual([back]);
    const merge = await app.planMerge(returned, { quarter: Q3 });
    expect((await app.writeMerge(merge)).edits.length).toBeGreaterThan(0);
    expect(await app.lastMerge()).toEqual({ label: "合并回报 2026Q3", cells: merge.edits.length });
    expect(await app.undoMerge()).toMatchObject({ label: "合并回报 2026Q3", restored: merge.edits.length });
    expect(await app.lastMerge()).toBeUndefined();
    // The default request: the quarter the workbook opens on.
    expect((await app.planForms()).quarter).toEqual(Q3);
    expect((await app.planMerge(returned)).quarter).toEqual(Q3);
  });

  test("兼容性自检: the port's contract on the workbook, timed by the clock given, for the host as it describes itself; the workbook left as found", async () => {
    const port = desk();
    let ms = 0;
    const app = createApp({ port, today: () => OCT_20, now: () => (ms += 5), about: () => ({ host: "测试宿主", version: "1.0" }) });
    const report = await app.selfTest();
    expect(report).toMatchObject({ kind: "xlsx", about: { host: "测试宿主", version: "1.0" }, failed: 0 });
    expect(report.passed).toBe(report.steps.length);
    expect(report.steps.every((s) => s.ms === 5)).toBe(true);
    expect(port.sheets.map((s) => s.name)).toEqual(["台账", "部门目录"]);
    // No clock given: every time 0; nothing said of the host.
    const plain = await createApp({ port: desk(), today: () => OCT_20 }).selfTest();
    expect(plain.steps.every((s) => s.ms === 0)).toBe(true);
    expect(plain.about).toBeUndefined();
  });

  test("files on a host that has none: said plainly (a fault of the host, not the person's)", async () => {
    const app = createApp({ port: desk(), today: () => OCT_20 });
    const plan = await app.planForms({ quarter: Q3 });
    await expect(app.formFile(plan.forms[0]!)).rejects.toThrow("forms are not available on this host");
    await expect(app.formsZipFile(plan)).rejects.toThrow("forms are not available on this host");
    await expect(app.readReturnFiles([])).rejects.toThrow("forms are not available on this host");
    const b = await app.makeBulletin({ quarter: Q3 });
    await expect(app.bulletinFile(b)).rejects.toThrow("documents are not available on this host");
    await expect(app.remindersZipFile([])).rejects.toThrow("documents are not available on this host");
    const [r] = app.reminders(await app.check({ quarter: Q3, mark: false }));
    await expect(app.reminderFile(r!)).rejects.toThrow("documents are not available on this host");
  });
});
