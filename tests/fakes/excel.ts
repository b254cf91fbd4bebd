// A fake of the part of the Excel JavaScript API the Office host uses. Like Office.js, proxies queue
// operations that run, in order, at `context.sync()`; reading a property that was not loaded (or
// before the sync that loads it) throws. It counts syncs and records every queued operation.
//
// It is the Excel it is told to be (`FakeExcel`): an ExcelApi version, whose newer members throw
// ApiNotFound when called, as office.js's `_throwIfApiNotSupported` does, synchronously, before any
// sync; an office.js library that may lack NoteCollection (the local copy the intranet build ships);
// and Excel on the web's 5 MB limit on what one request and one response carry. A request weighs what
// office.js would post for it: every call records the action and object paths office.js makes for it
// (`Sent`, counted by ./officeRequest.ts, whose every number is read from office.js's runtime and checked
// against it in tests/office-limits.test.ts). A response weighs the JSON of the values loaded.
// Change handlers (`onChanged`) are kept on the model and told, after each sync, of the cells the
// add-in wrote, and of a person's edits (`personEdits`, `personInserts` on fakeRun's return).
import { a1, parseA1, parseRange } from "../../src/core/address";
import type { CellRange } from "../../src/core/types";
import { apiSupport, type ApiSupport, type ExcelLibrary } from "../../src/hosts/office/host";
import { excelApiSet } from "./apiSets";
import { ObjectPath, OfficeRequest } from "./officeRequest";

/** What Excel the fake is. */
export interface FakeExcel {
  /** The ExcelApi requirement set it has (default "1.18"). */
  readonly version?: string;
  /** The office.js library has no NoteCollection (`@microsoft/office-js` 1.1.110 has none): `worksheet.notes` is undefined. */
  readonly libraryWithoutNotes?: boolean;
  /** Bytes one request and one response may carry (Excel on the web: 5 MB); a sync over it fails. */
  readonly payloadLimit?: number;
  /**
   * Reports a cell without fill as real Excel does: `pattern` null and `tintAndShade` null (with
   * `color` "#FFFFFF"), not "None" and 0 (https://github.com/OfficeDev/office-js/issues/4900: "If you
   * are setting 'No Fill', you will get 'null'" for tintAndShade, and pattern null;
   * https://github.com/OfficeDev/office-js/issues/6218: color "#FFFFFF" either way).
   */
  readonly noFillAsNull?: boolean;
}

/** The ExcelApi versions the add-in meets: Office 2019 volume-licensed (1.7), 1.9, Office 2021's 1.13 and above, notes (1.18). */
export const EXCEL_VERSIONS = ["1.7", "1.9", "1.13", "1.18"] as const;

/**
 * The members the host uses that are newer than ExcelApi 1.1 and that office.js checks as it runs them
 * (`_throwIfApiNotSupported("Worksheet.pageLayout", "ExcelApi", "1.9")` and the like in
 * @microsoft/office-js's dist/excel-win32-16.01.debug.js), each with its requirement set as Microsoft's
 * typings annotate it (./apiSets.ts). Members reached only through one of these (PageLayout.setPrintTitleRows,
 * RangeAreas.areas, Note.content …) are not checked again, as in office.js. tests/api-sets.test.ts finds, in
 * the host's code, every member newer than the oldest Excel the add-in meets, and fails on one missing here.
 */
export const API_MEMBERS = [
  "Application.suspendApiCalculationUntilNextSync",
  "ChartSeries.setXAxisValues",
  "Range.columnHidden",
  "Range.getMergedAreasOrNullObject",
  "Range.getSpecialCellsOrNullObject",
  "Range.hyperlink",
  "Range.merge",
  "RangeFill.pattern",
  "RangeFill.patternColor",
  "RangeFill.tintAndShade",
  "RangeFill.patternTintAndShade",
  "Table.worksheet",
  "Workbook.name",
  "Workbook.protection",
  "Workbook.settings",
  "Worksheet.comments",
  "Worksheet.freezePanes",
  "Worksheet.getRangeByIndexes",
  "Worksheet.getRanges",
  "Worksheet.getUsedRangeOrNullObject",
  "Worksheet.notes",
  "Worksheet.onChanged",
  "Worksheet.pageLayout",
  "Worksheet.protection",
  "WorksheetCollection.getItemOrNullObject",
  "WorksheetCollection.onChanged",
] as const;
export type ApiMember = (typeof API_MEMBERS)[number];

/**
 * Fields of event arguments newer than the oldest Excel the add-in meets that the host reads. They are
 * plain data office.js copies from Excel's message (`triggerSource: value.triggerSource` in
 * Worksheet_Changed_EventArgsTransform, dist/excel-web-16.00.debug.js), never checked: an older Excel
 * leaves them out, and so does the fake (`changedEvent`), each at the set the typings give it.
 */
export const EVENT_FIELDS = ["WorksheetChangedEventArgs.triggerSource"] as const;

/** Whether requirement set `version` covers `needed` ("1.13" is newer than "1.9"). */
export function covers(version: string, needed: string): boolean {
  const [a, b] = [version, needed].map((v) => v.split(".").map(Number)) as [number[], number[]];
  return a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!);
}

/** The error office.js throws for a member of a newer requirement set. */
export function apiNotFound(member: string, version: string): Error {
  return Object.assign(new Error(`The method or property ${member} is part of the ExcelApi ${excelApiSet(member)} requirement set, which is not available in your version of Excel (ExcelApi ${version}).`), { code: "ApiNotFound", httpStatusCode: 404 });
}

/** The classes of the office.js library the fake stands for, as the pane's entry inspects `Excel`. */
export function fakeLibrary(excel: FakeExcel = {}): ExcelLibrary {
  return { Range: FakeRange, RangeAreas: FakeRangeAreas, ...(excel.libraryWithoutNotes ? {} : { NoteCollection: FakeNotes }) };
}

/** What the pane's entry tells the host this Excel supports (src/taskpane/index.tsx). */
export function supportOf(excel: FakeExcel = {}): ApiSupport {
  const version = excel.version ?? "1.18";
  return apiSupport((v) => covers(version, v), fakeLibrary(excel), excel.payloadLimit !== undefined);
}

/** A cell written with a formula: the formula, and what it computes. */
export interface FakeFormula {
  readonly formula: string;
  readonly result: unknown;
}

const isFormulaValue = (v: unknown): v is FakeFormula => v !== null && typeof v === "object" && "formula" in v;

/** What a cell shows: a formula's result, else its value. */
export function computed(value: unknown): unknown {
  return isFormulaValue(value) ? value.result : value;
}

/**
 * What a formula computes, as far as the fake can tell: arithmetic on numbers (=1+1 is 2); any other
 * formula computes #NAME? here (the fake has no functions or references), as Excel shows a formula it cannot compute.
 */
export function evaluate(formula: string): unknown {
  const body = formula.slice(1);
  if (!/^[\d.\s+\-*/()]+$/.test(body)) return "#NAME?";
  try {
    const n = Function(`"use strict"; return (${body});`)() as unknown;
    return typeof n === "number" && Number.isFinite(n) ? n : "#NUM!";
  } catch {
    return "#NAME?";
  }
}

/** UTF-8 bytes of a value as JSON, as it travels in a request or a response. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
}

/**
 * What a queued operation sends, as office.js sends it (./officeRequest.ts): a property set, a method
 * call, a load, or nothing more than the object a method made (`worksheets.add(name)`, `notes.add` …).
 */
export type Sent =
  | { readonly on: ObjectPath; readonly set: string; readonly value: unknown }
  | { readonly on: ObjectPath; readonly cells: "values" | "numberFormat" | "formulas"; readonly value: unknown }
  | { readonly on: ObjectPath; readonly call: string; readonly args: readonly unknown[] }
  | { readonly on: ObjectPath; readonly load: string }
  | { readonly made: ObjectPath }
  /** An event handler's trace marker (./officeRequest.ts, `trace`). */
  | { readonly trace: true };

/** A path made on first use, once (a property object such as `format`, as office.js makes it on first access). */
function lazyPath(make: () => ObjectPath): () => ObjectPath {
  let path: ObjectPath | undefined;
  return () => (path ??= make());
}

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: unknown;
  fill: FakeFill;
  numberFormat: string;
  /** Locked when the sheet is protected (Excel's default: true). */
  locked?: boolean;
}

export interface FakeSheet {
  /** Excel's id of the sheet: it stays when the sheet is renamed. */
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  /** Rows hidden or filtered out (0-based). */
  hiddenRows: Set<number>;
  notes: Map<string, string>;
  tables: { name: string; address: string; style: string }[];
  hyperlinks: Map<string, { documentReference?: string; textToDisplay?: string }>;
  charts: number;
  pageLayout: Record<string, unknown>;
  /** Columns hidden (0-based). */
  hiddenColumns: Set<number>;
  /** Rows frozen at the top. */
  frozenRows: number;
  /** The protection options when the sheet is protected. */
  protection?: Record<string, unknown>;
  /** Threaded comments by address (a cell holds a threaded comment or a note, not both). */
  comments: Map<string, string>;
  /** Format properties set on cells other than the fill ("font.bold", "horizontalAlignment", "borders.EdgeTop" …), by "row,col". */
  formats?: Map<string, Record<string, unknown>>;
  /** Column widths (points) and row heights (points) set, by 0-based index. */
  columnWidths?: Map<number, number>;
  rowHeights?: Map<number, number>;
  /** The charts drawn, as far as their properties were set. */
  chartList?: Record<string, unknown>[];
}

export interface FakeWorkbookModel {
  sheets: FakeSheet[];
  active: string;
  settings: Map<string, unknown>;
  selected?: { sheet: string; address: string };
  /** The workbook's structure is protected: no sheet may be added, deleted, renamed or hidden. */
  structureProtected?: boolean;
  /** The workbook's name (Workbook.name, ExcelApi 1.7); "Book1" when absent. */
  name?: string;
  /**
   * Cells were written while API calculation was suspended, and no recalculation has run since: the
   * formulas that depend on them still show their old values. "Once set, it is the developer's
   * responsibility to re-calc the workbook, to ensure that any dependencies are propagated"
   * (https://learn.microsoft.com/javascript/api/excel/excel.application, suspendApiCalculationUntilNextSync).
   */
  uncalculated?: boolean;
  /**
   * The change handlers registered with Excel (Worksheet.onChanged on a sheet, by its id;
   * WorksheetCollection.onChanged on "workbook"): kept by Excel, not by a run, so they outlive it.
   */
  changeHandlers?: FakeChangeHandler[];
  /** Change events on their way to the handlers (`whenDelivered`). */
  deliveries?: Promise<void>[];
  /** What handlers threw or rejected with (office.js only logs it: EventHandlers.fireEvent). */
  handlerErrors?: unknown[];
}

/** WorksheetChangedEventArgs as Excel sends it and office.js hands it over (without getRange and details). */
export interface FakeChangedEvent {
  readonly type: "WorksheetChanged";
  readonly changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted" | "Unknown";
  readonly source: "Local" | "Remote";
  readonly worksheetId: string;
  /** The changed area on its sheet, without the sheet's name ("E5", "E5:E40", "5:5"). */
  readonly address: string;
  /** ExcelApi 1.14: who made the change; left out below it. */
  readonly triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface FakeChangeHandler {
  /** A sheet's id, or "workbook" for a handler on every sheet. */
  readonly on: string;
  readonly handler: (event: FakeChangedEvent) => unknown;
}

/**
 * Raises a WorksheetChanged event on `sheet`: every handler on the sheet or on the workbook is called
 * with it asynchronously (setTimeout 0), as office.js calls handlers when Excel's message comes, after
 * the sync that made the change (GenericEventRegistration._handleRichApiMessage). The handlers are
 * the ones registered when it is delivered. `triggerSource` is sent from ExcelApi 1.14 on
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member).
 */
export function raiseChanged(model: FakeWorkbookModel, excel: FakeExcel, sheet: FakeSheet, address: string, changeType: FakeChangedEvent["changeType"], trigger: "ThisLocalAddin" | "Unknown", source: FakeChangedEvent["source"] = "Local"): Promise<void> {
  const event = changedEvent(excel, { type: "WorksheetChanged", changeType, source, worksheetId: sheet.id, address }, trigger);
  const delivery = new Promise<void>((resolve) =>
    setTimeout(() => {
      const told = (model.changeHandlers ?? []).filter((h) => h.on === "workbook" || h.on === sheet.id);
      // office.js catches what a handler throws and logs it (EventHandlers.fireEvent): kept here, to be looked at.
      const calls = told.map((h) => Promise.resolve().then(() => h.handler(event)).catch((e: unknown) => void (model.handlerErrors ??= []).push(e)));
      void Promise.all(calls).then(() => resolve());
    }, 0),
  );
  (model.deliveries ??= []).push(delivery);
  return delivery;
}

/** The event's fields as this Excel sends them: those of EVENT_FIELDS only where its requirement set covers them. */
function changedEvent(excel: FakeExcel, event: Omit<FakeChangedEvent, "triggerSource">, trigger: "ThisLocalAddin" | "Unknown"): FakeChangedEvent {
  return covers(excel.version ?? "1.18", excelApiSet("WorksheetChangedEventArgs.triggerSource")) ? { ...event, triggerSource: trigger } : event;
}

/** Waits until every change event raised so far has been delivered and its handlers have settled. */
export async function whenDelivered(model: FakeWorkbookModel): Promise<void> {
  let seen = -1;
  // A handler may raise more (the host's name lookups do not, a test's may): until none are new.
  while (seen !== (model.deliveries ?? []).length) {
    seen = (model.deliveries ?? []).length;
    await Promise.all(model.deliveries ?? []);
  }
}

/**
 * Cells one get of `values`, `text` or `formulas` may cover: "On all platforms, a range is limited to
 * five million cells for get operations", and over it "`Range.values` returns `null` instead" of
 * failing (https://github.com/OfficeDev/office-js-docs-pr/pull/5821, on
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance; null on a Mac in
 * https://github.com/OfficeDev/office-js/issues/4783, on Windows, Mac and the web in #6781).
 */
export const CELL_READ_LIMIT = 5_000_000;

let sheetIds = 0;

export function newSheet(name: string, values: unknown[][] = [], merges: string[] = []): FakeSheet {
  const cells = new Map<string, FakeCell>();
  values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(`${r},${c}`, { value: v, fill: { ...NO_FILL }, numberFormat: "General" })));
  return { id: `{sheet-${++sheetIds}}`, name, visibility: "Visible", cells, merges: merges.map((m) => parseRange(m)!), hiddenRows: new Set(), notes: new Map(), tables: [], hyperlinks: new Map(), charts: 0, pageLayout: {}, hiddenColumns: new Set(), frozenRows: 0, comments: new Map() };
}

class NotLoaded extends Error {}

type Op = { readonly describe: string; readonly run: () => void };

/** An error as Office.js gives it: its code, and a message. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** What Excel says of a change a protected sheet or workbook does not allow. */
const accessDenied = (what: string) => officeError("AccessDenied", `${what} is protected`);

/** The fake RequestContext: a queue of operations, run at sync. */
export class FakeContext {
  syncs = 0;
  readonly ops: string[] = [];
  /** Fails the nth queued operation (1-based, counted over the whole run) with this error, for failure tests. */
  failAt?: { op: number; error: Error };
  /** Bytes of each sync's request and response, in order. */
  readonly requests: number[] = [];
  readonly responses: number[] = [];
  private queue: Op[] = [];
  private opCount = 0;
  private responseBytes = 0;
  /**
   * The request office.js would be building (./officeRequest.ts): the body's UTF-8 bytes, with its
   * object paths, Instantiate and `_KeepReference` actions, ids and "L" lists, are what the limit is held to.
   */
  readonly request = new OfficeRequest();
  private readonly applicationPath = lazyPath(() => this.request.property(this.request.root, "Application"));
  readonly workbook: FakeWorkbook;
  /** API calculation is suspended until the end of this sync (suspendApiCalculationUntilNextSync). */
  calculationSuspended = false;
  /** The cells this sync's operations changed, raised as change events once it is over. */
  private changes: { sheet: FakeSheet; address: string; changeType: FakeChangedEvent["changeType"] }[] = [];
  readonly application = {
    suspendApiCalculationUntilNextSync: () => {
      this.requires("Application.suspendApiCalculationUntilNextSync");
      this.enqueue("application.suspendApiCalculationUntilNextSync()", () => (this.calculationSuspended = true), { on: this.applicationPath(), call: "SuspendApiCalculationUntilNextSync", args: [] });
    },
    /** "Recalculate all currently opened workbooks in Excel" (Application.calculate, ExcelApi 1.1). */
    calculate: (type: string) => {
      this.enqueue(`application.calculate(${type})`, () => (this.model.uncalculated = false), { on: this.applicationPath(), call: "Calculate", args: [type] });
    },
  };

  constructor(
    readonly model: FakeWorkbookModel,
    readonly excel: FakeExcel = {},
  ) {
    this.workbook = new FakeWorkbook(this).at(this.request.root);
  }

  get version(): string {
    return this.excel.version ?? "1.18";
  }

  /** Throws ApiNotFound, at the call, when this Excel's requirement set does not cover the member. */
  requires(member: ApiMember): void {
    const needed = excelApiSet(member);
    if (!covers(this.version, needed)) throw apiNotFound(member, this.version);
  }

  /** Queues an operation, and what office.js sends for it (one action, or several: `fill.set` sets each property). */
  enqueue(describe: string, run: () => void, sent: Sent | readonly Sent[]): void {
    this.ops.push(describe);
    this.queue.push({ describe, run });
    for (const one of Array.isArray(sent) ? (sent as readonly Sent[]) : [sent as Sent]) {
      if ("trace" in one) this.request.trace();
      else if ("set" in one) this.request.set(one.on, one.set, one.value);
      else if ("cells" in one) this.request.setCells(one.on, one.cells, one.value);
      else if ("call" in one) this.request.invoke(one.on, one.call, one.args);
      else if ("load" in one) this.request.load(one.on, one.load);
    }
  }

  /** Loaded values travel back in the response: counted as their JSON (office.js's response wraps them in results by action id, a little more). */
  respond(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  /** Protection of the sheet or of the workbook's structure forbids the change. */
  guardSheet(sheet: FakeSheet, allowed?: string): void {
    if (sheet.protection && !(allowed && sheet.protection[allowed])) throw accessDenied(`sheet ${sheet.name}`);
  }
  guardStructure(): void {
    if (this.model.structureProtected) throw accessDenied("the workbook's structure");
  }

  async sync(): Promise<void> {
    this.syncs++;
    const queue = this.queue;
    const request = this.request.send();
    this.queue = [];
    this.responseBytes = 0;
    this.requests.push(request);
    // Excel on the web refuses a request over its limit whole, and a response over it after running
    // the request (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
    const limit = this.excel.payloadLimit;
    if (limit !== undefined && request > limit) throw officeError("RequestPayloadSizeLimitExceeded", `the request carries ${request} bytes`);
    try {
      for (const op of queue) {
        this.opCount++;
        if (this.failAt && this.opCount === this.failAt.op) throw this.failAt.error;
        op.run();
      }
    } finally {
      // "Suspends calculation until the next context.sync() is called."
      this.calculationSuspended = false;
      // What the add-in changed is told to the change handlers after the sync, as Excel tells it
      // (what ran before a failure changed the workbook too): "ThisLocalAddin" from ExcelApi 1.14.
      // With no handler registered, nobody is told.
      const changes = this.model.changeHandlers?.length ? this.changes : [];
      this.changes = [];
      for (const c of changes) void raiseChanged(this.model, this.excel, c.sheet, c.address, c.changeType, "ThisLocalAddin");
    }
    this.responses.push(this.responseBytes);
    if (limit !== undefined && this.responseBytes > limit) throw officeError("ResponsePayloadSizeLimitExceeded", `the response carries ${this.responseBytes} bytes`);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.model.sheets.find((s) => s.name === name);
  }

  /** A sheet's name from a key WorksheetCollection.getItem takes: "the name or ID of the worksheet" (the key itself when no sheet has that id). */
  nameOf(key: string): string {
    return this.sheet(key)?.name ?? this.model.sheets.find((s) => s.id === key)?.name ?? key;
  }

  /** Cells an operation of this sync changed (values, formulas, contents cleared, cells deleted): a change event follows the sync. */
  changed(sheet: FakeSheet, area: CellRange, changeType: FakeChangedEvent["changeType"] = "RangeEdited"): void {
    this.changes.push({ sheet, address: localAddress(area), changeType });
  }
}

/** An area as a change event gives it: on its sheet, without the sheet's name ("E5", "E5:E40"). */
function localAddress(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/**
 * A change handler added through `onChanged` (OfficeExtension.EventHandlers): sent as office.js sends
 * it (GenericEventHandlers.add: `_RegisterDataChangedEvent` on the object when it has no handler yet,
 * then a trace marker; remove: `_UnregisterDataChangedEvent` when it is the last, then a trace marker),
 * and registered with Excel, or removed, at the sync (the trace marker's callback, in office.js).
 * The result's `remove` queues on the context the handler was added in: the run that syncs it is given
 * that context (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 */
class FakeEventHandlers {
  /** The handlers registered through this object (office.js's `_handlers`, updated at sync). */
  private handlers: FakeChangeHandler[] = [];
  constructor(
    private readonly ctx: FakeContext,
    /** What the handlers are on, at sync: a sheet's id, or "workbook". */
    private readonly target: () => string,
    private readonly path: () => ObjectPath,
  ) {}

  add(handler: (event: FakeChangedEvent) => unknown): { readonly context: FakeContext; remove(): void } {
    const sent: Sent[] = [...(this.handlers.length === 0 ? [{ on: this.path(), call: "_RegisterDataChangedEvent", args: [] }] : []), { trace: true }];
    let registered: FakeChangeHandler | undefined;
    this.ctx.enqueue(`onChanged.add()`, () => {
      registered = { on: this.target(), handler };
      this.handlers.push(registered);
      (this.ctx.model.changeHandlers ??= []).push(registered);
    }, sent);
    let removed = false;
    return {
      context: this.ctx,
      remove: () => {
        if (removed) return;
        removed = true;
        const last: Sent[] = this.handlers.length === 1 ? [{ on: this.path(), call: "_UnregisterDataChangedEvent", args: [] }] : [];
        this.ctx.enqueue(`onChanged.remove()`, () => {
          this.handlers = this.handlers.filter((h) => h !== registered);
          const all = this.ctx.model.changeHandlers ?? [];
          if (registered && all.includes(registered)) all.splice(all.indexOf(registered), 1);
        }, [...last, { trace: true }]);
      },
    };
  }
}

/** Base of every proxy: properties become readable only once a sync has loaded them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  private path_: ObjectPath | (() => ObjectPath) | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  /** Where office.js finds this object: its object path, made now, or on first use when given as a function. */
  at(path: ObjectPath | (() => ObjectPath)): this {
    this.path_ = path;
    return this;
  }

  get path(): ObjectPath {
    if (this.path_ === undefined) throw new Error(`fake ${this.constructor.name} has no object path`);
    if (!(this.path_ instanceof ObjectPath)) this.path_ = this.path_();
    return this.path_;
  }

  protected get_<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(`读取了未加载的属性 ${prop}（先 load 再 sync）`);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new NotLoaded("读取了未同步的 isNullObject");
    return this.nullState;
  }
}

function splitProps(props: string): string[] {
  return props.split(",").map((p) => p.trim()).filter(Boolean);
}

export class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  /** The workbook's tables (ExcelApi 1.1), each with its worksheet (Table.worksheet, ExcelApi 1.2). */
  readonly tables: FakeWorkbookTables;
  private readonly settings_: FakeSettings;
  private readonly protection_: FakeProtection;
  constructor(ctx: FakeContext) {
    super(ctx);
    const root = ctx.request.root;
    this.worksheets = new FakeWorksheetCollection(ctx).at(() => ctx.request.property(root, "Worksheets"));
    this.tables = new FakeWorkbookTables(ctx).at(() => ctx.request.property(root, "Tables"));
    this.settings_ = new FakeSettings(ctx);
    this.protection_ = new FakeProtection(ctx, "workbook", () => !!ctx.model.structureProtected).at(() => ctx.request.property(root, "Protection"));
  }
  /** Only "name" (ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member). */
  load(props: string): this {
    if (splitProps(props).some((p) => p !== "name")) throw new Error(`fake Workbook cannot load ${props}`);
    this.ctx.requires("Workbook.name");
    this.ctx.enqueue(`workbook.load(${props})`, () => {
      this.loaded.set("name", this.ctx.model.name ?? "Book1");
      this.ctx.respond(this.loaded.get("name"));
    }, { on: this.path, load: props });
    return this;
  }
  get name(): string {
    return this.get_<string>("name");
  }
  get settings(): FakeSettings {
    this.ctx.requires("Workbook.settings");
    return this.settings_;
  }
  /** Whether the structure is protected (ExcelApi 1.7). */
  get protection(): FakeProtection {
    this.ctx.requires("Workbook.protection");
    return this.protection_;
  }
}

/** A sheet's or the workbook's protection: `protected` once loaded; a sheet's can be set on. */
class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly label: string,
    private readonly isOn: () => boolean,
    private readonly turnOn?: (options: Record<string, unknown>) => void,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`${this.label}.protection.load(${props})`, () => {
      this.loaded.set("protected", this.isOn());
      this.ctx.respond(this.isOn());
    }, { on: this.path, load: props });
    return this;
  }
  get protected(): boolean {
    return this.get_<boolean>("protected");
  }
  protect(options: Record<string, unknown> = {}): void {
    // protect(options, password): no password is sent as null.
    this.ctx.enqueue(`protection.protect()`, () => this.turnOn!(options), { on: this.path, call: "Protect", args: [options, undefined] });
  }
}

class FakeSetting extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`settings.getItemOrNullObject(${this.key}).load(${props})`, () => {
      this.nullState = !this.ctx.model.settings.has(this.key);
      this.loaded.set("value", this.ctx.model.settings.get(this.key));
    }, { on: this.path, load: props });
    return this;
  }
  get value(): unknown {
    return this.get_<unknown>("value");
  }
  delete(): void {
    this.ctx.enqueue(`settings.getItemOrNullObject(${this.key}).delete()`, () => {
      if (!this.ctx.model.settings.has(this.key)) throw Object.assign(new Error(`InvalidArgument: no setting ${this.key} (a method on a null object)`), { code: "InvalidArgument" });
      this.ctx.model.settings.delete(this.key);
    }, { on: this.path, call: "Delete", args: [] });
  }
}

/** The workbook's tables, loaded as items with their names and their worksheets' names. */
class FakeWorkbookTables extends Proxy {
  load(props: string): this {
    this.ctx.enqueue(`workbook.tables.load(${props})`, () => {
      if (splitProps(props).includes("items/worksheet/name")) this.ctx.requires("Table.worksheet");
      const items = this.ctx.model.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
      this.loaded.set("items", items);
      this.ctx.respond(items);
    }, { on: this.path, load: props });
    return this;
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    return this.get_<{ name: string; worksheet: { name: string } }[]>("items");
  }
}

class FakeSettings {
  private readonly path: () => ObjectPath;
  constructor(private readonly ctx: FakeContext) {
    this.path = lazyPath(() => ctx.request.property(ctx.request.root, "Settings"));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key).at(this.ctx.request.method(this.path(), "GetItemOrNullObject", [key]));
  }
  /** Like Excel's: an operation on a setting that does not exist fails at sync. */
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key).at(this.ctx.request.indexer(this.path(), key));
  }
  add(key: string, value: unknown): void {
    this.ctx.enqueue(`settings.add(${key})`, () => this.ctx.model.settings.set(key, value), { made: this.ctx.request.method(this.path(), "Add", [key, value]) });
  }
}

class FakeWorksheetCollection extends Proxy {
  load(props: string): this {
    this.ctx.enqueue(`worksheets.load(${props})`, () => {
      this.loaded.set("items", this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s.name).at(() => this.ctx.request.indexer(this.path, s.id));
        ws.fill(s);
        return ws;
      }));
    }, { on: this.path, load: props });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.get_<FakeWorksheet[]>("items");
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.active).at(this.ctx.request.method(this.path, "GetActiveWorksheet", []));
  }
  /** By the sheet's name or its id ("Gets a worksheet object using its name or ID": WorksheetCollection.getItem). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const name = this.ctx.nameOf(key);
      if (!this.ctx.sheet(name)) throw Object.assign(new Error(`ItemNotFound: ${key}`), { code: "ItemNotFound" });
      return name;
    }).at(this.ctx.request.indexer(this.path, key));
  }
  /** By the sheet's name or its id, as getItem. */
  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.requires("WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.ctx, () => this.ctx.nameOf(key), true).at(this.ctx.request.method(this.path, "GetItemOrNullObject", [key]));
  }
  private changed_: FakeEventHandlers | undefined;
  /** Changes on every sheet of the workbook (ExcelApi 1.9); one object for the collection, as office.js keeps it. */
  get onChanged(): FakeEventHandlers {
    this.ctx.requires("WorksheetCollection.onChanged");
    return (this.changed_ ??= new FakeEventHandlers(this.ctx, () => "workbook", () => this.path));
  }
  add(name: string): FakeWorksheet {
    const made = this.ctx.request.method(this.path, "Add", [name]);
    this.ctx.enqueue(`worksheets.add(${name})`, () => {
      this.ctx.guardStructure();
      if (this.ctx.sheet(name)) throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
      this.ctx.model.sheets.push(newSheet(name));
    }, { made });
    return new FakeWorksheet(this.ctx, () => name).at(made);
  }
}

export class FakeWorksheet extends Proxy {
  private readonly notes_: FakeNotes;
  private readonly comments_: FakeComments;
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  private readonly pageLayout_: Record<string, unknown>;
  private readonly freezePanes_: { freezeRows(count: number): void; unfreeze(): void };
  private readonly protection_: FakeProtection;

  constructor(
    ctx: FakeContext,
    readonly resolveName: () => string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.notes_ = new FakeNotes(ctx, this);
    this.comments_ = new FakeComments(ctx, this).at(() => ctx.request.property(this.path, "Comments"));
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    const layoutPath = lazyPath(() => ctx.request.property(this.path, "PageLayout"));
    const footerPaths = new Map<string, ObjectPath>();
    const footerPath = (which: string) => footerPaths.get(which) ?? footerPaths.set(which, ctx.request.property(ctx.request.property(layoutPath(), "HeadersFooters"), which.charAt(0).toUpperCase() + which.slice(1))).get(which)!;
    const freezePath = lazyPath(() => ctx.request.property(this.path, "FreezePanes"));
    const layout: Record<string, unknown> = {};
    this.pageLayout_ = new globalThis.Proxy(layout, {
      set: (_t, prop, value) => {
        ctx.enqueue(`pageLayout.${String(prop)}=`, () => (this.sheet().pageLayout[String(prop)] = value), { on: layoutPath(), set: String(prop), value });
        return true;
      },
      get: (_t, prop) =>
        prop === "setPrintTitleRows"
          ? (rows: string) => ctx.enqueue(`pageLayout.setPrintTitleRows(${rows})`, () => (this.sheet().pageLayout.printTitleRows = rows), { on: layoutPath(), call: "SetPrintTitleRows", args: [rows] })
          : prop === "headersFooters"
            ? { defaultForAllPages: headerFooter("defaultForAllPages") }
            : undefined,
    });
    // PageLayout.headersFooters (ExcelApi 1.9): a HeaderFooterGroup whose HeaderFooter objects take
    // leftFooter, rightFooter … as strings with Excel's codes (&P, &N …), kept as set.
    const headerFooter = (which: string) =>
      new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, prop, value) => {
          ctx.enqueue(`pageLayout.headersFooters.${which}.${String(prop)}=${JSON.stringify(value)}`, () => {
            this.ctx.guardSheet(this.sheet());
            const group = (this.sheet().pageLayout.headersFooters ??= {}) as Record<string, Record<string, unknown>>;
            (group[which] ??= {})[String(prop)] = value;
          }, { on: footerPath(which), set: String(prop), value });
          return true;
        },
      });
    this.freezePanes_ = {
      freezeRows: (count: number) => ctx.enqueue(`freezePanes.freezeRows(${count})`, () => (this.sheet().frozenRows = count), { on: freezePath(), call: "FreezeRows", args: [count] }),
      unfreeze: () => ctx.enqueue(`freezePanes.unfreeze()`, () => (this.sheet().frozenRows = 0), { on: freezePath(), call: "Unfreeze", args: [] }),
    };
    this.protection_ = new FakeProtection(
      ctx,
      "worksheet",
      () => !!this.sheet().protection,
      (options) => (this.sheet().protection = { ...options }),
    ).at(() => ctx.request.property(this.path, "Protection"));
  }

  /** Page layout (ExcelApi 1.9). */
  get pageLayout(): Record<string, unknown> {
    this.ctx.requires("Worksheet.pageLayout");
    return this.pageLayout_;
  }
  /** Frozen panes (ExcelApi 1.7). */
  get freezePanes(): { freezeRows(count: number): void; unfreeze(): void } {
    this.ctx.requires("Worksheet.freezePanes");
    return this.freezePanes_;
  }
  /** Protection (ExcelApi 1.2). */
  get protection(): FakeProtection {
    this.ctx.requires("Worksheet.protection");
    return this.protection_;
  }
  /** Notes (ExcelApi 1.18); undefined where the office.js library has no NoteCollection, as in its local copy. */
  get notes(): FakeNotes {
    if (this.ctx.excel.libraryWithoutNotes) return undefined as unknown as FakeNotes;
    this.ctx.requires("Worksheet.notes");
    return this.notes_;
  }
  /** Threaded comments (ExcelApi 1.10). */
  get comments(): FakeComments {
    this.ctx.requires("Worksheet.comments");
    return this.comments_;
  }
  private changed_: FakeEventHandlers | undefined;
  /** Changes on this sheet (ExcelApi 1.7); the handler is on the sheet's id, and follows it when it is renamed. */
  get onChanged(): FakeEventHandlers {
    this.ctx.requires("Worksheet.onChanged");
    return (this.changed_ ??= new FakeEventHandlers(this.ctx, () => this.sheet().id, () => this.path));
  }

  /** The sheet once found: like Office.js's proxies, this one follows it when it is renamed. */
  private bound: FakeSheet | undefined;

  /** The sheet this proxy stands for (at sync time). */
  sheet(): FakeSheet {
    if (this.bound) {
      if (this.ctx.model.sheets.includes(this.bound)) return this.bound;
      throw Object.assign(new Error(`ItemNotFound: ${this.bound.name}`), { code: "ItemNotFound" });
    }
    const s = this.ctx.sheet(this.resolveName());
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${this.resolveName()}`), { code: "ItemNotFound" });
    this.bound = s;
    return s;
  }

  exists(): boolean {
    return this.bound ? this.ctx.model.sheets.includes(this.bound) : !!this.ctx.sheet(this.resolveName());
  }

  fill(s: FakeSheet): void {
    this.loaded.set("id", s.id);
    this.loaded.set("name", s.name);
    this.loaded.set("visibility", s.visibility);
    this.loaded.set("position", this.ctx.model.sheets.indexOf(s));
    this.nullState = false;
  }

  load(props: string): this {
    this.ctx.enqueue(`worksheet.load(${props})`, () => {
      if (this.orNull && !this.exists()) {
        this.nullState = true;
        return;
      }
      this.fill(this.sheet());
      this.ctx.respond([this.sheet().name, this.sheet().visibility]);
    }, { on: this.path, load: props });
    return this;
  }

  get id(): string {
    return this.get_<string>("id");
  }
  get name(): string {
    return this.get_<string>("name");
  }
  /** Renames the sheet (not in a workbook whose structure is protected; never to a name taken). */
  set name(name: string) {
    this.ctx.enqueue(`worksheet.name=${name}`, () => {
      this.ctx.guardStructure();
      const s = this.sheet();
      if (this.ctx.model.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase())) throw officeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      if (this.ctx.model.active === s.name) this.ctx.model.active = name;
      s.name = name;
    }, { on: this.path, set: "name", value: name });
  }
  get visibility(): string {
    return this.get_<string>("visibility");
  }
  get position(): number {
    return this.get_<number>("position");
  }
  /**
   * Moves the sheet to this zero-based tab position among all the sheets, hidden ones included
   * (Worksheet.position, ExcelApi 1.1: "The zero-based position of the worksheet within the workbook").
   */
  set position(position: number) {
    this.ctx.enqueue(`worksheet.position=${position}`, () => {
      this.ctx.guardStructure();
      const s = this.sheet();
      const sheets = this.ctx.model.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length) throw officeError("InvalidArgument", `position ${position} of ${sheets.length} sheets`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(position, 0, s);
    }, { on: this.path, set: "position", value: position });
  }
  set visibility(v: string) {
    this.ctx.enqueue(`worksheet.visibility=${v}`, () => {
      this.ctx.guardStructure();
      this.sheet().visibility = v as FakeSheet["visibility"];
    }, { on: this.path, set: "visibility", value: v });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.requires("Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.ctx, this, () => usedRange(this.orNull && !this.exists() ? undefined : this.sheet()), true).at(this.ctx.request.method(this.path, "GetUsedRangeOrNullObject", [valuesOnly], true));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseRange(address)! : { top: 0, left: 0, bottom: 1048575, right: 16383 })).at(this.ctx.request.method(this.path, "GetRange", [address], true));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.requires("Worksheet.getRangeByIndexes");
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 })).at(this.ctx.request.method(this.path, "GetRangeByIndexes", [row, col, rows, cols], true));
  }
  getRanges(address: string): FakeRangeAreas {
    this.ctx.requires("Worksheet.getRanges");
    const parts = address.split(",");
    if (parts.length > 400) throw new Error("too many areas in one RangeAreas");
    return new FakeRangeAreas(this.ctx, this, () => parts.map((p) => parseRange(p)!)).at(this.ctx.request.method(this.path, "GetRanges", [address], true));
  }
  activate(): void {
    this.ctx.enqueue(`worksheet.activate()`, () => (this.ctx.model.active = this.sheet().name), { on: this.path, call: "Activate", args: [] });
  }
  /**
   * Deletes the sheet. As Excel's: a very hidden sheet cannot be deleted ("if the worksheet's
   * visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation
   * exception": Worksheet.delete in @types/office-js).
   */
  delete(): void {
    this.ctx.enqueue(`worksheet.delete()`, () => {
      this.ctx.guardStructure();
      const s = this.sheet();
      if (s.visibility === "VeryHidden") throw officeError("InvalidOperation", `${s.name} is very hidden`);
      const sheets = this.ctx.model.sheets;
      const at = sheets.indexOf(s);
      sheets.splice(at, 1);
      // A workbook always shows a sheet: deleting the active one shows the next visible one.
      if (this.ctx.model.active === s.name) this.ctx.model.active = ([...sheets.slice(at), ...sheets.slice(0, at).reverse()].find((o) => o.visibility === "Visible") ?? sheets[0])?.name ?? "";
    }, { on: this.path, call: "Delete", args: [] });
  }
}

function usedRange(s: FakeSheet | undefined): CellRange | undefined {
  if (!s || s.cells.size === 0) return undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // Every load of a used range scans the keys: without a split and an array per key, it is a third of a
  // 20,000-row test's time less.
  for (const key of s.cells.keys()) {
    const comma = key.indexOf(",");
    const r = +key.slice(0, comma);
    const c = +key.slice(comma + 1);
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  }
  return { top, left, bottom, right };
}

function cellsOf(r: CellRange): [number, number][] {
  const out: [number, number][] = [];
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push([i, j]);
  return out;
}

function rangeAddress(sheet: string, r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return `${sheet}!${tl === br ? tl : `${tl}:${br}`}`;
}

const PATTERN_PROPS = ["pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;

class FakeFillProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; areas: CellRange[] },
    private readonly label: string,
  ) {
    super(ctx);
  }
  private cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(`${r},${c}`);
    if (!cell) sheet.cells.set(`${r},${c}`, (cell = { value: "", fill: { ...NO_FILL }, numberFormat: "General" }));
    return cell;
  }
  load(props: string): this {
    this.ctx.enqueue(`${this.label}.format.fill.load(${props})`, () => {
      const { sheet, areas } = this.target();
      const [r, c] = [areas[0]!.top, areas[0]!.left];
      const stored = sheet.cells.get(`${r},${c}`)?.fill ?? NO_FILL;
      const fill = this.ctx.excel.noFillAsNull && stored.pattern === "None" ? { ...stored, pattern: null, tintAndShade: null } : stored;
      for (const p of splitProps(props)) {
        // A property this Excel does not have fails the request.
        if ((PATTERN_PROPS as readonly string[]).includes(p) && !covers(this.ctx.version, excelApiSet(`RangeFill.${p}`))) throw apiNotFound(`RangeFill.${p}`, this.ctx.version);
        this.loaded.set(p, fill[p as keyof FakeFill]);
        this.ctx.respond(fill[p as keyof FakeFill]);
      }
    }, { on: this.path, load: props });
    return this;
  }
  get color(): string {
    return this.get_<string>("color");
  }
  set color(color: string) {
    this.set({ color });
  }
  get pattern(): string {
    return this.get_<string>("pattern");
  }
  get patternColor(): string {
    return this.get_<string>("patternColor");
  }
  get tintAndShade(): number {
    return this.get_<number>("tintAndShade");
  }
  get patternTintAndShade(): number {
    return this.get_<number>("patternTintAndShade");
  }
  /** Sets fill properties; those of ExcelApi 1.9 throw at the call on an older Excel, as their setters do. */
  set(props: Partial<FakeFill>): void {
    for (const p of PATTERN_PROPS) if (p in props) this.ctx.requires(`RangeFill.${p}`);
    this.ctx.enqueue(`${this.label}.format.fill.set(${JSON.stringify(props)})`, () => {
      // "null isn't valid for single properties like range.values or range.format.fill.color"
      // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
      const invalid = Object.entries(props).find(([, v]) => v === null || v === undefined);
      if (invalid) throw officeError("InvalidArgument", `fill.${invalid[0]} set to ${String(invalid[1])}`);
      const { sheet, areas } = this.target();
      this.ctx.guardSheet(sheet, "allowFormatCells");
      for (const a of areas) for (const [r, c] of cellsOf(a)) Object.assign(this.cell(sheet, r, c).fill, props.pattern === undefined && props.color ? { ...props, pattern: "Solid" } : props);
      // office.js sends `set` as one property set a property (ClientObject._recursivelySet).
    }, Object.entries(props).map(([set, value]) => ({ on: this.path, set, value })));
  }
  clear(): void {
    this.ctx.enqueue(`${this.label}.format.fill.clear()`, () => {
      const { sheet, areas } = this.target();
      this.ctx.guardSheet(sheet, "allowFormatCells");
      for (const a of areas) for (const [r, c] of cellsOf(a)) this.cell(sheet, r, c).fill = { ...NO_FILL };
    }, { on: this.path, call: "Clear", args: [] });
  }
}

/**
 * Format writes other than the fill and the cells' protection are recorded, and kept only as far as
 * the tests look at them.
 */
function formatOf(ctx: FakeContext, label: string, target: () => { sheet: FakeSheet; areas: CellRange[] }, fill: FakeFillProxy, formatPath: () => ObjectPath) {
  const fontPath = lazyPath(() => ctx.request.property(formatPath(), "Font"));
  const bordersPath = lazyPath(() => ctx.request.property(formatPath(), "Borders"));
  const protectionPath = lazyPath(() => ctx.request.property(formatPath(), "Protection"));
  // What a format write sends: a set of the property on its object (`format`, `format.font`, a border), or AutofitRows().
  const sentOf = (prop: string, value: unknown, on: ObjectPath): Sent => (prop.endsWith("()") ? { on, call: "AutofitRows", args: [] } : { on, set: prop.slice(prop.lastIndexOf(".") + 1), value });
  const record = (prop: string, store?: (sheet: FakeSheet, areas: CellRange[]) => void, on?: ObjectPath) => (value: unknown) =>
    ctx.enqueue(`${label}.format.${prop}=${JSON.stringify(value)}`, () => {
      const { sheet, areas } = target();
      ctx.guardSheet(sheet, prop.startsWith("column") ? "allowFormatColumns" : prop.startsWith("row") || prop.startsWith("autofitRows") ? "allowFormatRows" : "allowFormatCells");
      if (store) store(sheet, areas);
      else if (prop === "columnWidth") for (const a of areas) for (let c = a.left; c <= a.right; c++) (sheet.columnWidths ??= new Map()).set(c, value as number);
      else if (prop === "rowHeight") for (const a of areas) for (let r = a.top; r <= a.bottom; r++) (sheet.rowHeights ??= new Map()).set(r, value as number);
      else if (!prop.endsWith("()")) for (const a of areas) for (const [r, c] of cellsOf(a)) setFormat(sheet, r, c, prop, value);
    }, sentOf(prop, value, on ?? (prop.startsWith("font.") ? fontPath() : formatPath())));
  const font = new globalThis.Proxy({}, { set: (_t, p, v) => (record(`font.${String(p)}`)(v), true) });
  // Borders (RangeBorderCollection.getItem, ExcelApi 1.1): an edge of the range is kept on the cells
  // along it, an inside line on both cells it parts, as a person sees each cell's four edges.
  const edges = (index: string, a: CellRange): [number, number, string][] => {
    const all = cellsOf(a);
    switch (index) {
      case "EdgeTop":
        return all.filter(([r]) => r === a.top).map(([r, c]) => [r, c, "EdgeTop"]);
      case "EdgeBottom":
        return all.filter(([r]) => r === a.bottom).map(([r, c]) => [r, c, "EdgeBottom"]);
      case "EdgeLeft":
        return all.filter(([, c]) => c === a.left).map(([r, c]) => [r, c, "EdgeLeft"]);
      case "EdgeRight":
        return all.filter(([, c]) => c === a.right).map(([r, c]) => [r, c, "EdgeRight"]);
      case "InsideHorizontal":
        return all.flatMap(([r, c]): [number, number, string][] => [...(r > a.top ? [[r, c, "EdgeTop"] as [number, number, string]] : []), ...(r < a.bottom ? [[r, c, "EdgeBottom"] as [number, number, string]] : [])]);
      case "InsideVertical":
        return all.flatMap(([r, c]): [number, number, string][] => [...(c > a.left ? [[r, c, "EdgeLeft"] as [number, number, string]] : []), ...(c < a.right ? [[r, c, "EdgeRight"] as [number, number, string]] : [])]);
      default:
        throw new Error(`fake borders cannot get ${index}`);
    }
  };
  const borders = {
    getItem: (index: string) => {
      // Each getItem is a new indexer path, as office.js's RangeBorderCollection.getItem makes.
      const border = ctx.request.indexer(bordersPath(), index);
      return new globalThis.Proxy({} as Record<string, unknown>, {
        set: (_t, p, v) => {
          record(
            `borders.${index}.${String(p)}`,
            (sheet, areas) => {
              for (const a of areas) for (const [r, c, edge] of edges(index, a)) setFormat(sheet, r, c, `borders.${edge}.${String(p)}`, v);
            },
            border,
          )(v);
          return true;
        },
      });
    },
  };
  const protection = new globalThis.Proxy(
    {},
    {
      set: (_t, p, v) => {
        if (p !== "locked") throw new Error(`fake format.protection cannot set ${String(p)}`);
        ctx.enqueue(`${label}.format.protection.locked=${JSON.stringify(v)}`, () => {
          const { sheet, areas } = target();
          ctx.guardSheet(sheet);
          for (const a of areas) {
            for (const [r, c] of cellsOf(a)) {
              const key = `${r},${c}`;
              const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
              cell.locked = !!v;
              sheet.cells.set(key, cell);
            }
          }
        }, { on: protectionPath(), set: "locked", value: v });
        return true;
      },
    },
  );
  const autofitRows = () => record("autofitRows()")(null);
  return new globalThis.Proxy(
    { fill, font, protection, autofitRows, borders },
    {
      set: (_t, p, v) => (record(String(p))(v), true),
      get: (t, p) => (p === "fill" || p === "font" || p === "protection" || p === "autofitRows" || p === "borders" ? t[p] : undefined),
    },
  ) as unknown as { fill: FakeFillProxy; font: Record<string, unknown>; protection: { locked: boolean }; autofitRows(): void; borders: { getItem(index: string): Record<string, unknown> } } & Record<string, unknown>;
}

function setFormat(sheet: FakeSheet, r: number, c: number, prop: string, value: unknown): void {
  const formats = (sheet.formats ??= new Map());
  const key = `${r},${c}`;
  formats.set(key, { ...formats.get(key), [prop]: value });
}

/** The format properties set on a cell ("font.bold", "horizontalAlignment", "borders.EdgeTop.style" …). */
export function formatAt(sheet: FakeSheet, address: string): Record<string, unknown> {
  const p = parseA1(address)!;
  return sheet.formats?.get(`${p.row},${p.col}`) ?? {};
}

/** Fails when a protected sheet keeps these cells locked (Excel's default for every cell). */
function guardCells(ctx: FakeContext, sheet: FakeSheet, area: CellRange): void {
  if (!sheet.protection) return;
  for (const [r, c] of cellsOf(area)) if (sheet.cells.get(`${r},${c}`)?.locked !== false) throw accessDenied(`sheet ${sheet.name}`);
}

export class FakeRange extends Proxy {
  readonly format: ReturnType<typeof formatOf>;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolve: () => CellRange | undefined,
    private readonly orNull = false,
  ) {
    super(ctx);
    const target = () => ({ sheet: this.ws.sheet(), areas: [this.area()] });
    const formatPath = lazyPath(() => ctx.request.property(this.path, "Format"));
    this.format = formatOf(ctx, "range", target, new FakeFillProxy(ctx, target, "range").at(() => ctx.request.property(formatPath(), "Fill")), formatPath);
  }

  area(): CellRange {
    const r = this.resolve();
    if (!r) throw new Error("range is a null object");
    return r;
  }

  load(props: string): this {
    this.ctx.enqueue(`range.load(${props})`, () => {
      const r = this.resolve();
      if (this.orNull && !r) {
        this.nullState = true;
        return;
      }
      this.nullState = false;
      const area = this.area();
      const sheet = this.ws.sheet();
      const grid = (f: (cell: FakeCell | undefined) => unknown) =>
        Array.from({ length: area.bottom - area.top + 1 }, (_, i) => Array.from({ length: area.right - area.left + 1 }, (_, j) => f(sheet.cells.get(`${area.top + i},${area.left + j}`))));
      const tooLarge = (area.bottom - area.top + 1) * (area.right - area.left + 1) > CELL_READ_LIMIT;
      for (const p of splitProps(props)) {
        if (tooLarge && (p === "values" || p === "text" || p === "formulas")) this.loaded.set(p, null);
        // A formula cell's values and text are what it computes, never its formula (Range.values: "the
        // raw values of the specified range"; formulas: "the formula in A1-style notation"; Microsoft's
        // Range reference), as Excel reports a cell the person filled with =SUM(…).
        else if (p === "values") this.loaded.set(p, grid((c) => (c ? computed(c.value) : "")));
        else if (p === "text") this.loaded.set(p, grid((c) => (c ? String(computed(c.value)) : "")));
        else if (p === "formulas") this.loaded.set(p, grid((c) => (!c ? "" : c.value !== null && typeof c.value === "object" && "formula" in c.value ? (c.value as { formula: string }).formula : c.value)));
        else if (p === "numberFormat") this.loaded.set(p, grid((c) => (c ? c.numberFormat : "General")));
        else if (p === "address") this.loaded.set(p, rangeAddress(sheet.name, area));
        else if (p === "rowIndex") this.loaded.set(p, area.top);
        else if (p === "columnIndex") this.loaded.set(p, area.left);
        else if (p === "rowCount") this.loaded.set(p, area.bottom - area.top + 1);
        else if (p === "columnCount") this.loaded.set(p, area.right - area.left + 1);
        // As Excel's: true when every column of the range is hidden.
        else if (p === "columnHidden") this.loaded.set(p, Array.from({ length: area.right - area.left + 1 }, (_, i) => sheet.hiddenColumns.has(area.left + i)).every(Boolean));
        else throw new Error(`fake Range cannot load ${p}`);
        this.ctx.respond(this.loaded.get(p));
      }
    }, { on: this.path, load: props });
    return this;
  }
  get values(): unknown[][] {
    return this.get_<unknown[][]>("values");
  }
  /** Like Excel's: text starting with = + - @ becomes a formula unless the cell's format is text. */
  set values(values: unknown[][]) {
    this.put("values", values, (v) => /^[=+\-@]/.test(v));
  }
  get formulas(): unknown[][] {
    return this.get_<unknown[][]>("formulas");
  }
  /** Like Excel's: a string starting with "=" is a formula unless the cell's format is text. */
  set formulas(formulas: unknown[][]) {
    this.put("formulas", formulas, (v) => v.startsWith("="));
  }
  /** Queues a write of a grid of values that must fit the range; `isFormula` says which strings Excel would take as formulas. */
  private put(what: string, values: unknown[][], isFormula: (v: string) => boolean): void {
    this.ctx.enqueue(`range.${what}=(${values.length}×${values[0]?.length ?? 0})`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      guardCells(this.ctx, sheet, area);
      if (values.length !== area.bottom - area.top + 1 || values[0]!.length !== area.right - area.left + 1) throw Object.assign(new Error(`InvalidArgument: ${what} do not fit the range`), { code: "InvalidArgument" });
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          // "null in 2-D arrays [leaves] specific cells unchanged"
          // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
          if (v === null) return;
          const key = `${area.top + i},${area.left + j}`;
          const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
          cell.value = typeof v === "string" && cell.numberFormat !== "@" && isFormula(v) ? { formula: v, result: evaluate(v) } : v;
          sheet.cells.set(key, cell);
          if (this.ctx.calculationSuspended) this.ctx.model.uncalculated = true;
        }),
      );
      this.ctx.changed(sheet, area);
    }, { on: this.path, cells: what as "values" | "formulas", value: values });
  }
  get numberFormat(): string[][] {
    return this.get_<string[][]>("numberFormat");
  }
  set numberFormat(formats: (string | null)[][]) {
    this.ctx.enqueue(`range.numberFormat=`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      guardCells(this.ctx, sheet, area);
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return; // as for values: null leaves the cell's format as it is
          const key = `${area.top + i},${area.left + j}`;
          const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
          cell.numberFormat = f;
          sheet.cells.set(key, cell);
        }),
      );
    }, { on: this.path, cells: "numberFormat", value: formats });
  }
  get text(): string[][] {
    return this.get_<string[][]>("text");
  }
  get address(): string {
    return this.get_<string>("address");
  }
  get rowIndex(): number {
    return this.get_<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.get_<number>("columnIndex");
  }
  get rowCount(): number {
    return this.get_<number>("rowCount");
  }
  get columnCount(): number {
    return this.get_<number>("columnCount");
  }
  get columnHidden(): boolean {
    this.ctx.requires("Range.columnHidden");
    return this.get_<boolean>("columnHidden");
  }
  /** The whole columns of the range. */
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.area();
      return { top: 0, left: a.left, bottom: 1048575, right: a.right };
    }).at(this.ctx.request.method(this.path, "GetEntireColumn", [], true));
  }
  /** Hides the range's columns (whole columns, as Excel does). */
  set columnHidden(hidden: boolean) {
    this.ctx.requires("Range.columnHidden");
    this.ctx.enqueue(`range.columnHidden=${hidden}`, () => {
      this.ctx.guardSheet(this.ws.sheet(), "allowFormatColumns");
      const area = this.area();
      const set = this.ws.sheet().hiddenColumns;
      for (let c = area.left; c <= area.right; c++) {
        if (hidden) set.add(c);
        else set.delete(c);
      }
    }, { on: this.path, set: "columnHidden", value: hidden });
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.requires("Range.hyperlink");
    this.ctx.enqueue(`range.hyperlink=${JSON.stringify(link)}`, () => {
      const area = this.area();
      guardCells(this.ctx, this.ws.sheet(), area);
      this.ws.sheet().hyperlinks.set(a1(area.top, area.left), link);
    }, { on: this.path, set: "hyperlink", value: link });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requires("Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      const area = this.resolve();
      if (!area) return [];
      const found = this.ws.sheet().merges.filter((m) => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right);
      if (found.length > 512) throw Object.assign(new Error("too many merged areas"), { code: "GeneralException" });
      return found;
    }, true).at(this.ctx.request.method(this.path, "GetMergedAreasOrNullObject", [], true));
  }
  /** Only "Visible": the row runs of the range that are not hidden, as areas (a null object when none is). */
  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    this.ctx.requires("Range.getSpecialCellsOrNullObject");
    if (type !== "Visible") throw new Error(`fake Range cannot get special cells ${type}`);
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      // On a null range (an empty sheet's used range), a null object too.
      const a = this.resolve();
      if (!a) return [];
      const hidden = this.ws.sheet().hiddenRows;
      const out: { top: number; left: number; bottom: number; right: number }[] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        if (hidden.has(r)) continue;
        const last = out[out.length - 1];
        if (last && last.bottom === r - 1) last.bottom = r;
        else out.push({ top: r, left: a.left, bottom: r, right: a.right });
      }
      return out;
    }, true).at(this.ctx.request.method(this.path, "GetSpecialCellsOrNullObject", [type, undefined], true));
  }
  merge(): void {
    this.ctx.requires("Range.merge");
    this.ctx.enqueue(`range.merge()`, () => {
      this.ctx.guardSheet(this.ws.sheet());
      this.ws.sheet().merges.push(this.area());
    }, { on: this.path, call: "Merge", args: [undefined] });
  }
  select(): void {
    this.ctx.enqueue(`range.select()`, () => (this.ctx.model.selected = { sheet: this.ws.sheet().name, address: a1(this.area().top, this.area().left) }), { on: this.path, call: "Select", args: [] });
  }
  clear(): void {
    this.ctx.enqueue(`range.clear()`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      guardCells(this.ctx, sheet, area);
      for (const key of [...sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) sheet.cells.delete(key);
      }
      this.ctx.changed(sheet, area);
    }, { on: this.path, call: "Clear", args: [undefined] });
  }
  /** Deletes the range's cells, those below moving up (only whole rows of the used columns are needed here). */
  delete(shift: "Up"): void {
    this.ctx.enqueue(`range.delete(${shift})`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      guardCells(this.ctx, sheet, area);
      const height = area.bottom - area.top + 1;
      const moved = new Map<string, FakeCell>();
      for (const [key, cell] of sheet.cells) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        const inColumns = c >= area.left && c <= area.right;
        if (inColumns && r >= area.top && r <= area.bottom) continue;
        moved.set(inColumns && r > area.bottom ? `${r - height},${c}` : key, cell);
      }
      sheet.cells = moved;
      this.ctx.changed(sheet, area, "CellDeleted");
    }, { on: this.path, call: "Delete", args: [shift] });
  }
}

/**
 * The most characters a multi-area address string holds: longer, it ends at the last whole area
 * that fits, with no error (as Range.Address does in Excel: https://github.com/MicrosoftDocs/VBA-Docs/issues/49).
 * Each area stays whole in `areas.items`.
 */
export const ADDRESS_CHARS = 255;

export class FakeRangeAreas extends Proxy {
  readonly format: ReturnType<typeof formatOf>;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly resolve: () => CellRange[],
    private readonly orNull = false,
  ) {
    super(ctx);
    const target = () => ({ sheet: this.ws.sheet(), areas: this.resolve() });
    const formatPath = lazyPath(() => ctx.request.property(this.path, "Format"));
    this.format = formatOf(ctx, "rangeAreas", target, new FakeFillProxy(ctx, target, "rangeAreas").at(() => ctx.request.property(formatPath(), "Fill")), formatPath);
  }
  load(props: string): this {
    this.ctx.enqueue(`rangeAreas.load(${props})`, () => {
      const areas = this.resolve();
      this.nullState = this.orNull && areas.length === 0;
      const addresses = areas.map((a) => rangeAddress(this.ws.sheet().name, a));
      this.loaded.set("areas", { items: addresses.map((address) => ({ address })) });
      let address = "";
      for (const a of addresses) {
        const next = address ? `${address},${a}` : a;
        if (next.length > ADDRESS_CHARS) break;
        address = next;
      }
      this.loaded.set("address", address);
      this.ctx.respond(props.includes("areas") ? addresses : address);
    }, { on: this.path, load: props });
    return this;
  }
  get areas(): { items: { address: string }[] } {
    return this.get_<{ items: { address: string }[] }>("areas");
  }
  get address(): string {
    return this.get_<string>("address");
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly cell: string,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`notes.getItemOrNullObject(${this.cell}).load(${props})`, () => {
      const note = this.ws.sheet().notes.get(this.cell);
      this.nullState = note === undefined;
      this.loaded.set("content", note);
      this.ctx.respond(note);
    }, { on: this.path, load: props });
    return this;
  }
  get content(): string {
    return this.get_<string>("content");
  }
  delete(): void {
    this.ctx.enqueue(`notes.getItemOrNullObject(${this.cell}).delete()`, () => {
      this.ctx.guardSheet(this.ws.sheet(), "allowEditObjects");
      if (!this.ws.sheet().notes.has(this.cell)) throw Object.assign(new Error(`InvalidArgument: no note at ${this.cell} (a method on a null object)`), { code: "InvalidArgument" });
      this.ws.sheet().notes.delete(this.cell);
    }, { on: this.path, call: "Delete", args: [] });
  }
}

class FakeNotes {
  // NoteCollection (ExcelApi 1.18) is not in the office.js the repository has: its calls are taken to be
  // sent as CommentCollection's are there (getItem an indexer, add(cellAddress, content) a method path "Add").
  private readonly path: () => ObjectPath;
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    this.path = lazyPath(() => ctx.request.property(ws.path, "Notes"));
  }
  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, cell).at(this.ctx.request.method(this.path(), "GetItemOrNullObject", [cell]));
  }
  /** Like Excel's: an operation on the note of a cell without one fails at sync. */
  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, cell).at(this.ctx.request.indexer(this.path(), cell));
  }
  /**
   * Like Excel's: a cell takes one note; and a cell holds a threaded comment or a note, never both
   * (https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3),
   * so adding a note to a cell with a threaded comment fails (the error code is this fake's guess).
   */
  add(cell: string, content: string): void {
    this.ctx.enqueue(`notes.add(${cell})`, () => {
      const sheet = this.ws.sheet();
      this.ctx.guardSheet(sheet, "allowEditObjects");
      if (sheet.notes.has(cell)) throw Object.assign(new Error(`InvalidArgument: ${cell} has a note already`), { code: "InvalidArgument" });
      if (sheet.comments.has(cell)) throw Object.assign(new Error(`InvalidArgument: ${cell} has a threaded comment`), { code: "InvalidArgument" });
      sheet.notes.set(cell, content);
    }, { made: this.ctx.request.method(this.path(), "Add", [cell, content]) });
  }
}

/** A sheet's threaded comments: loaded as items, each with the cell it is on. */
class FakeComments extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`comments.load(${props})`, () => {
      const cells = [...this.ws.sheet().comments.keys()];
      this.loaded.set("items", cells.map((cell, i) => ({ id: `c${i}`, getLocation: () => this.ws.getRange(cell) })));
      this.ctx.respond(cells.map((_, i) => `c${i}`));
    }, { on: this.path, load: props });
    return this;
  }
  get items(): { id: string; getLocation(): FakeRange }[] {
    return this.get_<{ id: string; getLocation(): FakeRange }[]>("items");
  }
}

class FakeTables {
  private readonly path: () => ObjectPath;
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    this.path = lazyPath(() => ctx.request.property(ws.path, "Tables"));
  }
  add(range: FakeRange, hasHeaders: boolean): { name: string; style: string } {
    const table = { name: "", address: "", style: "" };
    const made = this.ctx.request.method(this.path(), "Add", [range, hasHeaders]);
    this.ctx.enqueue(`tables.add(hasHeaders=${hasHeaders})`, () => {
      const area = range.area();
      this.ctx.guardSheet(this.ws.sheet());
      table.address = rangeAddress(this.ws.sheet().name, area);
      this.ws.sheet().tables.push(table);
    }, { made });
    return new globalThis.Proxy(table, {
      set: (t, p, v) => {
        this.ctx.enqueue(`table.${String(p)}=${JSON.stringify(v)}`, () => {
          (t as Record<string, unknown>)[String(p)] = v;
          if (p === "name" && this.ctx.model.sheets.some((s) => s.tables.some((o) => o !== t && o.name.toLowerCase() === String(v).toLowerCase()))) {
            throw Object.assign(new Error(`InvalidArgument: table name ${String(v)} is taken`), { code: "InvalidArgument" });
          }
        }, { on: made, set: String(p), value: v });
        return true;
      },
    });
  }
}

/**
 * Charts: each added one is counted and kept as far as its properties were set (type, the source's
 * address and series orientation, the axis's categories, title, legend, position's corners).
 */
class FakeCharts {
  private readonly path: () => ObjectPath;
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    this.path = lazyPath(() => ctx.request.property(ws.path, "Charts"));
  }
  add(type: string, source: FakeRange, seriesBy?: string): unknown {
    const chart: Record<string, unknown> = { type, ...(seriesBy ? { seriesBy } : {}) };
    const made = this.ctx.request.method(this.path(), "Add", [type, source, seriesBy]);
    this.ctx.enqueue(`charts.add(${type})`, () => {
      chart.source = rangeAddress(this.ws.sheet().name, source.area());
      this.ctx.guardSheet(this.ws.sheet(), "allowEditObjects");
      this.ws.sheet().charts++;
      (this.ws.sheet().chartList ??= []).push(chart);
    }, { made });
    const address = (r: unknown) => (r instanceof FakeRange ? rangeAddress(r.ws.sheet().name, r.area()) : String(r));
    const record = (what: string, on: () => ObjectPath, run: (...args: unknown[]) => void) => (...args: unknown[]) =>
      this.ctx.enqueue(`chart.${what}(${args.length})`, () => run(...args), { on: on(), call: what.charAt(what.lastIndexOf(".") + 1).toUpperCase() + what.slice(what.lastIndexOf(".") + 2), args });
    let seriesPath: ObjectPath | undefined;
    const series = {
      setXAxisValues: (...args: unknown[]) => {
        this.ctx.requires("ChartSeries.setXAxisValues");
        record("series.setXAxisValues", () => seriesPath!, (r) => (chart.categories = address(r)))(...args);
      },
    };
    const props = (prefix: string) => {
      const path = lazyPath(() => this.ctx.request.property(made, prefix.charAt(0).toUpperCase() + prefix.slice(1)));
      return new globalThis.Proxy({}, { set: (_t, p, v) => (this.ctx.enqueue(`chart.${prefix}.${String(p)}=${JSON.stringify(v)}`, () => (chart[`${prefix}.${String(p)}`] = v), { on: path(), set: String(p), value: v }), true) });
    };
    const seriesCollection = lazyPath(() => this.ctx.request.property(made, "Series"));
    return {
      title: props("title"),
      setPosition: record("setPosition", () => made, (from, to) => Object.assign(chart, { from: address(from), ...(to !== undefined ? { to: address(to) } : {}) })),
      series: {
        getItemAt: (index: number) => {
          seriesPath = this.ctx.request.method(seriesCollection(), "GetItemAt", [index]);
          return series;
        },
      },
      legend: props("legend"),
    };
  }
}

/** An `Excel.run` over the model, as the Excel `excel` says; each run gets a fresh context, as Office.js does. */
export function fakeRun(model: FakeWorkbookModel, excel: FakeExcel = {}) {
  const runs: FakeContext[] = [];
  const options: Excel.RunOptions[] = [];
  let failNext: (FakeContext["failAt"] & { skip: number }) | undefined;
  const run = async <T>(runOptions: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    // A run given an earlier context (`previousObjects`, as Excel.run(context, batch) is given with
    // options: ClientRequestContext._runBatchCommon in office.js) goes on in it.
    const previous = runOptions.previousObjects as unknown;
    if (previous instanceof FakeContext) {
      if (!runs.includes(previous)) runs.push(previous);
      options.push(runOptions);
      return batch(previous as unknown as Excel.RequestContext);
    }
    const ctx = new FakeContext(model, excel);
    if (failNext && failNext.skip-- === 0) [ctx.failAt, failNext] = [{ op: failNext.op, error: failNext.error }, undefined];
    runs.push(ctx);
    options.push(runOptions);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return {
    run,
    runs,
    /** The options each run was given (Excel.run's first argument). */
    options,
    /** What the pane's entry tells the host this Excel supports. */
    support: supportOf(excel),
    /** Syncs over all runs since the last reset. */
    get syncs() {
      return runs.reduce((n, c) => n + c.syncs, 0);
    },
    get ops() {
      return runs.flatMap((c) => c.ops);
    },
    /** Bytes of every request sent since the last reset. */
    get requests() {
      return runs.flatMap((c) => c.requests);
    },
    reset() {
      runs.length = 0;
      options.length = 0;
    },
    /**
     * A coming run fails at its nth queued operation (1-based), as Excel fails a batch half-way: the
     * next run, or the one after `skip` runs (a procedure's write comes after its reads).
     */
    failNextAt(op: number, error: Error = Object.assign(new Error("GeneralException: the operation failed"), { code: "GeneralException" }), skip = 0) {
      failNext = { op, error, skip };
    },
    /** The change handlers registered with Excel now. */
    get changeHandlers(): readonly FakeChangeHandler[] {
      return model.changeHandlers ?? [];
    },
    /**
     * A person types or pastes `values` into `address` of `sheet` (a paste over many rows is one
     * change): the cells change, and one RangeEdited event is raised ("Unknown" trigger from ExcelApi
     * 1.14: not this add-in). Resolves once the handlers have been told.
     */
    personEdits(sheet: string, address: string, values: unknown[][], source: FakeChangedEvent["source"] = "Local"): Promise<void> {
      const s = model.sheets.find((o) => o.name === sheet)!;
      const area = parseRange(address)!;
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${area.top + i},${area.left + j}`;
          if (v === "" || v === null) s.cells.delete(key);
          else s.cells.set(key, { ...(s.cells.get(key) ?? { fill: { ...NO_FILL }, numberFormat: "General" }), value: v });
        }),
      );
      return raiseChanged(model, excel, s, address, "RangeEdited", "Unknown", source);
    },
    /**
     * A person inserts whole rows ("5:5", "5:7"): the cells from there move down, and one RowInserted
     * event is raised. Resolves once the handlers have been told.
     */
    personInserts(sheet: string, rowsAddress: string): Promise<void> {
      const s = model.sheets.find((o) => o.name === sheet)!;
      const [from, to = from] = rowsAddress.split(":").map(Number) as [number, number?];
      const top = from - 1;
      const count = to! - from + 1;
      s.cells = new Map([...s.cells].map(([key, cell]) => {
        const [r, c] = key.split(",").map(Number) as [number, number];
        return [r >= top ? `${r + count},${c}` : key, cell];
      }));
      return raiseChanged(model, excel, s, rowsAddress, "RowInserted", "Unknown");
    },
    /** Waits until the change events raised so far (the add-in's writes' too) have reached their handlers. */
    delivered: () => whenDelivered(model),
  };
}

export function cellAt(sheet: FakeSheet, address: string): FakeCell | undefined {
  const p = parseA1(address)!;
  return sheet.cells.get(`${p.row},${p.col}`);
}
