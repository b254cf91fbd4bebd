// The application layer: every use case once, over the one port. The task pane, the preview and the
// command line call these; the hosts (src/hosts) only carry cells in and out.
import { book } from "./book";
import type { FindingKind, Ledger, Quarter } from "../core/types";
import type { UnitReturn } from "../core/returns";
import { applyFixes, fixesOfKind, ledgerOf, runCheck, type CheckOutcome, type CheckRequest, type UnitFix } from "./check";
import { addToDirectory, createDirectory, directoryReport, type DirectoryAddition } from "./directory";
import { correctUnits, formFile, formsZipFile, lastMerge, lastWrites, planForms, planMerge, readReturnFiles, undoMerge, writeMerge, type FormsPlan, type FormsRequest, type MergePlan, type ReturnedFiles } from "./forms";
import { importNotice, readNotice } from "./imports";
import type { Message } from "./messages";
import type { DocumentFiles, FormFiles, SheetInfo, WorkbookPort } from "./port";
import { reminderFile, reminders, remindersZipFile, unknownNames, type NameToCheck, type Reminder } from "./reminders";
import { bulletinFile, makeBulletin, type Bulletin } from "./bulletin";
import { issuingOffice, type IssuingOffice } from "./office";
import { workbookDefaultQuarter } from "./quarter";
import { saveSettings, type Settings } from "./settings";
import { makeSummary } from "./summary";
import { openWorkbook, type OpenedWorkbook } from "./workbook";
import { selfTest, type HostAbout } from "./selfTest";
import { ledgerYear } from "../core/quarter";
import { fillCheck, markUnitFindings, type FillCheck } from "./fill";
import { recheckOutcome } from "./recheck";
import { sharedCellChanges } from "./cellChanges";
import { checkBeforeSending } from "./readiness";

export * from "./port";
export { book, Book, SUMMARY_DRAFT_SHEET, type CellEdit, type UndoneWrites, type WorkbookInfo } from "./book";
export * from "./messages";
export * from "./settings";
export * from "./quarter";
export * from "./workbook";
export * from "./check";
export * from "./summary";
export * from "./directory";
export * from "./imports";
export * from "./forms";
export * from "./byUnit";
export * from "./findings";
export * from "./office";
export * from "./reminders";
export * from "./bulletin";
export * from "./problem";
export * from "./summaryView";
export * from "./importView";
export * from "./directoryView";
export * from "./settingsView";
export * from "./selfTest";
export * from "./checkView";
export * from "./unitsView";
export * from "./distributeView";
export * from "./fill";
export * from "./fillView";
export * from "./recheck";
export * from "./cellChanges";
export * from "./readiness";

// What the user interfaces take from the engine, named here: the pane imports src/app, never src/core
// (tests/layers.test.ts).
export { FINDING_KINDS } from "../core/check";
export { columnLetter } from "../core/address";
export { lineSpan, type NoticeItem } from "../core/notice";
export { formatQuarter, parseQuarter } from "../core/quarter";
export { BULLETIN_CLASSES, type BulletinClass, type ClassReason } from "../core/summary";
export type { Finding, FindingKind, Quarter, Task } from "../core/types";

/** What the pane shows before anything is run: the ledger it will check and the quarter it will check for. */
export interface Overview {
  readonly sheet: string;
  readonly tasks: number;
  readonly year?: number;
  /** The quarter the pane opens on: the one last checked or summarised, else the ledger's (see quarter.ts). */
  readonly defaultQuarter: Quarter;
  readonly sheets: readonly SheetInfo[];
  /** The stored settings. */
  readonly settings: Settings;
  /** Cells the workbook has marked (what 清除标记 would restore). */
  readonly marked: number;
  /** The last merge, which 撤销 can put back. */
  readonly lastMerge?: { readonly label: string; readonly cells: number };
  /** Who the 通报 and 催办单 speak for, as the settings and the ledger say. */
  readonly office: IssuingOffice;
  readonly notes: readonly Message[];
}

export async function overview(port: WorkbookPort, today: Date): Promise<Overview> {
  const workbook = await openWorkbook(port);
  return overviewOf(workbook, ledgerOf(workbook), today, workbook.metadata.marks.length);
}

/** The overview a check gives as it goes (no second read). */
export function overviewOfCheck(outcome: CheckOutcome, today: Date): Overview {
  return overviewOf(outcome.workbook, outcome.result.ledger, today, outcome.markedInWorkbook);
}

function overviewOf(workbook: OpenedWorkbook, ledger: Ledger, today: Date, marked: number): Overview {
  const year = ledgerYear(ledger);
  const merge = lastWrites(workbook.metadata);
  return {
    sheet: ledger.sheet,
    tasks: ledger.tasks.length,
    ...(year !== undefined ? { year } : {}),
    defaultQuarter: workbookDefaultQuarter(ledger, workbook.metadata, today),
    sheets: workbook.info.sheets,
    settings: workbook.stored,
    marked,
    ...(merge ? { lastMerge: merge } : {}),
    office: issuingOffice(workbook.settings, ledger),
    notes: workbook.notes,
  };
}

export interface AppDeps {
  readonly port: WorkbookPort;
  /** Today's date (the application layer never reads the clock itself). */
  readonly today: () => Date;
  /** The form files (ExcelJS), loaded when first needed. */
  readonly forms?: () => Promise<FormFiles>;
  /** The official documents (.docx), loaded when first needed. */
  readonly documents?: () => Promise<DocumentFiles>;
  /** Milliseconds from some start (performance.now), for the self-test's times; none: times 0. */
  readonly now?: () => number;
  /** The host as the entry file knows it (Excel's platform, version and API sets; WPS's build; the browser). */
  readonly about?: () => HostAbout;
}

/** The use cases bound to one workbook, for a user interface. */
export function createApp({ port, today, forms, documents, now = () => 0, about }: AppDeps) {
  const formFiles = () => {
    if (!forms) throw new Error("forms are not available on this host");
    return forms();
  };
  const documentFiles = () => {
    if (!documents) throw new Error("documents are not available on this host");
    return documents();
  };
  return {
    kind: port.kind,
    canOpenWorkbook: !!port.openWorkbook,
    /** Changes people make to the workbook's cells, where the host tells them (one registration, shared). */
    cellChanges: sharedCellChanges(port),
    today,
    overview: () => overview(port, today()),
    overviewOfCheck: (outcome: CheckOutcome) => overviewOfCheck(outcome, today()),
    check: (request: CheckRequest = {}) => runCheck(port, today(), request),
    /** 填报: the ledger (or the open form) checked for the quarter, nothing marked. */
    fillCheck: (request: CheckRequest = {}) => fillCheck(port, today(), request),
    /** 标记本单位问题: the unit's findings in 填报 marked; other marks stay. */
    markUnitFindings: (check: FillCheck, unit: string) => markUnitFindings(port, check, unit),
    /** 边填边查: the last check's ledger checked again after cells changed (A1 areas, as onChanged gives them), nothing written. */
    recheck: (last: CheckOutcome, addresses: readonly string[]) => recheckOutcome(port, last, addresses),
    /** 提交前检查: the open form's tasks still missing or weak (undefined: the workbook is no form). */
    checkBeforeSending: () => checkBeforeSending(port, today()),
    applyFixes: (outcome: CheckOutcome, fixes: readonly UnitFix[]) => applyFixes(port, outcome, fixes),
    fixesOfKind: (outcome: CheckOutcome, kind: FindingKind) => fixesOfKind(outcome, kind),
    clearMarks: () => book(port).clearMarks(),
    select: (sheet: string, cell: string) => book(port).select(sheet, cell),
    /** A person's typing into a cell (the preview's grid): a number or a text, never a formula; "" empties it. */
    editCell: (sheet: string, cell: string, typed: string) => book(port).editCell(sheet, cell, typed),
    /** A paste into the preview's grid: rows of texts from `topLeft` on, each as editCell takes it, in one write. */
    editCells: (sheet: string, topLeft: string, rows: readonly (readonly string[])[]) => book(port).editCells(sheet, topLeft, rows),
    /** The sheet the person is looking at now; undefined when it cannot be read (nothing is said then). */
    activeSheet: () => port.read({}).then((r) => r.active, () => undefined),
    makeSummary: (request: CheckRequest = {}) => makeSummary(port, today(), request),
    directoryReport,
    createDirectory: (ledger: Ledger) => createDirectory(port, ledger),
    addToDirectory: (name: string, addition: DirectoryAddition) => addToDirectory(port, name, addition),
    readNotice,
    importNotice: (text: string) => importNotice(port, text),
    planForms: (request: FormsRequest = {}) => planForms(port, today(), request),
    correctUnits: (plan: FormsPlan, choices: ReadonlyMap<string, string>) => correctUnits(port, today(), plan, choices),
    formFile: async (form: UnitReturn) => formFile(await formFiles(), form),
    formsZipFile: async (plan: FormsPlan) => formsZipFile(await formFiles(), plan),
    openWorkbook: (base64: string) => port.openWorkbook!(base64),
    readReturnFiles: async (chosen: readonly { name: string; bytes: ArrayBuffer | Uint8Array }[]) => readReturnFiles(await formFiles(), chosen),
    planMerge: (returned: ReturnedFiles, request: CheckRequest = {}) => planMerge(port, today(), returned, request),
    writeMerge: (plan: MergePlan) => writeMerge(port, today(), plan),
    lastMerge: () => lastMerge(port),
    undoMerge: () => undoMerge(port),
    saveSettings: (settings: Settings) => saveSettings(port, settings),
    /** 兼容性自检: the port's contract on the live workbook, left as it was found. */
    selfTest: () => selfTest(port, now, about?.()),
    reminders: (outcome: CheckOutcome) => reminders(outcome, today()),
    reminderFile: async (r: Reminder) => reminderFile(await documentFiles(), r),
    /** The names the ledger writes that no 催办单 goes to: the office's to check (单位名称待核对). */
    namesToCheck: (outcome: CheckOutcome) => unknownNames(outcome).toCheck,
    remindersZipFile: async (list: readonly Reminder[], toCheck: readonly NameToCheck[] = []) => remindersZipFile(await documentFiles(), list, toCheck),
    makeBulletin: (request: CheckRequest = {}) => makeBulletin(port, today(), request),
    bulletinFile: async (b: Bulletin) => bulletinFile(await documentFiles(), b),
  };
}

export type DubanApp = ReturnType<typeof createApp>;
