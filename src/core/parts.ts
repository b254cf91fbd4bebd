// A single progress column that accumulates the quarters: many offices add each quarter to the same
// cell ("一季度：… 二季度：… 三季度：…", "3月：…；6月：…；9月：…", "截至6月底，… 截至9月底，…").
// Such a cell is read as parts by quarter, so that the quarter checked is judged on its own part.
// A cell with no such labels stays one undivided text.
import { quarterShortLabel } from "./quarter";
import type { Quarter } from "./types";

type Q = Quarter["q"];

/** One quarter's part of a cumulative progress cell. */
export interface ProgressPart {
  readonly q: Q;
  /** The label as written, with its separator ("三季度：", "9月：", "截至9月底，"). */
  readonly label: string;
  /** The part's text without its label, trimmed ("" when the label stands alone). */
  readonly text: string;
  /** Where the part starts (its label) and ends in the cell's text. */
  readonly start: number;
  readonly end: number;
}

/** A cell read by parts: the text before the first label (often "") and the parts in order of quarter. */
export interface ProgressParts {
  readonly head: string;
  readonly parts: readonly ProgressPart[];
}

const DIGITS = "0-9０-９";
const CN_MONTH = "十一|十二|[一二三四五六七八九十]";
const MONTH = `[${DIGITS}]{1,2}|${CN_MONTH}`;
const QUARTER_LABEL = String.raw`(?:第\s*)?([一二三四1-4１-４])\s*季度(?:末|底|以来)?|[QqＱｑ]\s*([1-4１-４])(?![${DIGITS}])`;
// 1-3月, 7—9月, 9月, 九月份 …, with its separator: a month alone is too common a start to be a label without one.
const MONTH_LABEL = String.raw`(?:(?:${MONTH})\s*(?:月\s*)?[-—–~～至到]\s*)?(${MONTH})\s*月(?:份)?(?:底|末|中旬|下旬)?\s*[：:，,]`;
const ASOF_LABEL = String.raw`截[至止]\s*(?:[${DIGITS}]{4}\s*年\s*)?(${MONTH})\s*月(?:份)?(?:底|末|中旬|下旬|上旬|\s*[${DIGITS}]{1,2}\s*日)?`;
// A label where it starts: 进展、情况, brackets and a separator are part of a quarter's label, which may also run on
// into its text (一季度完成投资3亿元; groups 4 and 5 tell whether it has a bracket or a separator).
const LABEL_AT = new RegExp(`(?:[（(【\\[]?(${QUARTER_LABEL})(?:进展情况|工作进展|进展|进度|情况)?([）)】\\]]?)\\s*([：:，,、.．]?)|(${MONTH_LABEL})|(${ASOF_LABEL})\\s*[：:，,]?)`, "y");

/** Cheap test before the expression runs: every label holds one of these characters. */
const HINT = /[季月QqＱｑ]/;
const QUARTER_HINT = /[季QqＱｑ]/;

/**
 * Whether a cell may be read by parts, tested without the expression: it names a quarter (季度, Q), or
 * has two months (two labels by month or by 截至N月底). Most single-column cells have at most one
 * date (截至10月底，…) and are passed over here.
 */
function mayHaveParts(text: string): boolean {
  if (QUARTER_HINT.test(text)) return true;
  const month = text.indexOf("月");
  return month >= 0 && text.indexOf("月", month + 1) >= 0;
}

const CN_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** 1..12 from a number as a label writes it: 9, ９, 九, 十二. */
function digitOf(s: string): number {
  const i = CN_NUMBERS.indexOf(s);
  if (i >= 0) return i + 1;
  let v = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return v;
}

interface Label {
  readonly q: Q;
  readonly kind: "quarter" | "month";
  /** Where the label itself starts (after the separator and spaces before it) and ends. */
  readonly start: number;
  readonly end: number;
  /** Whether it starts the cell or a line. */
  readonly lineStart: boolean;
}

/** The characters a label can start with (第一二…十, digits, Q, 截, a bracket before a quarter); any other sentence is passed over without a match. */
const LABEL_FIRST = new Set("第一二三四五六七八九十0123456789０１２３４５６７８９QqＱｑ截（(【[".split("").map((c) => c.charCodeAt(0)));

/** Characters that end a sentence or a line, after which a label may start: \n \r ； ; 。 */
function endsSentence(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0xff1b || c === 0x3b || c === 0x3002;
}

/**
 * The labels of a text. They start the cell, a line or a sentence (after 。 or ；), white space aside, so
 * the expression is tried only there. Done by character codes: it runs on every cell of a single column.
 */
function labelsOf(text: string): Label[] {
  const out: Label[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    let c = text.charCodeAt(i);
    while (i < n && (c === 0x20 || c === 0x09 || c === 0x3000)) c = text.charCodeAt(++i);
    if (i < n && LABEL_FIRST.has(c)) {
      LABEL_AT.lastIndex = i;
      const m = LABEL_AT.exec(text);
      const q = m ? quarterOf(m) : 0;
      // A quarter running on into its text (一季度完成投资3亿元) is a label only where it opens a line:
      // inside a paragraph it is a figure of that quarter.
      if (q && (!m![1] || lineStart || m![4] || m![5])) out.push({ q, kind: m![1] ? "quarter" : "month", start: i, end: LABEL_AT.lastIndex, lineStart });
    }
    // On to the next sentence or line.
    while (i < n && !endsSentence(text.charCodeAt(i))) i++;
    if (i >= n) break;
    lineStart = text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d;
    i++;
  }
  return out;
}

/** The quarter a label's match names (0 for a month that is none: 13月). */
function quarterOf(m: RegExpExecArray): Q | 0 {
  if (m[1]) return digitOf(m[2] ?? m[3]!) as Q;
  const month = digitOf(m[7] ?? m[9]!);
  return month < 1 || month > 12 ? 0 : (Math.ceil(month / 3) as Q);
}

/**
 * The parts by quarter of a progress cell, or undefined when it does not accumulate the quarters.
 * It does when its labels name at least two quarters in order, or when it opens a line with a quarter
 * (三季度：…): one month or one 截至6月底 alone is a date in the text, as in most single-column ledgers.
 * Labels that go back in time are text, as are later labels of the quarter already open (7月：…；8月：…
 * are both the third quarter's).
 */
export function progressParts(text: string): ProgressParts | undefined {
  if (!mayHaveParts(text)) return undefined;
  const labels = labelsOf(text);
  if (labels.length === 0) return undefined;
  const kept: Label[] = [];
  for (const l of labels) if (!kept.length || l.q > kept[kept.length - 1]!.q) kept.push(l);
  if (kept.length < 2 && !(kept[0]!.kind === "quarter" && kept[0]!.lineStart)) return undefined;
  const parts: ProgressPart[] = kept.map((l, i) => {
    const end = i + 1 < kept.length ? kept[i + 1]!.start : text.length;
    return { q: l.q, label: text.slice(l.start, l.end), text: trimPart(text.slice(l.end, end)), start: l.start, end };
  });
  return { head: text.slice(0, kept[0]!.start).trim(), parts };
}

/** A part's text without the white space and the separators (；，) around it. */
function trimPart(s: string): string {
  return s.replace(/^[\s：:，,、；;]+/, "").replace(/[\s，,、；;]+$/, "");
}

/** The part of a quarter in a cell read by parts, and the part before it (the nearest earlier quarter's). */
export function quarterPart(parts: ProgressParts, q: Q): { part?: ProgressPart; before?: ProgressPart } {
  let before: ProgressPart | undefined;
  for (const p of parts.parts) {
    if (p.q === q) return { part: p, before };
    if (p.q > q) break;
    before = p;
  }
  return { before };
}

/**
 * The label a new part of quarter `q` takes after `like` (a label of the same cell or column), in its
 * style: 二季度： → 三季度：, Q2： → Q3：, 6月： → 9月：, 4—6月： → 7—9月：, 1-6月： → 1-9月：,
 * 截至6月底， → 截至9月底，. Without a label to follow, 三季度：.
 */
export function labelLike(like: string | undefined, q: Q): string {
  const cn = "一二三四"[q - 1]!;
  if (!like) return `${cn}季度：`;
  let m = /^([（(【[]?第?\s*)([一二三四])(\s*季度[\s\S]*)$/.exec(like);
  if (m) return `${m[1]}${cn}${m[3]}`;
  m = /^([（(【[]?第?\s*)([1-4１-４])(\s*季度[\s\S]*)$/.exec(like) ?? /^([（(【[]?[QqＱｑ]\s*)([1-4１-４])([\s\S]*)$/.exec(like);
  if (m) return `${m[1]}${q}${m[3]}`;
  const end = 3 * q;
  m = new RegExp(`^(截[至止]\\s*(?:[${DIGITS}]{4}\\s*年\\s*)?)(${MONTH})(\\s*月[\\s\\S]*)$`).exec(like);
  if (m) return `${m[1]}${end}${m[3]}`;
  m = new RegExp(`^(${MONTH})(\\s*(?:月\\s*)?[-—–~～至到]\\s*)(${MONTH})(\\s*月[\\s\\S]*)$`).exec(like);
  if (m) return `${digitOf(m[1]!) === 1 ? m[1] : end - 2}${m[2]}${end}${m[4]}`;
  m = new RegExp(`^(${MONTH})(\\s*月[\\s\\S]*)$`).exec(like);
  if (m) return `${end}${m[2]}`;
  return `${cn}季度：`;
}

/**
 * A cell with the part of quarter `q` written: the part replaced where the cell has one, else added
 * after the others with a label in their style, on a new line (or after ；where the parts run on in
 * one line). `like` is a label to follow when the cell has none of its own (another cell's of the
 * column). A cell with no text gets the labelled part alone.
 */
export function withPart(cell: string, q: Q, text: string, like?: string): string {
  const body = withoutOwnLabel(text, q);
  const parts = progressParts(cell);
  const { part: own, before } = parts ? quarterPart(parts, q) : {};
  const next = parts?.parts.find((p) => p.q > q);
  if (own) {
    // The separator that ended the part stays, before the part after it.
    const sep = next ? (/[\s；;。]*$/.exec(cell.slice(own.start, own.end))![0] || "\n") : "";
    return `${cell.slice(0, own.start)}${own.label}${body}${sep}${next ? cell.slice(next.start) : ""}`;
  }
  const label = labelLike(before?.label ?? parts?.parts[0]?.label ?? like, q);
  const trimmed = cell.replace(/\s+$/, "");
  if (!trimmed) return `${label}${body}`;
  // A later quarter is written already (a late return): the part goes before it.
  if (next) return `${cell.slice(0, next.start)}${label}${body}\n${cell.slice(next.start)}`;
  const sep = joiner(cell, parts);
  return sep === "\n" ? `${trimmed}\n${label}${body}` : `${trimmed.replace(/[；;。]$/, "")}${sep}${label}${body}`;
}

/** How the parts of a cell are joined: on new lines, or in one line after ；or 。 as the cell's last part is. */
function joiner(cell: string, parts: ProgressParts | undefined): string {
  const last = parts?.parts[parts.parts.length - 1];
  if (!last || last.start === 0) return "\n";
  const sep = cell.slice(0, last.start).replace(/[ \t\u3000]+$/, "").slice(-1);
  return sep === "；" || sep === ";" ? "；" : sep === "。" ? "。" : "\n";
}

/** A unit's text for a quarter, with a label of that quarter it may have written itself taken off (三季度：…, 截至9月底，…). */
function withoutOwnLabel(text: string, q: Q): string {
  const t = text.trim();
  if (!HINT.test(t)) return t;
  const first = labelsOf(t)[0];
  return first && first.start === 0 && first.q === q ? trimPart(t.slice(first.end)) : t;
}

/** Which part of a cell that accumulates the quarters a problem is in, as the documents say it: （三季度部分）; "" for a whole cell. */
export function partWords(part: Q | undefined): string {
  return part ? `（${quarterShortLabel(part)}部分）` : "";
}
