// The Office.js host: the only code that touches `Excel`, an interpreter of the port and nothing more.
// `read` asks for everything in one `Excel.run` and, on the desktop, one sync (one more per chunk of a
// sheet beyond Excel on the web's 5 MB or beyond the cells Excel reads at once, of records beyond a
// first window on the web, and one where looked-at cells have threaded comments); `apply` queues
// every operation into one batch, synced only when a request under the web's limit is full.
// What this Excel lacks (`ApiSupport`) it does without. What it knows of the workbook between calls
// (the sheets, their used ranges, the metadata sheet's size) only saves syncs. `watchCells` follows
// Excel's change events (./changes.ts), leaving out those of its own writes.
import { HostError, type CellsChangeListener, type CellsRequest, type HostAction, type HostMessage, type Lack, type Op, type ReadRequest, type SheetRead, type WorkbookPort, type WorkbookRead } from "../../app/port";
import { METADATA_SHEET } from "../../core/metadata";
import type { SheetGrid } from "../../core/types";
import { OpWriter, type MetadataState, type SheetStates } from "./apply";
import { OwnWrites, watchChanges } from "./changes";
import { Batch, requestBytes } from "./batch";
import { queueCells, resolveCells, type QueuedCells } from "./cells";
import { EXTENT_PROPS, extentOf, gridFromValues, GridReader, MERGE_BAND_ROWS, valuesOf, type Extent, type QueuedRead } from "./grids";
import { budgetOf, SETTINGS_KEY, type ApiSupport, type ExcelRun } from "./support";

export { apiSupport, MAX_AREAS, SETTINGS_KEY, WEB_PAYLOAD_LIMIT, type ApiSupport, type ExcelLibrary, type ExcelRun } from "./support";
export { gridFromValues } from "./grids";

/**
 * Every batch waits while a person is editing a cell, instead of failing
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions; office.js passes the flag only
 * where Excel has the DelayForCellEdit set, and ignores it elsewhere).
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** An Office error as a HostError saying what failed; the details go to the log. */
export function officeError(e: unknown, action: HostAction, more: Partial<Extract<HostMessage, { code: "excel-failed" }>> = {}): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string; debugInfo?: unknown };
  console.error(`督办助手：${action} 失败`, err?.code, err?.message, err?.debugInfo);
  return new HostError({ code: "excel-failed", action, error: err?.code ?? "", ...more }, e);
}

/** The sheets a request names (for grids, looks, contents, protection). */
function sheetsNamed(request: ReadRequest): string[] {
  const cells = (qs: readonly CellsRequest[] | undefined) => (qs ?? []).map((q) => q.sheet);
  return [...(request.grids ?? []).map((g) => g.name), ...cells(request.looks), ...cells(request.contents), ...(request.protection ?? [])];
}

/** What one attempt at a read queued, to resolve after its sync. */
interface QueuedInfo {
  readonly sheets: Excel.WorksheetCollection;
  readonly active: Excel.Worksheet;
  readonly structure: Excel.WorkbookProtection;
  readonly book: Excel.Workbook;
  readonly activeUsed?: Excel.Range;
  readonly metadata?: Excel.Range;
  readonly legacy?: Excel.Setting;
  readonly tables?: Excel.TableCollection;
  readonly protection: readonly (readonly [string, Excel.WorksheetProtection])[];
}

interface Queued {
  readonly info: QueuedInfo;
  /** The metadata sheet read as a sheet of known size, in chunks (after a first try failed on the web). */
  readonly metadata?: QueuedRead;
  readonly grids: readonly QueuedRead[];
  readonly cells: QueuedCells;
}

/**
 * The window of the metadata sheet read on the web before its size is known: its records are five
 * wide (apply.ts), and a few hundred of them are what a workbook holds in the usual case. At worst
 * (every cell WORST_CELL_BYTES long) the window takes about 2 MB of a response.
 */
const RECORD_WINDOW_ROWS = 200;
const RECORD_WINDOW_COLUMNS = 8;

/** Errors no second, smaller read would mend: another workbook in front, a missing API, protection. */
const FINAL_ERRORS = new Set(["InactiveWorkbook", "ApiNotFound", "AccessDenied"]);

export class OfficeHost implements WorkbookPort {
  readonly kind = "excel" as const;
  /** Excel draws tables and charts. */
  readonly lacks: ReadonlySet<Lack> = new Set<Lack>();
  /** Excel.createWorkbook, where this Excel has it (ExcelApi 1.8). */
  readonly openWorkbook?: (base64: string) => Promise<void>;

  /** The sheets and their visibility at the last read, as every apply since left them (undefined: not known). */
  private states: SheetStates | undefined;
  /**
   * The sheets' used ranges as a read without grids found them (the active sheet's), so that reading
   * a sheet right after takes one sync on the web too (its size is known). Forgotten at every apply.
   */
  private extents = new Map<string, Extent | null>();
  /** The metadata sheet as last read or written (undefined: not known). */
  private metadata: MetadataState | undefined;
  /** The host's own writes, whose change events are not told (./changes.ts). */
  private readonly own = new OwnWrites();

  /**
   * Tells `listener` of each change a person makes to the cells (Excel's change events: ./changes.ts);
   * each call registers anew. A property, not a method: the application layer calls it unbound.
   */
  readonly watchCells = (listener: CellsChangeListener): (() => void) => watchChanges(this.excelRun, RUN_OPTIONS, this.support, this.own, listener);

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

  async read(request: ReadRequest): Promise<WorkbookRead> {
    try {
      return await this.run(async (context) => {
        // The sheets named must be known to exist: a sheet not known is looked for first (one sync).
        let states: SheetStates = this.states ?? new Map();
        if (sheetsNamed(request).some((n) => !states.has(n))) states = await this.learn(context, []);
        this.refuseMissing(request, states);
        // First try: everything in one sync, sheets of unknown size read through their used range.
        // Should that fail (a sheet over the web's payload limit, more merged areas than Excel lists
        // at once, a sheet deleted since), learn the sheets and sizes again and read in chunks and
        // smaller bands; at last without merges.
        // A read is sent and resolved together: a used range over Excel's cells for one read may come
        // back as null `values` (grids.ts, `valuesOf`), which is a failure to read again in chunks.
        const once = async (bands: number | undefined, roomy: boolean, unmerged: boolean) => this.resolve(context, request, await this.attempt(context, request, states, bands, roomy), unmerged);
        try {
          return await once(MERGE_BAND_ROWS, false, false);
        } catch (first) {
          // What a smaller read cannot mend is said at once.
          if (FINAL_ERRORS.has((first as { code?: string })?.code ?? "")) throw first;
          const sized = [...(request.grids ?? []).filter((g) => g.rows === undefined).map((g) => g.name), ...(request.metadata ? [METADATA_SHEET] : [])];
          states = await this.learn(context, sized.filter((n) => !this.extents.has(n)));
          this.refuseMissing(request, states);
          try {
            return await once(100, true, false);
          } catch (second) {
            if (!this.support.mergedAreas || !request.grids?.length) throw second ?? first;
            return await once(undefined, true, true);
          }
        }
      });
    } catch (e) {
      throw officeError(e, "read");
    }
  }

  /** A grid of a sheet that does not exist is an error (of the request, not of Excel). */
  private refuseMissing(request: ReadRequest, states: SheetStates): void {
    const missing = (request.grids ?? []).find((g) => !states.has(g.name));
    if (missing) throw new HostError({ code: "sheet-missing", sheet: missing.name });
  }

  /** Loads the sheets, and the used ranges of these (one sync). */
  private async learn(context: Excel.RequestContext, extents: readonly string[]): Promise<SheetStates> {
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    this.states = new Map(sheets.items.map((s) => [s.name, s.visibility]));
    const used = extents.filter((n) => this.states!.has(n)).map((n) => [n, context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true).load(EXTENT_PROPS)] as const);
    if (used.length) {
      await context.sync();
      for (const [name, r] of used) this.extents.set(name, extentOf(r));
    }
    return this.states;
  }

  /** Queues everything asked (grids with merged areas in `bands` of rows; cells' notes taken to be long when `roomy`) and sends it. */
  private async attempt(context: Excel.RequestContext, request: ReadRequest, states: SheetStates, bands: number | undefined, roomy: boolean): Promise<Queued> {
    const wb = context.workbook;
    const exists = (n: string) => states.has(n);
    const reader = new GridReader(this.support, this.extents);
    // The metadata sheet: in chunks once its size is known (a first try failed); on the web, where its
    // records may pass a response's 5 MB, a window of its first rows and the rest in chunks; else, or
    // before the sheets are known, whole through its used range (a used range over the cells Excel
    // reads at once comes back null and is read again in chunks).
    const sizedMetadata = !request.metadata || !exists(METADATA_SHEET) ? undefined : this.extents.has(METADATA_SHEET) ? reader.queue(context, { name: METADATA_SHEET }, undefined) : this.support.payloadLimit ? reader.queueWindow(context, METADATA_SHEET, RECORD_WINDOW_ROWS, RECORD_WINDOW_COLUMNS) : undefined;
    const info: QueuedInfo = {
      sheets: wb.worksheets.load("items/name,items/visibility"),
      active: wb.worksheets.getActiveWorksheet().load("name"),
      structure: wb.protection.load("protected"),
      // Workbook.name (ExcelApi 1.7, the add-in's least): tells one open workbook from another.
      book: wb.load("name"),
      // The active sheet's size: it is the ledger in the usual case, read next in one sync.
      ...(request.grids?.length ? {} : { activeUsed: wb.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true).load(EXTENT_PROPS) }),
      ...(request.metadata && !sizedMetadata ? { metadata: wb.worksheets.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") } : {}),
      ...(request.legacySettings ? { legacy: wb.settings.getItemOrNullObject(SETTINGS_KEY).load("value") } : {}),
      ...(request.tables ? { tables: wb.tables.load("items/name,items/worksheet/name") } : {}),
      protection: [...new Set(request.protection ?? [])].filter(exists).map((n) => [n, wb.worksheets.getItem(n).protection.load("protected")] as const),
    };
    const grids = (request.grids ?? []).map((g) => reader.queue(context, g, bands));
    const batch = new Batch(context, budgetOf(this.support));
    const cells = await queueCells(batch, context, this.support, request.looks ?? [], request.contents ?? [], exists, roomy);
    await batch.flush();
    return { info, ...(sizedMetadata ? { metadata: sizedMetadata } : {}), grids, cells };
  }

  /** The answer of a read queued and sent; what it tells of the workbook is kept to save later syncs. */
  private async resolve(context: Excel.RequestContext, request: ReadRequest, q: Queued, unmerged: boolean): Promise<WorkbookRead> {
    const { info } = q;
    const sheets = info.sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
    this.states = new Map(info.sheets.items.map((s) => [s.name, s.visibility]));
    if (info.activeUsed) this.extents = new Map([[info.active.name, extentOf(info.activeUsed)]]);
    const reader = new GridReader(this.support, this.extents);
    let metadata: SheetGrid | undefined;
    const hasMetadata = this.states.has(METADATA_SHEET);
    const used = info.metadata;
    if (q.metadata) metadata = { name: METADATA_SHEET, rows: (await reader.grid(context, { name: METADATA_SHEET }, q.metadata)).rows, merges: [] };
    else if (used && hasMetadata) metadata = used.isNullObject ? gridFromValues(METADATA_SHEET, [], 0, 0, []) : gridFromValues(METADATA_SHEET, valuesOf(used), used.rowIndex, used.columnIndex, []);
    // Its rows as Excel counts them (empty rows at the top included), for the next write of it.
    if (metadata) this.metadata = { exists: true, rows: metadata.rows.length };
    else if (!hasMetadata) this.metadata = { exists: false, rows: 0 };
    const legacy = info.legacy && !info.legacy.isNullObject ? (info.legacy.value as unknown) : undefined;
    const grids: SheetRead[] = [];
    for (const [i, g] of (request.grids ?? []).entries()) {
      const grid = await reader.grid(context, g, q.grids[i]!);
      grids.push({ grid, notes: unmerged && g.rows === undefined && grid.rows.length ? [{ code: "merges-unreadable", sheet: g.name }] : [] });
    }
    const { looks, contents } = await resolveCells(context, this.support, q.cells);
    return {
      identity: info.book.name || "excel",
      sheets,
      active: info.active.name,
      structureProtected: info.structure.protected,
      protectedSheets: info.protection.filter(([, p]) => p.protected).map(([n]) => n),
      ...(metadata ? { metadata } : {}),
      ...(legacy !== undefined && legacy !== null ? { legacySettings: typeof legacy === "string" ? legacy : JSON.stringify(legacy) } : {}),
      ...(info.tables ? { tables: info.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) } : {}),
      grids,
      looks,
      contents,
    };
  }

  async apply(ops: readonly Op[], action: HostAction): Promise<void> {
    if (ops.length === 0) return;
    const states = this.states ? new Map(this.states) : undefined;
    const metadata = this.metadata;
    // What is known of the workbook holds again only once the operations are carried out.
    this.extents.clear();
    this.states = undefined;
    this.metadata = undefined;
    try {
      // Held while the batch runs, so that the change events of its writes are not taken for a person's.
      const writer = await this.own.during(() => this.run(async (context) => {
        const known = await this.knownFor(context, ops, states, metadata);
        // A rule, refused before anything is written: a sheet is never added or renamed over another.
        if (known.states) this.refuseClashes(ops, known.states);
        const batch = new Batch(context, budgetOf(this.support));
        const writer = new OpWriter(context, this.support, batch, known.states, known.metadata);
        // Formulas elsewhere wait until the cells are written (Application, ExcelApi 1.6), and are then
        // recalculated in the same batch, its last operation: after the suspension "it is the
        // developer's responsibility to re-calc the workbook, to ensure that any dependencies are
        // propagated" (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)).
        // A count of reported tasks beside the ledger would otherwise keep its old value after 合并回报.
        // Application.calculate and "Recalculate" (the cells Excel marked dirty, not a full
        // recalculation) are ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.calculationtype).
        const writesCells = ops.some((o) => o.op === "values" || o.op === "content" || o.op === "metadata");
        if (writesCells) context.application.suspendApiCalculationUntilNextSync();
        for (const op of ops) await writer.write(op);
        if (writesCells) await batch.add(requestBytes(null), () => context.application.calculate("Recalculate"));
        await batch.flush();
        return writer;
      }));
      this.states = writer.states;
      this.metadata = writer.metadata;
    } catch (e) {
      throw officeError(e, action);
    }
  }

  /**
   * The sheets (when sheets are added or renamed) and the metadata sheet (when it is written), as
   * known from the last read; what is not known is loaded first (one sync).
   */
  private async knownFor(context: Excel.RequestContext, ops: readonly Op[], states: SheetStates | undefined, metadata: MetadataState | undefined): Promise<{ states: SheetStates | undefined; metadata: MetadataState | undefined }> {
    const needStates = !states && ops.some((o) => o.op === "addSheet" || o.op === "renameSheet");
    const needMetadata = !metadata && ops.some((o) => o.op === "metadata");
    if (!needStates && !needMetadata) return { states, metadata };
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name,items/visibility");
    const used = needMetadata ? wb.worksheets.getItemOrNullObject(METADATA_SHEET).getUsedRangeOrNullObject(true).load("rowIndex,rowCount") : undefined;
    await context.sync();
    const now: SheetStates = new Map(sheets.items.map((s) => [s.name, s.visibility]));
    const exists = now.has(METADATA_SHEET);
    return { states: now, metadata: metadata ?? { exists, rows: exists && used && !used.isNullObject ? used.rowIndex + used.rowCount : 0 } };
  }

  /** Names are unique in a workbook, whatever their case: an operation that would take a name taken is refused. */
  private refuseClashes(ops: readonly Op[], states: SheetStates): void {
    const names = new Set([...states.keys()].map((n) => n.toLowerCase()));
    for (const op of ops) {
      if (op.op === "addSheet" || (op.op === "renameSheet" && op.from.toLowerCase() !== op.to.toLowerCase())) {
        const name = op.op === "addSheet" ? op.name : op.to;
        if (names.has(name.toLowerCase())) throw new HostError({ code: "sheet-exists", sheet: name });
        names.add(name.toLowerCase());
        if (op.op === "renameSheet") names.delete(op.from.toLowerCase());
      } else if (op.op === "deleteSheet") names.delete(op.name.toLowerCase());
      else if (op.op === "metadata") names.add(METADATA_SHEET.toLowerCase());
    }
  }
}
