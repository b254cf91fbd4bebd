// Quarters of the reporting year and their due dates (reports are due on the 10th of the month after).
import { parseDeadline } from "./deadline";
import { yearIn } from "./text";
import type { CellValue, Ledger, Quarter } from "./types";

const CN_QUARTER = ["", "一", "二", "三", "四"] as const;

export function quarter(year: number, q: number): Quarter {
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new RangeError(`季度应为 1 到 4，收到 ${q}`);
  return { year, q: q as Quarter["q"] };
}

/** "2026Q3". */
export function formatQuarter(q: Quarter): string {
  return `${q.year}Q${q.q}`;
}

/** "2026年第三季度". */
export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${CN_QUARTER[q.q]}季度`;
}

/** "三季度", as used in column names. */
export function quarterShortLabel(q: 1 | 2 | 3 | 4): string {
  return `${CN_QUARTER[q]}季度`;
}

/** Reads 2026Q3, 2026-Q3, 2026q3, 2026年第三季度, 2026年3季度. Returns undefined when it is none of these. */
export function parseQuarter(text: string): Quarter | undefined {
  const s = text.normalize("NFKC").trim();
  let m = /^(\d{4})\s*[-_/ ]?\s*[Qq]([1-4])$/.exec(s);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})\s*年?\s*第?\s*([1-4一二三四])\s*季度?$/.exec(s);
  if (m) return quarter(Number(m[1]), quarterDigit(m[2]!));
  return undefined;
}

/** 1..4 from "1".."4" or "一".."四". */
export function quarterDigit(ch: string): 1 | 2 | 3 | 4 {
  const i = "一二三四".indexOf(ch);
  return (i >= 0 ? i + 1 : Number(ch)) as 1 | 2 | 3 | 4;
}

/** Last day of the quarter, as a UTC date. */
export function quarterEnd(q: Quarter): Date {
  return new Date(Date.UTC(q.year, q.q * 3, 0));
}

/** The day reports for the quarter are due: the 10th of the month after it (Jan 10 of the next year for Q4). */
export function reportDue(q: Quarter): Date {
  return new Date(Date.UTC(q.year, q.q * 3, 10));
}

export function previousQuarter(q: Quarter): Quarter | undefined {
  return q.q === 1 ? undefined : { year: q.year, q: (q.q - 1) as Quarter["q"] };
}

/** The latest quarter that has ended by `today` (the day after its last day, or later). */
export function lastEndedQuarter(today: Date): Quarter {
  const ended = Math.floor(today.getMonth() / 3); // quarters of this year fully behind us
  return ended === 0 ? { year: today.getFullYear() - 1, q: 4 } : { year: today.getFullYear(), q: ended as Quarter["q"] };
}

/**
 * The quarter to check when none is chosen: the latest quarter of the ledger's `year` that has ended
 * by `today`. A past year's ledger is checked for its fourth quarter; this year's ledger before any
 * quarter has ended, and a next year's, for their first. Without a year, the latest ended quarter.
 */
export function defaultQuarter(today: Date, year?: number): Quarter {
  if (year === undefined) return lastEndedQuarter(today);
  const thisYear = today.getFullYear();
  if (year < thisYear) return { year, q: 4 };
  if (year > thisYear) return { year, q: 1 };
  const last = lastEndedQuarter(today);
  return last.year === year ? last : { year, q: 1 };
}

/**
 * The year a ledger is about: written in its title or sheet name, else the year most of its
 * deadlines name (2026年6月底, a date). Undefined when neither says.
 */
export function ledgerYear(ledger: Ledger): number | undefined {
  if (ledger.year) return ledger.year;
  const counts = new Map<number, number>();
  for (const t of ledger.tasks) {
    const y = deadlineYear(t.deadlineValue ?? t.deadline?.text);
    if (y) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

/** The year a deadline names itself (not one filled in): 2026年6月底, 2026-06-30, a date or an Excel serial date. */
function deadlineYear(value: CellValue | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string") return yearIn(value);
  if (typeof value === "number" || value instanceof Date) return parseDeadline(value, 0)?.getUTCFullYear();
  return undefined;
}
