// Judging a task's progress for a quarter: missing, a placeholder, a copy of last quarter's,
// without any figure where the task has one, or fine. Overdue is judged from the deadline.
import { parseDeadline } from "./deadline";
import { progressParts, quarterPart } from "./parts";
import { previousQuarter, quarterEnd } from "./quarter";
import { charLength, foldForCompare, isErrorText, isoDate } from "./text";
import type { CellText, CellValue, ProgressState, Quarter, Task, TaskAssessment } from "./types";

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

/**
 * Progress that opens by saying the task is finished (已完成。8月20日通过竣工验收…, 已全面完成,
 * 已竣工验收, 已完成年度目标任务), and not a share of it (已完成年度任务的三分之二).
 */
const DONE_STATEMENT =
  /^(已(全面|全部|圆满|如期|提前)?完成|(全面|全部)完成|已竣工(验收)?|已(通过)?(竣工)?验收|已完工|已办结|已建成(投用|投运|使用)?|已投入使用)((全年|年度)(目标)?(任务)?)?(?=$|[。.，,；;！!：:、\s])/;

/** A figure with a unit in a task's text: 255亿元, 10条, 2万人, 8%, 3公里 … */
const FIGURE_WITH_UNIT =
  /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:%|％|个百分点|亿元|万元|元|万人次|人次|万人|人|万户|户|万个|个|家|公里|千米|平方米|万平方米|㎡|亩|公顷|栋|座|所|条|套|台|场|项|件|处|张|间|辆|吨|期|名|批|节|处|支|倍)/;

/**
 * A figure in progress text: any Arabic digit, a Chinese numeral followed by a counting word (十二个),
 * a fraction or percentage in words (三分之二, 百分之八十), tenths (两成, 八成) or a half (过半).
 */
const ANY_FIGURE =
  /[0-9０-９]|[一二三四五六七八九十百千万两]+(?:个|家|条|座|所|项|件|处|栋|套|台|场|万|亿|人|户|名|批|期|次|公里|亩|倍)|[零〇一二三四五六七八九十百千两]+分之[零〇一二三四五六七八九十百千两]+|[一二三四五六七八九两]成(?![功为立果本员熟效绩])|一半|过半|半数/;

export function hasFigureWithUnit(text: string): boolean {
  return FIGURE_WITH_UNIT.test(text);
}

export function hasFigure(text: string): boolean {
  return ANY_FIGURE.test(text);
}

/** The longest placeholder text, so longer progress is never folded to be looked up. */
const PLACEHOLDER_MAX = Math.max(...[...PLACEHOLDERS].map((p) => p.length)) + 4;

export function isPlaceholder(text: string, minLength = DEFAULT_MIN_PROGRESS_LENGTH): boolean {
  const trimmed = text.trim();
  if (DONE.test(trimmed)) return false;
  // Code points never outnumber UTF-16 units, and are at least half of them.
  if (trimmed.length < minLength || (trimmed.length < 2 * minLength && charLength(trimmed) < minLength)) return true;
  if (trimmed.length > PLACEHOLDER_MAX * 2) return false;
  const folded = foldForCompare(trimmed);
  return folded.length === 0 || PLACEHOLDERS.has(folded);
}

/** Progress that says the task is finished: 已完成 alone, or a text opening with it (已完成。8月20日通过竣工验收…). */
export function isDoneText(text: string): boolean {
  const t = text.trim();
  // Only the opening words matter: a long account is not folded whole for every task.
  return DONE.test(t) || ((t[0] === "已" || t[0] === "全") && DONE_STATEMENT.test(t.slice(0, 24).normalize("NFKC")));
}

/** Scratch space reused between comparisons (grown when a text is longer), so comparing allocates nothing. */
const scratch = { x: new Uint16Array(256), y: new Uint16Array(256), bx: new Uint32Array(256), by: new Uint32Array(256) };

function grow<T extends Uint16Array | Uint32Array>(buf: T, n: number, make: (n: number) => T): T {
  return buf.length >= n ? buf : make(Math.max(n, buf.length * 2));
}

/**
 * Writes the characters a text is compared on into `out`: no white space or punctuation,
 * full-width letters and digits as half-width, lower case. Returns how many. Done by code, not by
 * regular expressions: it runs on every progress text of the ledger.
 */
function comparable(s: string, out: Uint16Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0x200b) continue; // spaces
    if ((c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) continue;
    if ((c >= 0x2010 && c <= 0x206f) || (c >= 0x3001 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || c === 0xff5f || c === 0xff60) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out[n++] = c;
  }
  return n;
}

/** A count per UTF-16 unit, reused (and left all zero) between calls. */
const charCounts = new Int32Array(65536);

/** How many characters two texts have in common, as multisets. */
function sharedChars(x: Uint16Array, nx: number, y: Uint16Array, ny: number): number {
  for (let i = 0; i < nx; i++) charCounts[x[i]!]!++;
  let shared = 0;
  for (let i = 0; i < ny; i++) {
    const c = y[i]!;
    if (charCounts[c]! > 0) {
      charCounts[c]!--;
      shared++;
    }
  }
  for (let i = 0; i < nx; i++) charCounts[x[i]!] = 0;
  return shared;
}

/** Writes a text's bigrams as sorted 32-bit keys (two UTF-16 units each) into `out`. */
function sortedBigrams(chars: Uint16Array, n: number, out: Uint32Array): Uint32Array {
  for (let i = 0; i < n - 1; i++) out[i] = ((chars[i]! << 16) | chars[i + 1]!) >>> 0;
  return out.subarray(0, n - 1).sort();
}

/**
 * Character-bigram Dice similarity of two texts, ignoring spaces and punctuation. With `atLeast`,
 * returns 0 early when that similarity is ruled out: matched bigrams start with matched
 * characters, so they are never more than the characters the texts share.
 */
export function textSimilarity(a: string, b: string, atLeast = 0): number {
  const x = (scratch.x = grow(scratch.x, a.length, (n) => new Uint16Array(n)));
  const y = (scratch.y = grow(scratch.y, b.length, (n) => new Uint16Array(n)));
  const nx = comparable(a, x);
  const ny = comparable(b, y);
  let same = nx === ny;
  for (let i = 0; same && i < nx; i++) same = x[i] === y[i];
  if (same) return 1;
  if (nx < 2 || ny < 2) return 0;
  const pairs = nx - 1 + (ny - 1);
  if (atLeast > 0 && (2 * Math.min(sharedChars(x, nx, y, ny), Math.min(nx, ny) - 1)) / pairs < atLeast) return 0;
  const bx = sortedBigrams(x, nx, (scratch.bx = grow(scratch.bx, nx, (n) => new Uint32Array(n))));
  const by = sortedBigrams(y, ny, (scratch.by = grow(scratch.by, ny, (n) => new Uint32Array(n))));
  let shared = 0;
  for (let i = 0, j = 0; i < bx.length && j < by.length; ) {
    if (bx[i] === by[j]) {
      shared++;
      i++;
      j++;
    } else if (bx[i]! < by[j]!) i++;
    else j++;
  }
  return (2 * shared) / pairs;
}

/** The progress cell of a task for a quarter: its own column, or the ledger's single progress column. */
export function progressCell(task: Task, q: Quarter["q"]): CellText | undefined {
  return task.progress[q] ?? task.progress.any;
}

/** A task's progress for a quarter, as it is judged. */
export interface QuarterProgress {
  /** The cell it is in (absent when the ledger has no progress column for the quarter). */
  readonly cell?: CellText;
  /** The text judged: the cell's, or the quarter's part of a cell that accumulates the quarters ("" for none). */
  readonly text: string;
  /** For a cell read by parts (src/core/parts.ts): the quarter whose part `text` is. */
  readonly part?: Quarter["q"];
  /** The text it is compared with: last quarter's column, or the part before in a cell read by parts. */
  readonly previous?: string;
}

/**
 * The progress of a task for a quarter: its own column's, or the single column's. Only the single
 * column's cells are read by parts, and only those labelled by quarter, by month or by 截至N月底 (a cell
 * that names no quarter and no two months is passed over before any expression runs): a cell without
 * such labels is judged whole, as before.
 */
export function quarterProgress(task: Task, quarter: Quarter): QuarterProgress {
  const prevQ = previousQuarter(quarter);
  const own = task.progress[quarter.q];
  const previous = prevQ ? task.progress[prevQ.q]?.text : undefined;
  if (own) return { cell: own, text: leadsText(own.text), previous };
  const any = task.progress.any;
  if (!any) return { text: "", previous };
  const parts = progressParts(any.text);
  if (!parts) return { cell: any, text: leadsText(any.text), previous };
  const { part, before } = quarterPart(parts, quarter.q);
  return { cell: any, text: leadsText(part?.text ?? ""), part: quarter.q, ...(before ? { previous: before.text } : {}) };
}

/** A co-unit's contribution as 合并回报 writes it into a progress cell: 【区商务局（配合）】…, up to the next label. */
const CONTRIBUTION = /【[^【】]*（配合）】[^【]*/g;

/** The label 合并回报 puts before a co-unit's contribution. */
export function contributionLabel(unit: string): string {
  return `【${unit}（配合）】`;
}

/**
 * A progress text without the co-units' contributions: what the lead units reported. A cell holding
 * only contributions is no report of its leads (the task stays 未填进展 until a lead answers).
 */
export function leadsText(text: string): string {
  if (!text.includes("（配合）】")) return text;
  return text.replace(CONTRIBUTION, "").trim();
}

/** The co-units' contributions in a progress text, each with its label. */
export function contributionsOf(text: string): string[] {
  return (text.match(CONTRIBUTION) ?? []).map((c) => c.trim());
}

export interface AssessOptions {
  readonly minProgressLength?: number;
  readonly staleSimilarity?: number;
}

/** Date words (6月底, 1-9月, 三季度, 截至) that differ between two parts saying the same thing. */
const DATE_WORDS = /截[至止]|(?:[0-9０-９]{4}\s*年\s*)?(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*(?:[-—–~～至到]\s*(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*)?月(?:份|底|末|中旬|下旬|上旬)?|第?[一二三四1-4]季度(?:末|底)?|目前|当前|本季度|上半年|前三季度/g;

function withoutDates(text: string): string {
  return text.replace(DATE_WORDS, "");
}

/** A task is marked done by its status column (已完成, 完成, 是) or by progress that says so. */
export function isMarkedDone(task: Task, progress: string): boolean {
  const status = task.status?.text.trim() ?? "";
  if (/^(已完成|完成|已办结|办结|是|√|✓)$/.test(status)) return true;
  return isDoneText(progress);
}

/**
 * Deadlines as understood, by the text or value written and the year. Ledgers repeat a handful of
 * deadlines (2026年12月底) down thousands of rows, so each is read once.
 */
const deadlineMemo = new Map<number, Map<string, { iso: string; time: number } | null>>();

function deadlineOf(value: CellValue | undefined, year: number): { iso: string; time: number } | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value !== "string") {
    const d = parseDeadline(value, year);
    return d ? { iso: isoDate(d), time: d.getTime() } : undefined;
  }
  let byText = deadlineMemo.get(year);
  if (!byText) deadlineMemo.set(year, (byText = new Map()));
  let hit = byText.get(value);
  if (hit === undefined) {
    const d = parseDeadline(value, year);
    hit = d ? { iso: isoDate(d), time: d.getTime() } : null;
    if (byText.size > 5000) byText.clear();
    byText.set(value, hit);
  }
  return hit ?? undefined;
}

/** The end of the quarter being checked, computed once for all its tasks. */
let lastQuarterEnd = { year: 0, q: 0, time: 0 };
function quarterEndTime(q: Quarter): number {
  if (lastQuarterEnd.year !== q.year || lastQuarterEnd.q !== q.q) lastQuarterEnd = { year: q.year, q: q.q, time: quarterEnd(q).getTime() };
  return lastQuarterEnd.time;
}

/**
 * What is wrong with the progress of a task marked done: only the claim (已完成) or a placeholder, or
 * last quarter's text again. A blank cell under a 已完成 status says nothing either way.
 */
function doneSupport(task: Task, text: string, stale: () => boolean, minLength: number): TaskAssessment["doneUnsupported"] {
  const t = text.trim();
  if (!t || isErrorText(t)) return undefined;
  if (DONE.test(t) || isPlaceholder(t, minLength)) return "placeholder";
  if (stale()) return "stale";
  if (isBoilerplate(task, t)) return "placeholder";
  return undefined;
}

/**
 * Words that promise progress rather than report it: 稳步推进, 确保任务按时保质完成. Under a task that is
 * still open they are judged by the other rules (the figures a target asks for); they are what a
 * completion claim cannot rest on.
 */
const PROMISE = /(稳步|有序|扎实|积极|持续|全力|加快|加紧|正常|顺利|按计划|按照计划)推进|确保.{0,16}(按时|如期|按期|保质|保量|顺利).{0,8}完成/;

/**
 * Progress that says nothing a completion could rest on: it does not itself say the task is finished,
 * holds no figure, and either the task's target has figures (the same text under a task still open is
 * 进展缺少数据) or it only promises (按照年度计划稳步推进……确保任务按时保质完成).
 */
function isBoilerplate(task: Task, text: string): boolean {
  if (isDoneText(text) || hasFigure(text)) return false;
  return hasFigureWithUnit(task.text.text) || PROMISE.test(text);
}

export function assessTask(task: Task, quarter: Quarter, options: AssessOptions = {}): TaskAssessment {
  const minLength = options.minProgressLength ?? DEFAULT_MIN_PROGRESS_LENGTH;
  const staleAt = options.staleSimilarity ?? DEFAULT_STALE_SIMILARITY;
  // The quarter's own progress: its column's, or its part of a cell that accumulates the quarters.
  const { text, previous: prev, part } = quarterProgress(task, quarter);
  // Parts of one cell are compared without their date words (截至6月底 / 截至9月底 say nothing new).
  const stale = () => !!prev && !!prev.trim() && (part ? textSimilarity(withoutDates(text), withoutDates(prev), staleAt) : textSimilarity(text, prev, staleAt)) >= staleAt;
  const done = isMarkedDone(task, text);
  // Missing, then a placeholder phrase, then a copy of last quarter's, then too short: the most
  // specific reason is the one the unit is told.
  let progress: ProgressState;
  let unsupported: TaskAssessment["doneUnsupported"];
  if (done) {
    progress = "done";
    unsupported = doneSupport(task, text, stale, minLength);
  }
  else if (!text.trim() || isErrorText(text)) progress = "missing";
  else if (isPlaceholder(text, 0)) progress = "placeholder";
  else if (stale()) progress = "stale";
  else if (isPlaceholder(text, minLength)) progress = "placeholder";
  else if (hasFigureWithUnit(task.text.text) && !hasFigure(text)) progress = "unquantified";
  else progress = "ok";
  const deadline = deadlineOf(task.deadlineValue ?? task.deadline?.text, quarter.year);
  const overdue = !!deadline && !done && deadline.time < quarterEndTime(quarter);
  const assessment: { -readonly [K in keyof TaskAssessment]: TaskAssessment[K] } = { task, progress, overdue };
  if (unsupported) assessment.doneUnsupported = unsupported;
  if (deadline) assessment.deadline = deadline.iso;
  return assessment;
}
