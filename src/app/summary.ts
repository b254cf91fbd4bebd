// 生成汇总: the quarter's summary sheet, written beside the ledger, with the findings marked. It
// replaces only the add-in's own sheet for that quarter, never a sheet a person made.
import { summarise, type Summary } from "../core/summary";
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

/** The quarter's summary of a check, speaking for the district and office the settings (or the ledger) name. */
export function summaryOf(outcome: CheckOutcome, today: Date): Summary {
  const { result, workbook } = outcome;
  const office = issuingOffice(workbook.settings, result.ledger);
  return summarise(result, workbook.directory, today, { district: office.district, issuer: office.issuer });
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
  await port.writeSummary(summarySheetPlan(summary, name), replaces);
  return { outcome, summary, sheet: name, replaced: replaces };
}
