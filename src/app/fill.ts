// 填报's reading of the workbook: the check, without marks, of the ledger, or of the form 分发 made
// when the workbook is one (its own sheet, for its own quarter). Nothing is written.
import { markPlan } from "../core/marks";
import { parseQuarter } from "../core/quarter";
import { RETURN_SHEET } from "../core/returns";
import type { Quarter } from "../core/types";
import { book } from "./book";
import { markNote, runCheck, type CheckOutcome, type CheckRequest } from "./check";
import { fillView } from "./fillView";
import { AppError } from "./messages";
import type { WorkbookPort } from "./port";

/** The form 分发 made, as its marker sheet names it: whose it is and for which quarter. */
export interface OpenForm {
  readonly unit: string;
  readonly quarter: Quarter;
}

/** What 填报 shows is made from: a check of the ledger (or of the form's sheet), and the form when the workbook is one. */
export interface FillCheck {
  readonly outcome: CheckOutcome;
  readonly form?: OpenForm;
}

/**
 * Checks the ledger for the request's quarter, marking nothing. A workbook that is a unit's form is
 * no ledger (openWorkbook says so); its own sheet is checked instead, for the quarter it was made for.
 */
export async function fillCheck(port: WorkbookPort, today: Date, request: CheckRequest = {}): Promise<FillCheck> {
  try {
    return { outcome: await runCheck(port, today, { ...request, mark: false }) };
  } catch (e) {
    if (!(e instanceof AppError) || e.detail.code !== "form-workbook") throw e;
    const quarter = parseQuarter(e.detail.quarter);
    // A marker without its unit or quarter: the form cannot be read as one; say what openWorkbook said.
    if (!e.detail.unit || !quarter) throw e;
    // The form's quarter is the one it asks for, whatever the pane's (its year is confirmed by the form).
    const outcome = await runCheck(port, today, { ...request, sheet: RETURN_SHEET, quarter, confirmQuarter: true, mark: false });
    return { outcome, form: { unit: e.detail.unit, quarter } };
  }
}

/** What 标记本单位问题 did: the unit's cells marked, and the cells of the workbook marked now (none: nothing was written). */
export interface UnitMarked {
  readonly cells: number;
  readonly inWorkbook?: number;
}

/**
 * 标记本单位问题: what 填报 lists on the unit's tasks marked in the ledger (or the form) as 检查 marks
 * it, for the person who asked; the other marks on the sheet (the office's) stay as they are, and
 * 清除标记 puts every cell back.
 */
export async function markUnitFindings(port: WorkbookPort, check: FillCheck, unit: string): Promise<UnitMarked> {
  const { result } = check.outcome;
  const findings = fillView(check, unit, "zh").tasks.flatMap((t) => t.findings);
  const marks = markPlan({ ...result, findings }, markNote);
  if (!marks.length) return { cells: 0 };
  return { cells: marks.length, inWorkbook: await book(port).mark(result.ledger.sheet, marks, { keepOthers: true }) };
}
