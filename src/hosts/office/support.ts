// What this Excel can do, and the limits every request of the Office host keeps to.

/** `Excel.run` with its options, injected so that tests can hand in a fake. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Which newer API sets this Excel has; checked once at start (`apiSupport`). */
export interface ApiSupport {
  /** getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** RangeAreas, fill patterns, page layout and print titles (ExcelApi 1.9). */
  readonly rangeAreas: boolean;
  /** Cell notes (ExcelApi 1.18). */
  readonly notes: boolean;
  /**
   * One change handler for the whole workbook, WorksheetCollection.onChanged (ExcelApi 1.9); absent or
   * false: a handler on each sheet, Worksheet.onChanged (ExcelApi 1.7, Office 2019).
   */
  readonly collectionEvents?: boolean;
  /** Bytes one request may carry: 5 MB in Excel on the web, none on the desktop. */
  readonly payloadLimit?: number;
}

/**
 * The classes of the office.js library that is loaded (`Excel`). The intranet build serves a local
 * copy of office.js, which may be older than the Excel it runs in: @microsoft/office-js 1.1.110 has
 * no NoteCollection, so `worksheet.notes` is undefined there even where Excel has ExcelApi 1.18.
 */
export interface ExcelLibrary {
  readonly NoteCollection?: unknown;
  readonly RangeAreas?: unknown;
  readonly Range?: { readonly prototype: object };
}

/** Excel on the web refuses requests over 5 MB; chunks aim at 60% of it. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * Cells one read of `values` asks for at most, on every platform. "On all platforms, a range is
 * limited to five million cells for get operations", and over it `values` may come back null rather
 * than fail (https://learn.microsoft.com/office/dev/add-ins/excel/performance, as amended by
 * https://github.com/OfficeDev/office-js-docs-pr/pull/5821; seen on Mac and Windows in
 * https://github.com/OfficeDev/office-js/issues/4783 and #6781). A fifth of it leaves room.
 */
export const MAX_READ_CELLS = 1_000_000;

/** Addresses in one RangeAreas at most (its address string has a length limit). */
export const MAX_AREAS = 400;

/** Where an earlier version kept its settings (Excel's workbook settings); read only to carry them over. */
export const SETTINGS_KEY = "duban.settings";

/**
 * What this Excel supports: a requirement set Excel has (Office.context.requirements.isSetSupported)
 * and an API the loaded library has, both; `web` for Excel on the web's payload limit.
 */
export function apiSupport(hasSet: (version: string) => boolean, library: ExcelLibrary, web: boolean): ApiSupport {
  const rangeHas = (member: string) => !!library.Range && typeof (library.Range.prototype as Record<string, unknown>)[member] === "function";
  return {
    mergedAreas: hasSet("1.13") && rangeHas("getMergedAreasOrNullObject"),
    rangeAreas: hasSet("1.9") && typeof library.RangeAreas === "function" && rangeHas("getSpecialCellsOrNullObject"),
    notes: hasSet("1.18") && typeof library.NoteCollection === "function",
    collectionEvents: hasSet("1.9"),
    ...(web ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
  };
}

/** Bytes one request (or response) may carry, with room to spare (none on the desktop). */
export function budgetOf(support: ApiSupport): number {
  return support.payloadLimit ? support.payloadLimit * 0.6 : Infinity;
}

/** "Sheet1!A1:B2" or "'My sheet'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
