// An official document (公文) as plain data: what it says, in the parts GB/T 9704 names — the issuing
// office's mark with its 文号, the title, the receiver, the body (headings, paragraphs, tables), the
// signature and date, the imprint at the end. A host lays it out (A4, the standard's margins and fonts,
// page numbers) and writes the file; nothing here knows the file format.
import { reportDue } from "./quarter";
import { isoDate } from "./text";
import type { Quarter } from "./types";

/** A body paragraph: indented two characters as official text is, unless it says otherwise. */
export interface DocParagraph {
  readonly kind: "paragraph";
  readonly text: string;
  /** A paragraph that follows a table or a list without the first-line indent. */
  readonly indent?: boolean;
}

/** 一、 (level 1, in 黑体) and （一） (level 2, in 楷体) headings, in the body's size. */
export interface DocHeading {
  readonly kind: "heading";
  readonly level: 1 | 2;
  readonly text: string;
}

/** A table of text; `widths` are the columns' shares of the line (any unit, only their ratio counts). */
export interface DocTable {
  readonly kind: "table";
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly widths: readonly number[];
  /** Columns whose cells are centred (numbers, ranks). */
  readonly centred?: readonly number[];
}

/** A smaller line under a table: how a score is reckoned, what a mark means. */
export interface DocNote {
  readonly kind: "note";
  readonly text: string;
}

export type DocBlock = DocParagraph | DocHeading | DocTable | DocNote;

/**
 * An annex (附件): its own pages after the signature and before the 版记, under "附件N" and its title
 * (GB/T 9704-2012 8.2: 另面编排, 附件N in 3号黑体 top left, the title centred on the third line). The
 * body names it in its 附件说明 (7.3.6) by the same title.
 */
export interface DocAnnex {
  readonly title: string;
  readonly blocks: readonly DocBlock[];
}

export interface OfficialDocument {
  /** The file's own title (its properties). */
  readonly name: string;
  /** 版头: the issuing office's mark, in red over a red line, and the 文号 (发文字号) when there is one. */
  readonly masthead?: { readonly issuer: string; readonly number?: string };
  /** The title (标题), in 小标宋. */
  readonly title: string;
  /**
   * The title's lines when it is too long for one, broken where its words allow (GB/T 9704 7.3.3:
   * 词意完整, the lines as a trapezoid); together they are the title.
   */
  readonly titleLines?: readonly string[];
  /** A line under the title (a 催办单's 编号 or date), centred. */
  readonly subtitle?: string;
  /** 主送机关, without its colon. */
  readonly receiver?: string;
  readonly blocks: readonly DocBlock[];
  /** 附件: named under the body (附件说明), each laid out after the signature on pages of its own. */
  readonly annexes?: readonly DocAnnex[];
  /** 发文机关署名 and 成文日期 (2019年11月5日), right-aligned under the body. */
  readonly signature?: { readonly issuer: string; readonly date: string };
  /** 版记: 抄送 and the office that printed it, with the date, at the foot of the last page. */
  readonly imprint?: { readonly copyTo?: string; readonly printer: string; readonly date: string };
}

/** A date as official documents write it: 2019年11月5日 (no leading zeros). */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The day a document's figures stand at (the words after 截至). Usually the day it is made. For a
 * quarter long past — made after the next quarter's reports were due — the quarter's own due date,
 * with the day the document was made beside it, so that old figures do not read as current:
 * 2025年10月10日（本通报生成于2026年12月3日）. `made` is ISO (yyyy-mm-dd).
 */
export function asOfWords(quarter: Quarter, made: string, kind: "通报" | "催办单"): string {
  const next: Quarter = quarter.q === 4 ? { year: quarter.year + 1, q: 1 } : { year: quarter.year, q: (quarter.q + 1) as Quarter["q"] };
  return made > isoDate(reportDue(next)) ? `${documentDate(isoDate(reportDue(quarter)))}（本${kind}生成于${documentDate(made)}）` : documentDate(made);
}
