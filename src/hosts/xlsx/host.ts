// The port over an .xlsx workbook held in memory by ExcelJS: the browser preview and the command line
// use it. It tells its listeners (the preview's grid) after every change. No rules here: it reads and
// writes what the application layer asks.
import type ExcelJS from "exceljs";
import { HostError, type CellEdit, type SheetRead, type SheetRequest, type UndoneWrites, type WorkbookInfo, type WorkbookPort } from "../../app/port";
import type { SheetLayout } from "../../core/layout";
import type { Mark } from "../../core/marks";
import { METADATA_SHEET } from "../../core/metadata";
import type { SummarySheetPlan } from "../../core/summarySheet";
import { sheetGrid } from "./grid";
import { addLayoutSheet } from "./layout";
import { applyMarks, clearMarks, readWorkbookMetadata, undoWrites, writeCells, writeSummarySheet, writeWorkbookMetadata } from "./workbook";

export class XlsxHost implements WorkbookPort {
  readonly kind = "xlsx" as const;
  /** The sheet shown (as Excel's active sheet) and the selected cell. */
  active: string;
  selected: { sheet: string; cell: string } | undefined;
  /** Counts changes to the workbook's cells and sheets (not to the active sheet or the selection), so a view can keep what it drew from them. */
  revision = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.active = savedActiveSheet(workbook);
  }

  /** Shows another sheet, as clicking its tab does. */
  activate(name: string): void {
    this.sheet(name);
    this.active = name;
    this.changed(false);
  }

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners; `content` when cells or sheets changed (else only what is shown or selected). */
  private changed(content = true): void {
    if (content) this.revision++;
    for (const l of this.listeners) l();
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError({ code: "sheet-missing", sheet: name });
    return ws;
  }

  async info(): Promise<WorkbookInfo> {
    const meta = this.workbook.getWorksheet(METADATA_SHEET);
    return {
      sheets: this.workbook.worksheets.map((w) => ({ name: w.name, visible: w.state === "visible" })),
      active: this.workbook.getWorksheet(this.active) ? this.active : savedActiveSheet(this.workbook),
      ...(meta ? { metadata: sheetGrid(meta) } : {}),
    };
  }

  async readSheets(requests: readonly SheetRequest[]): Promise<SheetRead[]> {
    return requests.map((r) => ({ grid: sheetGrid(this.sheet(r.name), r.rows), notes: [] }));
  }

  async mark(sheet: string, marks: readonly Mark[]): Promise<void> {
    this.sheet(sheet);
    writeWorkbookMetadata(this.workbook, applyMarks(this.workbook, readWorkbookMetadata(this.workbook), sheet, marks));
    this.changed();
  }

  async clearMarks(sheet?: string): Promise<number> {
    const meta = readWorkbookMetadata(this.workbook);
    const count = meta.marks.filter((m) => (sheet === undefined || m.sheet === sheet) && this.workbook.getWorksheet(m.sheet)).length;
    writeWorkbookMetadata(this.workbook, clearMarks(this.workbook, meta, sheet));
    this.changed();
    return count;
  }

  async writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void> {
    if (!replaces && this.workbook.getWorksheet(plan.name)) throw new HostError({ code: "sheet-exists", sheet: plan.name });
    writeSummarySheet(this.workbook, plan, replaces);
    const meta = readWorkbookMetadata(this.workbook);
    writeWorkbookMetadata(this.workbook, {
      ...meta,
      summaries: [...meta.summaries.filter((s) => s.key !== plan.quarter), { key: plan.quarter, sheet: plan.name, stamp: plan.stamp }],
    });
    this.active = plan.name;
    this.changed();
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.sheet(sheet);
    this.active = sheet;
    this.selected = { sheet, cell };
    this.changed(false);
  }

  async setTexts(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    const ws = this.sheet(sheet);
    // A string stays a string in ExcelJS: text starting with "=" is never made a formula.
    for (const e of edits) ws.getCell(e.cell).value = e.text;
    this.changed();
  }

  async saveSettings(json: string): Promise<void> {
    writeWorkbookMetadata(this.workbook, { ...readWorkbookMetadata(this.workbook), settings: json });
    this.changed();
  }

  async writeCells(sheet: string, edits: readonly CellEdit[], label: string): Promise<void> {
    this.sheet(sheet);
    writeWorkbookMetadata(this.workbook, writeCells(this.workbook, readWorkbookMetadata(this.workbook), sheet, edits, label));
    this.changed();
  }

  async undoWrites(): Promise<UndoneWrites | undefined> {
    const meta = readWorkbookMetadata(this.workbook);
    if (meta.writes.length === 0) return undefined;
    const { meta: after, restored, kept } = undoWrites(this.workbook, meta);
    writeWorkbookMetadata(this.workbook, after);
    this.changed();
    return { label: meta.writes[0]!.label, restored, kept };
  }

  async addSheet(layout: SheetLayout): Promise<void> {
    if (this.workbook.getWorksheet(layout.name)) throw new HostError({ code: "sheet-exists", sheet: layout.name });
    addLayoutSheet(this.workbook, layout);
    if (layout.state !== "veryHidden") this.active = layout.name;
    this.changed();
  }
}

/** The sheet a saved workbook opens on (its active tab), else its first visible sheet. */
function savedActiveSheet(wb: ExcelJS.Workbook): string {
  const sheets = wb.worksheets;
  const tab = (wb.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const saved = tab !== undefined ? sheets[tab] : undefined;
  if (saved && saved.state === "visible") return saved.name;
  return sheets.find((w) => w.state === "visible")?.name ?? sheets[0]?.name ?? "";
}
