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
    const title = ws.getCell(1, 1);
    // The subtitle is a smaller second line of the same merged cell (the header stays on row 2).
    title.value = layout.subtitle
      ? { richText: [{ text: layout.title, font: { bold: true, size: 16 } }, { text: `\n${layout.subtitle}`, font: { size: 11, color: { argb: "FF404040" } } }] }
      : layout.title;
    ws.mergeCells(1, 1, 1, n);
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    ws.getRow(1).height = layout.subtitle ? 48 : 30;
    r = 2;
  }
  const solid = (rgb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } });
  const writeHeader = (row: number) => {
    layout.columns.forEach((c, i) => {
      const cell = ws.getCell(row, i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = solid(c.fill ?? "D9E1F2");
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
      const fill = layout.columns[c]?.fill;
      if (fill) cell.fill = solid(fill);
    });
    ws.getRow(r).height = rowHeight(values, widths);
    r++;
  });
  // Lines below the table (a sign-off line), after one blank row: labels to the right, blanks underlined.
  const inputs: { row: number; from: number; to: number }[] = [];
  if (layout.below?.length) r++;
  for (const line of layout.below ?? []) {
    let col = 1;
    for (const part of line) {
      const to = col + Math.max(1, part.span ?? 1) - 1;
      if (to > col) ws.mergeCells(r, col, r, to);
      const cell = ws.getCell(r, col);
      cell.value = part.text || null;
      cell.alignment = { horizontal: part.input ? "left" : "right", vertical: "middle" };
      for (let c = col; c <= to; c++) {
        const each = ws.getCell(r, c);
        if (part.fill) each.fill = solid(part.fill);
        if (part.input) each.border = { bottom: { style: "thin" } };
      }
      if (part.input) inputs.push({ row: r, from: col, to });
      col = to + 1;
    }
    ws.getRow(r).height = 24;
    r++;
  }
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
    for (const { row, from, to } of inputs) for (let c = from; c <= to; c++) ws.getCell(row, c).protection = { locked: false };
    void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return ws;
}
