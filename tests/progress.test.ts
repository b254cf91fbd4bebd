import { assessTask, defaultQuarter, parseDeadline, parseQuarter, quarterEnd, reportDue, textSimilarity } from "../src/core";
import type { CellText, Task } from "../src/core";

const cell = (text: string, cellRef = "F5"): CellText => ({ text, cell: cellRef, row: 5, col: 5 });
function task(text: string, progress: Partial<Record<1 | 2 | 3 | 4, string>>, extra: Partial<Task> = {}): Task {
  const p: Task["progress"] = Object.fromEntries(Object.entries(progress).map(([q, t]) => [q, cell(t)]));
  return { row: 5, no: "1", category: [], text: cell(text, "C5"), progress: p, ...extra };
}
const Q3 = { year: 2026, q: 3 as const };

describe("progress states", () => {
  // Texts from seed 001 (Jianghan, end of October 2019).
  test("real progress is ok", () => {
    const t = task("固定资产投资总额完成430亿元。", { 3: "截至10月底，固定资产投资上报数为275.12亿元，负增长25.56%。" });
    expect(assessTask(t, Q3).progress).toBe("ok");
  });
  test("blank is missing", () => expect(assessTask(task("打通汉江大道。", { 3: "  " }), Q3).progress).toBe("missing"));
  test.each(["无", "暂无", "/", "—", "同上", "待补充", "正在推进", "有序推进。", "推进中"])("“%s” alone is a placeholder", (p) => {
    expect(assessTask(task("打通汉江大道。", { 3: p }), Q3).progress).toBe("placeholder");
  });
  test("shorter than the configured length is a placeholder; 已完成 is done", () => {
    expect(assessTask(task("打通汉江大道。", { 3: "基本完工" }), Q3).progress).toBe("placeholder");
    expect(assessTask(task("打通汉江大道。", { 3: "基本完工" }), Q3, { minProgressLength: 2 }).progress).toBe("ok");
    expect(assessTask(task("打通汉江大道。", { 3: "已完成" }), Q3).progress).toBe("done");
  });
  test("the same (or nearly the same) as last quarter is stale", () => {
    const prev = "制定年度土壤污染防治行动方案，组织开展疑似污染地块土壤环境质量调查。";
    expect(assessTask(task("加强土壤污染管控。", { 2: prev, 3: prev }), Q3).progress).toBe("stale");
    expect(assessTask(task("加强土壤污染管控。", { 2: prev, 3: prev.replace("。", "，") + " " }), Q3).progress).toBe("stale");
    expect(assessTask(task("加强土壤污染管控。", { 2: prev, 3: "完成4个地块的土壤污染状况调查，修复工程已启动招标。" }), Q3).progress).toBe("ok");
  });
  test("a task with a figure needs a figure in its progress", () => {
    const t = "新建微循环道路10条，建设新华路等人行天桥6座。";
    expect(assessTask(task(t, { 3: "道路建设正在有序推进，天桥已陆续开工建设。" }), Q3).progress).toBe("unquantified");
    expect(assessTask(task(t, { 3: "已完工7条道路，天桥5座全部完工。" }), Q3).progress).toBe("ok");
    expect(assessTask(task(t, { 3: "已完工七条道路，天桥五座全部完工。" }), Q3).progress).toBe("ok");
    expect(assessTask(task("严格落实河湖长制。", { 3: "完善巡查机制，及时更新河湖长相关信息。" }), Q3).progress).toBe("ok");
  });
  test("progress that opens by saying the task is finished is done; a share of it is not", () => {
    for (const done of ["已完成。8月20日通过竣工验收，投入使用。", "已全面完成", "已竣工验收", "已完成年度目标任务。", "已通过竣工验收，9月起投入使用。"]) {
      expect([done, assessTask(task("建成口袋公园5个。", { 3: done }), Q3).progress]).toEqual([done, "done"]);
    }
    for (const notDone of ["已完成年度任务的三分之二", "已完成主体施工，正在装修。", "一期已完成，二期正在施工。"]) {
      expect([notDone, assessTask(task("建成口袋公园5个。", { 3: notDone }), Q3).progress]).not.toEqual([notDone, "done"]);
    }
  });
  test.each(["已完成年度任务的三分之二", "已建成十二个", "完成年度目标的百分之八十", "已完成两成", "已完成过半"])("“%s” has a figure", (p) => {
    expect(assessTask(task("改造老旧小区12个。", { 3: p }), Q3).progress).not.toBe("unquantified");
  });
  test("a done claim with only a placeholder or last quarter's text is unsupported; with a real account it is not", () => {
    const t = (p2: string, p3: string, status = "已完成") => assessTask(task("建成口袋公园5个。", { 2: p2, 3: p3 }, { status: cell(status, "E5") }), Q3);
    expect(t("完成3个", "已完成")).toMatchObject({ progress: "done", doneUnsupported: "placeholder" });
    expect(t("完成3个", "同上")).toMatchObject({ progress: "done", doneUnsupported: "placeholder" });
    expect(t("已完成，5个公园全部开放。", "已完成，5个公园全部开放。")).toMatchObject({ progress: "done", doneUnsupported: "stale" });
    expect(t("完成3个", "5个公园全部建成，8月1日起开放。").doneUnsupported).toBeUndefined();
    expect(t("完成3个", "").doneUnsupported).toBeUndefined();
  });
  test("overdue: the deadline is before the quarter's end and the task is not done", () => {
    const due = (d: string, p = "完成方案编制并报区政府审定。", status?: string) =>
      assessTask(task("推进改革。", { 3: p }, { deadline: cell(d, "E5"), ...(status ? { status: cell(status, "G5") } : {}) }), Q3);
    expect(due("2026年6月底").overdue).toBe(true);
    expect(due("2026年6月底").deadline).toBe("2026-06-30");
    expect(due("2026年12月底").overdue).toBe(false);
    expect(due("年底前").overdue).toBe(false);
    expect(due("长期").overdue).toBe(false);
    expect(due("6月30日前", "已完成").overdue).toBe(false);
    expect(due("2026年6月底", "完成方案编制并报区政府审定。", "已完成").overdue).toBe(false);
  });
});

describe("deadlines", () => {
  test.each([
    ["2026年6月底", "2026-06-30"],
    ["6月30日前", "2026-06-30"],
    ["2026.9.15", "2026-09-15"],
    ["三季度末", "2026-09-30"],
    ["上半年", "2026-06-30"],
    ["年底前", "2026-12-31"],
    ["2027年", "2027-12-31"],
  ])("%s → %s", (text, iso) => expect(parseDeadline(text, 2026)?.toISOString().slice(0, 10)).toBe(iso));
  test("dates and Excel serial numbers", () => {
    expect(parseDeadline(new Date(Date.UTC(2026, 5, 30)), 2026)?.toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(parseDeadline(46203, 2026)?.toISOString().slice(0, 10)).toBe("2026-06-30");
  });
  test.each(["长期", "持续推进", "", "按上级要求"])("%s has no deadline", (text) => expect(parseDeadline(text, 2026)).toBeUndefined());
});

describe("quarters", () => {
  test("parsing", () => {
    expect(parseQuarter("2026Q3")).toEqual({ year: 2026, q: 3 });
    expect(parseQuarter("2026-q1")).toEqual({ year: 2026, q: 1 });
    expect(parseQuarter("2026年第三季度")).toEqual({ year: 2026, q: 3 });
    expect(parseQuarter("2026Q5")).toBeUndefined();
    expect(parseQuarter("三季度")).toBeUndefined();
  });
  test("reports are due on the 10th of the month after the quarter", () => {
    expect(reportDue({ year: 2026, q: 1 }).toISOString().slice(0, 10)).toBe("2026-04-10");
    expect(reportDue({ year: 2026, q: 4 }).toISOString().slice(0, 10)).toBe("2027-01-10");
    expect(quarterEnd({ year: 2026, q: 3 }).toISOString().slice(0, 10)).toBe("2026-09-30");
  });
  test("the default is the latest ended quarter of the ledger's year", () => {
    expect(defaultQuarter(new Date(2026, 10, 22), 2026)).toEqual({ year: 2026, q: 3 });
    expect(defaultQuarter(new Date(2026, 3, 1), 2026)).toEqual({ year: 2026, q: 1 });
    expect(defaultQuarter(new Date(2026, 10, 22), 2019)).toEqual({ year: 2019, q: 4 });
    expect(defaultQuarter(new Date(2026, 10, 22))).toEqual({ year: 2026, q: 3 });
  });
});

test("text similarity is 1 for the same text and low for different texts", () => {
  expect(textSimilarity("完成方案。", "完成方案")).toBe(1);
  expect(textSimilarity("完成4个地块调查", "启动招标工作，预计年内完成")).toBeLessThan(0.5);
});
