// Quarters of the reporting year and their due dates (reports are due on the 10th of the month after).
import type { Quarter } from "./types";

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

/**
 * The quarter to check when none is given: the latest quarter of `year` that has ended by `today`.
 * A past year's ledger is checked for its fourth quarter; a ledger of a year with no ended quarter
 * yet, for its first.
 */
export function defaultQuarter(today: Date, year?: number): Quarter {
  const thisYear = today.getFullYear();
  const y = year ?? thisYear;
  if (y < thisYear) return { year: y, q: 4 };
  if (y > thisYear) return { year: y, q: 1 };
  const ended = Math.floor(today.getMonth() / 3); // quarters fully behind us this year
  return { year: y, q: (ended >= 1 ? ended : 1) as Quarter["q"] };
}
