// 分发 and 合并回报: the ledger split into one form per responsible unit (the same files from the
// pane, the preview and the command line), and the forms that come back merged into the ledger as
// one batch of writes that 撤销 puts back.
import { book, type UndoneWrites } from "./book";
import type { SheetLayout } from "../core/layout";
import { readMetadata, type Metadata } from "../core/metadata";
import { formatQuarter } from "../core/quarter";
import { mergeReturns, NotAReturn, splitLedger, suggestedChoices, unitCorrections, type MergeReport, type TaskRef, type UnitReturn, type UnresolvedUnit } from "../core/returns";
import { freeSheetName } from "../core/summarySheet";
import type { Quarter } from "../core/types";
import { runCheck, type CheckRequest } from "./check";
import { AppError, mergeBatchLabel, mergeReportSections, messageOf, type NotReturnFile } from "./messages";
import type { FormFiles, WorkbookPort } from "./port";
import { returnReadiness, type ReturnReadiness } from "./readiness";

export interface FormsPlan {
  readonly quarter: Quarter;
  /** The ledger sheet the forms come from. */
  readonly sheet: string;
  readonly tasks: number;
  /** One form per responsible unit, by name. */
  readonly forms: readonly UnitReturn[];
  /**
   * Units the directory does not resolve (a typo, an alias two units share, an abolished unit): no
   * form is made for them unless the person confirms the name (`includeUnknown`), or corrects it.
   */
  readonly unresolved: readonly UnresolvedUnit[];
  /** Tasks with no unit written: no form carries them (said before the forms are made). */
  readonly unassigned: readonly TaskRef[];
}

export interface FormsRequest extends CheckRequest {
  /** Units as written that the person confirmed: they get a form although the directory lacks them. */
  readonly includeUnknown?: readonly string[];
}

/** A file to hand to the person: its name and bytes. */
export interface FormFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** 分发: the forms of the ledger for the quarter, and the units that get none until a person decides (nothing is written). */
export async function planForms(port: WorkbookPort, today: Date, request: FormsRequest = {}): Promise<FormsPlan> {
  const { result, workbook } = await runCheck(port, today, { ...request, mark: false });
  const { forms, unresolved, unassigned } = splitLedger(result.ledger, workbook.directory, result.quarter, { includeUnknown: request.includeUnknown });
  if (forms.length === 0 && unresolved.length === 0) throw new AppError({ code: "forms-none", sheet: result.ledger.sheet });
  return { quarter: result.quarter, sheet: result.ledger.sheet, tasks: result.ledger.tasks.length, forms, unresolved, unassigned };
}

/**
 * Corrects the units written wrongly to the names chosen for them (written name → directory name),
 * in the ledger's cells, as one batch; the plan is made again after. Resolves to the cells changed.
 */
export async function correctUnits(port: WorkbookPort, today: Date, plan: FormsPlan, choices: ReadonlyMap<string, string>, request: FormsRequest = {}): Promise<number> {
  const { result, workbook } = await runCheck(port, today, { ...request, sheet: plan.sheet, quarter: plan.quarter, confirmQuarter: true, mark: false });
  // The units as the ledger has them now (it may have changed since the plan was shown).
  const fresh = splitLedger(result.ledger, workbook.directory, plan.quarter).unresolved;
  const edits = unitCorrections(result.ledger, fresh, choices);
  if (edits.length) await book(port).setTexts(result.ledger.sheet, edits);
  return edits.length;
}

/** 全部应用: every unresolved unit that has a suggestion, to its first. */
export { suggestedChoices };

export async function formFile(files: FormFiles, form: UnitReturn): Promise<FormFile> {
  return { name: files.fileName(form), bytes: await files.bytes(form) };
}

/** Every form in one .zip. */
export async function formsZipFile(files: FormFiles, plan: FormsPlan): Promise<FormFile> {
  return { name: `${plan.sheet}-${formatQuarter(plan.quarter)}进展填报表（${plan.forms.length}个单位）.zip`, bytes: await files.zip(plan.forms) };
}

/** Files chosen as returned forms: the forms, and for the others why they are not. */
export interface ReturnedFiles {
  /** In the order chosen (a unit's later return replaces its earlier). */
  readonly returns: readonly UnitReturn[];
  /** The file each return was read from, in the same order. */
  readonly files?: readonly string[];
  readonly notReturns: readonly NotReturnFile[];
  /** Each form's 提交前检查, as its unit saw it (when the files can be opened as workbooks). */
  readonly readiness?: readonly ReturnReadiness[];
}

/**
 * Reads the files chosen as returned forms. Why a file is not one is a code, rendered by locale
 * (notReturnText): NotAReturn's, or the message of the error reading it (file-not-xlsx, file-corrupt,
 * file-unreadable …); an error without a message is thrown.
 */
export async function readReturnFiles(files: FormFiles, chosen: readonly { name: string; bytes: ArrayBuffer | Uint8Array }[]): Promise<ReturnedFiles> {
  const returns: UnitReturn[] = [];
  const notReturns: NotReturnFile[] = [];
  const names: string[] = [];
  const readiness: ReturnReadiness[] = [];
  for (const f of chosen) {
    let form: UnitReturn;
    let workbook: WorkbookPort | undefined;
    try {
      if (files.open) ({ form, workbook } = await files.open(f.bytes, f.name));
      else form = await files.read(f.bytes, f.name);
    } catch (e) {
      const why = e instanceof NotAReturn ? e.detail : messageOf(e);
      if (!why) throw e;
      notReturns.push({ file: f.name, why });
      continue;
    }
    returns.push(form);
    names.push(f.name);
    if (!workbook) continue;
    try {
      const ready = await returnReadiness(workbook, form.quarter);
      if (ready) readiness.push({ ...ready, file: f.name });
    } catch (e) {
      // A return whose sheet cannot be checked as a ledger is still merged; it only has no 提交前检查 to show.
      if (!messageOf(e)) throw e;
    }
  }
  return { returns, notReturns, files: names, ...(files.open ? { readiness } : {}) };
}

/** What merging the returns would write, and what needs a look. */
export interface MergePlan extends ReturnedFiles {
  readonly quarter: Quarter;
  readonly sheet: string;
  readonly edits: readonly { cell: string; row: number; text: string }[];
  readonly report: MergeReport;
}

/** 合并回报, first step: what the returns would write into the ledger (nothing is written). */
export async function planMerge(port: WorkbookPort, today: Date, returned: ReturnedFiles, request: CheckRequest = {}): Promise<MergePlan> {
  const { result, workbook } = await runCheck(port, today, { ...request, mark: false });
  const named = returned.returns.map((r, i) => (returned.files?.[i] ? { ...r, file: returned.files[i] } : r));
  const { edits, report } = mergeReturns(result.ledger, workbook.directory, named, result.quarter);
  return {
    quarter: result.quarter,
    sheet: result.ledger.sheet,
    returns: returned.returns,
    notReturns: returned.notReturns,
    ...(returned.files ? { files: returned.files } : {}),
    ...(returned.readiness ? { readiness: returned.readiness } : {}),
    edits,
    report,
  };
}

/** The label a merge's writes are stored under in the workbook (for 撤销). */
export const mergeLabel = mergeBatchLabel;

/**
 * 合并回报, second step: the ledger is read again (it may have changed since the plan was shown), and
 * the progress written as one batch that 撤销 puts back. Resolves to the plan as written.
 */
export async function writeMerge(port: WorkbookPort, today: Date, plan: MergePlan, request: CheckRequest = {}): Promise<MergePlan> {
  const fresh = await planMerge(port, today, plan, { ...request, sheet: plan.sheet, quarter: plan.quarter, confirmQuarter: true });
  if (fresh.edits.length) await book(port).writeCells(fresh.sheet, fresh.edits, mergeLabel(plan.quarter));
  return fresh;
}

/** The batch of writes the workbook remembers (the last merge), to offer 撤销. */
export function lastWrites(metadata: Metadata): { label: string; cells: number } | undefined {
  const { writes } = metadata;
  return writes.length ? { label: writes[0]!.label, cells: writes.length } : undefined;
}

/** The last merge in a workbook, read through the port. */
export async function lastMerge(port: WorkbookPort): Promise<{ label: string; cells: number } | undefined> {
  return lastWrites(readMetadata((await book(port).info()).metadata));
}

export function undoMerge(port: WorkbookPort): Promise<UndoneWrites | undefined> {
  return book(port).undoWrites();
}

/**
 * The merge's report as a sheet (every item listed, in Chinese as the workbook's sheets are), named
 * for the quarter, with (2), (3) … after it when a sheet of that name exists; undefined when the
 * merge found nothing to look at.
 */
export function mergeReportLayout(plan: MergePlan, sheets: readonly string[]): SheetLayout | undefined {
  const sections = mergeReportSections(plan, "zh", "cli");
  if (!sections.length) return undefined;
  return {
    name: freeSheetName(`合并报告${formatQuarter(plan.quarter)}`, sheets),
    columns: [
      { header: "核对事项", width: 36 },
      { header: "明细", width: 90 },
    ],
    rows: sections.flatMap((s) => s.items.map((item) => [`${s.title}（${s.items.length} 项）`, item])),
  };
}
