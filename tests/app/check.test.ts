// 检查完整性 and what follows from it, over the plain-data port: the marks a person sees on the ledger,
// the names 应用 and 全部应用 put into the cells, the marks cleared, and what is said about the sheet.
import { applyFixes, checkNotes, clearMarks, fixesOfKind, ledgerOf, markNote, runCheck, type CheckOutcome, type UnitFix } from "../../src/app/check";
import { problemText } from "../../src/app/messages";
import { saveSettings } from "../../src/app/settings";
import { MARK_COLORS, NOTE_PREFIX } from "../../src/core/marks";
import { quarterProgress } from "../../src/core/progress";
import type { Finding } from "../../src/core/types";
import { CUMULATIVE_DIRECTORY, cumulativeLedger } from "../helpers/cumulative";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019, type SheetsPort } from "./seeds";

const NOV_2019 = new Date(2019, 10, 20);
const NOV_2026 = new Date(2026, 10, 22);
const Q3 = { year: 2026, q: 3 as const };

/** The cells of a sheet that carry a fill (the add-in's marks, on a ledger nobody filled). */
const filled = (port: SheetsPort, sheet: string) => [...port.sheet(sheet).cells].filter(([, c]) => c.fill).map(([a]) => a);
const text = (port: SheetsPort, sheet: string, cell: string) => String(port.cell(sheet, cell).value ?? "");
const desk = () => portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });

async function errorOf(work: Promise<unknown>): Promise<{ detail?: unknown }> {
  try {
    await work;
  } catch (e) {
    return e as { detail?: unknown };
  }
  throw new Error("expected an error");
}

describe("检查完整性 on the 2019 Jianghan ledger", () => {
  let port: SheetsPort;
  let outcome: CheckOutcome;
  beforeEach(async () => {
    port = await seedPort(SEED_2019);
    outcome = await runCheck(port, NOV_2019);
  });

  test("checks the ledger's year's last ended quarter, and marks each finding's cell with its colour and sentence", () => {
    expect(outcome.result.ledger.sheet).toBe("进展情况");
    expect(outcome.result.quarter).toEqual({ year: 2019, q: 3 });
    expect(outcome.defaultQuarter).toEqual({ year: 2019, q: 3 });
    // 47 former names in 46 cells, and a unit the directory does not list: one mark per cell.
    const cells = new Set(outcome.result.findings.map((f) => f.cell));
    expect(outcome.result.findings).toHaveLength(48);
    expect(outcome.marked).toBe(cells.size);
    expect(outcome.markedInWorkbook).toBe(cells.size);
    expect(filled(port, "进展情况").sort()).toEqual([...cells].sort());
    expect(port.cell("进展情况", "F90")).toMatchObject({ fill: { color: MARK_COLORS.unit } });
    // The note is the finding said in Chinese (the workbook's language), after the add-in's prefix.
    expect(port.cell("进展情况", "F90").note).toBe(`${NOTE_PREFIX}F90 中的“市红会医院”不在部门目录中，请核对名称，或把它加入部门目录。\nF90 中的“城改办”已更名为“区城市改造更新局”，请改用现名。`);
    // A cell with three former names says each.
    const f3 = port.cell("进展情况", "F3").note!;
    for (const [old, now] of [["经信局", "区科技和经济信息化局"], ["城管委", "区城市管理执法局"], ["文化局", "区文化和旅游局"]]) expect(f3).toContain(`“${old}”已更名为“${now}”，请改用现名。`);
  });

  test("its one progress column, with a 截至N月底 in many cells, reads each cell whole, as one text", () => {
    const { tasks } = outcome.result.ledger;
    expect(tasks.filter((t) => /截至\d+月底/.test(t.progress.any?.text ?? "")).length).toBeGreaterThan(20);
    for (const q of [1, 2, 3, 4] as const) {
      const read = tasks.map((t) => quarterProgress(t, { year: 2019, q }));
      expect(read.filter((p) => p.part !== undefined)).toEqual([]);
      expect(read.map((p) => p.text)).toEqual(tasks.map((t) => t.progress.any!.text));
    }
  });

  test("markNote is the finding's Chinese sentence", () => {
    const f = outcome.result.findings.find((x) => x.cell === "F90")!;
    expect(markNote(f)).toBe("F90 中的“市红会医院”不在部门目录中，请核对名称，或把它加入部门目录。");
  });

  test("a check that does not mark leaves every cell as it is and says how many cells the workbook has marked", async () => {
    port.applied.length = 0;
    const again = await runCheck(port, NOV_2019, { mark: false });
    expect(port.applied).toEqual([]);
    expect(again.marked).toBe(0);
    expect(again.markedInWorkbook).toBe(outcome.marked);
    expect(filled(port, "进展情况")).toHaveLength(outcome.marked);
  });

  test("清除标记 puts every cell back and says how many", async () => {
    expect(await clearMarks(port)).toBe(outcome.marked);
    expect(filled(port, "进展情况")).toEqual([]);
    expect(port.cell("进展情况", "F90").note).toBeNull();
  });
});

describe("marks on two ledger sheets", () => {
  test("the count in the workbook is this sheet's new marks and the other sheet's; clearing one sheet leaves the other's", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 台账二: DESK_LEDGER.slice(0, 5), 部门目录: DESK_DIRECTORY });
    const first = await runCheck(port, NOV_2026, { quarter: Q3 });
    const second = await runCheck(port, NOV_2026, { quarter: Q3, sheet: "台账二" });
    expect(first.marked).toBe(filled(port, "台账").length);
    expect(second.marked).toBe(filled(port, "台账二").length);
    expect(second.marked).toBeLessThan(first.marked);
    expect(second.markedInWorkbook).toBe(first.marked + second.marked);
    // Checking the first sheet again: its marks are replaced, the other's counted once.
    const third = await runCheck(port, NOV_2026, { quarter: Q3 });
    expect(third.markedInWorkbook).toBe(first.marked + second.marked);
    expect(await clearMarks(port, "台账二")).toBe(second.marked);
    expect(filled(port, "台账二")).toEqual([]);
    expect(filled(port, "台账")).toHaveLength(first.marked);
    expect((await runCheck(port, NOV_2026, { quarter: Q3, mark: false })).markedInWorkbook).toBe(first.marked);
  });
});

describe("the quarter checked", () => {
  test("the one chosen; a quarter of another year only when confirmed, and then nothing is refused", async () => {
    const port = await seedPort(SEED_2019);
    const outside = await errorOf(runCheck(port, NOV_2019, { quarter: Q3 }));
    expect(outside.detail).toEqual({ code: "quarter-outside-year", quarter: "2026Q3", year: 2019 });
    expect(port.applied).toEqual([]);
    const confirmed = await runCheck(port, NOV_2019, { quarter: Q3, confirmQuarter: true, mark: false });
    expect(confirmed.result.quarter).toEqual(Q3);
    // The quarter it would be checked for otherwise is still the ledger's.
    expect(confirmed.defaultQuarter).toEqual({ year: 2019, q: 3 });
  });

  test("with none chosen, the quarter last worked on: a check of Q2 reopens on Q2 in November while Q3's column is empty", async () => {
    const port = portOf({ 台账: DESK_LEDGER.map((r, i) => (i < 2 ? r : r.slice(0, 6))), 部门目录: DESK_DIRECTORY });
    expect((await runCheck(port, NOV_2026, { mark: false })).result.quarter).toEqual(Q3);
    await runCheck(port, NOV_2026, { quarter: { year: 2026, q: 2 } });
    const again = await runCheck(port, NOV_2026, { mark: false });
    expect(again.result.quarter).toEqual({ year: 2026, q: 2 });
    expect(again.defaultQuarter).toEqual({ year: 2026, q: 2 });
  });
});

describe("the settings in force", () => {
  const ledger = [
    ["2026年责任分解台账"],
    ["序号", "目标任务", "牵头单位", "市级牵头单位", "二季度进展", "三季度进展"],
    [1, "新建口袋公园3个。", "区园林局", "区城管委", "完成选址3处，开工建设1个公园。", "完成选址3处，开工建设2个公园。"],
    [2, "完成老旧小区改造30个。", "区住更局", "", "完成改造10个。", "已完成改造18个小区。"],
  ];
  const kinds = (o: CheckOutcome) => o.result.findings.map((f) => `${f.kind}@${f.cell}`);

  test("the defaults: nothing wrong with either task's progress", async () => {
    const o = await runCheck(portOf({ 台账: ledger }), NOV_2026, { quarter: Q3, mark: false });
    expect(kinds(o)).toEqual([]);
  });

  test("a longer minimum length makes short progress a placeholder; a lower similarity makes a near copy stale", async () => {
    const port = portOf({ 台账: ledger });
    await saveSettings(port, { minProgressLength: 12, staleSimilarity: 0.6 });
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    expect(kinds(o)).toEqual(["stale-progress@F3", "placeholder-progress@F4"]);
  });

  test("this run's settings over the stored ones (the command line's options)", async () => {
    const port = portOf({ 台账: ledger });
    await saveSettings(port, { minProgressLength: 12 });
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false, settings: { minProgressLength: 4 } });
    expect(kinds(o)).toEqual([]);
  });

  test("ledgerOf reads the columns a person set: D as the lead column", async () => {
    const port = portOf({ 台账: ledger });
    await saveSettings(port, { columns: { lead: "D" } });
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    expect(o.result.ledger.tasks.map((t) => t.lead?.text)).toEqual(["区城管委", ""]);
    expect(ledgerOf(o.workbook).columns.find((c) => c.role === "lead")?.col).toBe(3);
    expect(kinds(o)).toEqual(["missing-unit@D4"]);
  });

  test("ledgerOf reads the header row a person set", async () => {
    // Row 1 is a small table of its own that looks like a header; the ledger's is row 3.
    const rows = [["序号", "目标任务", "牵头单位", "三季度进展"], [], ...ledger.slice(1).map((r) => [r[0]!, r[1]!, r[2]!, r[5]!])];
    const port = portOf({ 台账: rows });
    await saveSettings(port, { headerRow: 3 });
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    expect(o.result.ledger.headerRow).toBe(3);
    expect(o.result.ledger.tasks.map((t) => t.row)).toEqual([4, 5]);
  });
});

describe("what is said about the sheet checked", () => {
  test("ledger-not-active only while the sheet the person was on is still the active one; the other notes always", async () => {
    const port = portOf({ 部门目录: DESK_DIRECTORY, 台账: DESK_LEDGER });
    // A stored setting that is not valid (an earlier version's store): said, whatever the active sheet.
    port.legacySettings = '{"minProgressLength":12,"headerRow":0}';
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const codes = (active?: string) => checkNotes(o, active).map((m) => m.code);
    expect(o.workbook.notes.map((m) => m.code)).toEqual(["setting-invalid", "ledger-not-active"]);
    expect(codes("部门目录")).toEqual(["setting-invalid", "ledger-not-active"]);
    expect(codes(undefined)).toEqual(["setting-invalid", "ledger-not-active"]);
    expect(codes("台账")).toEqual(["setting-invalid"]);
  });

  test("the check's own notes come after the workbook's", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    const o = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    expect(checkNotes(o, "台账").map((m) => m.code)).toEqual(["no-directory"]);
  });
});

describe("应用 and 全部应用", () => {
  test("全部应用 on the 2019 ledger: each former name replaced by the current one inside its cell, the other units kept, one write", async () => {
    const port = await seedPort(SEED_2019);
    const outcome = await runCheck(port, NOV_2019, { mark: false });
    const fixes = fixesOfKind(outcome, "renamed-unit");
    expect(fixes).toHaveLength(47);
    const f3 = text(port, "进展情况", "F3");
    port.applied.length = 0;
    expect(await applyFixes(port, outcome, fixes)).toBe(47);
    // One batch of writes, one value per cell changed.
    expect(port.applied).toHaveLength(1);
    expect(port.applied[0]).toHaveLength(new Set(fixes.map((f) => f.finding.cell)).size);
    const now = text(port, "进展情况", "F3");
    expect(now).toBe(f3.replace("经信局", "区科技和经济信息化局").replace("城管委", "区城市管理执法局").replace("文化局", "区文化和旅游局"));
    expect(now).toContain("财政局");
    // Nothing left to correct.
    const again = await runCheck(port, NOV_2019, { mark: false });
    expect(again.result.findings.filter((f) => f.kind === "renamed-unit")).toEqual([]);
  });

  test("应用 of one name; a cell changed since the check but still naming the unit is corrected, keeping the change", async () => {
    const port = desk();
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const [fix] = fixesOfKind(outcome, "unknown-unit");
    expect(fix).toMatchObject({ finding: { cell: "C7", value: "区卫键局" }, name: "区卫生健康局" });
    port.cell("台账", "C7").value = "区卫键局、区城管委";
    expect(await applyFixes(port, outcome, [fix!])).toBe(1);
    expect(text(port, "台账", "C7")).toBe("区卫生健康局、区城管委");
  });

  test("a cell that no longer names the unit: one fix is refused, saying so; among several it is left alone", async () => {
    const port = desk();
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const unknown = fixesOfKind(outcome, "unknown-unit")[0]!;
    const renamed = fixesOfKind(outcome, "renamed-unit")[0]!;
    port.cell("台账", "C7").value = "区卫生健康局";
    const e = await errorOf(applyFixes(port, outcome, [unknown]));
    expect(e.detail).toEqual({ code: "finding-stale", cell: "C7" });
    expect(problemText(e)).toBe("找不到 C7 原来的内容（可能刚被改过）：请重新检查后再试。");
    port.applied.length = 0;
    expect(await applyFixes(port, outcome, [unknown, renamed])).toBe(1);
    expect(text(port, "台账", "C5")).toBe("区城市管理执法局");
    expect(text(port, "台账", "C7")).toBe("区卫生健康局");
    // Nothing to correct at all: nothing is written.
    port.applied.length = 0;
    expect(await applyFixes(port, outcome, [unknown, renamed])).toBe(0);
    expect(port.applied).toEqual([]);
  });

  test("a finding whose cell is no unit cell now, or that names no unit, is refused", async () => {
    const port = desk();
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const renamed = fixesOfKind(outcome, "renamed-unit")[0]!;
    // The task's row emptied since: no unit cell to correct in.
    for (const c of "ABCDEFG") port.cell("台账", `${c}5`).value = null;
    expect((await errorOf(applyFixes(port, outcome, [renamed, renamed]))).detail).toEqual({ code: "finding-stale", cell: "C5" });
    const missing = outcome.result.findings.find((f) => f.kind === "missing-unit")!;
    expect((await errorOf(applyFixes(port, outcome, [{ finding: missing, name: "区财政局" }]))).detail).toEqual({ code: "finding-stale", cell: "C8" });
    expect(port.applied).toEqual([]);
  });

  test("two corrections in one cell are both made, in one write", async () => {
    const ledger = DESK_LEDGER.map((r) => [...r]);
    ledger[4]![2] = "区城管委、区卫键局";
    const port = portOf({ 台账: ledger, 部门目录: DESK_DIRECTORY });
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const fixes: UnitFix[] = [...fixesOfKind(outcome, "renamed-unit"), ...fixesOfKind(outcome, "unknown-unit")].filter((f) => f.finding.cell === "C5");
    expect(fixes.map((f) => f.name)).toEqual(["区城市管理执法局", "区卫生健康局"]);
    port.applied.length = 0;
    expect(await applyFixes(port, outcome, fixes)).toBe(2);
    expect(text(port, "台账", "C5")).toBe("区城市管理执法局、区卫生健康局");
    expect(port.applied).toEqual([[{ op: "values", sheet: "台账", row: 4, col: 2, rows: [["区城市管理执法局、区卫生健康局"]] }]]);
  });

  test("a cell holding a formula is never written over: one fix is refused, saying why; among several it is left out", async () => {
    const port = desk();
    // C7 computes 区卫键局 from another cell.
    Object.assign(port.cell("台账", "C7"), { formula: "=Z7", value: "区卫键局" });
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    const unknown = fixesOfKind(outcome, "unknown-unit")[0]!;
    const renamed = fixesOfKind(outcome, "renamed-unit")[0]!;
    const e = await errorOf(applyFixes(port, outcome, [unknown]));
    expect(e.detail).toEqual({ code: "finding-formula", cell: "C7" });
    expect(problemText(e)).toMatch(/^C7 是公式，督办助手不改写公式/);
    expect(await applyFixes(port, outcome, [unknown, renamed])).toBe(1);
    expect(port.cell("台账", "C7")).toMatchObject({ formula: "=Z7", value: "区卫键局" });
    expect(text(port, "台账", "C5")).toBe("区城市管理执法局");
    // The contents of the cells to correct are read before writing, each cell once.
    expect(port.reads.at(-2)!.contents).toEqual([{ sheet: "台账", cells: ["C7", "C5"] }]);
  });

  test("in the sheet the check was of, whichever sheet the workbook would open on now", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 台账二: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false, sheet: "台账二" });
    expect(await applyFixes(port, outcome, fixesOfKind(outcome, "renamed-unit"))).toBe(1);
    expect([text(port, "台账二", "C5"), text(port, "台账", "C5")]).toEqual(["区城市管理执法局", "区城管委"]);
  });

  test("a ledger with no co-unit column", async () => {
    const port = portOf({ 台账: DESK_LEDGER.map((r) => [...r.slice(0, 3), ...r.slice(4)]), 部门目录: DESK_DIRECTORY });
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3, mark: false });
    expect(outcome.result.ledger.tasks.every((t) => t.co === undefined)).toBe(true);
    expect(await applyFixes(port, outcome, fixesOfKind(outcome, "unknown-unit"))).toBe(1);
    expect(text(port, "台账", "C7")).toBe("区卫生健康局");
  });
});

describe("全部应用's list for a kind", () => {
  test("a finding with no name written, or no suggestions at all, is none of it", async () => {
    const outcome = await runCheck(portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY }), NOV_2026, { quarter: Q3, mark: false });
    const renamed = outcome.result.findings.find((f) => f.kind === "renamed-unit")!;
    const { suggestions: _none, ...bare } = renamed;
    const { value: _value, ...nameless } = renamed;
    const more = { ...outcome, result: { ...outcome.result, findings: [bare as Finding, nameless as Finding, renamed] } };
    expect(fixesOfKind(more, "renamed-unit").map((f) => f.finding)).toEqual([renamed]);
  });

  test("each finding of the kind with a suggestion, to its first; never an alias several units share, nor a name with no suggestion", async () => {
    const directory = [...DESK_DIRECTORY, ["区城市管理委员会", "区城管", "", "部门", "有效"], ["区城管局", "", "", "部门", "撤销"]];
    directory[3] = ["区城市管理执法局", "区城管", "区城管委", "部门", "有效"];
    const ledger = [...DESK_LEDGER, [8, "整治占道经营。", "区城管", "", "", "", "完成整治120处。"], [9, "建设智慧停车场。", "区停车办", "", "", "", "建成2个。"]];
    const outcome = await runCheck(portOf({ 台账: ledger, 部门目录: directory }), NOV_2026, { quarter: Q3, mark: false });
    const unknown = outcome.result.findings.filter((f) => f.kind === "unknown-unit");
    expect(unknown.map((f) => [f.cell, f.cause, f.suggestions?.[0]])).toEqual([
      ["C7", "not-in-directory", "区卫生健康局"],
      ["C10", "shared-alias", "区城市管理执法局"],
      ["C11", "not-in-directory", undefined],
    ]);
    expect(fixesOfKind(outcome, "unknown-unit").map((f) => [f.finding.cell, f.name])).toEqual([["C7", "区卫生健康局"]]);
    expect(fixesOfKind(outcome, "renamed-unit").map((f) => [f.finding.cell, f.name])).toEqual([["C5", "区城市管理执法局"]]);
    expect(fixesOfKind(outcome, "missing-unit")).toEqual([]);
  });
});

describe("a ledger whose one progress column accumulates the quarters", () => {
  const OCT_2026 = new Date(2026, 9, 20);
  test.each(["quarter", "month", "asof"] as const)("labelled by %s: the third quarter's part only 正在推进, missing, or the second's again is marked, each note saying which part", async (style) => {
    const port = portOf({ 台账: cumulativeLedger(style), 部门目录: CUMULATIVE_DIRECTORY });
    const outcome = await runCheck(port, OCT_2026);
    expect(outcome.result.quarter).toEqual(Q3);
    // The three cells marked; the fourth, with a third-quarter part of its own, is not.
    expect(filled(port, "台账").sort()).toEqual(["E3", "E4", "E5"]);
    expect(port.cell("台账", "E3")).toMatchObject({ fill: { color: MARK_COLORS.weak } });
    expect(port.cell("台账", "E4")).toMatchObject({ fill: { color: MARK_COLORS.missing } });
    expect(port.cell("台账", "E3").note).toBe(`${NOTE_PREFIX}序号1（第3行）三季度进展只写了“正在推进”：请在 E3（三季度部分） 写明本季度具体做了什么、完成多少。`);
    expect(port.cell("台账", "E4").note).toContain("三季度进展未填写：请在 E4（三季度部分） 填写");
    expect(port.cell("台账", "E5").note).toContain("三季度进展与二季度几乎相同：请在 E5（三季度部分）");
    // The cells themselves are left as written.
    expect(text(port, "台账", "E6")).toBe(cumulativeLedger(style)[5]![4]);
  });

  test("a one-column ledger without labels reads each cell whole, as before", async () => {
    const rows = [["序号", "目标任务", "牵头单位", "进展情况"], [1, "建设社区绿色驿站10个。", "区园林局", "截至9月底，建成驿站6个，完成投资300万元。"], [2, "新建口袋公园5个。", "区园林局", "正在推进"]];
    const outcome = await runCheck(portOf({ 台账: rows, 部门目录: CUMULATIVE_DIRECTORY }), OCT_2026);
    expect(outcome.result.findings.map((f) => [f.cell, f.kind, f.part])).toEqual([["D3", "placeholder-progress", undefined]]);
  });
});

describe("a task marked 已完成 whose progress is only boilerplate", () => {
  test("is marked 完成无依据; the same text on a task 推进中 is marked 进展缺少数据", async () => {
    const boilerplate = "按照年度计划稳步推进各项工作，加强统筹协调，确保任务按时保质完成。";
    const rows = [
      ["序号", "目标任务", "牵头单位", "完成状态", "三季度进展"],
      ["2-114", "改造老旧小区12个。", "区住房保障局", "已完成", boilerplate],
      ["2-115", "新建口袋公园5个。", "区园林局", "推进中", boilerplate],
      ["2-116", "新建微循环道路10条。", "区城管局", "已完成", "10条道路全部建成通车，9月28日通过竣工验收。"],
    ];
    const port = portOf({ 台账: rows, 部门目录: CUMULATIVE_DIRECTORY });
    const outcome = await runCheck(port, NOV_2026, { quarter: Q3 });
    expect(outcome.result.findings.map((f) => [f.taskNo, f.kind])).toEqual([
      ["2-114", "done-unsupported"],
      ["2-115", "unquantified-progress"],
    ]);
    expect(port.cell("台账", "E2").note).toBe(`${NOTE_PREFIX}序号2-114（第2行）标记为已完成，但三季度进展只写了“按照年度计划稳步推进各项…”，看不出完成的依据：请在 E2 写明何时完成、如何验收、成效如何。`);
    expect(filled(port, "台账")).toEqual(["E2", "E3"]);
  });
});
