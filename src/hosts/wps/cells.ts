// Cells of WPS 表格 as the engine's values: Value2 in bulk as rows, error values, BGR colours, and
// finding merged areas and hidden rows and columns with few calls (halving ranges that are not all plain).
import type { CellContent, CellLook } from "../../app/port";
import { a1, columnLetter } from "../../core/address";
import { cellText } from "../../core/text";
import type { CellRange, CellValue, SheetGrid } from "../../core/types";
import { XL_NONE, type EtRange, type EtWorksheet, type SafeArray } from "./model";

/** Columns a head read covers: a ledger's header stands well within them. */
const HEAD_COLUMNS = 64;
/** Columns whose visibility is read with a whole sheet. */
const VISIBILITY_COLUMNS = 64;

/**
 * Error values as a COM script engine hands them over: the HRESULT of CVErr(xlErrNA …), 0x800A0000
 * plus Excel's error number (https://learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values).
 */
const ERROR_CODES: ReadonlyMap<number, string> = new Map([
  [2000, "#NULL!"],
  [2007, "#DIV/0!"],
  [2015, "#VALUE!"],
  [2023, "#REF!"],
  [2029, "#NAME?"],
  [2036, "#NUM!"],
  [2042, "#N/A"],
].map(([n, text]) => [(0x800a0000 | (n as number)) >> 0, text as string]));
const ERROR_TEXTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA"]);

/** A Value2 item as the engine's value: empty is null, an error is an error. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return ERROR_TEXTS.has(v) ? { error: v } : v;
  if (typeof v === "number") return ERROR_CODES.has(v) ? { error: ERROR_CODES.get(v)! } : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  return String(v);
}

function isSafeArray(v: unknown): v is SafeArray {
  return typeof v === "object" && v !== null && typeof (v as SafeArray).getItem === "function" && typeof (v as SafeArray).lbound === "function";
}

/**
 * A range's Value2 as rows of `rows` × `cols` cells, whatever shape it came in: one value (one
 * cell), an array of row arrays, or a SAFEARRAY with its own (1-based) bounds.
 */
export function valueRows(value2: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(value2) && !isSafeArray(value2)) return [[value2]];
  if (isSafeArray(value2)) {
    const r0 = value2.lbound(1);
    const c0 = value2.lbound(2);
    const out: unknown[][] = [];
    for (let r = r0; r <= value2.ubound(1); r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= value2.ubound(2); c++) row.push(value2.getItem(r, c));
      out.push(row);
    }
    return out;
  }
  if (Array.isArray(value2)) return value2.map((r) => (Array.isArray(r) ? r : [r]));
  return [[value2]];
}

/** The engine's rows for values read at (rowIndex, columnIndex), 0-based: each row without its empty cells at the right. */
export function gridRows(values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const row of values) {
    const cells = row.map(toCellValue);
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end--;
    rows.push(end > 0 ? [...new Array<CellValue>(columnIndex).fill(null), ...cells.slice(0, end)] : []);
  }
  return rows;
}

/** "#RRGGBB" as the BGR integer the object model takes. */
export function bgrOf(hex: string): number {
  const n = parseInt(hex.replace(/^#/, "").slice(-6), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** A BGR integer as "#RRGGBB". */
export function hexOf(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}

/** "B3:D9" of 1-based bounds. */
export function address(top: number, left: number, bottom = top, right = left): string {
  return top === bottom && left === right ? a1(top - 1, left - 1) : `${a1(top - 1, left - 1)}:${a1(bottom - 1, right - 1)}`;
}

/** The 1-based A1 reference of a 0-based range. */
export const ref = (r: CellRange): string => address(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);

/**
 * Addresses joined into multi-area references of at most 255 characters each: Range("A1,C3,…")
 * takes no longer a text (https://learn.microsoft.com/office/vba/api/excel.range(object)).
 */
export function areaChunks(cells: readonly string[], limit = 255): string[] {
  const out: string[] = [];
  let current = "";
  for (const c of cells) {
    if (current && current.length + 1 + c.length > limit) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${c}` : c;
  }
  if (current) out.push(current);
  return out;
}

/** 1-based bounds of a range. */
export function boundsOf(r: EtRange): { top: number; left: number; bottom: number; right: number } {
  return { top: r.Row, left: r.Column, bottom: r.Row + r.Rows.Count - 1, right: r.Column + r.Columns.Count - 1 };
}

/** The first index in [from, to] where `any(from..i)` holds (it holds for from..to), by halving. */
function firstWhere(from: number, to: number, any: (last: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (any(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The merged areas that start in rows top..bottom and columns left..right (1-based), as 0-based
 * ranges. A range whose MergeCells is false holds none; the others are halved down to their first
 * merged cell, whose MergeArea gives the whole area. Calls grow with the merged areas, not the cells.
 */
export function mergedAreas(ws: EtWorksheet, top: number, left: number, bottom: number, right: number): CellRange[] {
  if (bottom < top || right < left || ws.Range(address(top, left, bottom, right)).MergeCells === false) return [];
  const found = new Map<string, CellRange>();
  for (let c = left; c <= right; c++) {
    let r = top;
    while (r <= bottom) {
      if (ws.Range(address(r, c, bottom, c)).MergeCells === false) break;
      const from = r;
      const first = firstWhere(from, bottom, (last) => ws.Range(address(from, c, last, c)).MergeCells !== false);
      // An area found from an earlier column needs no second look.
      const known = [...found.values()].find((m) => m.top + 1 <= first && m.bottom + 1 >= first && m.left + 1 <= c && m.right + 1 >= c);
      const area = known ? { top: known.top + 1, left: known.left + 1, bottom: known.bottom + 1, right: known.right + 1 } : boundsOf(ws.Range(address(first, c)).MergeArea);
      // An area reached again from a later column, or starting above the rows asked for, is not new here.
      if (area.top >= top && area.left >= left) found.set(`${area.top},${area.left}`, { top: area.top - 1, left: area.left - 1, bottom: area.bottom - 1, right: area.right - 1 });
      r = Math.max(first, area.bottom) + 1;
    }
  }
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * The indexes in from..to (1-based) for which `hidden(a, b)` — whether rows or columns a..b are all
 * hidden (true), none (false) or some (null) — finds them hidden; returned 0-based.
 */
export function hiddenRuns(from: number, to: number, hidden: (a: number, b: number) => boolean | null): number[] {
  const out: number[] = [];
  let i = from;
  while (i <= to && hidden(i, to) !== false) {
    const start = i;
    const first = firstWhere(start, to, (last) => hidden(start, last) !== false);
    // The run's end: the last index from `first` on with all hidden.
    let lo = first;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (hidden(first, mid) === true) lo = mid;
      else hi = mid - 1;
    }
    for (let k = first; k <= lo; k++) out.push(k - 1);
    i = lo + 1;
  }
  return out;
}

/** Rows of the used range that are hidden or filtered out, 0-based. */
export function hiddenRows(ws: EtWorksheet, top: number, bottom: number): number[] {
  return hiddenRuns(top, bottom, (a, b) => ws.Range(`A${a}:A${b}`).EntireRow.Hidden);
}

/** Columns hidden among 1..count, 0-based. */
export function hiddenColumns(ws: EtWorksheet, count: number): number[] {
  return hiddenRuns(1, count, (a, b) => ws.Range(`${columnLetter(a - 1)}1:${columnLetter(b - 1)}1`).EntireColumn.Hidden);
}

/** A sheet's used cells as rows, read with one Value2; null when it is empty. */
export function usedValues(ws: EtWorksheet): { top: number; left: number; bottom: number; right: number; values: unknown[][] } | null {
  const used = ws.UsedRange;
  const b = boundsOf(used);
  const values = valueRows(used.Value2, b.bottom - b.top + 1, b.right - b.left + 1);
  if (b.top === b.bottom && b.left === b.right && toCellValue(values[0]?.[0]) === null) return null;
  return { ...b, values };
}

/** A sheet's cells, merged areas and hidden rows and columns; or its first `rows` rows with their merged areas. */
export function readSheet(ws: EtWorksheet, rows: number | undefined): SheetGrid {
  const name = ws.Name;
  if (rows !== undefined) {
    // The first rows, in a window wide enough for any header: one Value2.
    const grid = gridRows(valueRows(ws.Range(address(1, 1, rows, HEAD_COLUMNS)).Value2, rows, HEAD_COLUMNS), 0, 0);
    while (grid.length && grid[grid.length - 1]!.length === 0) grid.pop();
    return { name, rows: grid, merges: mergedAreas(ws, 1, 1, rows, HEAD_COLUMNS) };
  }
  const used = usedValues(ws);
  if (!used) return { name, rows: [], merges: [] };
  const hiddenR = hiddenRows(ws, used.top, used.bottom);
  const hiddenC = hiddenColumns(ws, Math.min(VISIBILITY_COLUMNS, used.right));
  return {
    name,
    rows: gridRows(used.values, used.top - 1, used.left - 1),
    merges: mergedAreas(ws, used.top, used.left, used.bottom, used.right),
    ...(hiddenR.length ? { hiddenRows: hiddenR } : {}),
    ...(hiddenC.length ? { hiddenColumns: hiddenC } : {}),
  };
}

/** A cell's fill (by colour) and note. */
export function lookOf(r: EtRange): CellLook {
  const interior = r.Interior;
  const comment = r.Comment;
  return { fill: interior.Pattern === XL_NONE ? null : { color: hexOf(interior.Color) }, note: comment ? comment.Text() : null, noteWritable: true };
}

/** A cell's formula or constant, number format and the text it shows. */
export function contentOf(r: EtRange): CellContent {
  const formula = r.Formula;
  return { formula: formula === null || formula === undefined ? "" : (formula as string | number | boolean), numberFormat: String(r.NumberFormat ?? "General"), text: cellText(toCellValue(r.Value2)) };
}

/** Cells of the sheets asked that exist, by sheet then by cell. */
export function byCell<T>(sheets: readonly EtWorksheet[], requests: readonly { sheet: string; cells: readonly string[] }[] | undefined, of: (r: EtRange) => T): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const q of requests ?? []) {
    const ws = sheets.find((s) => s.Name === q.sheet);
    if (!ws) continue;
    const cells = out.get(q.sheet) ?? new Map<string, T>();
    for (const cell of q.cells) cells.set(cell, of(ws.Range(cell)));
    out.set(q.sheet, cells);
  }
  return out;
}
