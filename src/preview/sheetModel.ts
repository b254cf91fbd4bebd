// What the preview's grid needs to know of a worksheet before it draws any cell: the size of every row
// and column as the file sets them (widths in characters, heights in points; a wrapped row without a
// height measured from its text, as Excel fits it), and where the merged areas are. Computed once per
// change of the workbook's cells, read without adding rows or cells to it.
import type ExcelJS from "exceljs";
import type { CellRange } from "../core/types";
import { mergesOf } from "../hosts/xlsx/grid";

/** Excel's default row: 15 pt, 20 px. */
export const DEFAULT_ROW_PX = 20;
/** Excel's default column: 8.43 characters, 64 px. */
const DEFAULT_WIDTH = 8.43;
/** One character of the grid's font (the width of a digit); a CJK character is two. */
const CHAR_PX = 7;
/** A wrapped line of the grid's text. */
const LINE_PX = 16;

/** A column's width in characters as pixels, as Excel converts it (a digit is 7 px, plus 5 of padding). */
export const columnPx = (width: number) => Math.trunc(width * CHAR_PX + 5);

/** How wide a text is in digit widths: CJK and full-width characters count two. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** How tall a wrapped text is in a column of `px` pixels. */
export function wrappedHeight(text: string, px: number): number {
  const perLine = Math.max(1, Math.floor((px - 8) / CHAR_PX));
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(units(line) / perLine)), 0);
  return lines * LINE_PX + 4;
}

export interface SheetModel {
  readonly rows: number;
  readonly cols: number;
  readonly rowHeights: readonly number[];
  readonly colWidths: readonly number[];
  /** Pixel offset of each row's top (rows + 1 entries: the last is the total height). */
  readonly rowTops: Float64Array;
  readonly colLefts: Float64Array;
  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRange | undefined;
  /** The merged areas that reach into rows `from`..`to` (0-based, inclusive). */
  mergesInRows(from: number, to: number): CellRange[];
}

function offsets(sizes: readonly number[]): Float64Array {
  const out = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) out[i + 1] = out[i]! + sizes[i]!;
  return out;
}

/** The text a cell holds, for measuring (formulas by their result). */
function plainText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return plainText(v.result as ExcelJS.CellValue);
    if ("text" in v) return typeof v.text === "string" ? v.text : plainText(v.text as ExcelJS.CellValue);
    return "";
  }
  return String(v);
}

/**
 * Each row's height in pixels: as the file sets it in points; where it sets none, a row with wrapped
 * text is as tall as its text, as Excel fits it (a text merged down over several rows does not count).
 */
function rowHeightsOf(ws: ExcelJS.Worksheet, rows: number, colWidths: readonly number[], mergeAt: (row: number, col: number) => CellRange | undefined): number[] {
  const defaultPx = Math.round(((ws.properties?.defaultRowHeight as number | undefined) ?? 15) * (4 / 3)) || DEFAULT_ROW_PX;
  const rowHeights = new Array<number>(rows).fill(defaultPx);
  for (let r = 0; r < rows; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    if (row.height) {
      rowHeights[r] = Math.round(row.height * (4 / 3));
      continue;
    }
    let px = defaultPx;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (!cell.alignment?.wrapText) return;
      const c = colNumber - 1;
      const m = mergeAt(r, c);
      if (m && (m.top !== m.bottom || m.top !== r || m.left !== c)) return;
      const width = m ? colWidths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0) : colWidths[c] ?? columnPx(DEFAULT_WIDTH);
      px = Math.max(px, wrappedHeight(plainText(cell.value), width));
    });
    rowHeights[r] = px;
  }
  return rowHeights;
}

export function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const merges = mergesOf(ws).sort((a, b) => a.top - b.top);
  let rows = ws.rowCount;
  let cols = ws.columnCount;
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const defined = ws.columns ?? [];
  const colWidths = Array.from({ length: cols }, (_, c) => {
    const col = defined[c];
    return col?.hidden ? 0 : columnPx(col?.width ?? DEFAULT_WIDTH);
  });
  // Every cell of a merged area, by its index, to the area.
  const byCell = new Map<number, CellRange>();
  let tallest = 0;
  for (const m of merges) {
    tallest = Math.max(tallest, m.bottom - m.top);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) byCell.set(r * cols + c, m);
  }
  const mergeAt = (row: number, col: number) => byCell.get(row * cols + col);
  const rowHeights = rowHeightsOf(ws, rows, colWidths, mergeAt);
  return {
    rows,
    cols,
    rowHeights,
    colWidths,
    rowTops: offsets(rowHeights),
    colLefts: offsets(colWidths),
    mergeAt,
    mergesInRows(from, to) {
      // Sorted by top: start where an area that tall could still reach `from`.
      let lo = 0;
      let hi = merges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (merges[mid]!.top < from - tallest) lo = mid + 1;
        else hi = mid;
      }
      const out: CellRange[] = [];
      for (let i = lo; i < merges.length && merges[i]!.top <= to; i++) if (merges[i]!.bottom >= from) out.push(merges[i]!);
      return out;
    },
  };
}

/** A cell to draw at its column: a merged area is drawn whole, from its top-left cell. */
export interface DrawnCell {
  readonly col: number;
  readonly area: CellRange | undefined;
}

/**
 * The cells to draw for the rows and columns in `view` (0-based, inclusive), grouped by the row they
 * start in, rows in order. Each merged area reaching into the view is drawn once at its top-left cell,
 * even when that cell is above or left of the view, so that the part in view shows; a hidden column
 * has none.
 */
export function visibleCells(model: SheetModel, view: CellRange): { row: number; cells: DrawnCell[] }[] {
  const byRow = new Map<number, DrawnCell[]>();
  const seen = new Set<number>();
  const put = (row: number, col: number, area: CellRange | undefined) => {
    const key = row * model.cols + col;
    if (seen.has(key)) return;
    seen.add(key);
    const list = byRow.get(row) ?? [];
    list.push({ col, area });
    byRow.set(row, list);
  };
  for (const m of model.mergesInRows(view.top, view.bottom)) if (m.right >= view.left && m.left <= view.right) put(m.top, m.left, m);
  for (let r = view.top; r <= view.bottom; r++) {
    for (let c = view.left; c <= view.right; c++) {
      if (model.colWidths[c] === 0) continue;
      if (!model.mergeAt(r, c)) put(r, c, undefined);
    }
  }
  return [...byRow.keys()].sort((a, b) => a - b).map((row) => ({ row, cells: byRow.get(row)! }));
}

/**
 * The cell a link inside the workbook points at: a HYPERLINK("#'Sheet'!A1", …) formula (the summary's
 * 位置 links), or a hyperlink to "#Sheet!A1".
 */
export function internalLink(value: ExcelJS.CellValue): { sheet: string; cell: string } | undefined {
  let target: string | undefined;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("formula" in value && typeof value.formula === "string") target = /^\s*=?\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(value.formula)?.[1]?.replace(/""/g, '"');
    else if ("hyperlink" in value && typeof value.hyperlink === "string") target = value.hyperlink;
  }
  const m = target ? /^#(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(target) : null;
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), cell: `${m[3]}${m[4]}` };
}
