// An official document (公文) as plain data: what it says, in the parts GB/T 9704 names — the issuing
// office's mark with its 文号, the title, the receiver, the body (headings, paragraphs, tables), the
// signature and date, the imprint at the end. A host lays it out (A4, the standard's margins and fonts,
// page numbers) and writes the file; nothing here knows the file format.

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
  /** 发文机关署名 and 成文日期 (2019年11月5日), right-aligned under the body. */
  readonly signature?: { readonly issuer: string; readonly date: string };
  /** 版记: 抄送 and the office that printed it, with the date. */
  readonly imprint?: { readonly copyTo?: string; readonly printer: string; readonly date: string };
}

/** A date as official documents write it: 2019年11月5日 (no leading zeros). */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
