// Drawing a sheet as the port's primitive operations: a laid-out sheet (a ledger made from a notice, a
// form for a unit, the directory's proposals) and the quarterly summary sheet. Written once, for every
// host: a host only carries the operations out. The looks are the style tokens below.
import { a1 } from "./address";
import { placeRows, rowHeight, type SheetLayout } from "./layout";
import type { CellStyle, Lack, Op, WriteValue } from "./ops";
import type { PlanTable, PlanText, PlanValue, SummarySheetPlan } from "./summarySheet";
import type { CellRange } from "./types";

/** The looks a drawn sheet uses, by what the cells are. */
export type StyleToken = "title" | "subtitle" | "heading" | "paragraph" | "header" | "body" | "tableHeader" | "tableBody" | "tableKey" | "link" | "label" | "input";

const LINE = "#000000";
const TABLE_LINE = "#BFBFBF";

export const STYLES: Readonly<Record<StyleToken, CellStyle>> = {
  title: { bold: true, size: 16, align: "center", valign: "middle", wrap: true },
  subtitle: { size: 9, color: "#595959", align: "center" },
  heading: { bold: true, size: 12, color: "#1F4E79" },
  paragraph: { wrap: true, valign: "top" },
  header: { bold: true, fill: "#D9E1F2", align: "center", valign: "middle", wrap: true, border: { around: LINE } },
  body: { valign: "middle", wrap: true, border: { around: LINE } },
  tableHeader: { bold: true, color: "#FFFFFF", fill: "#4472C4", align: "center", valign: "middle", wrap: true, border: { around: TABLE_LINE } },
  tableBody: { valign: "top", wrap: true, border: { around: TABLE_LINE } },
  tableKey: { align: "center", valign: "top", border: { around: TABLE_LINE } },
  link: { color: "#0563C1", underline: true },
  label: { align: "right", valign: "middle" },
  input: { align: "left", valign: "middle", border: { under: LINE } },
};

/**
 * Page N of M at the foot's right, in Excel's header and footer codes (&P the page, &N the pages:
 * https://learn.microsoft.com/office/vba/excel/concepts/workbooks-and-worksheets/formatting-and-vba-codes-for-headers-and-footers).
 */
const PAGE_OF_PAGES = "第 &P 页，共 &N 页";

/** A text as a footer prints it: "&" starts a code there, "&&" prints one. */
function footerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Height of a title row, and of a sign-off line below a table (points). */
const TITLE_HEIGHT = 30;
const TITLE_WITH_SUBTITLE_HEIGHT = 48;
const SUMMARY_TITLE_HEIGHT = 28;
const BELOW_HEIGHT = 24;

function range(top: number, left: number, bottom = top, right = left): CellRange {
  return { top, left, bottom, right };
}

/**
 * A laid-out sheet, added at `position` (the end when absent): a title row merged across the table
 * (its subtitle a second line), the header (repeated where the layout asks, frozen with the title,
 * printed on every page), the rows, runs of equal values merged down the columns that ask for it,
 * the lines below (a form's sign-off line), hidden columns, and protection with only the editable
 * cells open. Shown once drawn, unless very hidden.
 */
export function layoutOps(layout: SheetLayout, options: { readonly position?: number } = {}): Op[] {
  const sheet = layout.name;
  const width = layout.columns.length;
  const widths = layout.columns.map((c) => c.width);
  const top = layout.title ? 1 : 0;
  const { rows, headerRows, firstRowOf } = placeRows(layout, top);
  const ops: Op[] = [{ op: "addSheet", name: sheet, ...(options.position !== undefined ? { position: options.position } : {}), ...(layout.state === "veryHidden" ? { veryHidden: true } : {}) }];
  ops.push({ op: "columnWidths", sheet, widths });
  const heights: { row: number; height: number }[] = [];
  if (layout.title) {
    ops.push({ op: "values", sheet, row: 0, col: 0, rows: [[layout.subtitle ? `${layout.title}\n${layout.subtitle}` : layout.title]] });
    ops.push({ op: "merge", sheet, range: range(0, 0, 0, width - 1) });
    ops.push({ op: "style", sheet, range: range(0, 0, 0, width - 1), style: layout.subtitle ? { ...STYLES.title, size: 14 } : STYLES.title });
    heights.push({ row: 0, height: layout.subtitle ? TITLE_WITH_SUBTITLE_HEIGHT : TITLE_HEIGHT });
  }
  ops.push({ op: "values", sheet, row: top, col: 0, rows });
  const last = top + rows.length - 1;
  if (last > top) ops.push({ op: "style", sheet, range: range(top + 1, 0, last, width - 1), style: STYLES.body });
  for (const h of headerRows) ops.push({ op: "style", sheet, range: range(h, 0, h, width - 1), style: STYLES.header });
  // The column a person fills in shows as such, header and cells.
  layout.columns.forEach((c, col) => {
    if (c.fill) ops.push({ op: "style", sheet, range: range(top, col, last, col), style: { fill: `#${c.fill}` } });
  });
  layout.rows.forEach((values, i) => heights.push({ row: firstRowOf[i]!, height: rowHeight(values, widths) }));
  ops.push(...mergedRuns(layout, firstRowOf));
  // Lines below the table (a form's sign-off line), after one blank row; its blanks open and filled.
  const open: CellRange[] = [];
  let row = last + 2;
  for (const line of layout.below ?? []) {
    let col = 0;
    for (const part of line) {
      const cells = range(row, col, row, col + Math.max(1, part.span ?? 1) - 1);
      if (cells.right > col) ops.push({ op: "merge", sheet, range: cells });
      if (part.text) ops.push({ op: "values", sheet, row, col, rows: [[part.text]] });
      ops.push({ op: "style", sheet, range: cells, style: part.input ? { ...STYLES.input, ...(part.fill ? { fill: `#${part.fill}` } : {}) } : STYLES.label });
      if (part.input) open.push(cells);
      col = cells.right + 1;
    }
    heights.push({ row, height: BELOW_HEIGHT });
    row++;
  }
  ops.push({ op: "rowHeights", sheet, heights });
  const hidden = layout.columns.flatMap((c, i) => (c.hidden ? [i] : []));
  if (hidden.length) ops.push({ op: "hideColumns", sheet, columns: hidden });
  ops.push({ op: "freeze", sheet, rows: top + 1 }, { op: "printTitles", sheet, from: top, to: top }, { op: "page", sheet });
  if (layout.protect) {
    // Only the editable columns' data cells are open; no password, so anyone may lift it to look.
    layout.columns.forEach((c, col) => {
      if (c.editable) for (const r of firstRowOf) open.push(range(r, col));
    });
    ops.push({ op: "protect", sheet, open });
  }
  if (layout.state !== "veryHidden") ops.push({ op: "activate", sheet, cell: "A1" });
  return ops;
}

/** Runs of equal values down the columns that merge them, not across a repeated header. */
function mergedRuns(layout: SheetLayout, firstRowOf: readonly number[]): Op[] {
  const repeat = new Set(layout.repeatHeaderBefore ?? []);
  const ops: Op[] = [];
  layout.columns.forEach((c, col) => {
    if (!c.mergeRuns) return;
    let start = 0;
    for (let i = 1; i <= layout.rows.length; i++) {
      const same = i < layout.rows.length && !repeat.has(i) && layout.rows[i]![col] === layout.rows[start]![col] && layout.rows[start]![col] !== "";
      if (same) continue;
      if (i - 1 > start) ops.push({ op: "merge", sheet: layout.name, range: range(firstRowOf[start]!, col, firstRowOf[i - 1]!, col) });
      start = i;
    }
  });
  return ops;
}

/** The text a plan value shows. */
function shown(v: PlanValue): WriteValue {
  if (v === null || typeof v !== "object") return v;
  return "percent" in v ? v.percent : v.text;
}

function shownText(v: PlanValue): string {
  if (v === null) return "";
  if (typeof v !== "object") return String(v);
  return "percent" in v ? `${(v.percent * 100).toFixed(1)}%` : v.text;
}

/** A table name not taken (Excel compares them without case), with _2, _3 … when it is. */
export function freeTableName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** A summary sheet's operations: drawing it on `sheet`, and its tables and chart (on the sheet under its final name, `plan.name`). */
export interface SummaryOps {
  readonly draw: Op[];
  readonly tables: Op[];
}

/**
 * The summary sheet drawn on `sheet` (a draft, renamed later by the caller), added at `position`:
 * A4 landscape with the stamp and page numbers at the foot, the text blocks merged across the
 * columns, the tables with their header, links to the ledger and percentages, a chart where the host
 * draws them. Tables are named apart from `takenTables` (names are unique in a workbook).
 */
export function summaryOps(plan: SummarySheetPlan, sheet: string, options: { readonly position?: number; readonly lacks: ReadonlySet<Lack>; readonly takenTables: readonly string[] }): SummaryOps {
  const span = plan.widths.length;
  const total = plan.widths.reduce((a, b) => a + b, 0);
  const draw: Op[] = [
    { op: "addSheet", name: sheet, ...(options.position !== undefined ? { position: options.position } : {}) },
    { op: "columnWidths", sheet, widths: plan.widths },
    { op: "page", sheet, footer: { left: footerText(plan.stamp), right: PAGE_OF_PAGES } },
  ];
  const tables: Op[] = [];
  const heights: { row: number; height: number }[] = [];
  const taken = new Set(options.takenTables.map((t) => t.toLowerCase()));
  const placed = new Map<string, { row: number; rows: number }>();
  let row = 0;
  const text = (block: PlanText) => {
    if (block.style === "heading" && row > 2) row++; // a blank row before each section
    const cells = range(row, 0, row, span - 1);
    draw.push({ op: "values", sheet, row, col: 0, rows: [[block.text]] }, { op: "merge", sheet, range: cells });
    draw.push({ op: "style", sheet, range: cells, style: STYLES[block.style === "note" ? "paragraph" : block.style] });
    if (block.style === "title") heights.push({ row, height: SUMMARY_TITLE_HEIGHT });
    if (block.style === "paragraph" || block.style === "note") heights.push({ row, height: rowHeight([block.text], [total]) });
    row++;
  };
  const table = (block: PlanTable) => {
    const width = block.header.length;
    const last = row + block.rows.length;
    placed.set(block.name, { row, rows: block.rows.length });
    draw.push({ op: "values", sheet, row, col: 0, rows: [block.header.map(String), ...block.rows.map((r) => r.map(shown))] });
    draw.push({ op: "style", sheet, range: range(row, 0, row, width - 1), style: STYLES.tableHeader });
    if (block.rows.length) {
      draw.push({ op: "style", sheet, range: range(row + 1, 0, last, 0), style: STYLES.tableKey });
      if (width > 1) draw.push({ op: "style", sheet, range: range(row + 1, 1, last, width - 1), style: STYLES.tableBody });
    }
    block.rows.forEach((values, i) => {
      const r = row + 1 + i;
      values.forEach((v, c) => {
        if (v === null || typeof v !== "object") return;
        if ("percent" in v) draw.push({ op: "style", sheet, range: range(r, c), style: { numberFormat: "0.0%" } });
        else draw.push({ op: "link", sheet, cell: a1(r, c), target: v.link, text: v.text }, { op: "style", sheet, range: range(r, c), style: STYLES.link });
      });
      heights.push({ row: r, height: rowHeight(values.map(shownText), plan.widths) });
    });
    if (!options.lacks.has("tables")) tables.push({ op: "table", sheet: plan.name, range: range(row, 0, last, width - 1), name: freeTableName(block.name, taken) });
    row = last + 2;
  };
  for (const block of plan.blocks) {
    if (block.kind === "text") text(block);
    else if (block.kind === "table") table(block);
    else {
      const t = placed.get(block.table);
      if (!t || t.rows < 2 || options.lacks.has("charts")) continue;
      // A bar per unit: its name on the axis, its reporting rate as the bar; beside the table.
      tables.push({
        op: "chart",
        sheet: plan.name,
        title: block.title,
        categories: range(t.row + 1, block.categoryColumn, t.row + t.rows, block.categoryColumn),
        values: range(t.row + 1, block.valueColumn, t.row + t.rows, block.valueColumn),
        at: range(t.row, span + 1, t.row + Math.max(15, Math.min(t.rows, 40)), span + 8),
      });
    }
  }
  draw.push({ op: "rowHeights", sheet, heights });
  return { draw, tables };
}
