// The one port: a small instruction set over a workbook. `read` returns in one round trip what a use
// case needs (sheets' cells, cells' looks and contents, protection, the metadata sheet); `apply` carries
// out a list of primitive operations in one round trip (or in requests under a host's size limit).
// Every procedure (marking, restoring, undoing, drawing a sheet, replacing one) is a program over it in
// src/app/book.ts and src/core/drawing.ts, written once; Excel (Office.js), an .xlsx in memory (the
// preview and the command line) and WPS only interpret it, and pass the same contract suite
// (tests/contract), primitive by primitive.
import type { HostKind, Lack, Op, ReadRequest, WorkbookRead } from "../core/ops";
import type { OfficialDocument } from "../core/document";
import type { UnitReturn } from "../core/returns";

export type * from "../core/ops";

/** What a host action was, for its failure message. */
export type HostAction = "read" | "mark" | "clear" | "summary" | "select" | "set-text" | "add-sheet" | "write" | "undo" | "settings" | "open-workbook" | "self-test";

/** What a host has to tell, as codes and values (the sentences are rendered by src/app/messages.ts). */
export type HostMessage =
  | { readonly code: "sheet-missing"; readonly sheet: string }
  | { readonly code: "sheet-exists"; readonly sheet: string }
  /** No workbook is open (WPS 表格 with only its start page). */
  | { readonly code: "no-workbook" }
  /**
   * Excel failed an action; `error` is Office's error code; what was already written can be put back
   * by `recovery`; an unfinished new sheet was deleted (`removedSheet`); the sheet it was to replace is
   * as it was (`keptSheet`).
   */
  | { readonly code: "excel-failed"; readonly action: HostAction; readonly error: string; readonly recovery?: "clear-marks" | "undo-merge"; readonly removedSheet?: string; readonly keptSheet?: string }
  /** The sheet is protected: the action was refused before anything was written. */
  | { readonly code: "sheet-protected"; readonly sheet: string; readonly action: HostAction }
  /** The workbook's structure is protected (no sheet can be added or deleted): refused before anything was written. */
  | { readonly code: "workbook-protected" }
  /** More merged areas than Excel lists at once: the sheet was read without them. */
  | { readonly code: "merges-unreadable"; readonly sheet: string }
  | { readonly code: "file-old-format"; readonly name: string }
  | { readonly code: "file-not-xlsx"; readonly name: string; readonly ext: string }
  | { readonly code: "file-corrupt"; readonly name: string; readonly reason: string };

/** Cells a person changed, as the host tells them: A1 areas ("E12", "E12:E40", "12:12") on one sheet. */
export interface CellsEdited {
  readonly sheet: string;
  readonly cells: readonly string[];
}

/**
 * Told of a change a person made to the workbook's cells: `edited` when values were changed in place
 * (typing, a paste, contents deleted); nothing when cells may have moved (rows or columns inserted or
 * deleted, cells shifted) or the host cannot say where.
 */
export type CellsChangeListener = (edited?: CellsEdited) => void;

export interface WorkbookPort {
  readonly kind: HostKind;
  /** What this host cannot draw (tables, charts): the programs leave those operations out. */
  readonly lacks: ReadonlySet<Lack>;
  /** Reads what is asked, in one round trip where the host can. */
  read(request: ReadRequest): Promise<WorkbookRead>;
  /**
   * Carries out the operations in order, in one round trip where the host can. A failure is a
   * HostError for `action`; operations before it may have been carried out.
   */
  apply(ops: readonly Op[], action: HostAction): Promise<void>;
  /** Opens an .xlsx (Base64) as a new workbook window, where the host can (Excel with ExcelApi 1.8). */
  readonly openWorkbook?: (base64: string) => Promise<void>;
  /**
   * Tells `listener` of each change a person makes to the cells of the workbook the pane works on, never
   * of the add-in's own writes, where the host has change events (Excel: worksheet.onChanged, ExcelApi
   * 1.7; WPS: the application's SheetChange). Returns the way to stop; each call registers anew (the
   * application layer shares one registration among its listeners: app/cellChanges.ts).
   */
  readonly watchCells?: (listener: CellsChangeListener) => () => void;
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
  /**
   * A returned file. A workbook that is not a form throws NotAReturn (its code); a file that is not an
   * .xlsx workbook, a HostError (file-not-xlsx, file-old-format, file-corrupt). Never a sentence.
   */
  read(bytes: ArrayBuffer | Uint8Array, name: string): Promise<UnitReturn>;
  /**
   * A returned file read as `read` reads it, and opened once as a workbook of its own too, for its
   * 提交前检查 on the office's side (where the files can be: the .xlsx ones).
   */
  open?(bytes: ArrayBuffer | Uint8Array, name: string): Promise<{ readonly form: UnitReturn; readonly workbook: WorkbookPort }>;
}

/**
 * Official documents (.docx: the 催办单 and the 通报) as files outside the workbook, made with a .docx
 * library in the browser or the command line; the pane loads it only when a document is made.
 */
export interface DocumentFiles {
  bytes(doc: OfficialDocument): Promise<Uint8Array>;
  /** Several documents in one .zip, each under its file name, and plain texts beside them (UTF-8). */
  zip(files: readonly { readonly name: string; readonly doc: OfficialDocument }[], texts?: readonly { readonly name: string; readonly text: string }[]): Promise<Uint8Array>;
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
