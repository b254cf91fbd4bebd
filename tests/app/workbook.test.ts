// Opening a workbook for a use case, over the plain-data port: which sheet is the ledger (and what
// is said when it is not the one the person is looking at), the directory, the settings in force,
// the stamps of the add-in's summary sheets, and the name a checked workbook is downloaded under.
import { checkedFileName, openWorkbook, sheetsMadeByAddin, STAMP_PREFIX } from "../../src/app/workbook";
import { problemText } from "../../src/app/messages";
import { saveSettings } from "../../src/app/settings";
import { ledgerOf } from "../../src/app/check";
import { book } from "../../src/app/book";
import { METADATA_SHEET, readMetadata } from "../../src/core/metadata";
import { RETURN_MARKER_SHEET, RETURN_SHEET } from "../../src/core/returns";
import { grid } from "../helpers/grid";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2026, setMetadata, type SheetsPort } from "./seeds";

const SUMMARY = "2026年第三季度汇总";
const STAMP = `${STAMP_PREFIX}，2026-10-20`;
const NOTES_SHEET = [["说明"], ["本表记录督办工作的往来。"]];
const summaryRecord = { key: "2026Q3", sheet: SUMMARY, stamp: STAMP };

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** A workbook with the ledger, its directory, a summary the add-in wrote and a person's own notes sheet. */
function workbook(active?: string): SheetsPort {
  const port = portOf({ 说明: NOTES_SHEET, 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY, [SUMMARY]: [["2026年第三季度汇总"], [STAMP], ["序号", "牵头单位", "任务"]] });
  setMetadata(port, { summaries: [summaryRecord] });
  port.active = active ?? "台账";
  return port;
}

describe("which sheet is the ledger", () => {
  test("the active sheet when it is a ledger: two round trips, nothing said", async () => {
    const port = workbook();
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("台账");
    expect(w.notes).toEqual([]);
    expect(port.reads).toHaveLength(2);
    // The likely ledger, the directory and the summary's first two rows in one read.
    expect(port.reads[1]!.grids).toEqual([{ name: "台账" }, { name: "部门目录" }, { name: SUMMARY, rows: 2 }]);
    expect(w.stamps).toEqual({ [SUMMARY]: STAMP });
    expect(w.directorySource).toEqual({ kind: "workbook" });
    expect(w.directory?.entries.map((e) => e.name)).toContain("区城市管理执法局");
  });

  test("the add-in's summary, the directory or a sheet that is not a ledger is active: the first ledger is checked, saying why", async () => {
    for (const [active, why] of [[SUMMARY, "made-by-addin"], ["部门目录", "directory"], ["说明", "not-a-ledger"]] as const) {
      const port = workbook(active);
      const w = await openWorkbook(port);
      expect(w.ledger.name).toBe("台账");
      expect(w.notes).toEqual([{ code: "ledger-not-active", active, sheet: "台账", why }]);
      expect(w.directory?.entries).toHaveLength(5);
    }
  });

  test("a copied summary (its stamp in A2, not recorded) is never taken for the ledger, even with a ledger's header", async () => {
    const port = portOf({ 汇总副本: [["汇总"], [STAMP], ...DESK_LEDGER.slice(1)], 台账: DESK_LEDGER });
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("台账");
    expect(w.notes).toEqual([{ code: "ledger-not-active", active: "汇总副本", sheet: "台账", why: "not-a-ledger" }]);
  });

  test("the first ledger in tab order, skipping hidden sheets, the add-in's own, stamped copies and the directory", async () => {
    // A directory whose header would pass for a ledger's (序号, 单位名称, 目标任务) is still the directory.
    const directory = [["序号", "单位名称", "目标任务", "牵头单位"], [1, "区财政局", "", ""]];
    const port = portOf({ 说明: NOTES_SHEET, 部门目录: directory, 隐藏台账: DESK_LEDGER, 副本: [["汇总"], [STAMP], ...DESK_LEDGER.slice(1)], [SUMMARY]: DESK_LEDGER, 台账二: DESK_LEDGER.slice(0, 4), 台账: DESK_LEDGER });
    port.sheet("隐藏台账").veryHidden = true;
    setMetadata(port, { summaries: [summaryRecord] });
    port.active = "说明";
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("台账二");
    expect(w.ledger.rows).toHaveLength(4);
    // The heads of the sheets that may be ledgers, in one read (not the active sheet, read already), then the ledger whole.
    expect(port.reads.slice(2).map((r) => r.grids)).toEqual([
      [
        { name: "副本", rows: 25 },
        { name: "台账二", rows: 25 },
        { name: "台账", rows: 25 },
      ],
      [{ name: "台账二" }],
    ]);
  });

  test("the sheet named for this run, even when it is no ledger; a name that is no sheet is refused, naming the sheets", async () => {
    const port = workbook();
    expect((await openWorkbook(port, { sheet: "说明" })).ledger.name).toBe("说明");
    // Also when another sheet than the active one is a ledger.
    port.active = "说明";
    expect((await openWorkbook(port, { sheet: "说明" })).ledger.name).toBe("说明");
    port.active = "台账";
    expect((await openWorkbook(port, { sheet: SUMMARY })).ledger.name).toBe(SUMMARY);
    const e = await errorOf(openWorkbook(port, { sheet: "台帐" }));
    expect(problemText(e)).toBe(`没有名为“台帐”的工作表；现有工作表：“说明”、“台账”、“部门目录”、“${SUMMARY}”、“${METADATA_SHEET}”。`);
  });

  test("the sheet chosen in 设置, over the active one; when it is gone, another is checked and that is said", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 台账二: DESK_LEDGER.slice(0, 4) });
    await saveSettings(port, { ledgerSheet: "台账二" });
    expect((await openWorkbook(port)).ledger.name).toBe("台账二");
    // The sheet named for this run is over the settings.
    expect((await openWorkbook(port, { sheet: "台账" })).ledger.name).toBe("台账");
    port.sheet("台账二").name = "旧台账";
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("台账");
    expect(w.notes).toEqual([{ code: "ledger-setting-missing", sheet: "台账二" }]);
    expect(w.settings.ledgerSheet).toBe("台账二");
  });

  test("no sheet is a ledger: the active one is read as one, so that the check says what it lacks", async () => {
    const port = portOf({ 说明: NOTES_SHEET, 另一张: [["备忘"]] });
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("说明");
    expect(w.notes).toEqual([]);
    expect(problemText(await errorOf(Promise.resolve().then(() => ledgerOf(w))))).toContain("工作表“说明”的前 20 行中没有找到台账表头");
  });

  test("no ledger and the active sheet is the add-in's own or the directory: refused, naming the visible sheets", async () => {
    const port = portOf({ 部门目录: DESK_DIRECTORY, 说明: NOTES_SHEET });
    setMetadata(port, {});
    const e = await errorOf(openWorkbook(port));
    expect(e).toMatchObject({ detail: { code: "no-ledger-sheet", sheets: ["部门目录", "说明"] } });
    expect(problemText(e)).toContain("现有：“部门目录”、“说明”");
  });

  test("a unit's form is not a ledger: it says whose form it is and for which quarter", async () => {
    const port = portOf({ [RETURN_SHEET]: [["序号", "任务", "二季度进展"], [1, "任务", ""]], [RETURN_MARKER_SHEET]: [["单位", "季度"], [" 区财政局 ", "2026Q2"]] });
    const e = await errorOf(openWorkbook(port));
    expect(e).toMatchObject({ detail: { code: "form-workbook", unit: "区财政局", quarter: "2026Q2" } });
    expect(problemText(e)).toBe("这是发给“区财政局”的2026年第二季度进展填报表，不是台账：请在“进展”一列填写后交回督办室，由督办室用“合并回报”并入台账。");
    // A marker with nothing below its header: still a form, of nobody named.
    const blank = portOf({ [RETURN_SHEET]: [["序号"]], [RETURN_MARKER_SHEET]: [["单位", "季度"]] });
    expect(await errorOf(openWorkbook(blank))).toMatchObject({ detail: { code: "form-workbook", unit: "", quarter: "" } });
  });

  test("what the host could not read of the ledger is said with the rest", async () => {
    const port = workbook("说明");
    port.sheetNotes.set("台账", [{ code: "merges-unreadable", sheet: "台账" }]);
    expect((await openWorkbook(port)).notes).toEqual([
      { code: "ledger-not-active", active: "说明", sheet: "台账", why: "not-a-ledger" },
      { code: "merges-unreadable", sheet: "台账" },
    ]);
  });

  test("a header further down, set in 设置, is found on a sheet that is not the active one", async () => {
    const rows = [...Array.from({ length: 29 }, (_, i) => [`说明第${i + 1}行`]), ...DESK_LEDGER.slice(1)];
    const port = portOf({ 说明: NOTES_SHEET, 台账: rows });
    await saveSettings(port, { headerRow: 30 });
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("台账");
    expect(ledgerOf(w).headerRow).toBe(30);
    // Its head read down to the rows below the header (a header may take two rows).
    expect(port.reads.flatMap((r) => r.grids ?? []).find((g) => g.name === "台账" && g.rows)!.rows).toBeGreaterThan(31);
  });
});

describe("the directory", () => {
  test("from outside the workbook (the command line's --directory), named by its file", async () => {
    const port = workbook();
    const w = await openWorkbook(port, { directory: { grid: grid(DESK_DIRECTORY.slice(0, 3), [], "目录"), source: { kind: "file", file: "目录.xlsx", sheet: "目录" } } });
    expect(w.directorySource).toEqual({ kind: "file", file: "目录.xlsx", sheet: "目录" });
    expect(w.directory?.entries.map((e) => e.name)).toEqual(["区财政局", "区发展和改革局"]);
    // The workbook's own is not read then.
    expect(port.reads[1]!.grids!.map((g) => g.name)).toEqual(["台账", SUMMARY]);
  });

  test("none: no directory and no source", async () => {
    const w = await openWorkbook(portOf({ 台账: DESK_LEDGER }));
    expect(w.directory).toBeUndefined();
    expect("directorySource" in w).toBe(false);
  });

  test("the directory named as the sheet to check is read once, and is the directory too", async () => {
    const port = workbook();
    const w = await openWorkbook(port, { sheet: "部门目录" });
    expect(port.reads[1]!.grids!.map((g) => g.name)).toEqual(["部门目录", SUMMARY]);
    expect(w.directory?.entries).toHaveLength(5);
    expect(w.directorySource).toEqual({ kind: "workbook" });
  });
});

describe("settings and metadata", () => {
  test("the stored settings, with this run's over them; what was stored wrongly is said and left out", async () => {
    const port = workbook();
    await saveSettings(port, { minProgressLength: 12, district: "江汉区" });
    const w = await openWorkbook(port, { settings: { minProgressLength: 4 } });
    expect(w.stored).toEqual({ minProgressLength: 12, district: "江汉区" });
    expect(w.settings).toEqual({ minProgressLength: 4, district: "江汉区" });
    expect(w.metadata.summaries).toEqual([summaryRecord]);
    // An earlier version's store, read when the metadata has none.
    const legacy = portOf({ 台账: DESK_LEDGER });
    legacy.legacySettings = '{"headerRow":2,"staleSimilarity":7}';
    const l = await openWorkbook(legacy);
    expect(l.stored).toEqual({ headerRow: 2 });
    expect(l.notes).toEqual([{ code: "setting-invalid", key: "staleSimilarity", value: "7" }]);
  });

  test("a summary recorded but deleted since has no stamp and is not read", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    setMetadata(port, { summaries: [summaryRecord] });
    const w = await openWorkbook(port);
    expect(w.stamps).toEqual({});
    expect(port.reads[1]!.grids).toEqual([{ name: "台账" }]);
  });

  test("a summary sheet with nothing below its first row has an empty stamp", async () => {
    const port = workbook();
    for (const a of ["A2", "A3", "B3", "C3"]) port.sheet(SUMMARY).cells.delete(a);
    expect(port.rowsOf(port.sheet(SUMMARY))).toHaveLength(1);
    expect((await openWorkbook(port)).stamps).toEqual({ [SUMMARY]: "" });
  });
});

describe("the sheets the add-in made", () => {
  const info = (names: string[]) => ({ sheets: names.map((name) => ({ name, visible: true })), active: names[0]! });
  test("its metadata sheet and the summaries it recorded that are there; a form's two sheets only with the form's marker", () => {
    const meta = readMetadata(undefined);
    expect(sheetsMadeByAddin(info(["台账", METADATA_SHEET, SUMMARY]), { ...meta, summaries: [summaryRecord, { ...summaryRecord, sheet: "已删除的汇总" }] })).toEqual(new Set([METADATA_SHEET, SUMMARY]));
    expect(sheetsMadeByAddin(info(["台账", RETURN_SHEET]), meta)).toEqual(new Set());
    expect(sheetsMadeByAddin(info([RETURN_SHEET, RETURN_MARKER_SHEET]), meta)).toEqual(new Set([RETURN_MARKER_SHEET, RETURN_SHEET]));
    expect(sheetsMadeByAddin(info(["台账", RETURN_MARKER_SHEET]), meta)).toEqual(new Set([RETURN_MARKER_SHEET]));
  });
});

describe("on the 2026 Jiang'an seed ledger", () => {
  test("its ledger sheet and its own directory, in two round trips", async () => {
    const port = await seedPort(SEED_2026);
    const w = await openWorkbook(port);
    expect(w.ledger.name).toBe("2026年责任分解");
    expect(w.directory?.entries.length).toBe(70);
    expect(port.reads).toHaveLength(2);
    expect(await book(port).info()).toMatchObject({ active: "2026年责任分解" });
  });
});

describe("the name a checked workbook is downloaded under", () => {
  test("台账.xlsx → 台账-已检查.xlsx, once however often; a blank name is 台账", () => {
    expect(checkedFileName("台账.xlsx")).toBe("台账-已检查.xlsx");
    expect(checkedFileName(" 台账.XLSX ")).toBe("台账-已检查.xlsx");
    expect(checkedFileName("台账-已检查.xlsx")).toBe("台账-已检查.xlsx");
    expect(checkedFileName("台账-已检查 (2).xlsx")).toBe("台账-已检查 (2).xlsx");
    expect(checkedFileName("台账-已检查的.xlsx")).toBe("台账-已检查的-已检查.xlsx");
    expect(checkedFileName("已检查-台账.xlsx")).toBe("已检查-台账-已检查.xlsx");
    expect(checkedFileName(".xlsx")).toBe("台账-已检查.xlsx");
    expect(checkedFileName("台账.xlsx.bak")).toBe("台账.xlsx.bak-已检查.xlsx");
    expect(checkedFileName("台账_xlsx")).toBe("台账_xlsx-已检查.xlsx");
    expect(checkedFileName("台账-已检查(2).xlsx")).toBe("台账-已检查(2).xlsx");
    expect(checkedFileName("台账-已检查  (12).xlsx")).toBe("台账-已检查  (12).xlsx");
    expect(checkedFileName("台账-已检查 (x).xlsx")).toBe("台账-已检查 (x)-已检查.xlsx");
    expect(checkedFileName("台账-已检查 2.xlsx")).toBe("台账-已检查 2-已检查.xlsx");
  });
});
