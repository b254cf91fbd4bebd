// ExcelJS helpers for the .xlsx interpreter (host.ts): a cell's value as Excel's formula form and as
// JSON-safe data, colours, notes and styles of one cell, tables over drawn cells, the tab order. No
// rules: what to write comes in the port's operations.
import ExcelJS from "exceljs";
import type { CellRange, CellStyle, Fill, StoredContent, WriteValue } from "../../app/port";
import { cellText } from "../../core/text";
import { toCellValue } from "./grid";

/** "#RRGGBB" as ExcelJS's opaque ARGB. */
export const argb = (color: string): string => `FF${color.replace("#", "").toUpperCase()}`;
const solid = (color: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } });

export function eachCell(ws: ExcelJS.Worksheet, r: CellRange, f: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(ws.getCell(row + 1, col + 1));
}

/**
 * Sets style properties (undefined: takes one away) on a style object of the cell's own: ExcelJS gives
 * cells loaded with the same look one shared style object, and its setters (cell.fill = …) change that
 * object in place, so every cell sharing it would change (exceljs lib/doc/cell.js: `set fill`).
 */
export function restyle(cell: ExcelJS.Cell, patch: { [K in keyof ExcelJS.Style]?: ExcelJS.Style[K] | undefined }): void {
  const style: Record<string, unknown> = { ...cell.style, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete style[k];
  cell.style = style as Partial<ExcelJS.Style> as ExcelJS.Style;
}

/**
 * A cell's value. A cell covered by a merge keeps none: ExcelJS would pass it to the merge's first cell
 * (exceljs lib/doc/cell.js: `set value`, "merge cells set their master's value"), and Excel shows none.
 */
export function setValue(cell: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  if (cell.type !== ExcelJS.ValueType.Merge) cell.value = value;
}

/**
 * Values from a cell on. A string stays a string in ExcelJS ("=…" never becomes a formula), formatted
 * "@" first so that it stays text when a person edits it in Excel.
 */
export function writeValues(ws: ExcelJS.Worksheet, top: number, left: number, rows: readonly (readonly WriteValue[])[]): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(top + r + 1, left + c + 1);
      if (typeof v === "string") restyle(cell, { numFmt: "@" });
      setValue(cell, v);
    }),
  );
}

/** A number format on the cell's own style; General is no format of its own. */
export const setFormat = (cell: ExcelJS.Cell, format: string): void => restyle(cell, { numFmt: format === "General" ? undefined : format });

/** A style's properties as ExcelJS's, merged into what the cell has. */
export function styleOf(cell: ExcelJS.Cell, s: CellStyle): Partial<ExcelJS.Style> {
  const some = <T extends object>(o: T): Partial<T> | undefined => (Object.values(o).some((v) => v !== undefined) ? (JSON.parse(JSON.stringify(o)) as T) : undefined);
  const font = some({ bold: s.bold, size: s.size, color: s.color === undefined ? undefined : { argb: argb(s.color) }, underline: s.underline });
  const alignment = some({ horizontal: s.align, vertical: s.valign, wrapText: s.wrap });
  const line = (color: string): Partial<ExcelJS.Border> => ({ style: "thin", color: { argb: argb(color) } });
  const b = s.border;
  const border = b && ("around" in b ? { top: line(b.around), left: line(b.around), bottom: line(b.around), right: line(b.around) } : { bottom: line(b.under) });
  return {
    ...(font && { font: { ...cell.font, ...font } }),
    ...(alignment && { alignment: { ...cell.alignment, ...alignment } }),
    ...(border && { border: { ...cell.border, ...border } }),
    ...(s.fill !== undefined && { fill: solid(s.fill) }),
    ...(s.numberFormat !== undefined && { numFmt: s.numberFormat }),
  };
}

/** A note's text (a rich note's runs joined), null for none. */
export function noteOf(cell: ExcelJS.Cell): string | null {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  return note === undefined || note === null ? null : typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no public way to take a note off a cell. Its note lives in `_comment`, and a note read
 * from a file is also kept in the value's model, which re-assigning the value rebuilds without it.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  const value = cell.value;
  cell.value = value;
}

/** What a cell holds as Excel's Range.formulas reports it; a cell covered by a merge holds nothing. */
export function formulaOf(cell: ExcelJS.Cell): string | number | boolean {
  const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // cell.formula, not the value's: a shared formula's value names only its master cell.
  return cell.formula ? `=${cell.formula}` : cellText(toCellValue(v));
}

/** A copy of ExcelJS data that survives JSON (a Date as { date: ISO }), for the port's `native`. */
export function jsonOf(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null, function (this: Record<string, unknown>, k: string, x: unknown) {
    return this[k] instanceof Date ? { date: (this[k] as Date).toISOString() } : x;
  }));
}

/** ExcelJS data back from jsonOf. */
export function fromJson<T>(json: unknown): T {
  const isDate = (x: unknown): x is { date: string } => !!x && typeof x === "object" && Object.keys(x).length === 1 && typeof (x as { date?: unknown }).date === "string";
  return JSON.parse(JSON.stringify(json ?? null), (_k, x: unknown) => (isDate(x) ? new Date(x.date) : x)) as T;
}

/** What a cell held, as an ExcelJS value: this host's own; else a formula ("=…" not formatted as text) or a constant. */
export function valueOf({ formula, numberFormat, native }: StoredContent): ExcelJS.CellValue {
  if (native?.host === "xlsx") return fromJson<ExcelJS.CellValue>(native.value);
  if (typeof formula === "string" && formula.startsWith("=") && numberFormat !== "@") return { formula: formula.slice(1), date1904: false };
  return formula === "" ? null : formula;
}

/** Excel's indexed colours 0–63, 64 (system foreground) and 65 (system background): ECMA-376 Part 1, §18.8.27. */
const INDEXED = (
  "000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF000000FFFFFFFF000000FF000000FFFFFF00FF00FF00FFFF800000008000000080808000800080008080C0C0C0808080" +
  "9999FF993366FFFFCCCCFFFF660066FF80800066CCCCCCFF000080FF00FFFFFF0000FFFF8000808000000080800000FF00CCFFCCFFFFCCFFCCFFFF9999CCFFFF99CCCC99FFFFCC99" +
  "3366FF33CCCC99CC00FFCC00FF9900FF6600666699969696003366339966003300333300993300993366333399333333000000FFFFFF"
).match(/.{6}/g)!;
/** Theme colours in the order fills index them, with ExcelJS's own theme's (Office 2007) for a workbook that has none. */
const SCHEME = "lt1 dk1 lt2 dk2 accent1 accent2 accent3 accent4 accent5 accent6 hlink folHlink".split(" ");
const OFFICE = "FFFFFF 000000 EEECE1 1F497D 4F81BD C0504D 9BBB59 8064A2 4BACC6 F79646 0000FF 800080".split(" ");

/**
 * A colour as #RRGGBB: ARGB as it is; an indexed colour from the palette; a theme colour from the
 * workbook's theme (kept by ExcelJS as unparsed XML: exceljs lib/xlsx/xlsx.js, model.themes), its tint
 * applied per channel (Excel applies it to the luminance: close, not exact); no colour is automatic, black.
 */
export function colorOf(wb: ExcelJS.Workbook, c: { argb?: string; theme?: number; indexed?: number; tint?: number } | undefined): string {
  if (c?.argb) return `#${c.argb.slice(-6).toUpperCase()}`;
  const xml = (wb as unknown as { _themes?: Record<string, string> })._themes?.theme1;
  const theme = (i: number) => (xml && new RegExp(`<a:${SCHEME[i]}>\\s*<a:(?:srgbClr val|sysClr [^>]*lastClr)="(\\w{6})"`).exec(xml)?.[1]) || OFFICE[i];
  const rgb = (c?.theme !== undefined ? theme(c.theme) : INDEXED[c?.indexed ?? 0]) ?? "000000";
  const t = c?.tint ?? 0;
  return `#${rgb.replace(/../g, (h) => Math.round(t < 0 ? parseInt(h, 16) * (1 + t) : parseInt(h, 16) + (255 - parseInt(h, 16)) * t).toString(16).padStart(2, "0")).toUpperCase()}`;
}

/** A cell's fill as the port reports it: its colour (a gradient's first stop's) and the ExcelJS fill itself. */
export function fillOf(wb: ExcelJS.Workbook, fill: ExcelJS.Fill | undefined): Fill | null {
  if (!fill || (fill.type === "pattern" && fill.pattern === "none")) return null;
  return { color: colorOf(wb, fill.type === "pattern" ? fill.fgColor : fill.stops?.[0]?.color), native: { host: "xlsx", value: jsonOf(fill) } };
}

/** The port's fill as an ExcelJS fill: its own when this host read it, else solid in its colour. */
export const excelFill = (fill: Fill | null): ExcelJS.Fill | undefined => (!fill ? undefined : fill.native?.host === "xlsx" ? fromJson<ExcelJS.Fill>(fill.native.value) : solid(fill.color));

/**
 * A link to a cell of the workbook as a HYPERLINK formula, its text the cached result: ExcelJS's own
 * internal links ({ hyperlink: "#…" }) do not open in WPS, and every office program understands this.
 */
export function linkValue(sheet: string, cell: string, text: string): ExcelJS.CellFormulaValue {
  const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return { formula: `HYPERLINK(${literal(`#'${sheet.replace(/'/g, "''")}'!${cell}`)},${literal(text)})`, result: text, date1904: false };
}

/** Every table of the workbook by name and sheet (ExcelJS keeps them by name on each worksheet). */
export const tables = (wb: ExcelJS.Workbook): { name: string; sheet: string }[] =>
  wb.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}).map((name) => ({ name, sheet: ws.name })));

/**
 * A table over cells already drawn, its first row the header. ExcelJS writes the header's names and the
 * rows it is given into the cells (exceljs lib/doc/table.js: Table.store), so it gets the cells' own
 * values and every value is put back after (rich text, link formulas); their looks it leaves alone.
 * A name in use fails, as in Excel (a table's name is unique in its workbook, without case).
 */
export function addTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, r: CellRange, name: string): void {
  if (tables(wb).some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new Error(`A table named ${name} already exists.`);
  const values: ExcelJS.CellValue[][] = [];
  for (let row = r.top; row <= r.bottom; row++) values.push(Array.from({ length: r.right - r.left + 1 }, (_, c) => ws.getCell(row + 1, r.left + c + 1).value));
  const [header = [], ...rows] = values;
  const columns = header.map((v) => ({ name: cellText(toCellValue(v)), filterButton: false }));
  ws.addTable({ name, ref: ws.getCell(r.top + 1, r.left + 1).address, headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true }, columns, rows });
  values.forEach((row, i) => row.forEach((v, c) => setValue(ws.getCell(r.top + i + 1, r.left + c + 1), v)));
}

/** Puts a sheet at a tab position among all the worksheets (hidden ones too): ExcelJS orders them by orderNo, which its types leave out (exceljs lib/doc/workbook.js). */
export function moveTo(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, position: number): void {
  const order = wb.worksheets.filter((w) => w !== ws);
  order.splice(Math.max(0, Math.min(position, order.length)), 0, ws);
  order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
}

/**
 * A sheet's rows, all of them, as text; rows below emptied. Row.values replaces a whole row (exceljs
 * lib/doc/row.js); spliceRows is no help, as it removes nothing at the end of a sheet (its loop starts past the last row).
 */
export function writeRows(ws: ExcelJS.Worksheet, rows: readonly (readonly string[])[]): void {
  for (let r = 1; r <= Math.max(rows.length, ws.rowCount); r++) {
    const row = r <= rows.length ? ws.getRow(r) : ws.findRow(r);
    if (row) row.values = (rows[r - 1] ?? []).map((v) => (v === "" ? null : v));
  }
}
