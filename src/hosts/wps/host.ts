// The WPS 表格 host: the port over WPS's spreadsheet object model (Excel's VBA model, synchronous,
// 1-based). A sheet is read with one Value2 of its used range; merged areas and hidden rows are found
// by halving ranges (calls grow with the areas, not the cells); fills are written grouped by colour.
import type { HostAction } from "../../app/messages";
import { HostError, type CellEdit, type SheetRead, type SheetRequest, type UndoneWrites, type WorkbookInfo, type WorkbookPort } from "../../app/port";
import { parseA1 } from "../../core/address";
import { placeRows, rowHeight, type SheetLayout } from "../../core/layout";
import type { Mark } from "../../core/marks";
import { noteOnClear, noteOnMark, recordedNoteText, recordWithNote, type NoteRecord } from "../../core/markNotes";
import { adoptRenamedSheetMarks, EMPTY_METADATA, METADATA_SHEET, metadataRows, readMetadata, type MarkRecord, type Metadata } from "../../core/metadata";
import type { PlanTable, PlanValue, SummarySheetPlan } from "../../core/summarySheet";
import { cellText } from "../../core/text";
import type { SheetGrid } from "../../core/types";
import { address, areaChunks, bgrOf, boundsOf, gridRows, hexOf, hiddenColumns, hiddenRows, mergedAreas, toCellValue, valueRows } from "./cells";
import { XL_CENTER, XL_LANDSCAPE, XL_LEFT, XL_NONE, XL_PAPER_A4, XL_RIGHT, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE, XL_SOLID, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from "./model";

/** Columns a head read covers: a ledger's header stands well within them. */
const HEAD_COLUMNS = 64;
/** Columns whose visibility is read with a whole sheet. */
const VISIBILITY_COLUMNS = 64;
const METADATA_COLUMNS = 5;

/** The look of a cell before it was marked, as this host stores it (the Office and .xlsx hosts read it too). */
interface WpsOriginal {
  readonly host: "wps";
  readonly fill: { readonly color: string } | null;
  /** The note before the mark (null: none); absent when an Excel that could not read notes marked the cell again. */
  readonly note?: string | null;
  /** The digest of the note the add-in wrote (null: none); absent in records of earlier versions. */
  readonly wrote?: string | null;
}

/** A fill as this host puts it back: by colour. */
type WpsFill = { readonly color: string } | null;

/** A record's original look, whichever host wrote it: its fill as WPS can put it back, and what is known of its note. */
function originalOf(json: string): { fill: WpsFill; note: NoteRecord } {
  const o = JSON.parse(json) as
    | WpsOriginal
    | { host: "excel"; fill: { color: string; pattern?: string } | null; note?: string | null; wrote?: string | null }
    | { host: "xlsx"; fill: { pattern?: string; fgColor?: { argb?: string } } | null; note: unknown; wrote?: string | null };
  if (o.host === "wps") return { fill: o.fill, note: { before: o.note, wrote: o.wrote } };
  if (o.host === "excel") return { fill: o.fill && o.fill.pattern !== "None" ? { color: o.fill.color } : null, note: { before: o.note, wrote: o.wrote } };
  const argb = o.fill?.fgColor?.argb;
  return { fill: o.fill && o.fill.pattern !== "none" && argb ? { color: `#${argb.slice(-6)}` } : null, note: { before: recordedNoteText(o.note), wrote: o.wrote } };
}

/** What a cell held before the add-in wrote into it (the same shape as the Office host's). */
interface WpsWritten {
  readonly host: "wps";
  /** The cell's formula, or its constant as entered ("" when empty). */
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
  /** The text written, to tell whether someone changed the cell since. */
  readonly written: string;
}

function writtenOf(json: string): WpsWritten {
  const o = JSON.parse(json) as { host: "wps" | "excel"; formula: string | number | boolean; numberFormat: string; written: string } | { host: "xlsx"; value: unknown; written: string };
  if (o.host !== "xlsx") return { host: "wps", formula: o.formula, numberFormat: o.numberFormat, written: o.written };
  const v = o.value;
  const general = (formula: string | number | boolean): WpsWritten => ({ host: "wps", formula, numberFormat: "General", written: o.written });
  if (v === null || v === undefined) return general("");
  if (typeof v === "string") return { host: "wps", formula: v, numberFormat: v.startsWith("=") ? "@" : "General", written: o.written };
  if (typeof v === "number" || typeof v === "boolean") return general(v);
  if (typeof v === "object" && "formula" in v) return general(`=${String(v.formula)}`);
  if (typeof v === "object" && "richText" in v) return general((v.richText as { text: string }[]).map((r) => r.text).join(""));
  if (typeof v === "object" && "date" in v) return general(String(v.date).slice(0, 10));
  return general("");
}

/** A failure of WPS as a HostError saying what failed; the details go to the log. */
export function wpsError(e: unknown, action: HostAction, more: { recovery?: "clear-marks" | "undo-merge"; removedSheet?: string } = {}): HostError {
  if (e instanceof HostError) return e;
  const err = e as { message?: string; number?: number };
  console.error(`督办助手：${action} 失败`, e);
  return new HostError({ code: "excel-failed", action, error: err?.number !== undefined ? String(err.number) : "", ...more }, e);
}

export class WpsHost implements WorkbookPort {
  readonly kind = "wps" as const;

  /** Over `application`: the workbook the pane works on is its ActiveWorkbook at each call. */
  constructor(private readonly application: EtApplication) {}

  private book(): EtWorkbook {
    const wb = this.application.ActiveWorkbook;
    if (!wb) throw new HostError({ code: "no-workbook" });
    return wb;
  }

  /** The sheets in tab order (Worksheets.Item is 1-based). */
  private sheets(wb = this.book()): EtWorksheet[] {
    const out: EtWorksheet[] = [];
    for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(wb.Worksheets.Item(i));
    return out;
  }

  private sheet(name: string, wb = this.book()): EtWorksheet {
    const ws = this.sheets(wb).find((s) => s.Name === name);
    if (!ws) throw new HostError({ code: "sheet-missing", sheet: name });
    return ws;
  }

  private findSheet(name: string, wb = this.book()): EtWorksheet | undefined {
    return this.sheets(wb).find((s) => s.Name === name);
  }

  /** A sheet's used cells as rows, read with one Value2; null when it is empty. */
  private usedValues(ws: EtWorksheet): { top: number; left: number; bottom: number; right: number; values: unknown[][] } | null {
    const used = ws.UsedRange;
    const b = boundsOf(used);
    const values = valueRows(used.Value2, b.bottom - b.top + 1, b.right - b.left + 1);
    if (b.top === b.bottom && b.left === b.right && toCellValue(values[0]?.[0]) === null) return null;
    return { ...b, values };
  }

  private readMeta(wb: EtWorkbook): { sheet: EtWorksheet | undefined; meta: Metadata; rows: number; grid?: SheetGrid } {
    const sheet = this.findSheet(METADATA_SHEET, wb);
    const used = sheet ? this.usedValues(sheet) : null;
    if (!sheet || !used) return { sheet, meta: EMPTY_METADATA, rows: 0 };
    const grid: SheetGrid = { name: METADATA_SHEET, rows: gridRows(used.values, used.top - 1, used.left - 1), merges: [] };
    return { sheet, meta: readMetadata(grid), rows: used.bottom, grid };
  }

  /**
   * Writes the metadata rows over the metadata sheet (added very hidden when there is none), as text,
   * in one Value2; then clears the rows below that an older record left.
   */
  private writeMeta(wb: EtWorkbook, meta: Metadata, current: { sheet: EtWorksheet | undefined; rows: number }): EtWorksheet {
    let sheet = current.sheet;
    if (!sheet) {
      const active = wb.ActiveSheet;
      sheet = wb.Worksheets.Add(null, wb.Worksheets.Item(wb.Worksheets.Count));
      sheet.Name = METADATA_SHEET;
      sheet.Visible = XL_SHEET_VERY_HIDDEN;
      // Adding a sheet shows it: the person stays where they were.
      active.Activate();
    }
    const rows = metadataRows(meta).map((r) => r.map((v) => (v === null ? "" : String(v))));
    const range = sheet.Range(address(1, 1, rows.length, METADATA_COLUMNS));
    range.NumberFormat = "@";
    range.Value2 = rows;
    if (current.rows > rows.length) sheet.Range(address(rows.length + 1, 1, current.rows, METADATA_COLUMNS)).Clear();
    current.rows = rows.length;
    current.sheet = sheet;
    return sheet;
  }

  async info(): Promise<WorkbookInfo> {
    try {
      const wb = this.book();
      const sheets = this.sheets(wb);
      const { grid } = this.readMeta(wb);
      return {
        // Visible may come as xlSheetVisible (-1) or as true.
        sheets: sheets.map((s) => ({ name: s.Name, visible: s.Visible === XL_SHEET_VISIBLE || (s.Visible as unknown) === true })),
        active: wb.ActiveSheet.Name,
        ...(grid ? { metadata: grid } : {}),
      };
    } catch (e) {
      throw wpsError(e, "read");
    }
  }

  async readSheets(requests: readonly SheetRequest[]): Promise<SheetRead[]> {
    try {
      const wb = this.book();
      return requests.map((r) => ({ grid: this.readSheet(this.sheet(r.name, wb), r.rows), notes: [] }));
    } catch (e) {
      throw wpsError(e, "read");
    }
  }

  private readSheet(ws: EtWorksheet, rows: number | undefined): SheetGrid {
    const name = ws.Name;
    if (rows !== undefined) {
      // The first rows, in a window wide enough for any header: one Value2.
      const values = valueRows(ws.Range(address(1, 1, rows, HEAD_COLUMNS)).Value2, rows, HEAD_COLUMNS);
      const grid = gridRows(values, 0, 0);
      while (grid.length && grid[grid.length - 1]!.length === 0) grid.pop();
      return { name, rows: grid, merges: mergedAreas(ws, 1, 1, rows, HEAD_COLUMNS) };
    }
    const used = this.usedValues(ws);
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

  /** The cell's fill now. */
  private fillOf(ws: EtWorksheet, cell: string): WpsFill {
    const interior = ws.Range(cell).Interior;
    return interior.Pattern === XL_NONE ? null : { color: hexOf(interior.Color) };
  }

  /** The cell's note now (null: none). */
  private noteOf(ws: EtWorksheet, cell: string): string | null {
    const comment = ws.Range(cell).Comment;
    return comment ? comment.Text() : null;
  }

  /** Fills these cells with `fill` (none when null), a few multi-area ranges per colour. */
  private fill(ws: EtWorksheet, cells: readonly string[], fill: { color: string } | null): void {
    for (const area of areaChunks(cells)) {
      const interior = ws.Range(area).Interior;
      if (fill) {
        interior.Pattern = XL_SOLID;
        interior.Color = bgrOf(fill.color);
      } else interior.Pattern = XL_NONE;
    }
  }

  private setNote(ws: EtWorksheet, cell: string, note: string | null): void {
    const r = ws.Range(cell);
    r.ClearComments();
    if (note) r.AddComment(note);
  }

  /** Puts these cells back as they were: fills grouped by original fill; the note while it is the one the add-in wrote. */
  private restore(ws: EtWorksheet, records: readonly MarkRecord[]): void {
    const byFill = new Map<string, { fill: WpsFill; cells: string[] }>();
    for (const r of records) {
      const o = originalOf(r.original);
      const key = JSON.stringify(o.fill);
      const group = byFill.get(key) ?? { fill: o.fill, cells: [] as string[] };
      group.cells.push(r.cell);
      byFill.set(key, group);
      const change = noteOnClear(this.noteOf(ws, r.cell), o.note);
      if (!change.keep) this.setNote(ws, r.cell, change.put);
    }
    for (const { fill, cells } of byFill.values()) this.fill(ws, cells, fill);
  }

  async mark(sheetName: string, marks: readonly Mark[]): Promise<void> {
    try {
      const wb = this.book();
      const ws = this.sheet(sheetName, wb);
      const current = this.readMeta(wb);
      const meta = adoptRenamedSheetMarks(current.meta, this.sheets(wb).map((s) => s.Name), sheetName);
      const old = meta.marks.filter((m) => m.sheet === sheetName);
      const oldByCell = new Map(old.map((m) => [m.cell, m]));
      const marked = new Set(marks.map((m) => m.cell));
      // A cell marked before keeps its first original fill; its note is known as markNotes.ts says.
      const planned = marks.map((m) => {
        const earlier = oldByCell.get(m.cell);
        const note = noteOnMark(this.noteOf(ws, m.cell), earlier ? originalOf(earlier.original).note : undefined, m.note, true);
        const original: string = earlier
          ? recordWithNote(earlier.original, note.record)
          : JSON.stringify({ host: "wps", fill: this.fillOf(ws, m.cell), note: note.record.before, wrote: note.record.wrote } satisfies WpsOriginal);
        return { write: note.write, record: { sheet: sheetName, cell: m.cell, key: m.kind, original } as MarkRecord };
      });
      const records = planned.map((p) => p.record);
      // What every touched cell looked like goes first: should a write stop half-way, 清除标记 still has it.
      this.writeMeta(wb, { ...meta, marks: [...meta.marks.filter((m) => m.sheet !== sheetName || !marked.has(m.cell)), ...records] }, current);
      this.restore(ws, old.filter((m) => !marked.has(m.cell)));
      const byColor = new Map<string, string[]>();
      for (const m of marks) byColor.set(m.color, [...(byColor.get(m.color) ?? []), m.cell]);
      for (const [color, cells] of byColor) this.fill(ws, cells, { color });
      for (const p of planned) if (p.write !== undefined) this.setNote(ws, p.record.cell, p.write);
      this.writeMeta(wb, { ...meta, marks: [...meta.marks.filter((m) => m.sheet !== sheetName), ...records] }, current);
    } catch (e) {
      throw wpsError(e, "mark", { recovery: "clear-marks" });
    }
  }

  async clearMarks(sheetName?: string): Promise<number> {
    try {
      const wb = this.book();
      const current = this.readMeta(wb);
      const meta = current.meta;
      const clear = meta.marks.filter((m) => sheetName === undefined || m.sheet === sheetName);
      const bySheet = new Map<string, MarkRecord[]>();
      for (const m of clear) bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
      for (const [name, records] of bySheet) {
        const ws = this.findSheet(name, wb);
        if (ws) this.restore(ws, records);
      }
      if (clear.length) this.writeMeta(wb, { ...meta, marks: meta.marks.filter((m) => !clear.includes(m)) }, current);
      return clear.length;
    } catch (e) {
      throw wpsError(e, "clear");
    }
  }

  /** Adds a sheet at the end of the tabs. */
  private addSheetNamed(wb: EtWorkbook, name: string, before?: EtWorksheet): EtWorksheet {
    const ws = before ? wb.Worksheets.Add(before, null) : wb.Worksheets.Add(null, wb.Worksheets.Item(wb.Worksheets.Count));
    ws.Name = name;
    return ws;
  }

  /** Deletes a sheet without asking (Worksheet.Delete asks the person to confirm while DisplayAlerts is on). */
  private deleteSheet(ws: EtWorksheet): void {
    const alerts = this.application.DisplayAlerts;
    this.application.DisplayAlerts = false;
    try {
      ws.Delete();
    } finally {
      this.application.DisplayAlerts = alerts;
    }
  }

  /** Deletes a sheet a write left unfinished; resolves to whether there was one. Never throws. */
  private removePartialSheet(name: string): boolean {
    try {
      const ws = this.findSheet(name);
      if (!ws) return false;
      this.deleteSheet(ws);
      return true;
    } catch {
      return false;
    }
  }

  async writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void> {
    let started = false;
    try {
      const wb = this.book();
      const current = this.readMeta(wb);
      const existing = this.findSheet(plan.name, wb);
      if (existing && !replaces) throw new HostError({ code: "sheet-exists", sheet: plan.name });
      // The new sheet takes the old one's place among the tabs.
      const tabs = this.sheets(wb);
      const next = existing ? tabs[tabs.findIndex((s) => s.Name === plan.name) + 1] : undefined;
      if (existing) this.deleteSheet(existing);
      started = true;
      const ws = this.addSheetNamed(wb, plan.name, next);
      plan.widths.forEach((w, c) => (ws.Range(address(1, c + 1)).EntireColumn.ColumnWidth = w));
      const span = plan.widths.length;
      let row = 1;
      for (const block of plan.blocks) {
        if (block.kind === "chart") continue; // no chart: the .xlsx host draws none either
        if (block.kind === "table") {
          row = this.writeTable(ws, row, block) + 1;
          continue;
        }
        if (block.style === "heading" && row > 3) row++;
        const r = ws.Range(address(row, 1, row, span));
        r.Merge();
        const first = ws.Range(address(row, 1));
        first.NumberFormat = "@";
        first.Value2 = block.text;
        if (block.style === "title") {
          r.Font.Bold = true;
          r.Font.Size = 16;
          r.HorizontalAlignment = XL_CENTER;
        } else if (block.style === "subtitle") {
          r.Font.Size = 9;
          r.Font.Color = bgrOf("#595959");
          r.HorizontalAlignment = XL_CENTER;
        } else if (block.style === "heading") {
          r.Font.Bold = true;
          r.Font.Color = bgrOf("#1F4E79");
        } else {
          r.WrapText = true;
          r.RowHeight = rowHeight([block.text], [plan.widths.reduce((a, b) => a + b, 0)]);
        }
        row++;
      }
      ws.PageSetup.Orientation = XL_LANDSCAPE;
      ws.PageSetup.PaperSize = XL_PAPER_A4;
      ws.PageSetup.Zoom = false;
      ws.PageSetup.FitToPagesWide = 1;
      ws.PageSetup.FitToPagesTall = false;
      const meta = current.meta;
      this.writeMeta(wb, { ...meta, summaries: [...meta.summaries.filter((s) => s.key !== plan.quarter), { key: plan.quarter, sheet: plan.name, stamp: plan.stamp }] }, current);
      ws.Activate();
    } catch (e) {
      if (e instanceof HostError) throw e;
      const removed = started && this.removePartialSheet(plan.name);
      throw wpsError(e, "summary", removed ? { removedSheet: plan.name } : {});
    }
  }

  /** Writes a table: the header (bold, filled), the rows as text where they are text, percentages, links to the ledger. */
  private writeTable(ws: EtWorksheet, row: number, table: PlanTable): number {
    const width = table.header.length;
    const shown = (v: PlanValue): string | number => (v === null ? "" : typeof v !== "object" ? v : "percent" in v ? v.percent : v.text);
    const values = [table.header.map(String), ...table.rows.map((r) => r.map(shown))];
    const range = ws.Range(address(row, 1, row + values.length - 1, width));
    // Text from the ledger is text: "@" first, so "=…" stays text; numbers get their own format.
    range.NumberFormat = "@";
    values.forEach((r, i) => r.forEach((v, c) => typeof v === "number" && (ws.Range(address(row + i, c + 1)).NumberFormat = "General")));
    range.Value2 = values;
    const header = ws.Range(address(row, 1, row, width));
    header.Font.Bold = true;
    header.Font.Color = bgrOf("#FFFFFF");
    header.Interior.Pattern = XL_SOLID;
    header.Interior.Color = bgrOf("#4472C4");
    header.HorizontalAlignment = XL_CENTER;
    table.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === null || typeof v !== "object") return;
        const cell = ws.Range(address(row + 1 + i, c + 1));
        if ("percent" in v) cell.NumberFormat = "0.0%";
        else ws.Hyperlinks.Add(cell, "", `'${v.link.sheet.replace(/'/g, "''")}'!${v.link.cell}`, "", v.text);
      }),
    );
    return row + values.length;
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      const ws = this.sheet(sheet);
      ws.Activate();
      ws.Range(cell).Select();
    } catch (e) {
      throw wpsError(e, "select");
    }
  }

  /** Writes a text as text: "@" before the value, so a text starting with "=" is never a formula. */
  private static writeText(r: EtRange, text: string): void {
    r.NumberFormat = "@";
    r.Value2 = text;
  }

  async setTexts(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    try {
      const ws = this.sheet(sheet);
      for (const e of edits) WpsHost.writeText(ws.Range(e.cell), e.text);
    } catch (e) {
      throw wpsError(e, "set-text");
    }
  }

  async saveSettings(json: string): Promise<void> {
    try {
      const wb = this.book();
      const current = this.readMeta(wb);
      this.writeMeta(wb, { ...current.meta, settings: json }, current);
    } catch (e) {
      throw wpsError(e, "settings");
    }
  }

  async addSheet(layout: SheetLayout): Promise<void> {
    let started = false;
    try {
      const wb = this.book();
      if (this.findSheet(layout.name, wb)) throw new HostError({ code: "sheet-exists", sheet: layout.name });
      const active = wb.ActiveSheet;
      started = true;
      const ws = this.addSheetNamed(wb, layout.name);
      this.writeLayout(ws, layout);
      if (layout.state === "veryHidden") {
        ws.Visible = XL_SHEET_VERY_HIDDEN;
        active.Activate();
      } else ws.Activate();
    } catch (e) {
      if (e instanceof HostError) throw e;
      const removed = started && this.removePartialSheet(layout.name);
      throw wpsError(e, "add-sheet", removed ? { removedSheet: layout.name } : {});
    }
  }

  /**
   * Writes a laid-out sheet as the other hosts do: a merged title row (with its subtitle as a second
   * line), the header (bold, filled, repeated where asked, printed on every page), the rows as text
   * where they are text, merged runs, hidden columns, and protection with the editable cells open.
   */
  private writeLayout(ws: EtWorksheet, layout: SheetLayout): void {
    const width = layout.columns.length;
    const top = layout.title ? 2 : 1;
    const { rows, headerRows, firstRowOf } = placeRows(layout, top);
    const repeat = new Set(layout.repeatHeaderBefore ?? []);
    layout.columns.forEach((c, col) => (ws.Range(address(1, col + 1)).EntireColumn.ColumnWidth = c.width));
    if (layout.title) {
      const title = ws.Range(address(1, 1, 1, width));
      title.Merge();
      WpsHost.writeText(ws.Range("A1"), layout.subtitle ? `${layout.title}\n${layout.subtitle}` : layout.title);
      title.Font.Bold = true;
      title.Font.Size = layout.subtitle ? 14 : 16;
      title.HorizontalAlignment = XL_CENTER;
      title.WrapText = true;
      title.RowHeight = layout.subtitle ? 48 : 30;
    }
    const body = ws.Range(address(top, 1, top + rows.length - 1, width));
    body.NumberFormat = "@";
    rows.forEach((r, i) => r.forEach((v, c) => typeof v !== "string" && (ws.Range(address(top + i, c + 1)).NumberFormat = "General")));
    body.Value2 = rows;
    body.WrapText = true;
    for (const h of headerRows) {
      const range = ws.Range(address(h, 1, h, width));
      range.Font.Bold = true;
      range.Interior.Pattern = XL_SOLID;
      range.Interior.Color = bgrOf("#D9E1F2");
      range.HorizontalAlignment = XL_CENTER;
    }
    layout.rows.forEach((values, i) => (ws.Range(address(firstRowOf[i]!, 1)).RowHeight = rowHeight(values, layout.columns.map((c) => c.width))));
    layout.columns.forEach((c, col) => {
      // The column a person fills in shows as such, header and cells.
      if (c.fill) {
        const cells = ws.Range(address(top, col + 1, top + rows.length - 1, col + 1)).Interior;
        cells.Pattern = XL_SOLID;
        cells.Color = bgrOf(`#${c.fill}`);
      }
      if (c.hidden) ws.Range(address(1, col + 1)).EntireColumn.Hidden = true;
      if (!c.mergeRuns) return;
      // Runs of equal values down the column, not across a repeated header.
      let start = 0;
      for (let i = 1; i <= layout.rows.length; i++) {
        const same = i < layout.rows.length && !repeat.has(i) && layout.rows[i]![col] === layout.rows[start]![col] && layout.rows[start]![col] !== "";
        if (same) continue;
        if (i - 1 > start) ws.Range(address(firstRowOf[start]!, col + 1, firstRowOf[i - 1]!, col + 1)).Merge();
        start = i;
      }
    });
    // Lines below the table (a form's sign-off line), after one blank row; its blanks open and filled.
    const inputs: EtRange[] = [];
    let row = top + rows.length + 1;
    for (const line of layout.below ?? []) {
      let col = 1;
      for (const part of line) {
        const span = Math.max(1, part.span ?? 1);
        const cells = ws.Range(address(row, col, row, col + span - 1));
        if (span > 1) cells.Merge();
        if (part.text) WpsHost.writeText(ws.Range(address(row, col)), part.text);
        cells.HorizontalAlignment = part.input ? XL_LEFT : XL_RIGHT;
        if (part.fill) {
          cells.Interior.Pattern = XL_SOLID;
          cells.Interior.Color = bgrOf(`#${part.fill}`);
        }
        if (part.input) inputs.push(cells);
        col += span;
      }
      row++;
    }
    ws.PageSetup.PrintTitleRows = `$${top}:$${top}`;
    if (layout.protect) {
      // Only the editable columns' data cells are open; no password, so anyone may lift it to look.
      layout.columns.forEach((c, col) => {
        if (c.editable) for (const r of firstRowOf) ws.Range(address(r, col + 1)).Locked = false;
      });
      for (const cells of inputs) cells.Locked = false;
      ws.Protect("", true, true, true, false, false, true, true);
    }
  }

  async writeCells(sheetName: string, edits: readonly CellEdit[], label: string): Promise<void> {
    try {
      const wb = this.book();
      const ws = this.sheet(sheetName, wb);
      const current = this.readMeta(wb);
      const writes = edits.map((e) => {
        const r = ws.Range(e.cell);
        const formula = r.Formula;
        const original: WpsWritten = { host: "wps", formula: formula === null || formula === undefined ? "" : (formula as string | number | boolean), numberFormat: String(r.NumberFormat ?? "General"), written: e.text };
        return { sheet: sheetName, cell: e.cell, label, original: JSON.stringify(original) };
      });
      // What the cells held goes first: should the write stop half-way, 撤销 still has it.
      this.writeMeta(wb, { ...current.meta, writes }, current);
      for (const e of edits) WpsHost.writeText(ws.Range(e.cell), e.text);
    } catch (e) {
      throw wpsError(e, "write", { recovery: "undo-merge" });
    }
  }

  async undoWrites(): Promise<UndoneWrites | undefined> {
    try {
      const wb = this.book();
      const current = this.readMeta(wb);
      const meta = current.meta;
      if (meta.writes.length === 0) return undefined;
      const kept: string[] = [];
      let restored = 0;
      for (const w of meta.writes) {
        const ws = this.findSheet(w.sheet, wb);
        const o = writtenOf(w.original);
        const r = ws && parseA1(w.cell) ? ws.Range(w.cell) : undefined;
        const now = r ? cellText(toCellValue(r.Value2)) : undefined;
        if (!r || now !== o.written) {
          // Never written (a write that stopped half-way): at most its format changed. Changed since: kept.
          if (r && now === cellText(toCellValue(o.formula))) {
            r.NumberFormat = o.numberFormat;
            restored++;
          } else kept.push(`${w.sheet}!${w.cell}`);
          continue;
        }
        r.NumberFormat = o.numberFormat;
        r.Formula = o.formula;
        restored++;
      }
      this.writeMeta(wb, { ...meta, writes: [] }, current);
      return { label: meta.writes[0]!.label, restored, kept };
    } catch (e) {
      throw wpsError(e, "undo");
    }
  }
}
