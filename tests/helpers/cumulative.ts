// A 2026 ledger with one 进展情况 column whose cells accumulate the quarters, as many offices keep it:
// each quarter added to the same cell, labelled by quarter (一季度：…), by month (3月：…；6月：…) or by
// 截至N月底. Checked for the third quarter, its rows are: a third-quarter part that says only 正在推进,
// a cell with no third-quarter part, a third-quarter part that repeats the second's, and a cell that is fine.
import type { Rows } from "./desk";

export type LabelStyle = "quarter" | "month" | "asof";

const LABELS: Record<LabelStyle, readonly [string, string, string]> = {
  quarter: ["一季度：", "二季度：", "三季度："],
  month: ["1-3月：", "4—6月：", "7—9月："],
  asof: ["截至3月底，", "截至6月底，", "截至9月底，"],
};
/** How the parts follow each other in a cell: on new lines, or in one line after ；. */
const JOIN: Record<LabelStyle, string> = { quarter: "\n", month: "；", asof: "\n" };

/** A cell of the style with these parts (undefined: the quarter has none). */
export function cumulativeCell(style: LabelStyle, parts: readonly (string | undefined)[]): string {
  const join = JOIN[style];
  const written = parts.flatMap((p, i) => (p === undefined ? [] : [`${LABELS[style][i]}${p}`]));
  // Parts run on in one line end with ；, not 。；.
  return written.map((p, i) => (join === "；" && i < written.length - 1 ? p.replace(/。$/, "") : p)).join(join);
}

export const CUMULATIVE_HEADER = ["序号", "目标任务", "牵头单位", "完成时限", "进展情况"];

/** The rows of the four cases, from the sheet's third row (numbered 1 to 4). */
export function cumulativeTasks(style: LabelStyle): Rows {
  return [
    [1, "建设社区绿色驿站10个。", "区园林局", "2026年12月底", cumulativeCell(style, ["完成全部8处驿站的选址。", "开工建设6个，完成投资300万元。", "正在推进"])],
    [2, "新建口袋公园5个。", "区园林局", "2026年12月底", cumulativeCell(style, ["完成5个公园的设计方案。", "开工3个，完成投资600万元。", undefined])],
    [3, "改造老旧小区12个。", "区住房保障局", "2026年12月底", cumulativeCell(style, ["完成12个小区的摸底调查。", "完成改造4个，惠及居民1200户。", "完成改造4个，惠及居民1200户。"])],
    [4, "新建微循环道路10条。", "区城管局", "2026年12月底", cumulativeCell(style, ["完成3条道路的立项审批。", "开工5条，完成路基工程2公里。", "建成通车6条，其余4条路面施工中。"])],
  ];
}

export function cumulativeLedger(style: LabelStyle): Rows {
  return [["2026年区政府工作报告责任分解台账"], CUMULATIVE_HEADER, ...cumulativeTasks(style)];
}

export const CUMULATIVE_DIRECTORY: Rows = [
  ["单位名称", "别名", "曾用名", "类别", "状态"],
  ["区园林局", "", "", "部门", "有效"],
  ["区住房保障局", "", "", "部门", "有效"],
  ["区城管局", "", "", "部门", "有效"],
];
