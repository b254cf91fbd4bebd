// Writing a SheetLayout into an ExcelJS workbook: the look of a printed ledger (title, bold header
// with a fill, borders, wrapped text, merged category runs, A4 landscape, header rows repeated).
import type ExcelJS from "exceljs";
import { rowHeight, type SheetLayout } from "../../core/layout";

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function addLayoutSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    ...(layout.state ? { state: layout.state } : {}),
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = layout.columns.length;
  const widths = layout.columns.map((c) => c.width);
  ws.columns = layout.columns.map((c) => ({ width: c.width }));
  let r = 1;
  if (layout.title) {
    ws.getCell(1, 1).value = layout.title;
    ws.mergeCells(1, 1, 1, n);
    ws.getCell(1, 1).font = { bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
    ws.getRow(1).height = 30;
    r = 2;
  }
  const writeHeader = (row: number) => {
    layout.columns.forEach((c, i) => {
      const cell = ws.getCell(row, i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
  };
  const headerRow = r;
  writeHeader(r++);
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const repeat = new Set(layout.repeatHeaderBefore ?? []);
  const firstRowOf: number[] = [];
  layout.rows.forEach((values, i) => {
    if (repeat.has(i)) writeHeader(r++);
    firstRowOf[i] = r;
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      // Strings are written as strings: ExcelJS never turns "=…" text into a formula.
      cell.value = v !== null && typeof v === "object" && !(v instanceof Date) ? v.error : v;
      cell.alignment = { vertical: "middle", wrapText: true };
      cell.border = BORDER;
    });
    ws.getRow(r).height = rowHeight(values, widths);
    r++;
  });
  // Merge runs of equal values in the columns that ask for it, not across a repeated header.
  layout.columns.forEach((c, col) => {
    if (!c.mergeRuns) return;
    let start = 0;
    for (let i = 1; i <= layout.rows.length; i++) {
      const same = i < layout.rows.length && !repeat.has(i) && layout.rows[i]![col] === layout.rows[start]![col] && layout.rows[start]![col] !== "";
      if (same) continue;
      if (i - 1 > start) ws.mergeCells(firstRowOf[start]!, col + 1, firstRowOf[i - 1]!, col + 1);
      start = i;
    }
  });
  layout.columns.forEach((c, col) => {
    if (c.hidden) ws.getColumn(col + 1).hidden = true;
  });
  if (layout.protect) {
    // Only the editable columns' data cells are open; no password, so anyone may lift it to look.
    layout.columns.forEach((c, col) => {
      if (!c.editable) return;
      for (let i = 0; i < layout.rows.length; i++) ws.getCell(firstRowOf[i]!, col + 1).protection = { locked: false };
    });
    void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return ws;
}
