// Judging a task's progress for a quarter: missing, a placeholder, a copy of last quarter's,
// without any figure where the task has one, or fine. Overdue is judged from the deadline.
import { parseDeadline } from "./deadline";
import { previousQuarter, quarterEnd } from "./quarter";
import { charLength, foldForCompare, isoDate } from "./text";
import type { CellText, ProgressState, Quarter, Task, TaskAssessment } from "./types";

export const DEFAULT_MIN_PROGRESS_LENGTH = 8;
export const DEFAULT_STALE_SIMILARITY = 0.9;

/** Texts that say nothing when they stand alone. */
const PLACEHOLDERS = new Set(
  [
    "无", "暂无", "没有", "/", "\\", "—", "——", "-", "--", "…", "……", "同上", "待补充", "待填", "待填写", "待报",
    "正在推进", "推进中", "正在推进中", "有序推进", "稳步推进", "按计划推进", "正常推进", "持续推进", "积极推进",
    "进行中", "正在进行", "正在落实", "落实中", "已落实", "待定", "略", "见上", "详见附件", "见附件", "未开展",
    "暂未开展", "无进展", "暂无进展", "na", "n/a", "tbd", "x", "×",
  ].map(foldForCompare),
);

/** Short texts that do say the task is finished. */
const DONE = /^(已完成|已全部完成|全部完成|已办结|已完工|已全面完成|完成)[。.!！]?$/;

/** A figure with a unit in a task's text: 255亿元, 10条, 2万人, 8%, 3公里 … */
const FIGURE_WITH_UNIT =
  /\d+(?:\.\d+)?\s*(?:%|％|个百分点|亿元|万元|元|万人次|人次|万人|人|万户|户|万个|个|家|公里|千米|平方米|万平方米|㎡|亩|公顷|栋|座|所|条|套|台|场|项|件|处|张|间|辆|吨|期|名|批|节|处|支|类|倍|年)/;

/** A figure in progress text: any Arabic digit, or a Chinese numeral followed by a counting word. */
const ANY_FIGURE = /\d|[一二三四五六七八九十百千万两]+(?:个|家|条|座|所|项|件|处|栋|套|台|场|万|亿|人|户|名|批|期|次|公里|亩)/;

export function hasFigureWithUnit(text: string): boolean {
  return FIGURE_WITH_UNIT.test(text.normalize("NFKC"));
}

export function hasFigure(text: string): boolean {
  return ANY_FIGURE.test(text.normalize("NFKC"));
}

export function isPlaceholder(text: string, minLength = DEFAULT_MIN_PROGRESS_LENGTH): boolean {
  const folded = foldForCompare(text);
  if (DONE.test(text.trim())) return false;
  return folded.length === 0 || PLACEHOLDERS.has(folded) || charLength(text.trim()) < minLength;
}

export function isDoneText(text: string): boolean {
  return DONE.test(text.trim());
}

/** Character-bigram Dice similarity of two texts after folding (linear in their length). */
export function textSimilarity(a: string, b: string): number {
  const x = Array.from(foldForCompare(a));
  const y = Array.from(foldForCompare(b));
  if (x.join("") === y.join("")) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const k = x[i]! + x[i + 1]!;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const k = y[i]! + y[i + 1]!;
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(k, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** The progress cell of a task for a quarter: its own column, or the ledger's single progress column. */
export function progressCell(task: Task, q: Quarter["q"]): CellText | undefined {
  return task.progress[q] ?? task.progress.any;
}

export interface AssessOptions {
  readonly minProgressLength?: number;
  readonly staleSimilarity?: number;
}

/** A task is marked done by its status column (已完成, 完成, 是) or by progress that says so. */
export function isMarkedDone(task: Task, progress: string): boolean {
  const status = task.status?.text.trim() ?? "";
  if (/^(已完成|完成|已办结|办结|是|√|✓)$/.test(status)) return true;
  return isDoneText(progress);
}

export function assessTask(task: Task, quarter: Quarter, options: AssessOptions = {}): TaskAssessment {
  const minLength = options.minProgressLength ?? DEFAULT_MIN_PROGRESS_LENGTH;
  const staleAt = options.staleSimilarity ?? DEFAULT_STALE_SIMILARITY;
  const text = progressCell(task, quarter.q)?.text ?? "";
  const done = isMarkedDone(task, text);
  let progress: ProgressState;
  if (done) progress = "done";
  else if (!text.trim()) progress = "missing";
  else if (isPlaceholder(text, minLength)) progress = "placeholder";
  else {
    const prevQ = previousQuarter(quarter);
    const prev = prevQ ? task.progress[prevQ.q]?.text : undefined;
    if (prev && prev.trim() && textSimilarity(text, prev) >= staleAt) progress = "stale";
    else if (hasFigureWithUnit(task.text.text) && !hasFigure(text)) progress = "unquantified";
    else progress = "ok";
  }
  const deadline = parseDeadline(task.deadlineValue ?? task.deadline?.text, quarter.year);
  const overdue = !!deadline && !done && deadline.getTime() < quarterEnd(quarter).getTime();
  return { task, progress, overdue, ...(deadline ? { deadline: isoDate(deadline) } : {}) };
}
