// 生成汇总: the quarter's summary sheet, written beside the ledger, with the findings marked. It
// replaces only the add-in's own sheet for that quarter, never a sheet a person made.
import { book } from "./book";
import { checkLedger } from "../core/check";
import { previousQuarter } from "../core/quarter";
import { summarise, type Summary } from "../core/summary";
import type { CheckResult } from "../core/types";
import { summarySheetName, summarySheetPlan } from "../core/summarySheet";
import type { WorkbookPort } from "./port";
import { runCheck, type CheckOutcome, type CheckRequest } from "./check";
import { issuingOffice } from "./office";

export interface SummaryMade {
  readonly outcome: CheckOutcome;
  readonly summary: Summary;
  /** The sheet written. */
  readonly sheet: string;
  /** It replaced the add-in's earlier sheet for the quarter. */
  readonly replaced: boolean;
}

/**
 * The quarter's summary of a check, speaking for the district and office the settings (or the ledger)
 * name, scored by the rules set in 设置, and against the quarter before when the ledger holds it.
 */
export function summaryOf(outcome: CheckOutcome, today: Date): Summary {
  const { result, workbook } = outcome;
  const office = issuingOffice(workbook.settings, result.ledger);
  const previous = previousCheck(outcome);
  const { scoring } = workbook.settings;
  return summarise(result, workbook.directory, today, { district: office.district, issuer: office.issuer, ...(previous ? { previous } : {}), ...(scoring ? { scoring } : {}) });
}

/**
 * The same ledger checked for the quarter before, when it has a progress column of that quarter's own
 * (a single progress column holds only the latest text: it says nothing of the quarter before).
 */
export function previousCheck(outcome: CheckOutcome): CheckResult | undefined {
  const { result, workbook } = outcome;
  const prev = previousQuarter(result.quarter);
  if (!prev) return undefined;
  // Only a progress column is of a quarter.
  if (!result.ledger.columns.some((c) => c.quarter === prev.q)) return undefined;
  const { minProgressLength, staleSimilarity } = workbook.settings;
  return checkLedger(result.ledger, workbook.directory, { quarter: prev, minProgressLength, staleSimilarity });
}

export async function makeSummary(port: WorkbookPort, today: Date, request: CheckRequest = {}): Promise<SummaryMade> {
  const outcome = await runCheck(port, today, { ...request, mark: true });
  const { workbook, result } = outcome;
  const summary = summaryOf(outcome, today);
  const { name, replaces } = summarySheetName(
    result.quarter,
    workbook.info.sheets.map((s) => s.name),
    workbook.metadata,
    (sheet) => workbook.stamps[sheet] ?? "",
  );
  await book(port).writeSummary(summarySheetPlan(summary, name), replaces);
  return { outcome, summary, sheet: name, replaced: replaces };
}
