// The WPS 表格 host: an interpreter of the port over WPS's spreadsheet object model (Excel's VBA model,
// synchronous, 1-based). It turns each read request and each primitive operation into the object
// model's calls and decides nothing: what to write, and in what order, is the application's.
// A sheet is read with one Value2 of its used range; merged areas and hidden rows are found by halving
// ranges (calls grow with the areas, not the cells); fills go to a few multi-area ranges at a time.
import { HostError, type CellsChangeListener, type HostAction, type Lack, type Op, type ReadRequest, type SheetRead, type SheetRequest, type WorkbookPort, type WorkbookRead, type WriteValue } from "../../app/port";
import { METADATA_SHEET } from "../../core/metadata";
import { address, areaChunks, boundsOf, byCell, contentOf, gridRows, lookOf, readSheet, ref, usedValues } from "./cells";
import { fill, style } from "./format";
import * as X from "./model";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./model";
import { identityOf, SheetChanges } from "./changes";

/** A failure of WPS as a HostError saying what failed (WPS's error number, else its message); the details go to the log. */
export function wpsError(e: unknown, action: HostAction, more: { recovery?: "clear-marks" | "undo-merge"; removedSheet?: string } = {}): HostError {
  if (e instanceof HostError) return e;
  const err = e as { message?: string; number?: number } | undefined;
  console.error(`督办助手：${action} 失败`, e);
  return new HostError({ code: "excel-failed", action, error: err?.number !== undefined ? String(err.number) : (err?.message ?? ""), ...more }, e);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
/** The longest row's length (no spread: a record may hold tens of thousands of rows). */
const widest = (rows: readonly (readonly unknown[])[]): number => rows.reduce((w, r) => Math.max(w, r.length), 0);
/** Worksheet.Visible may come as xlSheetVisible (-1) or as true. */
const visible = (ws: EtWorksheet): boolean => ws.Visible === X.XL_SHEET_VISIBLE || (ws.Visible as unknown) === true;

export class WpsHost implements WorkbookPort {
  readonly kind = "wps" as const;
  readonly lacks: ReadonlySet<Lack> = new Set<Lack>(["tables", "charts"]);
  /** The workbook last read: `apply` writes into no other, and only its changes are told (watchCells). */
  private identity: string | undefined;
  /** People's changes to the workbook's cells, from the application's SheetChange (./changes.ts). */
  private readonly changes: SheetChanges;
  readonly watchCells: (listener: CellsChangeListener) => () => void;

  /** Over `application`: the workbook the pane works on is its ActiveWorkbook at each call. */
  constructor(private readonly application: EtApplication) {
    this.changes = new SheetChanges(application, () => this.identity);
    this.watchCells = (listener) => this.changes.watch(listener);
  }

  private book(): EtWorkbook {
    const wb = this.application.ActiveWorkbook;
    if (!wb) throw new HostError({ code: "no-workbook" });
    return wb;
  }

  /** The sheets in tab order (Worksheets.Item is 1-based). */
  private sheets(wb: EtWorkbook): EtWorksheet[] {
    return Array.from({ length: wb.Worksheets.Count }, (_, i) => wb.Worksheets.Item(i + 1));
  }

  private sheet(wb: EtWorkbook, name: string): EtWorksheet {
    const ws = this.sheets(wb).find((s) => s.Name === name);
    if (!ws) throw new HostError({ code: "sheet-missing", sheet: name });
    return ws;
  }

  /** Runs `act` with WPS's confirmations off: Worksheet.Delete and Range.Merge ask the person otherwise. */
  private quietly(act: () => void): void {
    const alerts = this.application.DisplayAlerts;
    this.application.DisplayAlerts = false;
    try {
      act();
    } finally {
      this.application.DisplayAlerts = alerts;
    }
  }

  async read(request: ReadRequest): Promise<WorkbookRead> {
    try {
      const wb = this.book();
      this.identity = identityOf(wb);
      const sheets = this.sheets(wb);
      const find = (name: string) => sheets.find((s) => s.Name === name);
      const grid = (r: SheetRequest): SheetRead => {
        const ws = find(r.name);
        if (!ws) throw new HostError({ code: "sheet-missing", sheet: r.name });
        return { grid: readSheet(ws, r.rows), notes: [] };
      };
      const meta = request.metadata ? find(METADATA_SHEET) : undefined;
      const used = meta && usedValues(meta);
      return {
        identity: this.identity,
        sheets: sheets.map((s) => ({ name: s.Name, visible: visible(s) })),
        active: wb.ActiveSheet.Name,
        structureProtected: !!wb.ProtectStructure,
        protectedSheets: (request.protection ?? []).filter((name) => !!find(name)?.ProtectContents),
        ...(meta ? { metadata: { name: METADATA_SHEET, rows: used ? gridRows(used.values, used.top - 1, used.left - 1) : [], merges: [] } } : {}),
        ...(request.tables ? { tables: [] } : {}),
        grids: (request.grids ?? []).map(grid),
        looks: byCell(sheets, request.looks, lookOf),
        contents: byCell(sheets, request.contents, contentOf),
      };
    } catch (e) {
      throw wpsError(e, "read");
    }
  }

  async apply(ops: readonly Op[], action: HostAction): Promise<void> {
    try {
      const wb = this.book();
      // The person may have switched to another workbook since the read: nothing is written into it.
      if (this.identity !== undefined && identityOf(wb) !== this.identity) throw new HostError({ code: "excel-failed", action, error: "workbook-changed" });
      this.identity = identityOf(wb);
      this.changes.whileWriting(() => ops.forEach((op) => this.run(wb, op)));
    } catch (e) {
      throw wpsError(e, action);
    }
  }

  private run(wb: EtWorkbook, op: Op): void {
    switch (op.op) {
      case "addSheet":
        this.addSheet(wb, op.name, op.position, op.veryHidden);
        return;
      case "renameSheet": {
        const ws = this.sheet(wb, op.from);
        if (this.sheets(wb).some((s) => s.Name !== op.from && same(s.Name, op.to))) throw new HostError({ code: "sheet-exists", sheet: op.to });
        ws.Name = op.to;
        return;
      }
      case "moveSheet": {
        const ws = this.sheet(wb, op.name);
        const others = this.sheets(wb).filter((s) => s.Name !== op.name);
        if (op.position < others.length) ws.Move(others[op.position], null);
        else if (others.length) ws.Move(null, others[others.length - 1]);
        return;
      }
      case "deleteSheet": {
        const ws = this.sheet(wb, op.name);
        // Excel refuses to delete a very hidden sheet (@types/office-js, Worksheet.delete); hidden it may go.
        if (ws.Visible === X.XL_SHEET_VERY_HIDDEN) ws.Visible = X.XL_SHEET_HIDDEN;
        return this.quietly(() => ws.Delete());
      }
      case "metadata":
        return this.metadata(wb, op.rows);
      case "dropLegacySettings":
      case "table":
      case "chart":
        return; // nothing kept outside the metadata sheet; no tables or charts here (lacks)
      case "freeze":
        return this.freeze(wb, this.sheet(wb, op.sheet), op.rows);
      default:
        return this.cells(this.sheet(wb, op.sheet), op);
    }
  }

  /** The operations on one sheet's cells, rows, columns and page. */
  private cells(ws: EtWorksheet, op: Exclude<Op, { op: "addSheet" | "renameSheet" | "moveSheet" | "deleteSheet" | "metadata" | "dropLegacySettings" | "table" | "chart" | "freeze" }>): void {
    switch (op.op) {
      case "values":
        return this.values(ws, op.row, op.col, op.rows);
      case "content": {
        const r = ws.Range(op.cell);
        r.NumberFormat = op.content.numberFormat;
        r.Formula = op.content.formula;
        return;
      }
      case "numberFormat":
        ws.Range(op.cell).NumberFormat = op.format;
        return;
      case "fill":
        for (const area of areaChunks(op.cells)) fill(ws.Range(area), op.fill ? op.fill.color : null);
        return;
      case "note": {
        // AddComment fails on a cell that has a note (https://learn.microsoft.com/office/vba/api/excel.range.addcomment).
        const r = ws.Range(op.cell);
        r.ClearComments();
        if (op.text) r.AddComment(op.text);
        return;
      }
      case "activate":
        ws.Activate();
        if (op.cell) ws.Range(op.cell).Select(); // Range.Select works on the active sheet only
        return;
      case "merge":
        return this.quietly(() => ws.Range(ref(op.range)).Merge());
      case "style":
        return style(ws.Range(ref(op.range)), op.style, op.range);
      case "columnWidths":
        op.widths.forEach((w, c) => (ws.Range(address(1, c + 1)).EntireColumn.ColumnWidth = w));
        return;
      case "hideColumns":
        for (const c of op.columns) ws.Range(address(1, c + 1)).EntireColumn.Hidden = true;
        return;
      case "rowHeights":
        for (const h of op.heights) ws.Range(address(h.row + 1, 1)).RowHeight = h.height;
        return;
      case "printTitles":
        ws.PageSetup.PrintTitleRows = `$${op.from + 1}:$${op.to + 1}`;
        return;
      case "page": {
        const setup = ws.PageSetup;
        setup.Orientation = X.XL_LANDSCAPE;
        setup.PaperSize = X.XL_PAPER_A4;
        setup.Zoom = false;
        setup.FitToPagesWide = 1;
        setup.FitToPagesTall = false;
        if (op.footer !== undefined) {
          setup.LeftFooter = op.footer.left;
          setup.RightFooter = op.footer.right;
        }
        return;
      }
      case "protect":
        for (const r of op.open) ws.Range(ref(r)).Locked = false;
        // No password; drawing objects, contents, scenarios protected; column and row sizes left free.
        ws.Protect("", true, true, true, false, false, true, true);
        return;
      case "link": {
        const anchor = ws.Range(op.cell);
        anchor.NumberFormat = "@";
        ws.Hyperlinks.Add(anchor, "", `'${op.target.sheet.replace(/'/g, "''")}'!${op.target.cell}`, "", op.text);
        return;
      }
    }
  }

  /**
   * Values as text or numbers: "@" over the block first, so a text is never taken for a formula or a
   * number, then "General" on the number cells (a few multi-area ranges), then one Value2 per block.
   */
  private values(ws: EtWorksheet, row: number, col: number, rows: readonly (readonly WriteValue[])[]): void {
    const width = widest(rows);
    // One block when the rows are as wide as each other; else a block per row, so no cell beyond a row is touched.
    const blocks = rows.every((r) => r.length === width) ? [{ at: 0, rows }] : rows.map((r, i) => ({ at: i, rows: [r] }));
    for (const b of blocks) {
      const w = widest(b.rows);
      if (!w || !b.rows.length) continue;
      const top = row + b.at + 1;
      const range = ws.Range(address(top, col + 1, top + b.rows.length - 1, col + w));
      range.NumberFormat = "@";
      const numbers = b.rows.flatMap((r, i) => r.flatMap((v, c) => (v !== null && typeof v !== "string" ? [address(top + i, col + c + 1)] : [])));
      for (const area of areaChunks(numbers)) ws.Range(area).NumberFormat = "General";
      range.Value2 = b.rows.length === 1 && w === 1 ? b.rows[0]![0] : b.rows.map((r) => [...r]);
    }
  }

  /** Adds a sheet at a tab position (the end when none); adding shows it in WPS as in Excel, so the sheet shown before is shown again. */
  private addSheet(wb: EtWorkbook, name: string, position: number | undefined, veryHidden: boolean | undefined): EtWorksheet {
    if (this.sheets(wb).some((s) => same(s.Name, name))) throw new HostError({ code: "sheet-exists", sheet: name });
    const shown = wb.ActiveSheet;
    const count = wb.Worksheets.Count;
    // "The new worksheet becomes the active sheet" (https://learn.microsoft.com/office/vba/api/excel.worksheets.add).
    const ws = position !== undefined && position < count ? wb.Worksheets.Add(wb.Worksheets.Item(position + 1), null) : wb.Worksheets.Add(null, wb.Worksheets.Item(count));
    ws.Name = name;
    shown.Activate();
    if (veryHidden) ws.Visible = X.XL_SHEET_VERY_HIDDEN;
    return ws;
  }

  /**
   * Freezes a sheet's first rows. Panes belong to the window, which shows the active sheet only
   * (https://learn.microsoft.com/office/vba/api/excel.window.freezepanes), and a hidden sheet cannot be
   * activated: the sheet is shown for the while (made visible if hidden), scrolled to its top (SplitRow
   * counts the rows shown above the split), then the sheet shown before is shown again and it is hidden as it was.
   */
  private freeze(wb: EtWorkbook, ws: EtWorksheet, rows: number): void {
    const shown = wb.ActiveSheet;
    const visibility = ws.Visible;
    const other = shown.Name !== ws.Name;
    try {
      if (!visible(ws)) ws.Visible = X.XL_SHEET_VISIBLE;
      if (other) ws.Activate();
      const win = this.application.ActiveWindow;
      if (!win) throw new HostError({ code: "no-workbook" });
      win.FreezePanes = false;
      win.ScrollRow = 1;
      win.ScrollColumn = 1;
      win.SplitColumn = 0;
      win.SplitRow = rows;
      if (rows > 0) win.FreezePanes = true;
    } finally {
      if (other) shown.Activate();
      if (ws.Visible !== visibility) ws.Visible = visibility;
    }
  }

  /**
   * The metadata sheet's rows, as text in one Value2 (the sheet added very hidden at the end when
   * there is none); then the cells an older, longer record left below and to the right are cleared.
   */
  private metadata(wb: EtWorkbook, rows: readonly (readonly string[])[]): void {
    const width = widest(rows);
    let ws = this.sheets(wb).find((s) => s.Name === METADATA_SHEET);
    if (!ws && !width) return;
    ws ??= this.addSheet(wb, METADATA_SHEET, undefined, true);
    const used = boundsOf(ws.UsedRange);
    if (width) {
      const range = ws.Range(address(1, 1, rows.length, width));
      range.NumberFormat = "@";
      range.Value2 = rows.length === 1 && width === 1 ? rows[0]![0] : rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
    }
    const right = Math.max(used.right, width, 1);
    if (used.bottom > rows.length) ws.Range(address(rows.length + 1, 1, used.bottom, right)).Clear();
    if (rows.length && used.right > width) ws.Range(address(1, width + 1, rows.length, used.right)).Clear();
  }
}
