// The Office.js host: the only code that touches `Excel`. It reads a ledger in two syncs (one more per
// chunk of a ledger beyond the web's 5 MB payload), and writes each action's changes in as few syncs
// as it can: marks grouped by colour through RangeAreas, every change of one action queued first, in
// requests under the web's limit. What this Excel lacks (`ApiSupport`) it does without; what would be
// refused (protection) it refuses before writing; what a cell held it records before writing.
import type { HostAction, HostMessage } from "../../app/messages";
import { HostError, type CellEdit, type SheetRead, type SheetRequest, type UndoneWrites, type WorkbookInfo, type WorkbookPort } from "../../app/port";
import { a1, parseRange } from "../../core/address";
import { adoptRenamedSheetMarks, EMPTY_METADATA, METADATA_SHEET, metadataRows, readMetadata, type MarkRecord, type Metadata } from "../../core/metadata";
import type { Mark } from "../../core/marks";
import { noteOnClear, noteOnMark, recordedNoteText, recordWithNote, type NoteRecord } from "../../core/markNotes";
import { requestBytes, rowSlices, Batch } from "./batch";
import { placeRows, type SheetLayout } from "../../core/layout";
import type { PlanTable, PlanValue, SummarySheetPlan } from "../../core/summarySheet";
import type { CellRange, CellValue, SheetGrid } from "../../core/types";

/** `Excel.run` with its options, injected so that tests can hand in a fake. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every batch waits while a person is editing a cell, instead of failing
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions; office.js passes the flag only
 * where Excel has the DelayForCellEdit set, and ignores it elsewhere).
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** Which newer API sets this Excel has; checked once at start (`apiSupport`). */
export interface ApiSupport {
  /** getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** RangeAreas, fill patterns and print titles (ExcelApi 1.9). */
  readonly rangeAreas: boolean;
  /** Cell notes (ExcelApi 1.18). */
  readonly notes: boolean;
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
    ...(web ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
  };
}

/** Where an earlier version kept its settings (Excel's workbook settings); read only to carry them over. */
export const SETTINGS_KEY = "duban.settings";

/** Excel on the web refuses requests over 5 MB; chunks aim at 60% of it. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** The most bytes a cell of a ledger is assumed to take before any has been read (long progress texts). */
const WORST_CELL_BYTES = 1200;
/** Addresses in one RangeAreas at most (its address string has a length limit). */
export const MAX_AREAS = 400;
/** Rows of a worksheet. */
const SHEET_ROWS = 1048576;
/** The name a summary sheet is made under, until it is whole and takes the quarter's name. */
export const SUMMARY_DRAFT_SHEET = "_督办助手_汇总草稿";
/** Excel returns at most 512 merged areas per call; beyond that the used range is asked in bands. */
const MERGE_BAND_ROWS = 2000;

const ERROR_VALUES = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

/** An Office.js value as the engine's: "" is empty, an error text is an error. */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A used range's values placed on the sheet's grid (row 0 is the sheet's row 1), each row without
 * its empty cells at the right, as the .xlsx host reads a sheet.
 */
export function gridFromValues(name: string, values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number, merges: readonly CellRange[]): SheetGrid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const row of values) {
    let end = row.length;
    while (end > 0 && (row[end - 1] === "" || row[end - 1] === null || row[end - 1] === undefined)) end--;
    const cells: CellValue[] = end > 0 ? new Array<CellValue>(columnIndex).fill(null) : [];
    for (let c = 0; c < end; c++) cells.push(toCellValue(row[c]));
    rows.push(cells);
  }
  return { name, rows, merges };
}

/** "Sheet1!A1:B2" or "'My sheet'!A1:B2" → a range. */
function rangeOfAddress(address: string): CellRange | undefined {
  const bang = address.lastIndexOf("!");
  return parseRange(bang >= 0 ? address.slice(bang + 1) : address);
}

/**
 * The rows of [rowIndex, rowIndex + rowCount) that no visible area covers (all of them when none is
 * visible). Each area's own address: the areas' joined address string is cut short when long.
 */
function hiddenRowsOf(visible: Excel.RangeAreas, rowIndex: number, rowCount: number): number[] {
  const shown = new Uint8Array(rowCount);
  if (!visible.isNullObject) {
    for (const area of visible.areas.items) {
      const r = rangeOfAddress(area.address);
      if (r) for (let i = Math.max(r.top, rowIndex); i <= Math.min(r.bottom, rowIndex + rowCount - 1); i++) shown[i - rowIndex] = 1;
    }
  }
  const hidden: number[] = [];
  shown.forEach((v, i) => v || hidden.push(rowIndex + i));
  return hidden;
}

function a1Chunks(addresses: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < addresses.length; i += MAX_AREAS) out.push(addresses.slice(i, i + MAX_AREAS).join(","));
  return out;
}

/** A cell's fill as Office.js reports it, kept to put back. */
interface OfficeFill {
  readonly color: string;
  readonly pattern?: Excel.FillPattern | `${Excel.FillPattern}`;
  readonly patternColor?: string;
  readonly tintAndShade?: number;
  readonly patternTintAndShade?: number;
}

/** The look of a cell before it was marked, as this host stores it in the metadata. */
interface OfficeOriginal {
  readonly host: "excel";
  /** null when the cell had no fill. */
  readonly fill: OfficeFill | null;
  /** The note before the mark (null: none); absent when this Excel could not read notes. */
  readonly note?: string | null;
  /** The digest of the note the add-in wrote (null: none); absent in records of earlier versions. */
  readonly wrote?: string | null;
}

/** An original written by the .xlsx host (command line, preview), understood here as far as Excel allows. */
interface XlsxOriginal {
  readonly host: "xlsx";
  readonly fill: { readonly type?: string; readonly pattern?: string; readonly fgColor?: { readonly argb?: string } } | null;
  readonly note: unknown;
  readonly wrote?: string | null;
}

/** An original written by the WPS host: the same object model, a fill by colour only; notes always known there. */
interface WpsOriginal {
  readonly host: "wps";
  readonly fill: { readonly color: string } | null;
  readonly note: string | null;
  readonly wrote?: string | null;
}

/** A record's original look: its fill, and what is known of its note. */
function originalOf(json: string): { fill: OfficeFill | null; note: NoteRecord } {
  const o = JSON.parse(json) as OfficeOriginal | XlsxOriginal | WpsOriginal;
  if (o.host === "excel") return { fill: o.fill, note: { before: o.note, wrote: o.wrote } };
  if (o.host === "wps") return { fill: o.fill ? { color: o.fill.color } : null, note: { before: o.note, wrote: o.wrote } };
  const argb = o.fill?.fgColor?.argb;
  return { fill: o.fill && o.fill.pattern !== "none" && argb ? { color: `#${argb.slice(-6)}` } : null, note: { before: recordedNoteText(o.note), wrote: o.wrote } };
}

/** What a cell held before the add-in wrote into it, as this host stores it. */
interface OfficeWritten {
  readonly host: "excel";
  /** The cell's formula, or its value when it has none ("" when empty). */
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
  /** The text written, to tell whether someone changed the cell since. */
  readonly written: string;
}

/** An original written by the .xlsx or the WPS host, as Excel can put it back. */
function writtenOf(json: string): OfficeWritten {
  const o = JSON.parse(json) as OfficeWritten | { host: "wps"; formula: string | number | boolean; numberFormat: string; written: string } | { host: "xlsx"; value: unknown; written: string };
  // The WPS host stores what Excel's object model reads, as this host does.
  if (o.host === "excel" || o.host === "wps") return { ...o, host: "excel" };
  const v = o.value;
  const general = (formula: string | number | boolean): OfficeWritten => ({ host: "excel", formula, numberFormat: "General", written: o.written });
  if (v === null || v === undefined) return general("");
  if (typeof v === "string") return { host: "excel", formula: v, numberFormat: v.startsWith("=") ? "@" : "General", written: o.written };
  if (typeof v === "number" || typeof v === "boolean") return general(v);
  if (typeof v === "object" && "formula" in v) return general(`=${String(v.formula)}`);
  if (typeof v === "object" && "richText" in v) return general((v.richText as { text: string }[]).map((r) => r.text).join(""));
  if (typeof v === "object" && "date" in v) return general(String(v.date).slice(0, 10));
  return general("");
}

/**
 * Bytes a cell's note may take in a response: the note the add-in wrote is as long as its record's
 * digest says ("123:…"); a note of a person's own is taken to be short; of an earlier version's record, long.
 */
function noteReadBytes(record: MarkRecord | undefined): number {
  if (!record) return 300;
  const wrote = originalOf(record.original).note.wrote;
  const length = typeof wrote === "string" ? Number(wrote.split(":")[0]) : NaN;
  return Number.isFinite(length) ? 100 + 3 * length : WORST_CELL_BYTES;
}

function fillKey(f: OfficeFill | null): string {
  return JSON.stringify(f);
}

function mergedRanges(areas: readonly Excel.RangeAreas[]): CellRange[] {
  return areas.flatMap((a) => (a.isNullObject ? [] : a.areas.items.map((r) => rangeOfAddress(r.address)).filter((r): r is CellRange => !!r)));
}

/** An Office error as a HostError saying what failed and what to do; the details go to the log. */
export function officeError(e: unknown, action: HostAction, more: Partial<Extract<HostMessage, { code: "excel-failed" }>> = {}): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string; debugInfo?: unknown };
  console.error(`督办助手：${action} 失败`, err?.code, err?.message, err?.debugInfo);
  return new HostError({ code: "excel-failed", action, error: err?.code ?? "", ...more }, e);
}

/** The used range of a sheet as Office.js reports it (0-based), or null when the sheet is empty. */
interface Extent {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

function extentOf(used: Excel.Range): Extent | null {
  return used.isNullObject ? null : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
}

/** Columns a head read covers: a ledger's header stands well within them. */
const HEAD_COLUMNS = 64;

/** A read queued for the next sync. */
type QueuedRead =
  | { readonly kind: "empty" }
  | { readonly kind: "head"; readonly range: Excel.Range; readonly merged: Excel.RangeAreas[] }
  | { readonly kind: "used"; readonly range: Excel.Range; readonly merged: Excel.RangeAreas[]; readonly visible?: Excel.RangeAreas; readonly columns: Excel.Range[] }
  | { readonly kind: "sized"; readonly extent: Extent; readonly first: Excel.Range; readonly firstRows: number; readonly budget: number; readonly merged: Excel.RangeAreas[]; readonly visible?: Excel.RangeAreas; readonly columns: Excel.Range[] };

/** Columns whose visibility is read with a whole sheet (a ledger's columns stand well within them). */
const VISIBILITY_COLUMNS = 64;

/** The hidden ones of the columns queued (0-based). */
function hiddenColumnsOf(columns: readonly Excel.Range[]): number[] {
  return columns.flatMap((c, i) => (c.columnHidden ? [i] : []));
}

/** A grid with the rows and columns it hides, when it hides any. */
function withHidden(grid: SheetGrid, hiddenRows: readonly number[], hiddenColumns: readonly number[]): SheetGrid {
  return { ...grid, ...(hiddenRows.length ? { hiddenRows } : {}), ...(hiddenColumns.length ? { hiddenColumns } : {}) };
}

/** A grid without its empty rows at the bottom and empty cells at the right (a head read's window). */
function trimmed(grid: SheetGrid): SheetGrid {
  const rows = grid.rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === null) end--;
    return r.slice(0, end);
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { ...grid, rows };
}

export class OfficeHost implements WorkbookPort {
  readonly kind = "excel" as const;
  /** Cells each sheet had marked at the last read, to load their notes in the same sync as the new marks'. */
  private markedAtRead = new Map<string, Set<string>>();
  /** Their records, for the size of the notes the add-in wrote there. */
  private recordsAtRead = new Map<string, Map<string, MarkRecord>>();
  /**
   * The sheets' used ranges as `info` found them, so that reading a sheet right after takes one sync
   * (its size is known). Forgotten at every write.
   */
  private extents = new Map<string, Extent | null>();
  /** The sheets' names at the last `info`. */
  private sheetNames: Set<string> | undefined;

  /** Excel.createWorkbook, where this Excel has it (ExcelApi 1.8). */
  readonly openWorkbook?: (base64: string) => Promise<void>;

  constructor(
    private readonly excelRun: ExcelRun,
    private readonly support: ApiSupport,
    createWorkbook?: (base64: string) => Promise<void>,
  ) {
    if (createWorkbook) {
      this.openWorkbook = async (base64) => {
        try {
          await createWorkbook(base64);
        } catch (e) {
          throw officeError(e, "open-workbook");
        }
      };
    }
  }

  /** One batch, as every batch runs: waiting while a cell is being edited. */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excelRun(RUN_OPTIONS, batch);
  }

  async info(): Promise<WorkbookInfo> {
    try {
      return await this.run(async (context) => {
        const wb = context.workbook;
        const sheets = wb.worksheets.load("items/name,items/visibility");
        const active = wb.worksheets.getActiveWorksheet().load("name");
        // The active sheet's size now: it is the ledger in the usual case, read in the next sync.
        const activeUsed = wb.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
        const legacy = wb.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
        const metaRange = wb.worksheets.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true).load("values");
        await context.sync();
        this.sheetNames = new Set(sheets.items.map((s) => s.name));
        this.extents = new Map([[active.name, extentOf(activeUsed)]]);
        const metadata = metaRange.isNullObject ? undefined : gridFromValues(METADATA_SHEET, metaRange.values, 0, 0, []);
        this.markedAtRead = new Map();
        this.recordsAtRead = new Map();
        for (const m of readMetadata(metadata).marks) {
          this.markedAtRead.set(m.sheet, (this.markedAtRead.get(m.sheet) ?? new Set()).add(m.cell));
          this.recordsAtRead.set(m.sheet, (this.recordsAtRead.get(m.sheet) ?? new Map()).set(m.cell, m));
        }
        const value = legacy.isNullObject ? undefined : legacy.value;
        return {
          sheets: sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" })),
          active: active.name,
          ...(metadata ? { metadata } : {}),
          ...(value !== undefined && value !== null ? { legacySettings: typeof value === "string" ? value : JSON.stringify(value) } : {}),
        };
      });
    } catch (e) {
      throw officeError(e, "read");
    }
  }

  async readSheets(requests: readonly SheetRequest[]): Promise<SheetRead[]> {
    if (requests.length === 0) return [];
    try {
      return await this.run(async (context) => {
        const wb = context.workbook;
        if (requests.some((r) => !this.sheetNames?.has(r.name))) {
          const sheets = wb.worksheets.load("items/name");
          await context.sync();
          this.sheetNames = new Set(sheets.items.map((s) => s.name));
          const missing = requests.find((r) => !this.sheetNames!.has(r.name));
          if (missing) throw new HostError({ code: "sheet-missing", sheet: missing.name });
        }
        // First try: everything in one sync, sheets of unknown size read through their used range.
        // Should that fail (a sheet over the web's payload limit, more merged areas than Excel lists
        // at once), learn the sizes and read in chunks and smaller bands; at last without merges.
        let queued = requests.map((r) => this.queueRead(context, r, MERGE_BAND_ROWS));
        let unmerged = false;
        try {
          await context.sync();
        } catch (first) {
          await this.learnExtents(context, requests.filter((r) => r.rows === undefined && !this.extents.has(r.name)).map((r) => r.name));
          queued = requests.map((r) => this.queueRead(context, r, 100));
          try {
            await context.sync();
          } catch (second) {
            if (!this.support.mergedAreas) throw second ?? first;
            queued = requests.map((r) => this.queueRead(context, r, undefined));
            await context.sync();
            unmerged = true;
          }
        }
        const out: SheetRead[] = [];
        for (let i = 0; i < requests.length; i++) {
          const r = requests[i]!;
          const grid = await this.gridOf(context, r, queued[i]!);
          out.push({ grid, notes: unmerged && r.rows === undefined && grid.rows.length ? [{ code: "merges-unreadable", sheet: r.name }] : [] });
        }
        return out;
      });
    } catch (e) {
      throw officeError(e, "read");
    }
  }

  /** Loads the used-range sizes of these sheets (one sync). */
  private async learnExtents(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
    if (!names.length) return;
    const used = names.map((name) => [name, context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")] as const);
    await context.sync();
    for (const [name, r] of used) this.extents.set(name, extentOf(r));
  }

  /**
   * Queues the read of one sheet: a head (the first rows, in a window wide enough for any header); a
   * sheet of known size (a first chunk sized for the web's payload limit, merged areas in bands,
   * the visible rows); or a sheet of unknown size, whole, through its used range.
   */
  private queueRead(context: Excel.RequestContext, r: SheetRequest, bands: number | undefined): QueuedRead {
    const ws = context.workbook.worksheets.getItem(r.name);
    const merged = (range: Excel.Range) => (this.support.mergedAreas && bands ? [range.getMergedAreasOrNullObject().load("areas/items/address")] : []);
    if (r.rows !== undefined) {
      const window = ws.getRangeByIndexes(0, 0, r.rows, HEAD_COLUMNS);
      return { kind: "head", range: window.load("values"), merged: merged(window) };
    }
    const extent = this.extents.get(r.name);
    if (extent === undefined) {
      const used = ws.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
      const visible = this.support.rangeAreas ? used.getSpecialCellsOrNullObject("Visible").load("areas/items/address") : undefined;
      return { kind: "used", range: used, merged: merged(used), ...(visible ? { visible } : {}), columns: this.queueColumns(ws, VISIBILITY_COLUMNS) };
    }
    if (extent === null) return { kind: "empty" };
    const { rowIndex, columnIndex, rowCount, columnCount } = extent;
    const budget = this.support.payloadLimit ? this.support.payloadLimit * 0.6 : Infinity;
    const firstRows = Math.min(rowCount, Math.max(1, Math.floor(budget / (columnCount * WORST_CELL_BYTES))));
    const first = ws.getRangeByIndexes(rowIndex, columnIndex, firstRows, columnCount).load("values");
    const mergedAreas = this.support.mergedAreas && bands ? this.queueMergedAreas(ws, rowIndex, columnIndex, rowCount, columnCount, bands) : [];
    // The rows a person sees (ExcelApi 1.9): the others are hidden or filtered out.
    const visible = this.support.rangeAreas ? ws.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount).getSpecialCellsOrNullObject("Visible").load("areas/items/address") : undefined;
    return { kind: "sized", extent, first, firstRows, budget, merged: mergedAreas, ...(visible ? { visible } : {}), columns: this.queueColumns(ws, Math.min(VISIBILITY_COLUMNS, columnIndex + columnCount)) };
  }

  /** Queues whether each of the first columns is hidden (a hidden 原责任单位 beside the live 责任单位). */
  private queueColumns(ws: Excel.Worksheet, count: number): Excel.Range[] {
    return Array.from({ length: count }, (_, c) => ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().load("columnHidden"));
  }

  /** The grid of a read queued and synced; the rest of a large sheet in further chunks. */
  private async gridOf(context: Excel.RequestContext, r: SheetRequest, q: QueuedRead): Promise<SheetGrid> {
    switch (q.kind) {
      case "empty":
        return gridFromValues(r.name, [], 0, 0, []);
      case "head":
        return trimmed(gridFromValues(r.name, q.range.values, 0, 0, mergedRanges(q.merged)));
      case "used": {
        if (q.range.isNullObject) return gridFromValues(r.name, [], 0, 0, []);
        const grid = gridFromValues(r.name, q.range.values, q.range.rowIndex, q.range.columnIndex, mergedRanges(q.merged));
        return withHidden(grid, q.visible ? hiddenRowsOf(q.visible, q.range.rowIndex, q.range.values.length) : [], hiddenColumnsOf(q.columns));
      }
      case "sized": {
        const { extent, first, firstRows, budget } = q;
        const ws = context.workbook.worksheets.getItem(r.name);
        const values: unknown[][] = [...first.values];
        if (firstRows < extent.rowCount) {
          const bytesPerRow = Math.max(1, (JSON.stringify(first.values).length * 3) / firstRows);
          const chunkRows = Math.max(1, Math.floor(budget / bytesPerRow));
          for (let at = firstRows; at < extent.rowCount; at += chunkRows) {
            const chunk = ws.getRangeByIndexes(extent.rowIndex + at, extent.columnIndex, Math.min(chunkRows, extent.rowCount - at), extent.columnCount).load("values");
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- Excel on the web's 5 MB responses: one chunk a request, by design.
            await context.sync();
            values.push(...chunk.values);
          }
        }
        const grid = gridFromValues(r.name, values, extent.rowIndex, extent.columnIndex, mergedRanges(q.merged));
        return withHidden(grid, q.visible ? hiddenRowsOf(q.visible, extent.rowIndex, extent.rowCount) : [], hiddenColumnsOf(q.columns));
      }
    }
  }

  /** Queues the merged areas of the used range, asked in bands of rows (Excel answers 512 at most per call). */
  private queueMergedAreas(ws: Excel.Worksheet, rowIndex: number, columnIndex: number, rowCount: number, columnCount: number, band: number): Excel.RangeAreas[] {
    const out: Excel.RangeAreas[] = [];
    for (let r = 0; r < rowCount; r += band) {
      out.push(ws.getRangeByIndexes(rowIndex + r, columnIndex, Math.min(band, rowCount - r), columnCount).getMergedAreasOrNullObject().load("areas/items/address"));
    }
    return out;
  }

  /** Bytes one request may carry, with room to spare (none on the desktop). */
  private get budget(): number {
    return this.support.payloadLimit ? this.support.payloadLimit * 0.6 : Infinity;
  }

  /**
   * Writes the metadata rows; resolves to how many rows the sheet holds after. When they fit one
   * request, they go over the old rows in one operation, then what is below is cleared: a write that
   * stops half-way leaves the old records or the new ones, never none. When they do not (Excel on the
   * web, very many records), they are written below the old rows in several requests, and the old
   * rows are then deleted in one operation: until then the old records are read first, and a write
   * that stops half-way still leaves every old record.
   */
  private async writeMetadata(batch: Batch, sheet: Excel.Worksheet, meta: Metadata, oldRows: number): Promise<number> {
    const rows = metadataRows(meta).map((r) => r.map((v) => (v === null ? "" : String(v))));
    const text = (n: number) => Array.from({ length: n }, () => ["@", "@", "@", "@", "@"]);
    const bytes = 2 * requestBytes(rows);
    if (bytes <= this.budget) {
      await batch.add(bytes, () => {
        const range = sheet.getRangeByIndexes(0, 0, rows.length, 5);
        range.numberFormat = text(rows.length);
        range.values = rows;
        sheet.getRangeByIndexes(rows.length, 0, SHEET_ROWS - rows.length, 5).clear();
      });
      return rows.length;
    }
    for (const slice of rowSlices(rows, this.budget / 3)) {
      await batch.add(2 * requestBytes(slice.rows), () => {
        const range = sheet.getRangeByIndexes(oldRows + slice.at, 0, slice.rows.length, 5);
        range.numberFormat = text(slice.rows.length);
        range.values = slice.rows;
      });
    }
    await batch.add(requestBytes(null), () => {
      if (oldRows > 0) sheet.getRangeByIndexes(0, 0, oldRows, 5).delete("Up");
      sheet.getRangeByIndexes(rows.length, 0, SHEET_ROWS - rows.length, 5).clear();
    });
    return rows.length;
  }

  /**
   * The metadata sheet and what it holds, and whether the workbook's structure is protected, queued in
   * a write's first sync. `resolve` after it: the sheet (a very hidden one is added when there is none,
   * which a protected structure refuses, before anything is written), its records and its rows.
   */
  private metadataProxies(context: Excel.RequestContext) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex");
    sheet.load("name");
    const structure = context.workbook.protection.load("protected");
    return {
      /** The workbook's structure is protected: no sheet can be added or deleted. */
      structureProtected: () => structure.protected,
      resolve(): { sheet: Excel.Worksheet; meta: Metadata; rows: number } {
        // eslint-disable-next-line office-addins/call-sync-before-read -- resolve() runs after the caller's context.sync().
        if (sheet.isNullObject) {
          if (structure.protected) throw new HostError({ code: "workbook-protected" });
          const added = context.workbook.worksheets.add(METADATA_SHEET);
          added.visibility = "VeryHidden";
          return { sheet: added, meta: EMPTY_METADATA, rows: 0 };
        }
        if (used.isNullObject) return { sheet, meta: EMPTY_METADATA, rows: 0 };
        return { sheet, meta: readMetadata(gridFromValues(METADATA_SHEET, used.values, 0, 0, [])), rows: used.rowIndex + used.values.length };
      },
    };
  }

  /**
   * Queues the writes that put these cells back as they were: the fill, and the note while it is the
   * one the add-in wrote. `noteNow` gives a cell's note now (undefined where notes cannot be read).
   */
  private async restore(batch: Batch, ws: Excel.Worksheet, records: readonly MarkRecord[], noteNow: (cell: string) => string | null | undefined): Promise<void> {
    const byFill = new Map<string, { fill: OfficeFill | null; cells: string[] }>();
    for (const r of records) {
      const o = originalOf(r.original);
      const key = fillKey(o.fill);
      const group = byFill.get(key) ?? { fill: o.fill, cells: [] };
      group.cells.push(r.cell);
      byFill.set(key, group);
      const now = noteNow(r.cell);
      if (!this.support.notes || now === undefined) continue;
      const change = noteOnClear(now, o.note);
      if (change.keep) continue;
      await batch.add(requestBytes(change.put), () => {
        if (now !== null) ws.notes.getItem(r.cell).delete();
        if (change.put !== null) ws.notes.add(r.cell, change.put);
      });
    }
    for (const { fill, cells } of byFill.values()) {
      for (const target of this.targets(cells)) {
        await batch.add(requestBytes(target), () => {
          const t = this.support.rangeAreas ? ws.getRanges(target) : ws.getRange(target);
          if (fill) t.format.fill.set(this.support.rangeAreas ? fill : { color: fill.color });
          else t.format.fill.clear();
        });
      }
    }
  }

  /** The cells as addresses of RangeAreas (≤ 400 addresses each), or one cell each before ExcelApi 1.9. */
  private targets(cells: readonly string[]): string[] {
    return this.support.rangeAreas ? a1Chunks(cells) : [...cells];
  }

  /**
   * Notes of these cells, queued for loading (none before ExcelApi 1.18), in as many responses as
   * their size may need: a note the add-in wrote is as long as its record says, another is taken to be
   * short. Added to `into`.
   */
  private async queueNotes(reads: Batch, ws: Excel.Worksheet, cells: Iterable<string>, records: ReadonlyMap<string, MarkRecord>, into = new Map<string, Excel.Note>()): Promise<Map<string, Excel.Note>> {
    if (!this.support.notes) return into;
    for (const c of cells) {
      if (into.has(c)) continue;
      await reads.add(noteReadBytes(records.get(c)), () => into.set(c, ws.notes.getItemOrNullObject(c).load("content")));
    }
    return into;
  }

  /** A cell's note as loaded: its text, null for none, undefined when it was not loaded (notes unreadable here). */
  private noteOf(notes: ReadonlyMap<string, Excel.Note>): (cell: string) => string | null | undefined {
    return (cell) => {
      if (!this.support.notes) return undefined;
      const n = notes.get(cell);
      if (!n) return undefined;
      return n.isNullObject ? null : String(n.content);
    };
  }

  async mark(sheetName: string, marks: readonly Mark[]): Promise<void> {
    try {
      await this.run(async (context) => {
        const metadata = this.metadataProxies(context);
        const ws = context.workbook.worksheets.getItem(sheetName);
        // One read: the metadata, the sheet's protection, the fill and note of every cell to mark,
        // the notes of the cells marked at the last read (their marks may be cleared now), and
        // whether the sheet has threaded comments (a cell with one cannot take a note).
        const protection = ws.protection.load("protected");
        const fillProps = this.support.rangeAreas ? "color,pattern,patternColor,tintAndShade,patternTintAndShade" : "color";
        const fills = new Map(marks.map((m) => [m.cell, ws.getRange(m.cell).format.fill.load(fillProps)]));
        const sheets = context.workbook.worksheets.load("items/name");
        const comments = this.support.notes ? ws.comments.load("items/id") : undefined;
        const reads = new Batch(context, this.budget);
        const notes = await this.queueNotes(reads, ws, [...marks.map((m) => m.cell), ...(this.markedAtRead.get(sheetName) ?? [])], this.recordsAtRead.get(sheetName) ?? new Map());
        await reads.flush();
        // Nothing is queued that protection would refuse.
        if (protection.protected) throw new HostError({ code: "sheet-protected", sheet: sheetName, action: "mark" });
        const resolved = metadata.resolve();
        const metaSheet = resolved.sheet;
        const meta = adoptRenamedSheetMarks(resolved.meta, sheets.items.map((s) => s.name), sheetName);
        const old = meta.marks.filter((m) => m.sheet === sheetName);
        const unknown = old.filter((m) => this.support.notes && !notes.has(m.cell));
        const locations = (comments?.items ?? []).map((c) => c.getLocation().load("address"));
        if (unknown.length || locations.length) {
          // Marked since the last read (by another person), or threaded comments: one more read.
          const more = new Batch(context, this.budget);
          await this.queueNotes(more, ws, unknown.map((m) => m.cell), new Map(old.map((m) => [m.cell, m])), notes);
          await more.flush();
        }
        const commented = new Set(locations.map((l) => rangeOfAddress(l.address)).filter((r): r is CellRange => !!r).map((r) => a1(r.top, r.left)));
        const noteNow = this.noteOf(notes);
        const oldByCell = new Map(old.map((m) => [m.cell, m]));

        const planned = marks.map((m) => {
          const earlier = oldByCell.get(m.cell);
          const was = earlier ? originalOf(earlier.original) : undefined;
          const note = noteOnMark(noteNow(m.cell), was?.note, m.note, this.support.notes && !commented.has(m.cell));
          let original: string;
          if (earlier) original = recordWithNote(earlier.original, note.record);
          else {
            const f = fills.get(m.cell)!;
            const blank = this.support.rangeAreas ? f.pattern === "None" : f.color === "#FFFFFF";
            const fill: OfficeFill | null = blank
              ? null
              : this.support.rangeAreas
                ? { color: f.color, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade }
                : { color: f.color };
            const o: OfficeOriginal = { host: "excel", fill, ...(note.record.before !== undefined ? { note: note.record.before } : {}), wrote: note.record.wrote };
            original = JSON.stringify(o);
          }
          return { mark: m, write: note.write, record: { sheet: sheetName, cell: m.cell, key: m.kind, original } as MarkRecord };
        });
        const records = planned.map((p) => p.record);

        // The write: put back the cells no longer marked, colour the marked ones, note why, remember;
        // in as many requests as its size needs.
        const batch = new Batch(context, this.budget);
        context.application.suspendApiCalculationUntilNextSync();
        const marked = new Set(marks.map((m) => m.cell));
        // First the looks of every cell this write touches (old marks and new): should it stop
        // half-way, 清除标记 still puts all of them back.
        const rows = await this.writeMetadata(batch, metaSheet, { ...meta, marks: [...meta.marks.filter((m) => m.sheet !== sheetName || !marked.has(m.cell)), ...records] }, resolved.rows);
        await this.restore(batch, ws, old.filter((m) => !marked.has(m.cell)), noteNow);
        const byColor = new Map<string, string[]>();
        for (const m of marks) byColor.set(m.color, [...(byColor.get(m.color) ?? []), m.cell]);
        for (const [color, cells] of byColor) {
          for (const target of this.targets(cells)) {
            await batch.add(requestBytes(target), () => ((this.support.rangeAreas ? ws.getRanges(target) : ws.getRange(target)).format.fill.color = color));
          }
        }
        for (const p of planned) {
          if (p.write === undefined) continue;
          const write = p.write;
          const had = noteNow(p.mark.cell) !== null;
          await batch.add(requestBytes(write), () => {
            if (had) ws.notes.getItem(p.mark.cell).delete();
            ws.notes.add(p.mark.cell, write);
          });
        }
        await this.writeMetadata(batch, metaSheet, { ...meta, marks: [...meta.marks.filter((m) => m.sheet !== sheetName), ...records] }, rows);
        await batch.flush();
        this.markedAtRead.set(sheetName, marked);
        this.recordsAtRead.set(sheetName, new Map(records.map((r) => [r.cell, r])));
      });
    } catch (e) {
      throw officeError(e, "mark", { recovery: "clear-marks" });
    }
  }

  async clearMarks(sheetName?: string): Promise<number> {
    try {
      return await this.run(async (context) => {
        const metadata = this.metadataProxies(context);
        const names = context.workbook.worksheets.load("items/name");
        await context.sync();
        const { sheet: metaSheet, meta, rows } = metadata.resolve();
        const clear = meta.marks.filter((m) => sheetName === undefined || m.sheet === sheetName);
        const existing = new Set(names.items.map((s) => s.name));
        const bySheet = new Map<string, MarkRecord[]>();
        for (const m of clear) if (existing.has(m.sheet)) bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
        // The sheets' protection with their notes, before anything is written.
        const reads = new Batch(context, this.budget);
        const sheets = [];
        for (const [name, records] of bySheet) {
          const ws = context.workbook.worksheets.getItem(name);
          const protection = ws.protection.load("protected");
          sheets.push({ name, ws, records, protection, notes: await this.queueNotes(reads, ws, records.map((r) => r.cell), new Map(records.map((r) => [r.cell, r]))) });
        }
        await reads.flush();
        const locked = sheets.find((s) => s.protection.protected);
        if (locked) throw new HostError({ code: "sheet-protected", sheet: locked.name, action: "clear" });
        const batch = new Batch(context, this.budget);
        for (const { ws, records, notes } of sheets) await this.restore(batch, ws, records, this.noteOf(notes));
        await this.writeMetadata(batch, metaSheet, { ...meta, marks: meta.marks.filter((m) => !clear.includes(m)) }, rows);
        await batch.flush();
        this.markedAtRead.clear();
        this.recordsAtRead.clear();
        return clear.length;
      });
    } catch (e) {
      throw officeError(e, "clear");
    }
  }

  async writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void> {
    // The new sheet is made under a name of the add-in's own and takes the quarter's name only once
    // it is whole: the sheet it replaces stays intact until then, and a write that stops half-way
    // leaves the old summary, or the new one, never neither.
    let oldId: string | undefined;
    let writing = false;
    const record = (meta: Metadata): Metadata => ({
      ...meta,
      summaries: [...meta.summaries.filter((s) => s.key !== plan.quarter), { key: plan.quarter, sheet: plan.name, stamp: plan.stamp }],
    });
    try {
      await this.run(async (context) => {
        const wb = context.workbook;
        const metadata = this.metadataProxies(context);
        const leftover = wb.worksheets.getItemOrNullObject(SUMMARY_DRAFT_SHEET).load("name");
        const old = replaces ? wb.worksheets.getItem(plan.name).load("id") : undefined;
        await context.sync();
        if (metadata.structureProtected()) throw new HostError({ code: "workbook-protected" });
        oldId = old?.id;
        const { sheet: metaSheet, meta, rows } = metadata.resolve();
        const batch = new Batch(context, this.budget);
        writing = true;
        // A draft left by a write that stopped and could not clean up is the add-in's own.
        if (!leftover.isNullObject) leftover.delete();
        const ws = wb.worksheets.add(SUMMARY_DRAFT_SHEET);
        const tables = await this.queueSummarySheet(batch, ws, plan);
        // Whole: the old sheet goes, the new one takes its name, the tables theirs (names are unique
        // in a workbook, the old sheet's tables had them), and it is recorded.
        await batch.add(requestBytes(plan.name), () => {
          if (replaces) wb.worksheets.getItem(plan.name).delete();
          ws.name = plan.name;
        });
        await this.writeMetadata(batch, metaSheet, record(meta), rows);
        await batch.add(requestBytes(tables.map((t) => t.name)), () => {
          for (const t of tables) t.table.name = t.name;
          ws.activate();
        });
        await batch.flush();
      });
    } catch (e) {
      // Stopped while reading: nothing was written.
      if (!writing) throw officeError(e, "summary");
      const outcome = await this.settleSummary(plan, oldId, record);
      if (outcome === "done") return;
      throw officeError(e, "summary", outcome === "kept" ? { keptSheet: plan.name } : outcome === "removed" ? { removedSheet: plan.name } : {});
    }
  }

  /**
   * After a summary write that stopped: the draft, if there is one, is deleted, unless the old sheet
   * is already gone (the draft was whole by then, and takes its name); a new sheet in place is
   * recorded. Resolves to what the person has: the old summary kept, the draft removed, the new one
   * done, or nothing known; never throws.
   */
  private async settleSummary(plan: SummarySheetPlan, oldId: string | undefined, record: (meta: Metadata) => Metadata): Promise<"kept" | "removed" | "done" | "unknown"> {
    try {
      return await this.run(async (context) => {
        const wb = context.workbook;
        const draft = wb.worksheets.getItemOrNullObject(SUMMARY_DRAFT_SHEET).load("name");
        const named = wb.worksheets.getItemOrNullObject(plan.name).load("id");
        const metadata = this.metadataProxies(context);
        await context.sync();
        const oldIntact = oldId !== undefined && !named.isNullObject && named.id === oldId;
        let outcome: "kept" | "removed" | "done" | "unknown";
        if (!draft.isNullObject) {
          if (oldId !== undefined && named.isNullObject) {
            draft.name = plan.name;
            draft.activate();
            outcome = "done";
          } else {
            draft.delete();
            outcome = oldIntact ? "kept" : "removed";
          }
        } else outcome = oldIntact ? "kept" : named.isNullObject ? "unknown" : "done";
        if (outcome === "done") {
          // The record goes after the new sheet has its name: it may be missing.
          const { sheet, meta, rows } = metadata.resolve();
          if (!meta.summaries.some((s) => s.key === plan.quarter && s.sheet === plan.name && s.stamp === plan.stamp)) await this.writeMetadata(new Batch(context, this.budget), sheet, record(meta), rows);
        }
        await context.sync();
        return outcome;
      });
    } catch {
      return "unknown";
    }
  }

  /** Queues the summary sheet's contents; resolves to its tables, to be named once the sheet has its name. */
  private async queueSummarySheet(batch: Batch, ws: Excel.Worksheet, plan: SummarySheetPlan): Promise<{ table: Excel.Table; name: string }[]> {
    const tables: { table: Excel.Table; name: string }[] = [];
    await batch.add(requestBytes(plan.widths), () => plan.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7.5)));
    const span = plan.widths.length;
    const placed = new Map<string, { row: number; rows: number }>();
    let row = 0;
    for (const block of plan.blocks) {
      if (block.kind === "text") {
        if (block.style === "heading" && row > 2) row++;
        const at = row;
        await batch.add(requestBytes(block.text), () => {
          const r = ws.getRangeByIndexes(at, 0, 1, span);
          r.merge();
          const first = ws.getRangeByIndexes(at, 0, 1, 1);
          first.numberFormat = [["@"]];
          first.values = [[block.text]];
          this.queueTextStyle(r, block.style);
        });
        row++;
      } else if (block.kind === "table") {
        placed.set(block.name, { row, rows: block.rows.length });
        const { next, table } = await this.queueTable(batch, ws, row, block);
        tables.push({ table, name: block.name });
        row = next + 1;
      } else {
        const t = placed.get(block.table);
        if (!t || t.rows < 2) continue;
        await batch.add(requestBytes(block.title), () => {
          // A bar per unit: its name on the axis, its reporting rate as the bar.
          const values = ws.getRangeByIndexes(t.row + 1, block.valueColumn, t.rows, 1);
          const chart = ws.charts.add("BarClustered", values, "Columns");
          chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(t.row + 1, block.categoryColumn, t.rows, 1));
          chart.title.text = block.title;
          chart.legend.visible = false;
          chart.setPosition(ws.getRangeByIndexes(t.row, span + 1, 1, 1), ws.getRangeByIndexes(t.row + Math.max(15, Math.min(t.rows, 40)), span + 8, 1, 1));
        });
      }
    }
    if (this.support.rangeAreas) {
      // Page layout came with ExcelApi 1.9; older Excel prints the sheet with its defaults.
      await batch.add(requestBytes(null), () => {
        ws.pageLayout.orientation = "Landscape";
        ws.pageLayout.paperSize = "A4";
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      });
    }
    return tables;
  }

  private queueTextStyle(r: Excel.Range, style: "title" | "subtitle" | "heading" | "paragraph" | "note"): void {
    r.format.wrapText = style === "paragraph" || style === "note";
    if (style === "title") {
      r.format.font.size = 16;
      r.format.font.bold = true;
      r.format.horizontalAlignment = "Center";
    } else if (style === "heading") {
      r.format.font.bold = true;
      r.format.font.color = "#1F4E79";
    } else if (style === "subtitle") {
      r.format.font.size = 9;
      r.format.font.color = "#595959";
      r.format.horizontalAlignment = "Center";
    }
  }

  /**
   * Queues a table: header and rows (in slices that fit a request), a table style, links and
   * percentages. Resolves to the row after it and the table, named later.
   */
  private async queueTable(batch: Batch, ws: Excel.Worksheet, row: number, table: PlanTable): Promise<{ next: number; table: Excel.Table }> {
    const width = table.header.length;
    const shown = (v: PlanValue): string | number => (v === null ? "" : typeof v !== "object" ? v : "percent" in v ? v.percent : v.text);
    const values = [table.header.map(String), ...table.rows.map((r) => r.map(shown))];
    for (const slice of rowSlices(values, this.budget / 3)) {
      await batch.add(2 * requestBytes(slice.rows), () => {
        const range = ws.getRangeByIndexes(row + slice.at, 0, slice.rows.length, width);
        // Text from the ledger is text: numberFormat "@" on text cells before the values, so "=…" stays text.
        range.numberFormat = slice.rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
        range.values = slice.rows;
      });
    }
    let added: Excel.Table | undefined;
    await batch.add(requestBytes(null), () => {
      added = ws.tables.add(ws.getRangeByIndexes(row, 0, values.length, width), true);
      added.style = "TableStyleMedium2";
    });
    for (const [i, r] of table.rows.entries()) {
      for (const [c, v] of r.entries()) {
        if (v === null || typeof v !== "object") continue;
        await batch.add(requestBytes(v), () => {
          const cell = ws.getRangeByIndexes(row + 1 + i, c, 1, 1);
          if ("percent" in v) cell.numberFormat = [["0.0%"]];
          else cell.hyperlink = { documentReference: `'${v.link.sheet.replace(/'/g, "''")}'!${v.link.cell}`, textToDisplay: v.text };
        });
      }
    }
    return { next: row + values.length, table: added! };
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw officeError(e, "select");
    }
  }

  async setTexts(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    this.extents.clear();
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const e of edits) {
          const range = ws.getRange(e.cell);
          // Text stays text: a corrected unit name is never read as a formula or a number.
          range.numberFormat = [["@"]];
          range.values = [[e.text]];
        }
        await context.sync();
      });
    } catch (e) {
      throw officeError(e, "set-text");
    }
  }

  async addSheet(layout: SheetLayout): Promise<void> {
    this.extents.clear();
    try {
      await this.run(async (context) => {
        const existing = context.workbook.worksheets.getItemOrNullObject(layout.name);
        existing.load("name");
        const structure = context.workbook.protection.load("protected");
        await context.sync();
        if (!existing.isNullObject) throw new HostError({ code: "sheet-exists", sheet: layout.name });
        if (structure.protected) throw new HostError({ code: "workbook-protected" });
        const batch = new Batch(context, this.budget);
        let ws: Excel.Worksheet | undefined;
        await batch.add(requestBytes(layout.name), () => (ws = context.workbook.worksheets.add(layout.name)));
        await this.queueLayout(batch, ws!, layout);
        await batch.add(requestBytes(null), () => {
          if (layout.state === "veryHidden") ws!.visibility = "VeryHidden";
          else ws!.activate();
        });
        await batch.flush();
      });
    } catch (e) {
      if (e instanceof HostError) throw e;
      // The sheet did not exist before (checked first): what there is now is this write's, unfinished
      // — unless someone added a sheet of that name meanwhile, which is theirs.
      const removed = (e as { code?: string })?.code !== "ItemAlreadyExists" && (await this.removePartialSheet(layout.name));
      throw officeError(e, "add-sheet", removed ? { removedSheet: layout.name } : {});
    }
  }

  /**
   * Queues a laid-out sheet as the .xlsx host writes it: a merged title row, the header (bold, filled,
   * repeated where the layout asks, frozen and printed on every page), the rows as text where they
   * are text, merged runs, hidden columns, and protection with the editable columns left open.
   */
  private async queueLayout(batch: Batch, ws: Excel.Worksheet, layout: SheetLayout): Promise<void> {
    const width = layout.columns.length;
    const top = layout.title ? 1 : 0;
    const { rows, headerRows, firstRowOf } = placeRows(layout, top);
    const repeat = new Set(layout.repeatHeaderBefore ?? []);
    if (layout.title) await batch.add(requestBytes([layout.title, layout.subtitle ?? ""]), () => this.queueTitle(ws, layout, width));
    for (const slice of rowSlices(rows, this.budget / 3)) {
      await batch.add(2 * requestBytes(slice.rows), () => {
        const part = ws.getRangeByIndexes(top + slice.at, 0, slice.rows.length, width);
        // Text from the notice or the ledger is text: "@" before the values, so "=…" never becomes a formula.
        part.numberFormat = slice.rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
        part.values = slice.rows;
      });
    }
    // The rest: formats, merges, the lines below, protection; about an operation a row of each editable column.
    const operations = 20 + 4 * layout.columns.length + 3 * headerRows.length + firstRowOf.length * (1 + layout.columns.filter((c) => c.editable || c.mergeRuns).length);
    await batch.add(operations * requestBytes(null) + requestBytes(layout.below ?? null), () => this.queueLayoutFormats(ws, layout, { width, top, rows: rows.length, headerRows, firstRowOf, repeat }));
  }

  /** The title row: merged, the subtitle (a form's return date) a second line of the same cell, as the .xlsx host writes it. */
  private queueTitle(ws: Excel.Worksheet, layout: SheetLayout, width: number): void {
    const title = ws.getRangeByIndexes(0, 0, 1, width);
    title.merge();
    const first = ws.getRangeByIndexes(0, 0, 1, 1);
    first.numberFormat = [["@"]];
    first.values = [[layout.subtitle ? `${layout.title}\n${layout.subtitle}` : layout.title!]];
    title.format.font.bold = true;
    title.format.font.size = layout.subtitle ? 14 : 16;
    title.format.horizontalAlignment = "Center";
    title.format.wrapText = true;
    if (layout.subtitle) title.format.rowHeight = 48;
  }

  /** A laid-out sheet's formats after its values: header, columns, merged runs, the lines below, freezing, protection. */
  private queueLayoutFormats(
    ws: Excel.Worksheet,
    layout: SheetLayout,
    { width, top, rows, headerRows, firstRowOf, repeat }: { width: number; top: number; rows: number; headerRows: readonly number[]; firstRowOf: readonly number[]; repeat: ReadonlySet<number> },
  ): void {
    const body = ws.getRangeByIndexes(top, 0, rows, width);
    body.format.wrapText = true;
    body.format.verticalAlignment = "Center";
    for (const h of headerRows) {
      const range = ws.getRangeByIndexes(h, 0, 1, width);
      range.format.font.bold = true;
      range.format.fill.color = "#D9E1F2";
      range.format.horizontalAlignment = "Center";
    }
    layout.columns.forEach((c, col) => {
      const column = ws.getRangeByIndexes(0, col, 1, 1);
      column.format.columnWidth = c.width * 7.5;
      // The column a person fills in shows as such, header and cells.
      if (c.fill) ws.getRangeByIndexes(top, col, rows, 1).format.fill.color = `#${c.fill}`;
      if (c.hidden) column.columnHidden = true;
      if (!c.mergeRuns) return;
      // Runs of equal values down the column, not across a repeated header.
      let start = 0;
      for (let i = 1; i <= layout.rows.length; i++) {
        const same = i < layout.rows.length && !repeat.has(i) && layout.rows[i]![col] === layout.rows[start]![col] && layout.rows[start]![col] !== "";
        if (same) continue;
        if (i - 1 > start) ws.getRangeByIndexes(firstRowOf[start]!, col, firstRowOf[i - 1]! - firstRowOf[start]! + 1, 1).merge();
        start = i;
      }
    });
    body.format.autofitRows();
    // Lines below the table (a form's sign-off line), after one blank row; its blanks open and filled.
    const inputs: Excel.Range[] = [];
    let row = top + rows + 1;
    for (const line of layout.below ?? []) {
      let col = 0;
      for (const part of line) {
        const span = Math.max(1, part.span ?? 1);
        const cells = ws.getRangeByIndexes(row, col, 1, span);
        if (span > 1) cells.merge();
        if (part.text) {
          const first = ws.getRangeByIndexes(row, col, 1, 1);
          first.numberFormat = [["@"]];
          first.values = [[part.text]];
        }
        cells.format.horizontalAlignment = part.input ? "Left" : "Right";
        if (part.fill) cells.format.fill.color = `#${part.fill}`;
        if (part.input) inputs.push(cells);
        col += span;
      }
      row++;
    }
    ws.freezePanes.freezeRows(top + 1);
    if (this.support.rangeAreas) ws.pageLayout.setPrintTitleRows(`$${top + 1}:$${top + 1}`);
    if (layout.protect) {
      // Only the editable columns' data cells are open; no password, so anyone may lift it to look.
      layout.columns.forEach((c, col) => {
        if (!c.editable) return;
        for (const r of firstRowOf) ws.getRangeByIndexes(r, col, 1, 1).format.protection.locked = false;
      });
      for (const cells of inputs) cells.format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    }
  }

  async writeCells(sheetName: string, edits: readonly CellEdit[], label: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const metadata = this.metadataProxies(context);
        const ws = context.workbook.worksheets.getItem(sheetName);
        const protection = ws.protection.load("protected");
        // What the cells hold, read with the metadata, in as many responses as their size may need.
        const reads = new Batch(context, this.budget);
        const ranges: Excel.Range[] = [];
        for (const e of edits) await reads.add(2 * WORST_CELL_BYTES, () => ranges.push(ws.getRange(e.cell).load("formulas,numberFormat")));
        await reads.flush();
        if (protection.protected) throw new HostError({ code: "sheet-protected", sheet: sheetName, action: "write" });
        const { sheet: metaSheet, meta, rows } = metadata.resolve();
        const writes = edits.map((e, i) => {
          const r = ranges[i]!;
          const original: OfficeWritten = { host: "excel", formula: r.formulas[0]![0] as string | number | boolean, numberFormat: String(r.numberFormat[0]![0]), written: e.text };
          return { sheet: sheetName, cell: e.cell, label, original: JSON.stringify(original) };
        });
        const batch = new Batch(context, this.budget);
        context.application.suspendApiCalculationUntilNextSync();
        // What the cells held goes first: should the write stop half-way, 撤销 still has it.
        await this.writeMetadata(batch, metaSheet, { ...meta, writes }, rows);
        for (const [i, e] of edits.entries()) {
          await batch.add(requestBytes(e.text), () => {
            // Text stays text: "@" before the value, so a progress starting with "=" is never a formula.
            ranges[i]!.numberFormat = [["@"]];
            ranges[i]!.values = [[e.text]];
          });
        }
        await batch.flush();
      });
    } catch (e) {
      throw officeError(e, "write", { recovery: "undo-merge" });
    }
  }

  async undoWrites(): Promise<UndoneWrites | undefined> {
    try {
      return await this.run(async (context) => {
        const metadata = this.metadataProxies(context);
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const { sheet: metaSheet, meta, rows } = metadata.resolve();
        if (meta.writes.length === 0) return undefined;
        const names = new Set(sheets.items.map((s) => s.name));
        // The sheets' protection, read with the cells, before anything is written; the cells in as
        // many responses as the texts written need.
        const protections = [...new Set(meta.writes.map((w) => w.sheet))].filter((n) => names.has(n)).map((n) => [n, context.workbook.worksheets.getItem(n).protection.load("protected")] as const);
        const reads = new Batch(context, this.budget);
        const cells: { w: (typeof meta.writes)[number]; range: Excel.Range | undefined }[] = [];
        for (const w of meta.writes) {
          if (!names.has(w.sheet)) cells.push({ w, range: undefined });
          else await reads.add(requestBytes(w.original), () => cells.push({ w, range: context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).load("values") }));
        }
        await reads.flush();
        const locked = protections.find(([, p]) => p.protected);
        if (locked) throw new HostError({ code: "sheet-protected", sheet: locked[0], action: "undo" });
        const batch = new Batch(context, this.budget);
        const kept: string[] = [];
        let restored = 0;
        for (const { w, range } of cells) {
          const o = writtenOf(w.original);
          const now = range ? String(range.values[0]![0] ?? "") : undefined;
          if (!range || now !== o.written) {
            // Never written (a write that stopped half-way): at most its format changed. Changed since: kept.
            if (range && now === String(o.formula)) {
              await batch.add(requestBytes(o.numberFormat), () => (range.numberFormat = [[o.numberFormat]]));
              restored++;
            } else kept.push(`${w.sheet}!${w.cell}`);
            continue;
          }
          await batch.add(requestBytes(o.formula), () => {
            range.numberFormat = [[o.numberFormat]];
            range.formulas = [[o.formula]];
          });
          restored++;
        }
        await this.writeMetadata(batch, metaSheet, { ...meta, writes: [] }, rows);
        await batch.flush();
        return { label: meta.writes[0]!.label, restored, kept };
      });
    } catch (e) {
      throw officeError(e, "undo");
    }
  }

  /** After a write that stopped half-way: deletes the sheet it was making. Resolves to whether there was one; never throws. */
  private async removePartialSheet(name: string): Promise<boolean> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) return false;
        ws.delete();
        await context.sync();
        return true;
      });
    } catch {
      return false;
    }
  }

  async saveSettings(json: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const metadata = this.metadataProxies(context);
        const legacy = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
        await context.sync();
        const { sheet, meta, rows } = metadata.resolve();
        const batch = new Batch(context, this.budget);
        await this.writeMetadata(batch, sheet, { ...meta, settings: json }, rows);
        // The metadata sheet is the one place settings live now: an earlier version's copy goes.
        if (!legacy.isNullObject) legacy.delete();
        await batch.flush();
      });
    } catch (e) {
      throw officeError(e, "settings");
    }
  }
}
