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
import type { HostAction, HostMessage } from "./messages";

export type * from "../core/ops";

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
