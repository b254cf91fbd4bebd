// 分发 and 合并回报 in the pane, without React: the ledger split into one form per responsible unit
// (as .xlsx files, the same as `duban split` writes), and the forms that come back merged into the
// open ledger as one batch of writes that can be undone. ExcelJS is loaded only when a form is made
// or read, so the pane itself stays small.
import { formatQuarter, quarterLabel } from "../core/quarter";
import { readMetadata } from "../core/metadata";
import { mergeReportSections, mergeReturns, NotAReturn, splitLedger, type MergeReport, type ReportSection, type UnitReturn } from "../core/returns";
import type { Quarter } from "../core/types";
import type { WorkbookHost, WorkbookSnapshot } from "../host/types";
import { runCheck } from "./session";

/** The .xlsx side (ExcelJS), fetched the first time it is needed. */
const xlsxForms = () => import(/* webpackChunkName: "forms" */ "../xlsx/forms");

export interface FormsPlan {
  readonly quarter: Quarter;
  /** The ledger sheet the forms come from. */
  readonly sheet: string;
  readonly tasks: number;
  /** One form per responsible unit, by name. */
  readonly forms: readonly UnitReturn[];
}

/** A file to hand to the person: its name and bytes. */
export interface FormFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** 分发: the forms of the open ledger for a quarter (nothing is written). */
export async function planForms(host: WorkbookHost, quarter: Quarter): Promise<FormsPlan> {
  const { result, directory } = await runCheck(host, { quarter, mark: false });
  // Until the units the directory does not resolve are listed for confirmation, each still gets its form.
  const split = splitLedger(result.ledger, directory, quarter);
  const forms = splitLedger(result.ledger, directory, quarter, { includeUnknown: split.unresolved.map((u) => u.name) }).forms;
  if (forms.length === 0) throw new Error(`工作表“${result.ledger.sheet}”的任务都没有责任单位：请先填写“牵头单位”或“责任单位”列，再分发。`);
  return { quarter, sheet: result.ledger.sheet, tasks: result.ledger.tasks.length, forms };
}

/** One unit's form as a file. */
export async function formFile(form: UnitReturn): Promise<FormFile> {
  const { formBytes, formFileName } = await xlsxForms();
  return { name: formFileName(form), bytes: await formBytes(form) };
}

/** Every form in one .zip. */
export async function formsZipFile(plan: FormsPlan): Promise<FormFile> {
  const { formsZip } = await xlsxForms();
  return { name: `${plan.sheet}-${formatQuarter(plan.quarter)}进展填报表（${plan.forms.length}个单位）.zip`, bytes: await formsZip(plan.forms) };
}

/** What merging the chosen forms into the ledger would write, and what needs a look. */
export interface MergePlan {
  readonly quarter: Quarter;
  readonly sheet: string;
  readonly returns: readonly UnitReturn[];
  /** Files that are not forms, each with why (Chinese). */
  readonly notReturns: readonly string[];
  readonly edits: readonly { cell: string; row: number; text: string }[];
  readonly report: MergeReport;
  readonly sections: readonly ReportSection[];
}

/** Reads the chosen files as returned forms; the ones that are not say why. */
export async function readReturnFiles(files: readonly { name: string; bytes: ArrayBuffer | Uint8Array }[]): Promise<{ returns: UnitReturn[]; notReturns: string[] }> {
  const { readFormBytes } = await xlsxForms();
  const returns: UnitReturn[] = [];
  const notReturns: string[] = [];
  for (const f of files) {
    try {
      returns.push(await readFormBytes(f.bytes, f.name));
    } catch (e) {
      if (e instanceof NotAReturn) notReturns.push(e.message);
      else throw e;
    }
  }
  return { returns, notReturns };
}

/** 合并回报, first step: what the returns would write into the open ledger (nothing is written). */
export async function planMerge(host: WorkbookHost, returned: { returns: readonly UnitReturn[]; notReturns: readonly string[] }, quarter: Quarter): Promise<MergePlan> {
  const { result, directory } = await runCheck(host, { quarter, mark: false });
  const { edits, report } = mergeReturns(result.ledger, directory, returned.returns, quarter);
  return { quarter, sheet: result.ledger.sheet, returns: returned.returns, notReturns: returned.notReturns, edits, report, sections: mergeReportSections(report, returned.notReturns) };
}

export const mergeLabel = (quarter: Quarter) => `合并回报 ${formatQuarter(quarter)}`;

/**
 * 合并回报, second step: the ledger is read again (it may have changed since the plan was shown),
 * and the progress written as one batch that 撤销 puts back. Resolves to the plan as written.
 */
export async function writeMerge(host: WorkbookHost, plan: MergePlan): Promise<MergePlan> {
  const fresh = await planMerge(host, plan, plan.quarter);
  if (fresh.edits.length) await host.writeCells(fresh.sheet, fresh.edits, mergeLabel(plan.quarter));
  return fresh;
}

/** The batch of writes the workbook remembers (the last merge), to offer 撤销. */
export function lastWrites(snapshot: WorkbookSnapshot): { label: string; cells: number } | undefined {
  const writes = readMetadata(snapshot.metadata).writes;
  return writes.length ? { label: writes[0]!.label, cells: writes.length } : undefined;
}

/** What a merge wrote, in one sentence. */
export function mergedText(plan: MergePlan): string {
  return `已合并 ${plan.returns.length} 份填报表，写入 ${plan.edits.length} 个单元格（工作表“${plan.sheet}”，${quarterLabel(plan.quarter)}进展）。`;
}
