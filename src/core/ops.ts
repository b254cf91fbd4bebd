// The port's instruction set as plain data: what a host reads in one round trip and the primitive
// operations it carries out in one. Host-neutral; every procedure (marking, restoring, undoing, drawing
// a sheet, replacing one) is a program of these operations (src/core/drawing.ts, src/app/book.ts), and
// a host only interprets them (src/hosts/*). The contract suite (tests/contract) checks each primitive
// on each host. The port itself (src/app/port.ts) re-exports these types.
import type { CellRange, SheetGrid } from "./types";

export type { CellRange, SheetGrid };

export type HostKind = "excel" | "xlsx" | "wps";

/**
 * A cell's fill as the host reports it. `color` is #RRGGBB; the other fields are Excel's, kept when
 * the host reports them so that a restore puts back exactly what was there. `native` is the host's own
 * description of what the fields cannot say (an .xlsx theme colour), used only by a host of that kind.
 */
export interface Fill {
  readonly color: string;
  /** Excel's FillPattern ("Solid", "Gray50" …) where the host reports one. */
  readonly pattern?: string;
  readonly patternColor?: string;
  readonly tintAndShade?: number;
  readonly patternTintAndShade?: number;
  readonly native?: { readonly host: HostKind; readonly value: unknown };
}

/** How a cell looks, as far as marking touches it. */
export interface CellLook {
  /** null: no fill. */
  readonly fill: Fill | null;
  /** The note's text; null for none; undefined where this host cannot read notes. */
  readonly note: string | null | undefined;
  /** False where no note can be written: no notes in this host, or the cell holds a threaded comment. */
  readonly noteWritable: boolean;
}

/** What a cell holds, as far as writing into it touches it. */
export interface CellContent {
  /** Its formula ("=…"), or its constant as entered ("" when empty). */
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
  /** The text it shows now, to tell whether someone changed it. */
  readonly text: string;
  /** The host's own description of the value, used only by a host of that kind (an .xlsx date or rich text). */
  readonly native?: { readonly host: HostKind; readonly value: unknown };
}

/** What a cell held, as a record keeps it to put back (its text now is not part of it). */
export type StoredContent = Omit<CellContent, "text">;

/** Cells of one sheet, by A1 address. */
export interface CellsRequest {
  readonly sheet: string;
  readonly cells: readonly string[];
}

/** A sheet to read: whole, or only its first `rows` rows (enough to tell a ledger by its header). */
export interface SheetRequest {
  readonly name: string;
  readonly rows?: number;
}

/**
 * What one round trip reads. The sheet list, the active sheet, the workbook's identity and whether its
 * structure is protected always come back; the rest only when asked.
 */
export interface ReadRequest {
  /** Sheets' values, merged areas, hidden rows and columns. A sheet that does not exist is an error. */
  readonly grids?: readonly SheetRequest[];
  /** Cells' looks (fill, note). Cells of a sheet that does not exist are left out of the answer. */
  readonly looks?: readonly CellsRequest[];
  /** Cells' contents (formula, number format, text). Cells of a sheet that does not exist are left out. */
  readonly contents?: readonly CellsRequest[];
  /** Sheets whose protection to read; a sheet that does not exist is left out. */
  readonly protection?: readonly string[];
  /** The add-in's metadata sheet. */
  readonly metadata?: boolean;
  /** Settings an earlier version kept outside the metadata sheet (Excel's workbook settings). */
  readonly legacySettings?: boolean;
  /** The names of the tables in the workbook. */
  readonly tables?: boolean;
}

export interface SheetInfo {
  readonly name: string;
  /** False for hidden and very hidden sheets. */
  readonly visible: boolean;
}

/** Something a host could not read as it should: merged areas too many to list (Excel). */
export interface ReadNote {
  readonly code: "merges-unreadable";
  readonly sheet: string;
}

/** A sheet as read: its cells and what the host could not read as it should. */
export interface SheetRead {
  readonly grid: SheetGrid;
  readonly notes: readonly ReadNote[];
}

export interface WorkbookRead {
  /** Tells one open workbook from another (WPS's FullName, Excel's name; the .xlsx host's own). */
  readonly identity: string;
  /** The sheets in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** The sheet the person is looking at. */
  readonly active: string;
  /** No sheet may be added, deleted, renamed or moved. */
  readonly structureProtected: boolean;
  /** Of the sheets asked, those protected. */
  readonly protectedSheets: readonly string[];
  /** The metadata sheet's cells, when asked and there is one. */
  readonly metadata?: SheetGrid;
  readonly legacySettings?: string;
  /** The workbook's tables and their sheets, when asked. */
  readonly tables?: readonly { readonly name: string; readonly sheet: string }[];
  /** In the order asked. */
  readonly grids: readonly SheetRead[];
  /** By sheet, then by cell. */
  readonly looks: ReadonlyMap<string, ReadonlyMap<string, CellLook>>;
  readonly contents: ReadonlyMap<string, ReadonlyMap<string, CellContent>>;
}

/** A value a host writes: a string always as text (never a formula), a number as a number. */
export type WriteValue = string | number | boolean | null;

/** A cell's look as a style: plain properties the core's style tokens resolve to. */
export interface CellStyle {
  readonly bold?: boolean;
  /** Points. */
  readonly size?: number;
  /** Font colour, #RRGGBB. */
  readonly color?: string;
  readonly underline?: boolean;
  /** A solid fill, #RRGGBB. */
  readonly fill?: string;
  readonly align?: "left" | "center" | "right";
  readonly valign?: "top" | "middle";
  readonly wrap?: boolean;
  /** Thin lines around each cell (#RRGGBB), or a thin line under it (a blank to fill). */
  readonly border?: { readonly around: string } | { readonly under: string };
  /** A number format (0.0%). */
  readonly numberFormat?: string;
}

/** The primitive operations a host carries out, in order. Rows and columns are 0-based. */
export type Op =
  /** Values from `row`,`col` on; each string is written as text, so "=…" never becomes a formula. */
  | { readonly op: "values"; readonly sheet: string; readonly row: number; readonly col: number; readonly rows: readonly (readonly WriteValue[])[] }
  /** Puts back what a cell held (its formula or constant and its number format). */
  | { readonly op: "content"; readonly sheet: string; readonly cell: string; readonly content: StoredContent }
  /** Only a cell's number format. */
  | { readonly op: "numberFormat"; readonly sheet: string; readonly cell: string; readonly format: string }
  /** Fills cells (null: no fill), grouped by the caller so that one operation covers many cells. */
  | { readonly op: "fill"; readonly sheet: string; readonly cells: readonly string[]; readonly fill: Fill | null }
  /** Sets a cell's note (null: takes it away); `had` says whether the cell had a note when read. */
  | { readonly op: "note"; readonly sheet: string; readonly cell: string; readonly text: string | null; readonly had: boolean }
  /** Adds a sheet at a tab position (at the end when absent); it is not shown (see activate). */
  | { readonly op: "addSheet"; readonly name: string; readonly position?: number; readonly veryHidden?: boolean }
  | { readonly op: "renameSheet"; readonly from: string; readonly to: string }
  | { readonly op: "moveSheet"; readonly name: string; readonly position: number }
  | { readonly op: "deleteSheet"; readonly name: string }
  /** Shows a sheet, and selects a cell of it. */
  | { readonly op: "activate"; readonly sheet: string; readonly cell?: string }
  | { readonly op: "merge"; readonly sheet: string; readonly range: CellRange }
  | { readonly op: "style"; readonly sheet: string; readonly range: CellRange; readonly style: CellStyle }
  /** Column widths in characters, from column 0. */
  | { readonly op: "columnWidths"; readonly sheet: string; readonly widths: readonly number[] }
  | { readonly op: "hideColumns"; readonly sheet: string; readonly columns: readonly number[] }
  /** Row heights in points. */
  | { readonly op: "rowHeights"; readonly sheet: string; readonly heights: readonly { readonly row: number; readonly height: number }[] }
  /** Freezes the first `rows` rows. */
  | { readonly op: "freeze"; readonly sheet: string; readonly rows: number }
  /** Prints rows `from`..`to` at the top of every page. */
  | { readonly op: "printTitles"; readonly sheet: string; readonly from: number; readonly to: number }
  /**
   * A4 landscape, one page wide; with `footer`, its left and right parts in Excel's header and footer
   * codes (&P the page, &N the pages, && one ampersand), which every host writes as they are.
   */
  | { readonly op: "page"; readonly sheet: string; readonly footer?: { readonly left: string; readonly right: string } }
  /** Protects a sheet without a password, these ranges left open. */
  | { readonly op: "protect"; readonly sheet: string; readonly open: readonly CellRange[] }
  /** A link from a cell to a cell of the workbook, showing `text`. */
  | { readonly op: "link"; readonly sheet: string; readonly cell: string; readonly target: { readonly sheet: string; readonly cell: string }; readonly text: string }
  /** A table over a range whose first row is its header (hosts that lack tables leave the range as drawn). */
  | { readonly op: "table"; readonly sheet: string; readonly range: CellRange; readonly name: string }
  /** A bar chart of a column by another (hosts that lack charts draw none). */
  | { readonly op: "chart"; readonly sheet: string; readonly title: string; readonly categories: CellRange; readonly values: CellRange; readonly at: CellRange }
  /** The metadata sheet's rows, all of them, as text (the sheet is added very hidden when there is none; the active sheet stays). */
  | { readonly op: "metadata"; readonly rows: readonly (readonly string[])[] }
  /** Forgets the settings an earlier version kept outside the metadata sheet (Excel's workbook settings; nothing elsewhere). */
  | { readonly op: "dropLegacySettings" };

/** What a host cannot draw: the programs leave those operations out. */
export type Lack = "tables" | "charts";
