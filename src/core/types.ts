import type { EngineMessage } from "./messages";

// The data the engine works on. Hosts (Excel, the browser preview, the command line) turn their
// workbooks into a SheetGrid and get plain data back; nothing here knows where the cells came from.

/** An error value shown in a cell, such as #N/A or #REF!. */
export interface CellError {
  readonly error: string;
}

/** One cell's value as a host read it. Merged cells other than the top-left one are empty. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A worksheet as plain data: row-major values (row 0 is the sheet's row 1) and merged areas. */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: readonly CellRange[];
  /** Rows hidden or filtered out (0-based), where the host can tell. */
  readonly hiddenRows?: readonly number[];
  /** Columns hidden (0-based), where the host can tell: a hidden column is never preferred as the unit column. */
  readonly hiddenColumns?: readonly number[];
}

/** A quarter of a year, q in 1..4. */
export interface Quarter {
  readonly year: number;
  readonly q: 1 | 2 | 3 | 4;
}

/** What a ledger column holds. */
export type ColumnRole =
  | "no"
  | "category"
  | "subcategory"
  | "task"
  | "lead"
  | "co"
  | "cityLead"
  | "deadline"
  | "progress"
  | "status"
  | "note";

/** A recognised ledger column. `quarter` is set for a progress column of one quarter. */
export interface LedgerColumn {
  readonly role: ColumnRole;
  /** 0-based column index. */
  readonly col: number;
  /** The header text as written (both header rows joined by "/" when the header spans two rows). */
  readonly label: string;
  readonly quarter?: 1 | 2 | 3 | 4;
}

/** A cell's text and where it stands. For a merged area the address is its top-left cell. */
export interface CellText {
  readonly text: string;
  /** A1 address, such as "E12". */
  readonly cell: string;
  /** 1-based row number as Excel shows it. */
  readonly row: number;
  /** 0-based column index. */
  readonly col: number;
}

/** A task row of the ledger. */
export interface Task {
  /** 1-based sheet row. */
  readonly row: number;
  /** 序号 as written ("" when the ledger has none). */
  readonly no: string;
  /** Category levels, outermost first (headings, 工作类目, 工作任务 when 目标和要求 is the task). */
  readonly category: readonly string[];
  readonly text: CellText;
  readonly lead?: CellText;
  readonly co?: CellText;
  readonly cityLead?: CellText;
  readonly deadline?: CellText;
  /** The raw deadline value, for hosts that hand dates as dates. */
  readonly deadlineValue?: CellValue;
  readonly status?: CellText;
  /** Progress per quarter (index 1..4); `any` is a single progress column not tied to a quarter. */
  readonly progress: Readonly<Partial<Record<1 | 2 | 3 | 4 | "any", CellText>>>;
}

/** The result of reading a ledger sheet. */
export interface Ledger {
  readonly sheet: string;
  /** 1-based row of the (last) header row. */
  readonly headerRow: number;
  /** 1-based row of the first header row (differs from headerRow for a two-row header). */
  readonly headerTop: number;
  readonly columns: readonly LedgerColumn[];
  readonly tasks: readonly Task[];
  /** The year the ledger is about, from its title or sheet name, if written there. */
  readonly year?: number;
  /** The title text above the header, if any. */
  readonly title?: string;
  /** Rows the sheet hides (0-based), as the host told. */
  readonly hiddenRows?: readonly number[];
  /** How the sheet was read where a person may want to know, in Chinese (which of two unit columns was used). */
  readonly notes?: readonly EngineMessage[];
}

/** A unit as written in a cell, after splitting. */
export interface UnitMention {
  readonly name: string;
  /** True for collective units such as 各街道 or 区人民政府各部门, which are always valid. */
  readonly collective: boolean;
}

/** A unit cell split into its parts. Labelled cells (市级牵头单位:…;区级牵头单位:…) fill several parts. */
export interface ParsedUnitCell {
  /** District units responsible (the ones that report). */
  readonly units: readonly UnitMention[];
  /** City units named by a 市级 label. */
  readonly city: readonly UnitMention[];
  /** Co-units named by a 配合单位/协办单位 label inside a lead cell. */
  readonly co: readonly UnitMention[];
}

export type UnitStatus = "active" | "abolished";

/** One unit of the department directory (部门目录). */
export interface DirectoryEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly formerNames: readonly string[];
  readonly category: string;
  readonly status: UnitStatus;
  /** 1-based row in the directory sheet, for messages. */
  readonly row: number;
}

/** How a written unit name was found in the directory. */
export type UnitMatch =
  | { readonly kind: "collective" }
  | { readonly kind: "exact" | "alias" | "normalized"; readonly entry: DirectoryEntry }
  /** Written with a former name; `entry` is the unit as it is named now. */
  | { readonly kind: "renamed"; readonly entry: DirectoryEntry }
  | { readonly kind: "abolished"; readonly entry: DirectoryEntry; readonly successor?: DirectoryEntry }
  | { readonly kind: "unknown"; readonly suggestions: readonly DirectoryEntry[] }
  /** An alias two units of the directory share: which one is meant cannot be told. */
  | { readonly kind: "ambiguous"; readonly entries: readonly DirectoryEntry[] };

export type FindingKind =
  | "missing-unit"
  | "unknown-unit"
  | "renamed-unit"
  | "missing-progress"
  | "placeholder-progress"
  | "stale-progress"
  | "unquantified-progress"
  | "overdue"
  /** Marked 已完成, but the quarter's progress is only a placeholder or last quarter's text. */
  | "done-unsupported";

/** Why a finding was made, where its kind has more than one cause. */
export type FindingCause =
  /** missing-unit, missing-progress: the cell is blank. */
  | "blank"
  /** missing-unit: only city units are named (they are the finding's value). */
  | "city-only"
  /** missing-unit, missing-progress: the cell holds an error value (#REF!, #N/A). */
  | "error-value"
  /** unknown-unit: no spelling of the directory's. */
  | "not-in-directory"
  /** unknown-unit: an alias several units of the directory share. */
  | "shared-alias"
  /** renamed-unit: written with a former name. */
  | "former-name"
  /** renamed-unit: the unit is 撤销 (its successor, if known, is the suggestion). */
  | "abolished"
  /** done-unsupported: the progress is only a placeholder. */
  | "placeholder"
  /** done-unsupported: the progress is last quarter's. */
  | "stale";

/**
 * One problem found, tied to the cell a person has to look at. It holds codes and values, no
 * sentence: the application layer says it in Chinese or English.
 */
export interface Finding {
  readonly kind: FindingKind;
  /** A1 address of the cell the finding is about (the unit cell or the progress cell). */
  readonly cell: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly taskNo: string;
  /** Which of the task's cells: its lead units, its co-units, or its progress for the quarter. */
  readonly field: "lead" | "co" | "progress";
  /** For unit kinds, the one unit as written; for progress kinds, the progress text. */
  readonly value?: string;
  /** For unit kinds: ranked names to use instead; for renamed-unit the first is the current name. */
  readonly suggestions?: readonly string[];
  readonly cause?: FindingCause;
  /** For progress kinds: the quarter checked (its due date and the quarter before follow from it). */
  readonly quarter?: Quarter;
  /** For overdue: the deadline as understood (ISO date). */
  readonly deadline?: string;
  /** For progress kinds on a cell that accumulates the quarters: the quarter whose part of the cell is meant. */
  readonly part?: Quarter["q"];
}

/** How each task's progress for the checked quarter was judged. */
export type ProgressState = "ok" | "done" | "missing" | "placeholder" | "stale" | "unquantified";

export interface TaskAssessment {
  readonly task: Task;
  readonly progress: ProgressState;
  readonly overdue: boolean;
  /** Marked done (progress "done"), with the quarter's progress only a placeholder or last quarter's text. */
  readonly doneUnsupported?: "placeholder" | "stale";
  /** The deadline as understood, if any (ISO date). */
  readonly deadline?: string;
}

export interface CheckOptions {
  /** The quarter to check (the application layer chooses it: see app/quarter.ts). */
  readonly quarter: Quarter;
  /** Progress shorter than this many characters (after trimming) is a placeholder. */
  readonly minProgressLength?: number;
  /** Texts at least this similar to the previous quarter's (0..1) are stale. */
  readonly staleSimilarity?: number;
  /** A header row and columns a person set, over what detection finds. */
  readonly layout?: {
    readonly headerRow?: number;
    readonly columns?: Readonly<Record<string, string>>;
  };
}

export interface CheckResult {
  readonly ledger: Ledger;
  readonly quarter: Quarter;
  readonly assessments: readonly TaskAssessment[];
  readonly findings: readonly Finding[];
  /** Sheet-level remarks (no directory, no lead column, hidden rows, the directory's own problems). */
  readonly notes: readonly EngineMessage[];
}
