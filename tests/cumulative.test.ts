// One progress column that accumulates the quarters: the cell read as parts by quarter, the quarter
// checked on its own part, the findings saying which part, and a unit's new part added with its label.
import { checkLedger, readDirectory, readLedger, type CellText, type Finding, type Task } from "../src/core";
import { assessTask } from "../src/core/progress";
import { summarise } from "../src/core/summary";
import { labelLike, progressParts, withPart } from "../src/core/parts";
import { findingText } from "../src/app/messages";
import { grid } from "./helpers/grid";
import { CUMULATIVE_DIRECTORY, cumulativeCell, cumulativeLedger, type LabelStyle } from "./helpers/cumulative";

const Q3 = { year: 2026, q: 3 as const };
const STYLES: LabelStyle[] = ["quarter", "month", "asof"];

const parts = (text: string) => progressParts(text)?.parts.map((p) => [p.q, p.text]);

describe("a cell read as parts by quarter", () => {
  test.each([
    ["by quarter, on lines", "一季度：完成选址8处。\n二季度：开工建设6个。\n三季度：正在推进", [[1, "完成选址8处。"], [2, "开工建设6个。"], [3, "正在推进"]]],
    ["by 第N季度 and Q", "第一季度：完成方案。第二季度：开工3个。", [[1, "完成方案。"], [2, "开工3个。"]]],
    ["by Q", "Q1：完成方案；Q2：开工3个", [[1, "完成方案"], [2, "开工3个"]]],
    ["by month", "3月：完成方案；6月：开工3个；9月：建成5个。", [[1, "完成方案"], [2, "开工3个"], [3, "建成5个。"]]],
    ["by months, ranges", "1-3月，完成方案；7—9月，建成5个", [[1, "完成方案"], [3, "建成5个"]]],
    ["by 截至N月底", "截至6月底，建成2个驿站。\n截至9月底，建成5个驿站。", [[2, "建成2个驿站。"], [3, "建成5个驿站。"]]],
    ["a quarter opening the cell alone", "三季度：完成80%", [[3, "完成80%"]]],
    ["by quarter opening lines, run on into the text", "一季度完成方案。\n二季度开工3个。", [[1, "完成方案。"], [2, "开工3个。"]]],
    ["by quarter in brackets", "【一季度】完成方案。\n（二季度）开工3个。", [[1, "完成方案。"], [2, "开工3个。"]]],
  ])("%s", (_, text, expected) => expect(parts(text)).toEqual(expected));

  test.each([
    // The 2019 Jianghan ledger's cells: one 截至 date in the text is a date, not a part.
    ["截至9月底，我区地区生产总值增长6.9%。"],
    ["截至10月底，一般公共预算总收入完成217.6亿元。截至9月底，完成投资172.75亿元。"],
    ["正在推进各项工作，已完成3个。"],
    ["1-9月，全区完成投资172.75亿元。"],
    // Quarters named inside a paragraph are its figures, not its parts.
    ["前三季度完成投资217.6亿元。一季度完成50亿元；二季度完成60亿元。"],
    // Months of one quarter are that quarter's, not parts of several.
    ["7月：启动；8月：开工；9月：完工"],
  ])("stays one text: %s", (text) => expect(progressParts(text)).toBeUndefined());

  test("a label that goes back in time is text of the part before", () => {
    expect(parts("截至9月底，完成5个，比截至6月底多3个。\n截至6月底，完成2个")).toBeUndefined();
    expect(parts("一季度：方案。\n二季度：开工，同比一季度：增长。")).toEqual([[1, "方案。"], [2, "开工，同比一季度：增长。"]]);
  });
});

/** The ledger of the style, read and checked for the third quarter. */
function checked(style: LabelStyle) {
  const ledger = readLedger(grid(cumulativeLedger(style)));
  const directory = readDirectory(grid(CUMULATIVE_DIRECTORY, [], "部门目录"));
  return checkLedger(ledger, directory, { quarter: Q3 });
}
const byTask = (findings: readonly Finding[]) => findings.map((f) => [f.taskNo, f.kind, f.part, f.value ?? ""]);

describe.each(STYLES)("checking the third quarter of a ledger labelled by %s", (style) => {
  test("the third quarter's own part is judged: only 正在推进, none at all, the second's again; a normal cell passes", () => {
    const result = checked(style);
    expect(byTask(result.findings)).toEqual([
      ["1", "placeholder-progress", 3, "正在推进"],
      ["2", "missing-progress", 3, ""],
      ["3", "stale-progress", 3, "完成改造4个，惠及居民1200户。"],
    ]);
    // Every finding points at the progress cell itself.
    expect(result.findings.map((f) => f.cell)).toEqual(["E3", "E4", "E5"]);
  });

  test("the second quarter's parts are all there and new", () => {
    const ledger = readLedger(grid(cumulativeLedger(style)));
    expect(checkLedger(ledger, undefined, { quarter: { year: 2026, q: 2 } }).findings).toEqual([]);
  });
});

describe("the findings say which part is meant", () => {
  const findings = checked("quarter").findings;
  test.each([
    ["1", "序号1（第3行）三季度进展只写了“正在推进”：请在 E3（三季度部分） 写明本季度具体做了什么、完成多少。"],
    ["2", "序号2（第4行）三季度进展未填写：请在 E4（三季度部分） 填写（报送截止 2026-10-10）。"],
    ["3", "序号3（第5行）三季度进展与二季度几乎相同：请在 E5（三季度部分） 写本季度的新进展。"],
  ])("序号%s", (no, sentence) => {
    expect(findingText(findings.find((f) => f.taskNo === no)!)).toBe(sentence);
  });
  test("in English and in the pane's short form too", () => {
    const f = findings.find((x) => x.taskNo === "1")!;
    expect(findingText(f, "en")).toContain("in E3 (its Q3 part)");
    expect(findingText(f, "zh", true)).toContain("请在此（三季度部分）写明");
  });
  test("a cell read whole says no part", () => {
    const ledger = readLedger(grid([["序号", "目标任务", "牵头单位", "进展情况"], [1, "建设驿站10个。", "区园林局", "正在推进"]]));
    const [f] = checkLedger(ledger, undefined, { quarter: Q3 }).findings;
    expect(f).toMatchObject({ kind: "placeholder-progress", value: "正在推进" });
    expect(f!.part).toBeUndefined();
    expect(findingText(f!)).not.toContain("部分");
  });
});

describe("the part before is compared without its date words", () => {
  const task = (text: string): Task => ({ row: 3, no: "1", category: [], text: { text: "建设驿站10个。", cell: "B3", row: 3, col: 1 }, progress: { any: { text, cell: "E3", row: 3, col: 4 } } });
  test("截至6月底 and 截至9月底 over the same account is stale; a new account is not", () => {
    expect(assessTask(task("截至6月底，建成驿站4个。\n截至9月底，建成驿站4个。"), Q3).progress).toBe("stale");
    expect(assessTask(task("二季度：6月建成驿站4个。\n三季度：9月建成驿站4个。"), Q3).progress).toBe("stale");
    expect(assessTask(task("截至6月底，建成驿站4个。\n截至9月底，建成驿站9个，投入使用7个。"), Q3).progress).toBe("ok");
  });
});

describe("a unit's new part added to the cell", () => {
  test.each([
    ["quarter", "\n三季度：建成5个"],
    ["month", "；7—9月：建成5个"],
    ["asof", "\n截至9月底，建成5个"],
  ] as const)("labelled by %s, in the cell's style", (style, added) => {
    const before = cumulativeCell(style, ["完成方案。", "开工3个。"]);
    expect(withPart(before, 3, "建成5个")).toBe(`${style === "month" ? before.replace(/。$/, "") : before}${added}`);
  });
  test("the quarter's part, where the cell has one, is replaced; the parts after it stay", () => {
    expect(withPart("一季度：方案。\n二季度：正在推进\n三季度：建成5个", 2, "开工3个")).toBe("一季度：方案。\n二季度：开工3个\n三季度：建成5个");
    expect(withPart("一季度：方案。\n三季度：建成5个", 2, "开工3个")).toBe("一季度：方案。\n二季度：开工3个\n三季度：建成5个");
  });
  test("a label the unit wrote itself is not written twice; an empty cell gets the column's style", () => {
    expect(withPart("一季度：方案。\n二季度：开工3个。", 3, "三季度：建成5个")).toBe("一季度：方案。\n二季度：开工3个。\n三季度：建成5个");
    expect(withPart("", 3, "建成5个", "4—6月：")).toBe("7—9月：建成5个");
    expect(withPart("没有标签的旧进展。", 3, "建成5个")).toBe("没有标签的旧进展。\n三季度：建成5个");
  });
  test.each([
    ["二季度：", "三季度："],
    ["【二季度】", "【三季度】"],
    ["第二季度进展：", "第三季度进展："],
    ["Q2：", "Q3："],
    ["6月：", "9月："],
    ["1-6月，", "1-9月，"],
    ["4—6月：", "7—9月："],
    ["截至2026年6月底，", "截至2026年9月底，"],
  ])("the label after %s is %s", (like, label) => expect(labelLike(like, 3)).toBe(label));
});

describe("a task marked 已完成 whose progress is only boilerplate", () => {
  const BOILERPLATE = "按照年度计划稳步推进各项工作，加强统筹协调，确保任务按时保质完成。";
  const cell = (text: string, ref: string): CellText => ({ text, cell: ref, row: 3, col: 0 });
  const task = (target: string, status: string, progress: string): Task => ({
    row: 3,
    no: "2-114",
    category: [],
    text: cell(target, "B3"),
    status: cell(status, "D3"),
    progress: { 3: cell(progress, "F3") },
  });
  test("is a completion without support; the same text on a task 推进中 lacks figures", () => {
    expect(assessTask(task("改造老旧小区12个。", "已完成", BOILERPLATE), Q3)).toMatchObject({ progress: "done", doneUnsupported: "placeholder" });
    expect(assessTask(task("改造老旧小区12个。", "推进中", BOILERPLATE), Q3)).toMatchObject({ progress: "unquantified" });
  });
  test("a target without figures: words that only promise are no support either", () => {
    expect(assessTask(task("深化放管服改革。", "已完成", BOILERPLATE), Q3).doneUnsupported).toBe("placeholder");
  });
  test("an account of the completion is support", () => {
    for (const account of ["已完成。8月20日通过竣工验收，投入使用。", "12个小区全部完工，惠及居民3600户。", "已全面完成，通过竣工验收并交付使用。"]) {
      expect([account, assessTask(task("改造老旧小区12个。", "已完成", account), Q3).doneUnsupported]).toEqual([account, undefined]);
    }
    expect(assessTask(task("深化放管服改革。", "已完成", "出台《优化营商环境实施方案》，政务服务事项全部网上可办。"), Q3).doneUnsupported).toBeUndefined();
  });
  test("the check finds it as 完成无依据 on the progress cell", () => {
    const ledger = readLedger(grid([["序号", "目标任务", "牵头单位", "完成状态", "三季度进展"], ["2-114", "改造老旧小区12个。", "区住房保障局", "已完成", BOILERPLATE]]));
    expect(checkLedger(ledger, undefined, { quarter: Q3 }).findings.map((f) => [f.kind, f.cell, f.cause])).toEqual([["done-unsupported", "E2", "placeholder"]]);
  });
});

describe("the summary of a ledger whose cells accumulate the quarters", () => {
  const OCT_2026 = new Date(2026, 9, 20);
  const directory = readDirectory(grid(CUMULATIVE_DIRECTORY, [], "部门目录"));
  test("its list of gaps names the part of each cell", () => {
    const s = summarise(checked("quarter"), directory, OCT_2026);
    expect(s.gapTasks.map((g) => [g.no, g.cell, g.labels])).toEqual([
      ["1", "E3", "进展只有套话（三季度部分）"],
      ["2", "E4", "未填进展（三季度部分）"],
      ["3", "E5", "进展与上季度相同（三季度部分）"],
    ]);
  });
  test("a task is classed by the quarter's part: 滞后 in the second quarter's does not hold it back in the third", () => {
    const rows = cumulativeLedger("quarter");
    rows[5] = [4, "新建微循环道路10条。", "区城管局", "2026年12月底", "二季度：进度滞后，开工5条，完成路基工程2公里。\n三季度：建成通车8条，其余2条路面施工中。"];
    const s = summarise(checkLedger(readLedger(grid(rows)), directory, { quarter: Q3 }), directory, OCT_2026);
    expect(s.tasks.find((t) => t.task.no === "4")).toMatchObject({ bulletinClass: "超进度", reason: { code: "figures", done: "8条" } });
  });
});
