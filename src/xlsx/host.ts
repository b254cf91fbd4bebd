// The host over an .xlsx workbook held in memory by ExcelJS: the browser preview uses it, and so do
// the command line's summary and clear. It tells its listeners after every change.
import type ExcelJS from "exceljs";
import { DIRECTORY_SHEET } from "../core/directory";
import type { SheetLayout } from "../core/layout";
import type { Mark } from "../core/marks";
import { METADATA_SHEET } from "../core/metadata";
import type { SummarySheetPlan } from "../core/summarySheet";
import { HostError, type CellEdit, type Settings, type UndoneWrites, type WorkbookHost, type WorkbookSnapshot } from "../host/types";
import { sheetGrid, toCellValue } from "./grid";
import { addLayoutSheet } from "./layout";
import { applyMarks, clearMarks, readWorkbookMetadata, undoWrites, writeCells, writeSummarySheet, writeWorkbookMetadata } from "./workbook";
import { cellText } from "../core/text";

export class XlsxHost implements WorkbookHost {
  readonly kind = "preview" as const;
  /** The sheet shown (as Excel's active sheet) and the selected cell. */
  active: string;
  selected: { sheet: string; cell: string } | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.active = workbook.worksheets.find((w) => w.state === "visible")?.name ?? workbook.worksheets[0]?.name ?? "";
  }

  /** Shows another sheet, as clicking its tab does. */
  activate(name: string): void {
    this.sheet(name);
    this.active = name;
    this.changed();
  }

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError(`找不到工作表“${name}”：它可能已被删除或改名，请重新检查。`);
    return ws;
  }

  /** The text in A2 of a sheet (the stamp the add-in writes on its summary sheets). */
  stampOf = (name: string): string => cellText(toCellValue(this.workbook.getWorksheet(name)?.getCell("A2").value ?? null));

  async read(sheet?: string): Promise<WorkbookSnapshot> {
    const meta = readWorkbookMetadata(this.workbook);
    const settings = meta.settings ? (JSON.parse(meta.settings) as Settings) : {};
    const sheets = this.workbook.worksheets.map((w) => ({ name: w.name, visible: w.state === "visible" }));
    const name = sheet ?? (settings.ledgerSheet && this.workbook.getWorksheet(settings.ledgerSheet) ? settings.ledgerSheet : this.active);
    const dir = this.workbook.getWorksheet(DIRECTORY_SHEET);
    const metaSheet = this.workbook.getWorksheet(METADATA_SHEET);
    const stamps: Record<string, string> = {};
    for (const s of meta.summaries) if (this.workbook.getWorksheet(s.sheet)) stamps[s.sheet] = this.stampOf(s.sheet);
    return {
      sheets,
      ledger: sheetGrid(this.sheet(name)),
      ...(dir ? { directory: sheetGrid(dir) } : {}),
      ...(metaSheet ? { metadata: sheetGrid(metaSheet) } : {}),
      stamps,
      settings,
    };
  }

  async mark(sheet: string, marks: readonly Mark[]): Promise<void> {
    writeWorkbookMetadata(this.workbook, applyMarks(this.workbook, readWorkbookMetadata(this.workbook), sheet, marks));
    this.changed();
  }

  async clearMarks(sheet?: string): Promise<number> {
    const meta = readWorkbookMetadata(this.workbook);
    const count = meta.marks.filter((m) => sheet === undefined || m.sheet === sheet).length;
    writeWorkbookMetadata(this.workbook, clearMarks(this.workbook, meta, sheet));
    this.changed();
    return count;
  }

  async writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void> {
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
    this.changed();
  }

  async setText(sheet: string, cell: string, text: string): Promise<void> {
    this.sheet(sheet).getCell(cell).value = text;
    this.changed();
  }

  async saveSettings(settings: Settings): Promise<void> {
    writeWorkbookMetadata(this.workbook, { ...readWorkbookMetadata(this.workbook), settings: JSON.stringify(settings) });
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
    if (this.workbook.getWorksheet(layout.name)) throw new HostError(`已有名为“${layout.name}”的工作表：督办助手不会覆盖它。若要重新生成，请先把它改名或删除。`);
    addLayoutSheet(this.workbook, layout);
    this.active = layout.name;
    this.changed();
  }
}
