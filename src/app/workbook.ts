// Opening a workbook for a use case: its metadata and settings, the one rule for which sheet is the
// ledger, and the directory. Everything a use case needs, read through the port in as few round trips
// as the host allows (two in the usual case: what the workbook holds, then the ledger and directory).
import { book, type WorkbookInfo } from "./book";
import { Directory, DIRECTORY_SHEET, readDirectory } from "../core/directory";
import { hasLedgerHeader, HEADER_SEARCH_ROWS } from "../core/ledger";
import { METADATA_SHEET, readMetadata, type Metadata } from "../core/metadata";
import { RETURN_MARKER_SHEET, RETURN_SHEET } from "../core/returns";
import { cellText } from "../core/text";
import type { SheetGrid } from "../core/types";
import { AppError, directorySourceName, type Message } from "./messages";
import type { SheetRead, SheetRequest, WorkbookPort } from "./port";
import { parseSettings, type Settings } from "./settings";

/** The stamp the add-in writes in A2 of each summary sheet starts so. */
export const STAMP_PREFIX = "由督办助手生成";

/** Where the directory comes from. */
export type DirectorySource = { readonly kind: "workbook" } | { readonly kind: "file"; readonly file: string; readonly sheet: string };

/** A directory from outside the workbook (the command line's --directory). */
export interface ExternalDirectory {
  readonly grid: SheetGrid;
  readonly source: DirectorySource;
}

export interface OpenOptions {
  /** The sheet named by the person for this run (the command line's --sheet), over the settings. */
  readonly sheet?: string;
  /** Settings for this run over the stored ones (the command line's options). */
  readonly settings?: Settings;
  readonly directory?: ExternalDirectory;
}

/** A workbook opened for a use case. */
export interface OpenedWorkbook {
  readonly info: WorkbookInfo;
  readonly metadata: Metadata;
  /** The settings in force: the stored ones, with this run's over them. */
  readonly settings: Settings;
  /** The stored settings alone (what 设置 shows). */
  readonly stored: Settings;
  /** The ledger sheet's cells. */
  readonly ledger: SheetGrid;
  readonly directory?: Directory;
  readonly directorySource?: DirectorySource;
  /** The text in A2 of each summary sheet the metadata names (its stamp). */
  readonly stamps: Readonly<Record<string, string>>;
  /** What to tell the person about how the workbook was read. */
  readonly notes: readonly Message[];
}

/** Sheets the add-in made for itself or for others (never a ledger): metadata, summaries, a form's sheets. */
export function sheetsMadeByAddin(info: WorkbookInfo, metadata: Metadata): Set<string> {
  const names = new Set(info.sheets.map((s) => s.name));
  const made = new Set([METADATA_SHEET, ...metadata.summaries.map((s) => s.sheet)].filter((n) => names.has(n)));
  if (names.has(RETURN_MARKER_SHEET)) {
    made.add(RETURN_MARKER_SHEET);
    if (names.has(RETURN_SHEET)) made.add(RETURN_SHEET);
  }
  return made;
}

const isStamped = (grid: SheetGrid) => cellText(grid.rows[1]?.[0] ?? null).startsWith(STAMP_PREFIX);

/** Rows to read to tell a ledger by its header (the header may be set further down). */
function headRows(settings: Settings): number {
  return Math.max(HEADER_SEARCH_ROWS, (settings.headerRow ?? 0) + 1) + 5;
}

/**
 * Opens the workbook: settings, the ledger sheet, the directory. The ledger is the sheet named for
 * this run, else the sheet chosen in 设置, else the active sheet when it is a ledger, else the first
 * visible ledger sheet; never a sheet the add-in made, nor one whose header is not a ledger's.
 */
export async function openWorkbook(port: WorkbookPort, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const info = await book(port).info();
  const metadata = readMetadata(info.metadata);
  const stored = parseSettings(metadata.settings ?? info.legacySettings);
  const settings: Settings = { ...stored.settings, ...options.settings };
  const notes: Message[] = [...stored.problems];
  const names = new Set(info.sheets.map((s) => s.name));
  const made = sheetsMadeByAddin(info, metadata);

  let named: string | undefined = options.sheet;
  if (named !== undefined && !names.has(named)) throw new AppError({ code: "sheet-not-found", sheet: named, sheets: info.sheets.map((s) => s.name) });
  if (named === undefined && settings.ledgerSheet !== undefined) {
    if (names.has(settings.ledgerSheet)) named = settings.ledgerSheet;
    else notes.push({ code: "ledger-setting-missing", sheet: settings.ledgerSheet });
  }
  const activeWhy = made.has(info.active) ? "made-by-addin" : info.active === DIRECTORY_SHEET ? "directory" : undefined;
  const first = named ?? (activeWhy ? undefined : info.active);

  // One read for the likely ledger, the directory and the summary sheets' stamps.
  const summaries = metadata.summaries.map((s) => s.sheet).filter((n) => names.has(n));
  const readDir = !options.directory && names.has(DIRECTORY_SHEET) && first !== DIRECTORY_SHEET;
  const requests: SheetRequest[] = [...(first !== undefined ? [{ name: first }] : []), ...(readDir ? [{ name: DIRECTORY_SHEET }] : []), ...summaries.map((name) => ({ name, rows: 2 }))];
  const reads = await book(port).readSheets(requests);
  const byName = new Map<string | undefined, SheetRead>(requests.map((r, i) => [r.name, reads[i]!] as const));
  const stamps: Record<string, string> = {};
  for (const s of summaries) stamps[s] = cellText(byName.get(s)!.grid.rows[1]?.[0] ?? null);

  let ledger = byName.get(first);
  if (ledger && named === undefined && (isStamped(ledger.grid) || !hasLedgerHeader(ledger.grid, settings.headerRow))) {
    ledger = undefined;
  }
  if (!ledger) {
    const found = await findLedgerSheet(port, info, made, settings, info.active);
    if (found) {
      ledger = found;
      notes.push({ code: "ledger-not-active", active: info.active, sheet: found.grid.name, why: activeWhy ?? "not-a-ledger" });
    } else if (names.has(RETURN_MARKER_SHEET)) {
      throw await formWorkbookError(port);
    } else if (first !== undefined) {
      // No sheet is a ledger: the active one is read as one, so that the engine says what it lacks
      // (it is empty, its header is further down, it has no task column).
      ledger = byName.get(first)!;
    } else {
      throw new AppError({ code: "no-ledger-sheet", sheets: visibleNames(info) });
    }
  }
  notes.push(...ledger.notes);

  let directory: Directory | undefined;
  let directorySource: DirectorySource | undefined;
  if (options.directory) {
    directorySource = options.directory.source;
    directory = readDirectory(options.directory.grid, directorySourceName(directorySource));
  } else if (names.has(DIRECTORY_SHEET)) {
    // Read with the likely ledger above (or as the sheet named to check).
    directorySource = { kind: "workbook" };
    directory = readDirectory(byName.get(DIRECTORY_SHEET)!.grid, directorySourceName(directorySource));
  }
  return {
    info,
    metadata,
    settings,
    stored: stored.settings,
    ledger: ledger.grid,
    ...(directory ? { directory, directorySource } : {}),
    stamps,
    notes,
  };
}

function visibleNames(info: WorkbookInfo): string[] {
  return info.sheets.filter((s) => s.visible).map((s) => s.name);
}

/** The first visible sheet (in tab order) other than `skip` whose header is a ledger's, read whole. */
async function findLedgerSheet(port: WorkbookPort, info: WorkbookInfo, made: ReadonlySet<string>, settings: Settings, skip: string): Promise<SheetRead | undefined> {
  const candidates = info.sheets.filter((s) => s.visible && s.name !== skip && s.name !== DIRECTORY_SHEET && !made.has(s.name)).map((s) => s.name);
  const heads = await book(port).readSheets(candidates.map((name) => ({ name, rows: headRows(settings) })));
  const at = heads.findIndex((h) => !isStamped(h.grid) && hasLedgerHeader(h.grid, settings.headerRow));
  if (at < 0) return undefined;
  const [whole] = await book(port).readSheets([{ name: candidates[at]! }]);
  return whole;
}

/** A workbook that is a unit's form: say whose, and what to do with it. */
async function formWorkbookError(port: WorkbookPort): Promise<AppError> {
  const [marker] = await book(port).readSheets([{ name: RETURN_MARKER_SHEET, rows: 2 }]);
  const [unit, quarter] = (marker!.grid.rows[1] ?? []).map((v) => cellText(v).trim());
  return new AppError({ code: "form-workbook", unit: unit ?? "", quarter: quarter ?? "" });
}

/**
 * The name a workbook is downloaded under after the add-in worked on it: the name it was opened
 * under with 已检查 (台账.xlsx → 台账-已检查.xlsx), so that the file a person chose is never taken for
 * the one the add-in changed; once, however often it is downloaded.
 */
export function checkedFileName(name: string): string {
  const base = name.trim().replace(/\.xlsx$/i, "") || "台账";
  return /-已检查(\s*\(\d+\))?$/.test(base) ? `${base}.xlsx` : `${base}-已检查.xlsx`;
}
