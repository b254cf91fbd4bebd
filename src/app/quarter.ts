// One quarter for the whole workbook: the default is computed from the ledger (its year, and the
// latest quarter of that year that has ended by today) and from what the workbook records of the
// quarter last worked on; a quarter the ledger cannot answer for is refused before anything is
// checked, summarised or sent out.
import { parseA1 } from "../core/address";
import { hasProgressColumn } from "../core/check";
import { LedgerError } from "../core/ledger";
import type { Metadata } from "../core/metadata";
import { defaultQuarter, formatQuarter, ledgerYear, parseQuarter, previousQuarter, reportDue } from "../core/quarter";
import { isoDate } from "../core/text";
import type { Ledger, Quarter } from "../core/types";
import { AppError, type AppMessage } from "./messages";

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

/** The ledger's own progress column of the quarter (三季度进展), when it has one. */
function ownColumn(ledger: Ledger, quarter: Quarter) {
  // Only a progress column is of a quarter.
  return ledger.columns.find((c) => c.quarter === quarter.q);
}

/** The ledger has a progress column of the quarter's own, and no task has anything in it. */
export function progressColumnEmpty(ledger: Ledger, quarter: Quarter): boolean {
  // The ledger reads a cell's text trimmed; each task has the column's cell.
  return !!ownColumn(ledger, quarter) && ledger.tasks.length > 0 && ledger.tasks.every((t) => !t.progress[quarter.q]!.text);
}

/**
 * The quarter the office last worked on in this workbook, as its metadata records it: the quarter
 * whose own progress column holds the ledger's marks (检查完整性 marks that column's cells, and 生成汇总
 * checks and marks too), else the quarter of the summary sheet written last. Undefined when neither
 * says (no marks in a quarter's own column, no summary), or it is no quarter the ledger can be
 * checked for without asking (another year, or no column for it).
 */
export function recordedQuarter(ledger: Ledger, metadata: Metadata, today: Date): Quarter | undefined {
  const year = ledgerYear(ledger) ?? ledgerDefaultQuarter(ledger, today).year;
  // The quarter of each column that has one (a progress column's).
  const byColumn = new Map(ledger.columns.map((c) => [c.col, c.quarter]));
  const marks = new Map<Quarter["q"], number>();
  for (const m of metadata.marks) {
    const at = m.sheet === ledger.sheet ? parseA1(m.cell) : undefined;
    const q = at ? byColumn.get(at.col) : undefined;
    if (q) marks.set(q, (marks.get(q) ?? 0) + 1);
  }
  const marked = [...marks].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (marked) return { year, q: marked[0] };
  for (const s of [...metadata.summaries].reverse()) {
    const q = parseQuarter(s.key);
    if (q && q.year === year && hasProgressColumn(ledger, q)) return q;
  }
  return undefined;
}

/**
 * The quarter the pane opens on: the one the office last worked on (recordedQuarter), unless a later
 * quarter has ended since and its units have begun to report in its column; else the ledger's default.
 */
export function workbookDefaultQuarter(ledger: Ledger, metadata: Metadata, today: Date): Quarter {
  const fallback = ledgerDefaultQuarter(ledger, today);
  const recorded = recordedQuarter(ledger, metadata, today);
  if (!recorded) return fallback;
  // Both are of the ledger's year (recordedQuarter takes no other), so the later is the greater q.
  return fallback.q > recorded.q && ownColumn(ledger, fallback) && !progressColumnEmpty(ledger, fallback) ? fallback : recorded;
}

/**
 * What to say above a check's findings when the quarter's own progress column is wholly empty (its
 * reports not yet written, or the wrong quarter chosen): every task counts as unreported. It names
 * the latest earlier quarter of the year whose column has progress, to check instead.
 */
export function emptyQuarterNote(ledger: Ledger, quarter: Quarter): Extract<AppMessage, { code: "quarter-progress-empty" }> | undefined {
  if (!progressColumnEmpty(ledger, quarter)) return undefined;
  let previous: Quarter | undefined;
  for (let q = previousQuarter(quarter); q && !previous; q = previousQuarter(q)) if (ownColumn(ledger, q) && !progressColumnEmpty(ledger, q)) previous = q;
  return {
    code: "quarter-progress-empty",
    sheet: ledger.sheet,
    quarter: formatQuarter(quarter),
    column: ownColumn(ledger, quarter)!.label,
    ...(previous ? { previous: formatQuarter(previous) } : {}),
  };
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
