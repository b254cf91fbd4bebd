// Reading sheets' grids through Office.js: values, merged areas (asked in bands: Excel lists 512 at
// most per call), hidden rows (the visible cells' areas, ExcelApi 1.9) and hidden columns, in chunks
// under Excel on the web's 5 MB response, and heads (the first rows in a window wide enough for any
// header). What a sheet holds is the engine's; how to get it out of Excel is here.
import { parseRange } from "../../core/address";
import type { SheetRequest } from "../../core/ops";
import type { CellRange, CellValue, SheetGrid } from "../../core/types";
import { budgetOf, localAddress, MAX_READ_CELLS, type ApiSupport } from "./support";

/** The most bytes a cell of a ledger is assumed to take before any has been read (long progress texts). */
export const WORST_CELL_BYTES = 1200;
/** Excel returns at most 512 merged areas per call; beyond that the used range is asked in bands. */
export const MERGE_BAND_ROWS = 2000;
/** Columns a head read covers: a ledger's header stands well within them. */
const HEAD_COLUMNS = 64;
/** Columns whose visibility is read with a whole sheet (a ledger's columns stand well within them). */
const VISIBILITY_COLUMNS = 64;

const ERROR_VALUES = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

/** An Office.js value as the engine's: "" is empty, an error text is an error. */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A used range's values placed on the sheet's grid (row 0 is the sheet's row 1), each row without
 * its empty cells at the right, as the .xlsx host reads a sheet.
 */
export function gridFromValues(name: string, values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number, merges: readonly CellRange[]): SheetGrid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const row of values) {
    let end = row.length;
    while (end > 0 && (row[end - 1] === "" || row[end - 1] === null || row[end - 1] === undefined)) end--;
    const cells: CellValue[] = end > 0 ? new Array<CellValue>(columnIndex).fill(null) : [];
    for (let c = 0; c < end; c++) cells.push(toCellValue(row[c]));
    rows.push(cells);
  }
  return { name, rows, merges };
}

/**
 * A range's values as loaded. Null is what Excel answers for a range over its cells for one read
 * (support.ts, MAX_READ_CELLS): a failure, so that the read is made again in chunks of known size.
 */
export function valuesOf(range: Excel.Range): unknown[][] {
  const values = range.values as unknown[][] | null;
  if (values === null || values === undefined) throw Object.assign(new Error("Range.values came back null: the range is too large for one read"), { code: "ValuesNull" });
  return values;
}

/** Rows of `columns` cells that one read may ask for: within the bytes of a response, and within MAX_READ_CELLS. */
function rowsPerRead(columns: number, bytesPerRow: number, budget: number): number {
  return Math.max(1, Math.min(Math.floor(budget / bytesPerRow), Math.floor(MAX_READ_CELLS / Math.max(1, columns))));
}

/** "Sheet1!A1:B2" or "'My sheet'!A1:B2" → a range. */
export function rangeOfAddress(address: string): CellRange | undefined {
  return parseRange(localAddress(address));
}

/**
 * The rows of [rowIndex, rowIndex + rowCount) that no visible area covers (all of them when none is
 * visible). Each area's own address: the areas' joined address string is cut short when long.
 */
function hiddenRowsOf(visible: Excel.RangeAreas, rowIndex: number, rowCount: number): number[] {
  const shown = new Uint8Array(rowCount);
  if (!visible.isNullObject) {
    for (const area of visible.areas.items) {
      const r = rangeOfAddress(area.address);
      if (r) for (let i = Math.max(r.top, rowIndex); i <= Math.min(r.bottom, rowIndex + rowCount - 1); i++) shown[i - rowIndex] = 1;
    }
  }
  const hidden: number[] = [];
  shown.forEach((v, i) => v || hidden.push(rowIndex + i));
  return hidden;
}

function mergedRanges(areas: readonly Excel.RangeAreas[]): CellRange[] {
  return areas.flatMap((a) => (a.isNullObject ? [] : a.areas.items.map((r) => rangeOfAddress(r.address)).filter((r): r is CellRange => !!r)));
}

/** The used range of a sheet as Office.js reports it (0-based), or null when the sheet is empty. */
export interface Extent {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export const EXTENT_PROPS = "rowIndex,columnIndex,rowCount,columnCount";

export function extentOf(used: Excel.Range): Extent | null {
  return used.isNullObject ? null : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
}

/** A read queued for the next sync. */
export type QueuedRead =
  | { readonly kind: "empty" }
  | { readonly kind: "head"; readonly range: Excel.Range; readonly merged: Excel.RangeAreas[] }
  | { readonly kind: "used"; readonly range: Excel.Range; readonly merged: Excel.RangeAreas[]; readonly visible?: Excel.RangeAreas; readonly columns: Excel.Range[] }
  | { readonly kind: "window"; readonly used: Excel.Range; readonly head: Excel.Range; readonly rows: number; readonly columns: number; readonly budget: number }
  | { readonly kind: "sized"; readonly extent: Extent; readonly first: Excel.Range; readonly firstRows: number; readonly budget: number; readonly merged: Excel.RangeAreas[]; readonly visible?: Excel.RangeAreas; readonly columns: Excel.Range[] };

/** The hidden ones of the columns queued (0-based). */
function hiddenColumnsOf(columns: readonly Excel.Range[]): number[] {
  return columns.flatMap((c, i) => (c.columnHidden ? [i] : []));
}

/** A grid with the rows and columns it hides, when it hides any. */
function withHidden(grid: SheetGrid, hiddenRows: readonly number[], hiddenColumns: readonly number[]): SheetGrid {
  return { ...grid, ...(hiddenRows.length ? { hiddenRows } : {}), ...(hiddenColumns.length ? { hiddenColumns } : {}) };
}

/** A grid without its empty rows at the bottom and empty cells at the right (a head read's window). */
function trimmed(grid: SheetGrid): SheetGrid {
  const rows = grid.rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === null) end--;
    return r.slice(0, end);
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { ...grid, rows };
}

/** Queues and resolves sheet reads; `extents` are the used ranges known (from an earlier read), by sheet. */
export class GridReader {
  constructor(
    private readonly support: ApiSupport,
    private readonly extents: ReadonlyMap<string, Extent | null>,
  ) {}

  /**
   * Queues the read of one sheet: a head (the first rows, in a window wide enough for any header); a
   * sheet of known size (a first chunk sized for the web's payload limit, merged areas in `bands` of
   * rows, the visible rows); or a sheet of unknown size, whole, through its used range. No merged
   * areas when `bands` is undefined.
   */
  queue(context: Excel.RequestContext, r: SheetRequest, bands: number | undefined): QueuedRead {
    const ws = context.workbook.worksheets.getItem(r.name);
    const merged = (range: Excel.Range) => (this.support.mergedAreas && bands ? [range.getMergedAreasOrNullObject().load("areas/items/address")] : []);
    if (r.rows !== undefined) {
      const window = ws.getRangeByIndexes(0, 0, r.rows, HEAD_COLUMNS);
      return { kind: "head", range: window.load("values"), merged: merged(window) };
    }
    const extent = this.extents.get(r.name);
    if (extent === undefined) {
      const used = ws.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
      const visible = this.support.rangeAreas ? used.getSpecialCellsOrNullObject("Visible").load("areas/items/address") : undefined;
      return { kind: "used", range: used, merged: merged(used), ...(visible ? { visible } : {}), columns: this.queueColumns(ws, VISIBILITY_COLUMNS) };
    }
    if (extent === null) return { kind: "empty" };
    const { rowIndex, columnIndex, rowCount, columnCount } = extent;
    const budget = budgetOf(this.support);
    const firstRows = Math.min(rowCount, rowsPerRead(columnCount, columnCount * WORST_CELL_BYTES, budget));
    const first = ws.getRangeByIndexes(rowIndex, columnIndex, firstRows, columnCount).load("values");
    const mergedAreas = this.support.mergedAreas && bands ? this.queueMergedAreas(ws, extent, bands) : [];
    // The rows a person sees (ExcelApi 1.9): the others are hidden or filtered out.
    const visible = this.support.rangeAreas ? ws.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount).getSpecialCellsOrNullObject("Visible").load("areas/items/address") : undefined;
    return { kind: "sized", extent, first, firstRows, budget, merged: mergedAreas, ...(visible ? { visible } : {}), columns: this.queueColumns(ws, Math.min(VISIBILITY_COLUMNS, columnIndex + columnCount)) };
  }

  /**
   * Queues a sheet of unknown size as its used range's size and a window of its first rows, sized so
   * that the window fits a response beside other reads; the rest is read in chunks once the size is
   * known. For the metadata sheet on the web: its records may pass 5 MB, and its first rows are all
   * there is in the usual case.
   */
  queueWindow(context: Excel.RequestContext, name: string, rows: number, columns: number): QueuedRead {
    const ws = context.workbook.worksheets.getItem(name);
    return { kind: "window", used: ws.getUsedRangeOrNullObject(true).load(EXTENT_PROPS), head: ws.getRangeByIndexes(0, 0, rows, columns).load("values"), rows, columns, budget: budgetOf(this.support) };
  }

  /** Rows [from, to) of `columns` columns from column 0, read in chunks (a sync each) of `bytesPerRow` measured, onto `values`. */
  private async readRows(context: Excel.RequestContext, name: string, from: number, to: number, columnIndex: number, columns: number, bytesPerRow: number, budget: number, values: unknown[][]): Promise<void> {
    const ws = context.workbook.worksheets.getItem(name);
    const chunkRows = rowsPerRead(columns, bytesPerRow, budget);
    for (let at = from; at < to; at += chunkRows) {
      const chunk = ws.getRangeByIndexes(at, columnIndex, Math.min(chunkRows, to - at), columns).load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- Excel on the web's 5 MB responses: one chunk a request, by design.
      await context.sync();
      // One row at a time: a spread of a million rows would overflow the call stack.
      for (const row of valuesOf(chunk)) values.push(row);
    }
  }

  /** Queues whether each of the first columns is hidden (a hidden 原责任单位 beside the live 责任单位). */
  private queueColumns(ws: Excel.Worksheet, count: number): Excel.Range[] {
    return Array.from({ length: count }, (_, c) => ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().load("columnHidden"));
  }

  /** Queues the merged areas of the used range, asked in bands of rows (Excel answers 512 at most per call). */
  private queueMergedAreas(ws: Excel.Worksheet, { rowIndex, columnIndex, rowCount, columnCount }: Extent, band: number): Excel.RangeAreas[] {
    const out: Excel.RangeAreas[] = [];
    for (let r = 0; r < rowCount; r += band) {
      out.push(ws.getRangeByIndexes(rowIndex + r, columnIndex, Math.min(band, rowCount - r), columnCount).getMergedAreasOrNullObject().load("areas/items/address"));
    }
    return out;
  }

  /** The grid of a read queued and synced; the rest of a large sheet in further chunks, a sync each. */
  async grid(context: Excel.RequestContext, r: SheetRequest, q: QueuedRead): Promise<SheetGrid> {
    switch (q.kind) {
      case "empty":
        return gridFromValues(r.name, [], 0, 0, []);
      case "head":
        return trimmed(gridFromValues(r.name, valuesOf(q.range), 0, 0, mergedRanges(q.merged)));
      case "used": {
        if (q.range.isNullObject) return gridFromValues(r.name, [], 0, 0, []);
        const values = valuesOf(q.range);
        const grid = gridFromValues(r.name, values, q.range.rowIndex, q.range.columnIndex, mergedRanges(q.merged));
        return withHidden(grid, q.visible ? hiddenRowsOf(q.visible, q.range.rowIndex, values.length) : [], hiddenColumnsOf(q.columns));
      }
      case "window": {
        const extent = extentOf(q.used);
        if (!extent) return gridFromValues(r.name, [], 0, 0, []);
        const end = extent.rowIndex + extent.rowCount;
        const right = extent.columnIndex + extent.columnCount;
        const head = valuesOf(q.head);
        // The window holds the used range's columns: its rows, then the rows below it, as wide as the window.
        // Else (a record wider than the window, never written by this add-in) the used range from row 0, in chunks.
        const fits = right <= q.columns;
        const values: unknown[][] = fits ? head.slice(0, Math.min(end, q.rows)) : [];
        const width = fits ? q.columns : right;
        const bytesPerRow = Math.max(1, (JSON.stringify(head).length * 3 * width) / (q.columns * Math.max(1, head.length)));
        await this.readRows(context, r.name, values.length, end, 0, width, bytesPerRow, q.budget, values);
        return gridFromValues(r.name, values, 0, 0, []);
      }
      case "sized": {
        const { extent, first, firstRows, budget } = q;
        const values: unknown[][] = [...valuesOf(first)];
        if (firstRows < extent.rowCount) {
          const bytesPerRow = Math.max(1, (JSON.stringify(values).length * 3) / firstRows);
          await this.readRows(context, r.name, extent.rowIndex + firstRows, extent.rowIndex + extent.rowCount, extent.columnIndex, extent.columnCount, bytesPerRow, budget, values);
        }
        const grid = gridFromValues(r.name, values, extent.rowIndex, extent.columnIndex, mergedRanges(q.merged));
        return withHidden(grid, q.visible ? hiddenRowsOf(q.visible, extent.rowIndex, extent.rowCount) : [], hiddenColumnsOf(q.columns));
      }
    }
  }
}
