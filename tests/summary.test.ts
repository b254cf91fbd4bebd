import { check, checkLedger, countByKind, Directory, readLedger } from "../src/core";
import { classify, summarise } from "../src/core/summary";
import { markPlan, MARK_COLORS } from "../src/core/marks";
import { summarySheetName, summarySheetPlan } from "../src/core/summarySheet";
import { EMPTY_METADATA } from "../src/core/metadata";
import { grid } from "./helpers/grid";
import { classReasonText, markNote } from "../src/app";

const entry = (name: string, aliases: string[] = [], formerNames: string[] = []) => ({ name, aliases, formerNames, category: "部门", status: "active" as const, row: 0 });
const dir = new Directory([
  entry("区财政局"),
  entry("区发展和改革局", ["区发改局"]),
  entry("区商务局"),
  entry("区城市管理执法局", [], ["区城管委"]),
]);
const Q3 = { year: 2026, q: 3 as const };
const TODAY = new Date(2026, 10, 22);

// Figures from seeds 001 and 003 (2019 Jianghan), moved to a 2026 ledger with quarterly columns.
const ledgerGrid = grid([
  ["2026年责任分解台账", null, null, null, null, null, null],
  ["序号", "类别", "目标任务", "牵头单位", "完成时限", "二季度进展", "三季度进展"],
  [1, "一、经济指标", "一般公共预算总收入实现255亿元。", "区财政局", "", "完成130亿元", "截至9月底，完成217.6亿元。"],
  [2, "一、经济指标", "固定资产投资总额完成430亿元。", "区发改局", "", "完成150亿元", "截至9月底，上报数为275.12亿元，掉目标进度19.35个百分点。"],
  [3, "一、经济指标", "社会消费品零售总额增长8%左右。", "区商务局", "", "增长7.1%", "增长8.5%，超时序进度。"],
  [4, "二、城市管理", "新建微循环道路10条。", "区城管委、区发改局", "", "完成4条", "已完成，10条道路全部通车。"],
  [5, "二、城市管理", "推进背街小巷整治。", "区城市管理执法局", "2026年6月底", "制定方案", "完成整治方案编制，正在组织施工。"],
  [6, "二、城市管理", "深化环卫作业市场化改革。", "区城市管理执法局", "", "正在推进", ""],
  [7, "二、城市管理", "建设垃圾分类收运屋20个。", "区发改局", "", "", "正在推进"],
]);
const result = check(ledgerGrid, dir, { quarter: Q3 });
const s = summarise(result, dir, TODAY);

describe("the summary model", () => {
  test("overall counts agree with the check's findings", () => {
    const counts = countByKind(result.findings);
    expect(s.totals).toMatchObject({ tasks: 7, reported: 6, missing: counts["missing-progress"], placeholder: counts["placeholder-progress"], overdue: counts.overdue, done: 1 });
    expect(s.totals.missing).toBe(1);
    expect(s.totals.rate).toBeCloseTo(6 / 7);
    expect(s.due).toBe("2026-10-10");
    expect(s.made).toBe("2026-11-22");
  });

  test("bulletin classes, each with the reason a person can check", () => {
    const byNo = new Map(s.tasks.map((t) => [t.task.no, { ...t, reason: classReasonText(t.reason) }]));
    expect(byNo.get("1")).toMatchObject({ bulletinClass: "超进度" });
    expect(byNo.get("1")!.reason).toBe("217.6亿元为目标255亿元的85.3%，时序进度75%");
    expect(s.tasks.find((t) => t.task.no === "1")!.reason).toEqual({ code: "figures", done: "217.6亿元", target: "255亿元", ratio: expect.closeTo(217.6 / 255, 9), schedule: 0.75 });
    expect(byNo.get("2")).toMatchObject({ bulletinClass: "欠进度", reason: "进展中写有“掉目标进度”" });
    expect(byNo.get("3")).toMatchObject({ bulletinClass: "超进度", reason: "进展中写有“超时序进度”" });
    expect(byNo.get("4")).toMatchObject({ bulletinClass: "已完成" });
    expect(byNo.get("5")).toMatchObject({ bulletinClass: "欠进度", reason: "完成时限 2026-06-30 已过，未标记完成" });
    expect(byNo.get("6")).toMatchObject({ bulletinClass: "未报送" });
    expect(byNo.get("7")).toMatchObject({ bulletinClass: "欠进度", reason: "进展只有套话" });
    // The same reasons in English, with the figures and the words quoted from the ledger.
    expect(classReasonText(s.tasks.find((t) => t.task.no === "1")!.reason, "en")).toBe('"217.6亿元" is 85.3% of the target "255亿元", with 75% of the year gone');
    expect(classReasonText(s.tasks.find((t) => t.task.no === "5")!.reason, "en")).toBe("The deadline 2026-06-30 has passed; not marked done");
    expect(s.totals.classes).toEqual({ 已完成: 1, 超进度: 2, 达进度: 0, 欠进度: 3, 未报送: 1 });
  });

  test("a row per lead unit under its current name; a task with two lead units counts for each", () => {
    const rows = s.units.map((u) => [u.rank, u.unit, u.leads, u.reported, u.missing, u.missingTasks.join(",")]);
    expect(rows).toEqual([
      // Equal rates share a rank, in Chinese order of the names (cai, fa, shang).
      [1, "区财政局", 1, 1, 0, ""],
      [1, "区发展和改革局", 3, 3, 0, ""],
      [1, "区商务局", 1, 1, 0, ""],
      [4, "区城市管理执法局", 3, 2, 1, "6"],
    ]);
  });

  test("a row per first-level category", () => {
    expect(s.categories.map((c) => [c.category, c.tasks, c.reported, c.missing, c.done, c.behind])).toEqual([
      ["一、经济指标", 3, 3, 0, 0, 1],
      ["二、城市管理", 4, 3, 1, 1, 2],
    ]);
  });

  test("the gaps list names each missing or weak item and its cell", () => {
    expect(s.gaps.map((g) => [g.no, g.cell, g.label])).toEqual([
      ["5", "G7", "已过完成时限"],
      ["6", "G8", "未填进展"],
      ["7", "G9", "进展只有套话"],
    ]);
    expect(s.gaps[1]!.task).toBe("深化环卫作业市场化改革。");
    expect(s.unitProblems.map((f) => [f.kind, f.value])).toEqual([["renamed-unit", "区城管委"]]);
  });

  test("the bulletin draft names the late units, the ranking and the counts per class", () => {
    const text = s.bulletin.join("\n");
    expect(s.bulletin[0]).toBe("关于2026年第三季度区《政府工作报告》目标任务推进情况的通报（草稿）");
    expect(text).toContain("7项任务中已报送进展6项，报送率85.7%；其中已完成1项、超进度2项、达进度0项、欠进度3项，未报送1项。");
    expect(text).toContain("1个单位有任务未报送：区城市管理执法局（1项）");
    expect(text).toContain("靠后：区城市管理执法局（66.7%）");
    expect(text).toContain("1处责任单位名称需要更正");
  });

  test("the draft of a quarter long past is dated as of its reporting deadline, with the day it was made", () => {
    expect(s.bulletin.join("\n")).toContain("截至2026年11月22日，7项任务");
    // Made after the fourth quarter's reports were due (10 January): the third quarter is long past.
    const late = summarise(result, dir, new Date(2027, 0, 11));
    expect(late.bulletin.join("\n")).toContain("截至2026年10月10日（本通报生成于2027年1月11日），7项任务");
    expect(summarise(result, dir, new Date(2027, 0, 10)).bulletin.join("\n")).toContain("截至2027年1月10日，7项任务");
  });
});

describe("classes from figures", () => {
  const assess = (task: string, progress: string, q: 1 | 2 | 3 | 4) => {
    const l = readLedger(grid([["序号", "目标任务", "牵头单位", `${"一二三四"[q - 1]}季度进展`], [1, task, "区财政局", progress]]));
    const r = checkLedger(l, undefined, { quarter: { year: 2026, q } });
    return classify(r.assessments[0]!, r.quarter);
  };
  test("ahead, on track and behind the time schedule, by the same kind of figure", () => {
    expect(assess("新建道路10公里。", "已建成6公里道路。", 2).bulletinClass).toBe("超进度");
    expect(assess("新建道路10公里。", "已建成5000米道路。", 2).bulletinClass).toBe("达进度");
    expect(assess("新建道路10公里。", "已建成1公里道路。", 3).bulletinClass).toBe("欠进度");
    expect(classReasonText(assess("新增就业2万人。", "新增就业2.1万人。", 3).reason)).toContain("已达全年目标");
  });
  test("rates are not compared with the time schedule", () => {
    expect(assess("社会消费品零售总额增长8%左右。", "同比增长6.1%，符合预期。", 1).bulletinClass).toBe("达进度");
  });
});

describe("marks and the sheet plan", () => {
  test("one mark per cell, coloured by its most serious finding, with a note saying why", () => {
    const marks = markPlan(result, markNote);
    expect(marks.map((m) => [m.cell, m.kind])).toEqual([
      ["D6", "unit"],
      ["G7", "weak"],
      ["G8", "missing"],
      ["G9", "weak"],
    ]);
    expect(marks[2]!.color).toBe(MARK_COLORS.missing);
    expect(marks[0]!.note).toMatch(/^督办助手：D6 中的“区城管委”已更名为“区城市管理执法局”/);
  });

  test("summary sheet names: the add-in's own sheet is replaced, a person's never", () => {
    const stamp = (sheet: string) => (sheet === "2026年第三季度汇总" ? "由督办助手生成（2026Q3，2026-11-01） · …" : "我的表");
    expect(summarySheetName(Q3, ["台账"], EMPTY_METADATA, stamp)).toEqual({ name: "2026年第三季度汇总", replaces: false });
    expect(summarySheetName(Q3, ["台账", "2026年第三季度汇总"], EMPTY_METADATA, stamp)).toEqual({ name: "2026年第三季度汇总(2)", replaces: false });
    const meta = { summaries: [{ key: "2026Q3", sheet: "2026年第三季度汇总", stamp: "由督办助手生成（2026Q3，2026-11-01）" }], marks: [], writes: [] };
    expect(summarySheetName(Q3, ["台账", "2026年第三季度汇总"], meta, stamp)).toEqual({ name: "2026年第三季度汇总", replaces: true });
    // A sheet of the recorded name whose stamp is gone is a person's now: not replaced.
    expect(summarySheetName(Q3, ["台账", "2026年第三季度汇总"], meta, () => "我的表")).toEqual({ name: "2026年第三季度汇总(2)", replaces: false });
  });

  test("the plan's tables carry the model's figures, and links point at the finding's cell", () => {
    const plan = summarySheetPlan(s, "2026年第三季度汇总");
    const tables = plan.blocks.filter((b) => b.kind === "table");
    expect(tables.map((t) => t.kind === "table" && t.name)).toEqual(["Duban2026Q3Totals", "Duban2026Q3Units", "Duban2026Q3Categories", "Duban2026Q3Gaps", "Duban2026Q3UnitProblems"]);
    const gaps = tables[3]!;
    expect(gaps.kind === "table" && gaps.rows[1]!.slice(4)).toEqual(["未报送", { text: "台账!G8", link: { sheet: "台账", cell: "G8" } }]);
  });
});
