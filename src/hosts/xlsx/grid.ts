// ExcelJS worksheets as the engine's plain grids. Used by the command line and the browser preview.
import ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid } from "../../core/types";

type ExcelValue = ExcelJS.CellValue;

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

/** An ExcelJS cell value as the engine's plain value. Formulas give their cached result. */
export function toCellValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return richText(v as { richText: { text: string }[] });
    if ("error" in v) return { error: String((v as { error: unknown }).error) };
    if ("hyperlink" in v) {
      const t = (v as { text?: unknown }).text;
      if (t && typeof t === "object" && "richText" in t) return richText(t as { richText: { text: string }[] });
      return typeof t === "string" ? t : null;
    }
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
  }
  return null;
}

/** ExcelJS keeps merged areas in a private map; its public `model` getter would rebuild every row. */
export function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (merges) {
    return Object.values(merges).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return [];
}

/**
 * A worksheet as a grid; cells covered by a merge (other than its top-left) are left empty. With
 * `rows`, only the first rows (and the merged areas that start in them).
 */
export function sheetGrid(ws: ExcelJS.Worksheet, rows?: number): SheetGrid {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const take = (row: ExcelJS.Row, rowNumber: number) => {
    // A hidden row: hidden by hand, or left out by an AutoFilter (Excel saves both as hidden).
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = toCellValue(cell.value);
      // An empty string is an empty cell, as Excel reports it.
      if (value !== "") cells[col - 1] = value;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    values[rowNumber - 1] = cells;
  };
  if (rows === undefined) ws.eachRow({ includeEmpty: false }, take);
  else {
    // findRow, not getRow: reading must not add rows to the workbook.
    for (let r = 1; r <= Math.min(rows, ws.rowCount); r++) {
      const row = ws.findRow(r);
      if (row?.hasValues) take(row, r);
    }
  }
  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  // Trailing empty rows of a partial read are not rows of the sheet's content.
  while (rows !== undefined && values.length && values[values.length - 1]!.length === 0) values.pop();
  const merges = mergesOf(ws).filter((m) => rows === undefined || m.top < rows);
  const hiddenColumns: number[] = [];
  (ws.columns ?? []).forEach((c, i) => c.hidden && hiddenColumns.push(i));
  return { name: ws.name, rows: values, merges, ...(hiddenRows.length ? { hiddenRows } : {}), ...(hiddenColumns.length ? { hiddenColumns } : {}) };
}
