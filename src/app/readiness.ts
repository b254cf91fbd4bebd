// 提交前检查: a form 分发 made, checked as itself before its unit saves it and sends it back: what is
// still missing or weak, task by task, in the kind labels of 检查 and 填报, or that it is ready. The
// office's 合并回报 runs the same check on each returned file, so both sides see the same result. It is
// said by readinessText (src/app/messages.ts).
import { reportDue } from "../core/quarter";
import type { FindingKind } from "../core/types";
import { fillCheck, type FillCheck } from "./fill";
import { fillView } from "./fillView";
import type { WorkbookPort } from "./port";

/** A task of the form still missing or weak: where, and what 检查 finds on it. */
export interface ReadinessItem {
  readonly no: string;
  readonly row: number;
  /** Its progress cell in the form (I5). */
  readonly cell: string;
  readonly kinds: readonly FindingKind[];
}

/** The check of a form before it is sent: ready when no task is left. */
export interface Readiness {
  /** The form's unit. */
  readonly unit: string;
  readonly tasks: number;
  readonly items: readonly ReadinessItem[];
}

/** A returned file's 提交前检查, as the merge report shows it. */
export interface ReturnReadiness extends Readiness {
  readonly file: string;
}

/**
 * The form's tasks that 填报 counts as 待完善 (a progress kind found: 未填进展, 进展只有套话 …), from its
 * check; undefined when the workbook checked is no form.
 */
export function readinessOf(check: FillCheck): Readiness | undefined {
  if (!check.form) return undefined;
  const view = fillView(check, check.form.unit, "zh");
  const noOf = new Map(check.outcome.result.ledger.tasks.map((t) => [t.row, t.no]));
  return {
    unit: check.form.unit,
    tasks: view.total,
    items: view.tasks.filter((t) => !t.reported).map((t) => ({ no: noOf.get(t.row) ?? "", row: t.row, cell: t.cell, kinds: t.labels.map((l) => l.kind) })),
  };
}

/** 提交前检查 over the port: the open workbook, when it is a form (else undefined). Nothing is written. */
export async function checkBeforeSending(port: WorkbookPort, today: Date): Promise<Readiness | undefined> {
  return readinessOf(await fillCheck(port, today));
}

/**
 * A returned form's 提交前检查, as its unit saw it. A form is checked for the quarter it was made for,
 * whatever the day, so the day given is that quarter's return date: the result is the same on both sides.
 */
export async function returnReadiness(port: WorkbookPort, quarter: Parameters<typeof reportDue>[0]): Promise<Readiness | undefined> {
  return checkBeforeSending(port, reportDue(quarter));
}
