// Writes to an ExcelJS workbook (command line and browser preview): marks on the ledger (recording each cell's original look), the quarterly
// summary sheet from its plan, and the add-in's metadata sheet. Nothing here decides what to write.
import type ExcelJS from "exceljs";
import { adoptRenamedSheetMarks, isEmptyMetadata, readMetadata, metadataRows, METADATA_SHEET, type Metadata, type MarkRecord } from "../../core/metadata";
import type { Mark } from "../../core/marks";
import { noteOnClear, noteOnMark, type NoteRecord } from "../../core/markNotes";
import { rowHeight } from "../../core/layout";
import type { PlanTable, PlanValue, SummarySheetPlan } from "../../core/summarySheet";
import { cellText } from "../../core/text";
import { sheetGrid, toCellValue } from "./grid";

/** The look of a cell before it was marked, as this host stores it. */
interface XlsxOriginal {
  readonly host: "xlsx";
  readonly fill: ExcelJS.Fill | null;
  readonly note: ExcelJS.Comment | string | null;
  /** The digest of the note the add-in wrote (null: none); absent in records of earlier versions. */
  readonly wrote?: string | null;
}

/**
 * The look of a cell before it was marked, as the Excel add-in stores it (src/hosts/office/host.ts),
 * and as the WPS add-in does (src/hosts/wps/host.ts: a fill by colour only).
 */
interface ExcelOriginal {
  readonly host: "excel" | "wps";
  readonly fill: { readonly color: string; readonly pattern?: string } | null;
  /** Absent when that Excel could not read notes. */
  readonly note?: string | null;
  readonly wrote?: string | null;
}

/** A record's original look as this host puts it back: the fill, the note as stored, what is known of the note. */
function originalOf(json: string): { fill: ExcelJS.Fill | null; note: ExcelJS.Comment | string | null; record: NoteRecord } {
  const o = JSON.parse(json) as XlsxOriginal | ExcelOriginal;
  if (o.host === "xlsx") return { fill: o.fill, note: o.note, record: { before: o.note ? noteText(o.note) || null : null, wrote: o.wrote } };
  const fill: ExcelJS.Fill | null = o.fill && o.fill.pattern !== "None" ? { type: "pattern", pattern: "solid", fgColor: { argb: `FF${o.fill.color.replace("#", "").toUpperCase()}` } } : null;
  return { fill, note: o.note ?? null, record: { before: o.note, wrote: o.wrote } };
}

/** A cell's note as text, null when it has none. */
function noteNow(cell: ExcelJS.Cell): string | null {
  return cell.note ? noteText(cell.note) || null : null;
}

export function readWorkbookMetadata(wb: ExcelJS.Workbook): Metadata {
  const ws = wb.getWorksheet(METADATA_SHEET);
  return readMetadata(ws ? sheetGrid(ws) : undefined);
}

/** Rewrites the very hidden metadata sheet (removes it when there is nothing to remember). */
export function writeWorkbookMetadata(wb: ExcelJS.Workbook, meta: Metadata): void {
  const old = wb.getWorksheet(METADATA_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (isEmptyMetadata(meta)) return;
  const ws = wb.addWorksheet(METADATA_SHEET, { state: "veryHidden" });
  ws.addRows(metadataRows(meta));
}

function noteText(note: ExcelJS.Comment | string | null | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no public way to take a note off a cell. Its note lives in `_comment`, and a note read
 * from a file is also kept in the value's model, which re-assigning the value rebuilds without it.
 */
function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  const value = cell.value;
  cell.value = value;
}

/** Sets a cell's fill on a style of its own: loaded cells share style objects, and must not all change. */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style as ExcelJS.Style;
}

/** Restores the cells marked on `sheet` (all sheets when omitted) and forgets their marks. */
export function clearMarks(wb: ExcelJS.Workbook, meta: Metadata, sheet?: string): Metadata {
  const keep: MarkRecord[] = [];
  for (const m of meta.marks) {
    const ws = sheet === undefined || m.sheet === sheet ? wb.getWorksheet(m.sheet) : undefined;
    if (!ws) {
      keep.push(m);
      continue;
    }
    const original = originalOf(m.original);
    const cell = ws.getCell(m.cell);
    setFill(cell, original.fill);
    // The note goes back only while it is the one the add-in wrote.
    const change = noteOnClear(noteNow(cell), original.record);
    if (!change.keep) {
      if (change.put === null) removeNote(cell);
      else cell.note = original.note && noteText(original.note) === change.put ? original.note : change.put;
    }
  }
  return { ...meta, marks: keep };
}

/**
 * Marks cells, recording each one's original fill and note first. Earlier marks on the sheet that
 * are not marked again are cleared; a cell marked again keeps its first original look.
 */
export function applyMarks(wb: ExcelJS.Workbook, meta: Metadata, sheet: string, marks: readonly Mark[]): Metadata {
  const adopted = adoptRenamedSheetMarks(meta, wb.worksheets.map((w) => w.name), sheet);
  const marked = new Set(marks.map((m) => m.cell));
  const earlier = new Map(adopted.marks.filter((m) => m.sheet === sheet).map((m) => [m.cell, m]));
  const cleared = clearMarks(wb, { ...adopted, marks: adopted.marks.filter((m) => m.sheet === sheet && !marked.has(m.cell)) }, sheet);
  const others = { ...cleared, marks: adopted.marks.filter((m) => m.sheet !== sheet) };
  const ws = wb.getWorksheet(sheet);
  if (!ws) return others;
  const records: MarkRecord[] = [];
  for (const m of marks) {
    const cell = ws.getCell(m.cell);
    const before = earlier.get(m.cell);
    const was = before ? originalOf(before.original) : undefined;
    const note = noteOnMark(noteNow(cell), was?.record, m.note, true);
    // The note kept as it was (rich text included) when it is the one before the marks.
    const keptNote = was && was.record.before === note.record.before ? was.note : note.record.before === noteNow(cell) ? (cell.note ?? null) : (note.record.before ?? null);
    const original: XlsxOriginal = { host: "xlsx", fill: was ? was.fill : (cell.style?.fill ?? null), note: keptNote, wrote: note.record.wrote };
    records.push({ sheet, cell: m.cell, key: m.kind, original: JSON.stringify(original) });
    setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: `FF${m.color.slice(1)}` } });
    if (note.write !== undefined) cell.note = note.write;
  }
  return { ...others, marks: [...others.marks, ...records] };
}

/** What a cell held before the add-in wrote into it, as this host stores it. */
interface XlsxWritten {
  readonly host: "xlsx";
  /** The ExcelJS value (a date as { date: ISO text }). */
  readonly value: unknown;
  /** The text written, to tell whether someone changed the cell since. */
  readonly written: string;
}

/** An original stored by the Excel or the WPS host, as far as an .xlsx can take it. */
interface ExcelWritten {
  readonly host: "excel" | "wps";
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
  readonly written: string;
}

function storedValue(v: ExcelJS.CellValue): unknown {
  return v instanceof Date ? { date: v.toISOString() } : (v ?? null);
}

function restoredValue(o: XlsxWritten | ExcelWritten): ExcelJS.CellValue {
  if (o.host !== "xlsx") {
    if (o.formula === "") return null;
    return typeof o.formula === "string" && o.formula.startsWith("=") && o.numberFormat !== "@" ? { formula: o.formula.slice(1), date1904: false } : o.formula;
  }
  const v = o.value as ExcelJS.CellValue | { date: string };
  return v && typeof v === "object" && "date" in v && typeof v.date === "string" ? new Date(v.date) : (v as ExcelJS.CellValue);
}

/** Writes texts into cells of `sheet` as one batch, remembering what each held (the batch before is forgotten). */
export function writeCells(wb: ExcelJS.Workbook, meta: Metadata, sheet: string, edits: readonly { cell: string; text: string }[], label: string): Metadata {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return meta;
  const writes = edits.map((e) => {
    const cell = ws.getCell(e.cell);
    const original: XlsxWritten = { host: "xlsx", value: storedValue(cell.value), written: e.text };
    // A string stays a string in ExcelJS: text starting with "=" is never made a formula.
    cell.value = e.text;
    return { sheet, cell: e.cell, label, original: JSON.stringify(original) };
  });
  return { ...meta, writes };
}

/** Puts back the cells of the last batch, except those changed since it; forgets the batch. */
export function undoWrites(wb: ExcelJS.Workbook, meta: Metadata): { meta: Metadata; restored: number; kept: string[] } {
  let restored = 0;
  const kept: string[] = [];
  for (const w of meta.writes) {
    const cell = wb.getWorksheet(w.sheet)?.getCell(w.cell);
    const original = JSON.parse(w.original) as XlsxWritten | ExcelWritten;
    if (!cell || cellText(toCellValue(cell.value)) !== original.written) {
      kept.push(`${w.sheet}!${w.cell}`);
      continue;
    }
    cell.value = restoredValue(original);
    restored++;
  }
  return { meta: { ...meta, writes: [] }, restored, kept };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

/** A string literal inside a formula: double quotes doubled. */
function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A link to a cell of the ledger, as a HYPERLINK formula built only from the sheet's name and the
 * address: ExcelJS's own internal links do not open in WPS, and every office program understands
 * this one. Cell text is never put in a formula.
 */
function linkFormula(sheet: string, cell: string, text: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return { formula: `HYPERLINK(${formulaString(target)},${formulaString(text)})`, result: text, date1904: false };
}

function planCell(v: PlanValue): { value: ExcelJS.CellValue; percent?: boolean; link?: boolean } {
  if (v === null || typeof v === "string" || typeof v === "number") return { value: v };
  if ("percent" in v) return { value: v.percent, percent: true };
  return { value: linkFormula(v.link.sheet, v.link.cell, v.text), link: true };
}

/** The text a plan value shows, for sizing its row. */
function shownText(v: PlanValue): string {
  if (v === null) return "";
  if (typeof v !== "object") return String(v);
  return "percent" in v ? `${(v.percent * 100).toFixed(1)}%` : v.text;
}

/** Table names in use anywhere in the workbook, lower case (Excel compares them without case). */
function tableNames(wb: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const ws of wb.worksheets) for (const n of Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {})) names.add(n.toLowerCase());
  return names;
}

/** The plan's table name, or with _2, _3 … when a table elsewhere (a renamed old summary) has it. */
function freeTableName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}

function writeTable(ws: ExcelJS.Worksheet, at: number, table: PlanTable, widths: readonly number[], name: string): number {
  const header = at;
  ws.addTable({
    name,
    ref: `A${header}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.header.map((name) => ({ name, filterButton: false })),
    // Plain values first (ExcelJS tables take numbers and strings); links and formats follow.
    rows: table.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? ("percent" in v ? v.percent : v.text) : v))),
  });
  // The header's look is written on its cells too: not every program draws table styles.
  table.header.forEach((_, c) => {
    const cell = ws.getCell(header, c + 1);
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF4472C4" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
  });
  table.rows.forEach((values, i) => {
    const r = header + 1 + i;
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      const p = planCell(v);
      if (p.link) {
        cell.value = p.value;
        cell.font = { color: { argb: "FF0563C1" }, underline: true };
      }
      if (p.percent) cell.numFmt = "0.0%";
      cell.alignment = c === 0 ? { horizontal: "center", vertical: "top" } : { vertical: "top", wrapText: typeof v === "string" };
      cell.border = THIN;
    });
    ws.getRow(r).height = rowHeight(values.map(shownText), widths);
  });
  return header + table.rows.length + 1;
}

/** A sheet's place among the tabs; ExcelJS orders sheets by it but leaves it out of its types. */
type Ordered = { orderNo: number };

/** Writes the summary sheet; when `replaces`, the sheet of that name (the add-in's own) is replaced in place. */
export function writeSummarySheet(wb: ExcelJS.Workbook, plan: SummarySheetPlan, replaces: boolean): ExcelJS.Worksheet {
  let orderNo: number | undefined;
  if (replaces) {
    const old = wb.getWorksheet(plan.name);
    if (old) {
      orderNo = (old as unknown as Ordered).orderNo;
      wb.removeWorksheet(old.id);
    }
  }
  const ws = wb.addWorksheet(plan.name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&L${plan.stamp}&R第 &P 页，共 &N 页` },
  });
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
  ws.columns = plan.widths.map((width) => ({ width }));
  const span = plan.widths.length;
  const taken = tableNames(wb);
  let r = 1;
  for (const block of plan.blocks) {
    if (block.kind === "chart") continue; // ExcelJS cannot draw charts; the Excel host does
    if (block.kind === "table") {
      r = writeTable(ws, r, block, plan.widths, freeTableName(block.name, taken)) + 1;
      continue;
    }
    if (block.style === "heading" && r > 3) r++; // a blank row before each section
    const cell = ws.getCell(r, 1);
    cell.value = block.text;
    ws.mergeCells(r, 1, r, span);
    switch (block.style) {
      case "title":
        cell.font = { bold: true, size: 16 };
        cell.alignment = { horizontal: "center", vertical: "middle" };
        ws.getRow(r).height = 28;
        break;
      case "subtitle":
        cell.font = { size: 9, color: { argb: "FF595959" } };
        cell.alignment = { horizontal: "center" };
        break;
      case "heading":
        cell.font = { bold: true, size: 12, color: { argb: "FF1F4E79" } };
        break;
      case "paragraph":
      case "note":
        cell.alignment = { wrapText: true, vertical: "top" };
        ws.getRow(r).height = rowHeight([block.text], [plan.widths.reduce((a, b) => a + b, 0)]);
        break;
    }
    r++;
  }
  return ws;
}
