// A new sheet described as plain data (a host writes it): title, columns, rows, and which columns
// merge runs of equal values, as printed ledgers merge their category cells.
import type { NoticeItem } from "./notice";
import type { CellValue } from "./types";

export interface LayoutColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Merge runs of equal values down this column. */
  readonly mergeRuns?: boolean;
  /** Hidden from view (a key the add-in reads back). */
  readonly hidden?: boolean;
  /** Left open for input when the sheet is protected. */
  readonly editable?: boolean;
  /** The fill (RGB hex) of the column's header and data cells: the column a person fills in shows as such. */
  readonly fill?: string;
}

/** Light yellow: the cells a person fills in (the form's progress column and its blanks). */
export const INPUT_FILL = "FFF2CC";

/** A cell of a line below the table (a sign-off line such as 填报人：____). */
export interface LayoutCell {
  readonly text: string;
  /** Columns it spans, merged (1 when absent). */
  readonly span?: number;
  /** A blank a person fills in: open when the sheet is protected, drawn as a blank to fill (with `fill`). */
  readonly input?: boolean;
  /** The fill (RGB hex) of an input. */
  readonly fill?: string;
}

export interface SheetLayout {
  readonly name: string;
  /** A title row above the header, merged across the table. */
  readonly title?: string;
  /** A smaller second line in the title row (a form's return date and what to fill in). */
  readonly subtitle?: string;
  readonly columns: readonly LayoutColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Rows (0-based within `rows`) before which the header row is printed again, as a printed plan does. */
  readonly repeatHeaderBefore?: readonly number[];
  /** Protect the sheet (no password), leaving only the editable columns' cells open. */
  readonly protect?: boolean;
  /** "veryHidden" for a sheet only the add-in reads. */
  readonly state?: "visible" | "veryHidden";
  /** Lines below the table, after one blank row, cells from the first column (a form's sign-off line). */
  readonly below?: readonly (readonly LayoutCell[])[];
}

/**
 * The ledger a notice turns into: one row per item, four quarters of progress to fill in, and in 备注
 * what to look at in the item as `remark` says it (the application layer words its flags).
 */
export function noticeLedgerLayout(items: readonly NoticeItem[], name: string, title?: string, remark: (item: NoticeItem) => string = () => ""): SheetLayout {
  const annexes = new Set(items.map((i) => i.annex ?? 0));
  const withAnnex = annexes.size > 1;
  const withCity = items.some((i) => i.cityLead.length > 0);
  const withCo = items.some((i) => i.co.length > 0);
  const columns: LayoutColumn[] = [
    ...(withAnnex ? [{ header: "附件", width: 6, mergeRuns: true }] : []),
    { header: "序号", width: 7 },
    { header: "类别", width: 14, mergeRuns: true },
    { header: "工作类目", width: 18, mergeRuns: true },
    { header: "目标任务", width: 48 },
    ...(withCity ? [{ header: "市级牵头单位", width: 18 }] : []),
    { header: "责任单位", width: 24 },
    ...(withCo ? [{ header: "配合单位", width: 18 }] : []),
    { header: "完成时限", width: 10 },
    { header: "一季度进展", width: 30 },
    { header: "二季度进展", width: 30 },
    { header: "三季度进展", width: 30 },
    { header: "四季度进展", width: 30 },
    { header: "备注", width: 16 },
  ];
  const rows = items.map((i) => [
    ...(withAnnex ? [i.annex === undefined ? "" : `附件${i.annex}`] : []),
    i.label,
    i.category[0] ?? "",
    i.category.slice(1).join(" / "),
    i.task,
    ...(withCity ? [i.cityLead.join("、")] : []),
    i.lead.join("、"),
    ...(withCo ? [i.co.join("、")] : []),
    "",
    "",
    "",
    "",
    "",
    remark(i),
  ]);
  return { name, ...(title ? { title } : {}), columns, rows };
}

/** Points per line of 11-point text, and the most a row may be (Excel's limit is 409). */
const LINE_HEIGHT = 14.5;
const MAX_ROW_HEIGHT = 409;

/** Display width in column units: a CJK or full-width character is two, others one. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

/**
 * The height (points) a row needs so that its wrapped texts show whole: the most lines any cell
 * wraps to in its column's width. Spreadsheet programs do not grow rows a program wrote.
 */
export function rowHeight(values: readonly unknown[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== "string" || !v) return;
    const usable = Math.max(1, (widths[i] ?? 10) - 1);
    let n = 0;
    for (const part of v.split("\n")) n += Math.max(1, Math.ceil(displayWidth(part) / usable));
    if (n > lines) lines = n;
  });
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 4));
}

/** A layout's table as a host writes it in one block, and where each of its rows lands. */
export interface PlacedRows {
  /** The header, then the rows, with the header again where the layout repeats it; as plain values (a date as its ISO day, an error as its text). */
  readonly rows: (string | number | boolean)[][];
  /** The sheet rows (from `top`) that hold the header. */
  readonly headerRows: number[];
  /** The sheet row (from `top`) of each of the layout's rows. */
  readonly firstRowOf: number[];
}

/** The header and rows of `layout` placed from sheet row `top` (in the host's own counting: from 0 or from 1). */
export function placeRows(layout: SheetLayout, top: number): PlacedRows {
  const header = layout.columns.map((c) => c.header);
  const repeat = new Set(layout.repeatHeaderBefore ?? []);
  const rows: (string | number | boolean)[][] = [header];
  const headerRows = [top];
  const firstRowOf: number[] = [];
  layout.rows.forEach((r, i) => {
    if (repeat.has(i)) {
      headerRows.push(top + rows.length);
      rows.push(header);
    }
    firstRowOf.push(top + rows.length);
    rows.push(r.map((v) => (v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" ? v.error : v)));
  });
  return { rows, headerRows, firstRowOf };
}
