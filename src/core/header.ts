// Recognising a ledger's header: which row it is on and what each column holds.
// Real ledgers name their columns in many ways (see design.md); the synonyms below come from them.
import { quarterDigit } from "./quarter";
import { stripSpaces } from "./text";
import type { ColumnRole } from "./types";

export interface HeaderLabel {
  readonly role: ColumnRole;
  readonly quarter?: 1 | 2 | 3 | 4;
}

/** Synonyms per role, most specific first: 相关责任单位 must be tried before 责任单位. */
const ROLE_SYNONYMS: readonly (readonly [ColumnRole, readonly string[]])[] = [
  ["cityLead", ["市级牵头单位", "市级牵头部门", "市级责任单位", "市级责任部门"]],
  ["co", ["相关责任部门", "相关责任单位", "配合单位", "配合部门", "协办单位", "协办部门", "协同单位", "参与单位", "责任配合单位"]],
  [
    "lead",
    ["主要责任部门", "主要责任单位", "区级牵头单位", "区级责任单位", "区级牵头部门", "牵头单位", "牵头部门", "责任单位", "责任部门", "主办单位", "承办单位"],
  ],
  ["task", ["目标和要求", "目标任务", "具体工作内容", "工作内容", "责任事项", "任务内容", "目标要求", "工作目标", "任务事项", "具体任务"]],
  ["subcategory", ["工作任务", "重点工作", "主要任务", "重点任务"]],
  ["category", ["工作类目", "类别", "板块", "领域", "类目", "分类", "工作板块"]],
  ["no", ["序号", "编号", "no", "no.", "number", "#"]],
  ["deadline", ["完成时限", "时间节点", "完成时间", "时限", "完成期限", "截止时间", "时限要求"]],
  ["status", ["完成状态", "状态", "办理状态", "是否完成"]],
  ["note", ["备注", "说明"]],
];

const PROGRESS_WORDS = ["进展情况", "工作进展", "推进情况", "完成情况", "落实情况", "进展", "进度", "办理情况"];

/** Folds a header cell for matching: no spaces or line breaks, half-width, no brackets' contents. */
export function foldLabel(raw: string): string {
  return stripSpaces(raw.normalize("NFKC")).toLowerCase();
}

/** The quarter a progress label speaks of: 一季度进展, 第二季度, 3季度, Q4, 截至9月底, 上半年 … */
export function labelQuarter(folded: string): 1 | 2 | 3 | 4 | undefined {
  let m = /(?:^|[^\d])q([1-4])(?![\d])/.exec(folded) ?? /^([1-4])q$/.exec(folded);
  if (m) return Number(m[1]) as 1 | 2 | 3 | 4;
  m = /第?([1-4一二三四])季度?/.exec(folded);
  if (m && /季/.test(folded)) return quarterDigit(m[1]!);
  if (/上半年|半年/.test(folded)) return 2;
  if (/前三季/.test(folded)) return 3;
  if (/全年|年度|年底|年末/.test(folded)) return 4;
  m = /(?:截至|截止|至)?(?:\d{4}年)?(\d{1,2})月(?:底|末|份)?/.exec(folded);
  if (m) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) return Math.ceil(month / 3) as 1 | 2 | 3 | 4;
  }
  return undefined;
}

/** What a header cell names, or undefined when it is not a column name we know. */
export function recogniseLabel(raw: string): HeaderLabel | undefined {
  const folded = foldLabel(raw);
  if (!folded || folded.length > 24) return undefined;
  const bare = folded.replace(/[(（〈<【[].*?[)）〉>】\]]/g, "");
  for (const [role, synonyms] of ROLE_SYNONYMS) {
    for (const s of synonyms) if (bare === s) return { role };
  }
  const isQuarterOnly = /^(第?[1-4一二三四]季度|q[1-4]|[1-4]q|上半年|全年)$/.test(bare);
  if (PROGRESS_WORDS.some((w) => bare.includes(w)) || isQuarterOnly || /^截[至止]/.test(bare)) {
    const q = labelQuarter(bare);
    return q ? { role: "progress", quarter: q } : { role: "progress" };
  }
  // Longer names that still contain a synonym, e.g. 主要责任部门（单位） or 牵头单位及责任人.
  for (const [role, synonyms] of ROLE_SYNONYMS) {
    if (role === "no" || role === "note" || role === "status") continue;
    for (const s of synonyms) if (s.length >= 3 && bare.includes(s) && bare.length <= s.length + 6) return { role };
  }
  return undefined;
}

/**
 * A column of what used to be (原责任单位, 曾用责任单位, 上年牵头单位, 调整前责任单位, 责任单位（原）):
 * kept for reference beside the live column, never the one to check.
 */
export function isFormerLabel(raw: string): boolean {
  const folded = foldLabel(raw);
  return /^(原|曾用|旧|上一?年度?|去年|往年|调整前|变更前|更名前)/.test(folded) || /(调整前|变更前|更名前|[(（](原|旧|停用|已撤销)[)）])/.test(folded);
}

/** True when the label (its last row, for a two-row header) is exactly one of the role's names, not a longer name containing one. */
export function isExactLabel(raw: string, role: ColumnRole): boolean {
  const bare = foldLabel(raw.split("/").pop() ?? "").replace(/[(（〈<【[].*?[)）〉>】\]]/g, "");
  return ROLE_SYNONYMS.some(([r, synonyms]) => r === role && synonyms.includes(bare));
}

