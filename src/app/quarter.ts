// One quarter for the whole workbook: the default is computed from the ledger (its year, and the
// latest quarter of that year that has ended by today), and a quarter the ledger cannot answer for
// is refused before anything is checked, summarised or sent out.
import { hasProgressColumn } from "../core/check";
import { LedgerError } from "../core/ledger";
import { defaultQuarter, formatQuarter, ledgerYear, previousQuarter, reportDue } from "../core/quarter";
import { isoDate } from "../core/text";
import type { Ledger, Quarter } from "../core/types";
import { AppError } from "./messages";

/**
 * The quarter a ledger is checked for when none is chosen: the latest quarter of its year that has
 * ended by `today` (a past year's ledger: its last), stepping back to a quarter it has a progress
 * column for (a ledger with only 上半年 and 全年 columns is checked for the half year in November).
 */
export function ledgerDefaultQuarter(ledger: Ledger, today: Date): Quarter {
  const first = defaultQuarter(today, ledgerYear(ledger));
  for (let q: Quarter | undefined = first; q; q = previousQuarter(q)) if (hasProgressColumn(ledger, q)) return q;
  return first;
}

/**
 * The quarter to work on: the one chosen, else the ledger's default. A quarter the ledger has no
 * progress column for is refused; one outside the ledger's year is refused unless `confirmed`.
 */
export function chooseQuarter(ledger: Ledger, chosen: Quarter | undefined, today: Date, confirmed = false): Quarter {
  const quarter = chosen ?? ledgerDefaultQuarter(ledger, today);
  if (!hasProgressColumn(ledger, quarter)) {
    const columns = ledger.columns.filter((c) => c.role === "progress").map((c) => c.label);
    throw new LedgerError({ code: "no-progress-column", sheet: ledger.sheet, quarter: formatQuarter(quarter), columns });
  }
  const year = ledgerYear(ledger);
  if (chosen && year !== undefined && chosen.year !== year && !confirmed) throw new AppError({ code: "quarter-outside-year", quarter: formatQuarter(chosen), year });
  return quarter;
}

/** The quarters to offer: the ledger's year's first, then this year's and last year's, newest first in each. */
export function quarterChoices(today: Date, year?: number): Quarter[] {
  const years = [...new Set([...(year !== undefined ? [year] : []), today.getFullYear(), today.getFullYear() - 1])];
  return years.flatMap((y) => ([4, 3, 2, 1] as const).map((q) => ({ year: y, q })));
}

/**
 * Days from `today` (a calendar day, as people count it) to the quarter's report due date: positive
 * before it, 0 on the day, negative once it has passed.
 */
export function daysToDue(quarter: Quarter, today: Date): number {
  const due = reportDue(quarter);
  return Math.round((due.getTime() - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / 86400000);
}

/** The quarter's report due date, as YYYY-MM-DD. */
export function reportDueDate(quarter: Quarter): string {
  return isoDate(reportDue(quarter));
}
