// The one port: what the application layer needs of a workbook, and nothing more. Excel (Office.js),
// an .xlsx in memory (the preview and the command line) and, later, WPS implement it; every adapter
// passes the same contract suite (tests/contract). Adapters hold no rules: which sheet is the ledger,
// which quarter, what to mark, all of that is decided in the application layer and handed down here.
import type { OfficialDocument } from "../core/document";
import type { SheetLayout } from "../core/layout";
import type { Mark } from "../core/marks";
import type { UnitReturn } from "../core/returns";
import type { SummarySheetPlan } from "../core/summarySheet";
import type { SheetGrid } from "../core/types";
import type { HostMessage } from "./messages";

export type HostKind = "excel" | "xlsx" | "wps";

export interface SheetInfo {
  readonly name: string;
  /** False for hidden and very hidden sheets. */
  readonly visible: boolean;
}

/** What a workbook holds, read in one round trip. */
export interface WorkbookInfo {
  /** The sheets in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** The sheet the person is looking at. */
  readonly active: string;
  /** The add-in's very hidden metadata sheet (`_督办助手`), when there is one. */
  readonly metadata?: SheetGrid;
  /**
   * Settings an earlier version kept outside the metadata sheet (Excel's workbook settings), as
   * stored. Read only to carry them over; the metadata sheet is the one place settings live.
   */
  readonly legacySettings?: string;
}

/** A sheet to read: whole, or only its first `rows` rows (enough to tell a ledger by its header). */
export interface SheetRequest {
  readonly name: string;
  readonly rows?: number;
}

/** A sheet as read: its cells (values, merged areas, hidden rows) and what the host could not read as it should. */
export interface SheetRead {
  readonly grid: SheetGrid;
  readonly notes: readonly HostMessage[];
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
  /** Cells changed by someone since the write: left as they are now (Sheet!A1). */
  readonly kept: readonly string[];
}

export interface WorkbookPort {
  readonly kind: HostKind;
  /** The sheets, the active one, the metadata sheet's cells. */
  info(): Promise<WorkbookInfo>;
  /** Reads sheets (values, merged areas, hidden rows), in as few round trips as the host can. A sheet that does not exist is an error. */
  readSheets(requests: readonly SheetRequest[]): Promise<SheetRead[]>;
  /** Clears the add-in's earlier marks on the sheet, then marks these cells, recording their look first. */
  mark(sheet: string, marks: readonly Mark[]): Promise<void>;
  /** Restores every cell the add-in marked (on one sheet, or all). Resolves to how many. */
  clearMarks(sheet?: string): Promise<number>;
  /** Writes the summary sheet and records it; `replaces` when it replaces the add-in's own sheet of that name. */
  writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void>;
  /** Shows a cell: activates its sheet and selects it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes texts (as text, never formulas) into cells of one sheet, as one batch. */
  setTexts(sheet: string, edits: readonly CellEdit[]): Promise<void>;
  /** Stores the settings (JSON) in the metadata sheet, keeping its other records. */
  saveSettings(json: string): Promise<void>;
  /** Adds a new sheet laid out as given, and shows it (never over an existing sheet: that is an error). */
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

/**
 * The forms sent to units and read back, as .xlsx files outside the workbook (made with ExcelJS, in
 * the browser or the command line; the pane loads it only when a form is made or read).
 */
export interface FormFiles {
  fileName(form: UnitReturn): string;
  bytes(form: UnitReturn): Promise<Uint8Array>;
  /** Every form in one .zip. */
  zip(forms: readonly UnitReturn[]): Promise<Uint8Array>;
  /** A returned file; anything that is not a form throws NotAReturn saying why, naming the file. */
  read(bytes: ArrayBuffer | Uint8Array, name: string): Promise<UnitReturn>;
}

/**
 * Official documents (.docx: the 催办单 and the 通报) as files outside the workbook, made with a .docx
 * library in the browser or the command line; the pane loads it only when a document is made.
 */
export interface DocumentFiles {
  bytes(doc: OfficialDocument): Promise<Uint8Array>;
  /** Several documents in one .zip, each under its file name. */
  zip(files: readonly { readonly name: string; readonly doc: OfficialDocument }[]): Promise<Uint8Array>;
}

/** A host's failure, with what to tell the person (rendered by the application layer) and the details for the log. */
export class HostError extends Error {
  constructor(
    readonly detail: HostMessage,
    readonly details?: unknown,
  ) {
    super(detail.code);
    this.name = "HostError";
  }
}
