// The one interface the task pane talks to. Excel (Office.js) implements it, and so does the
// browser preview over an .xlsx in memory, so the same pane runs in both.
import type { SheetLayout } from "../core/layout";
import type { Mark } from "../core/marks";
import type { SummarySheetPlan } from "../core/summarySheet";
import type { SheetGrid } from "../core/types";

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
}

/** What a person set up for a workbook; stored in the workbook so the next person sees the same. */
export interface Settings {
  /** The ledger sheet; default: the active sheet. */
  readonly ledgerSheet?: string;
  /** The quarter last chosen, 2026Q3. */
  readonly quarter?: string;
  readonly minProgressLength?: number;
  readonly staleSimilarity?: number;
  /** The header row, when detection finds the wrong one (1-based). */
  readonly headerRow?: number;
  /** Column letters by role, over the detected columns: task, lead, co, deadline, progress1…progress4 … */
  readonly columns?: Readonly<Record<string, string>>;
}

/** Everything a check needs, read in one go. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetInfo[];
  readonly ledger: SheetGrid;
  /** The 部门目录 sheet, if the workbook has one. */
  readonly directory?: SheetGrid;
  /** The add-in's very hidden metadata sheet, if any. */
  readonly metadata?: SheetGrid;
  /** The text in A2 of each sheet the metadata names as a summary (to recognise the add-in's own sheets). */
  readonly stamps: Readonly<Record<string, string>>;
  readonly settings: Settings;
  /** What the host could not read as it should, in Chinese (shown with the check's own notes). */
  readonly notes?: readonly string[];
}

/** A text to write into one cell. */
export interface CellEdit {
  readonly cell: string;
  readonly text: string;
}

/** What undoing the last batch of writes did. */
export interface UndoneWrites {
  /** The batch's label: 合并回报 2026Q1. */
  readonly label: string;
  /** Cells put back as they were. */
  readonly restored: number;
  /** Cells changed by someone since the write: left as they are now. */
  readonly kept: readonly string[];
}

export interface WorkbookHost {
  /** "excel" inside Excel; "preview" in the browser page. */
  readonly kind: "excel" | "preview";
  /** Reads the ledger sheet (the settings', else the active sheet), the directory and the metadata. */
  read(sheet?: string): Promise<WorkbookSnapshot>;
  /** Clears the add-in's earlier marks on the sheet, then marks these cells, recording their look first. */
  mark(sheet: string, marks: readonly Mark[]): Promise<void>;
  /** Restores every cell the add-in marked (on one sheet, or all). Resolves to how many. */
  clearMarks(sheet?: string): Promise<number>;
  /** Writes the summary sheet; `replaces` when it replaces the add-in's own sheet of that name. */
  writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void>;
  /** Shows a cell: activates its sheet and selects it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes a text into one cell (a corrected unit name). */
  setText(sheet: string, cell: string, text: string): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  /** Adds a new sheet laid out as given (never over an existing one: that is an error). */
  addSheet(layout: SheetLayout): Promise<void>;
  /**
   * Writes texts (as text, never formulas) into cells of one sheet as one batch, recording what each
   * cell held, so that `undoWrites` can put it back. Only the last batch is kept.
   */
  writeCells(sheet: string, edits: readonly CellEdit[], label: string): Promise<void>;
  /** Puts back what the cells of the last batch held, except cells changed since; undefined when there is no batch. */
  undoWrites(): Promise<UndoneWrites | undefined>;
  /** Opens an .xlsx (Base64) as a new workbook window, where the host can (Excel with ExcelApi 1.8). */
  readonly openWorkbook?: (base64: string) => Promise<void>;
}

/** A host error with a message for the person (Chinese) and the details for the log. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HostError";
  }
}
