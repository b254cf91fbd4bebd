// Understanding 完成时限: dates, Excel serial numbers and the ways plans write them in words
// (2026年6月底, 6月30日前, 年底前, 三季度末, 上半年, 长期).
import type { CellValue } from "./types";

/** Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function endOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/**
 * The last day a task may be finished, or undefined for open-ended or unreadable deadlines
 * (长期, 持续推进, 全年 count as the end of the year). `year` fills in dates written without one.
 */
export function parseDeadline(value: CellValue | undefined, year: number): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value === "number") {
    // A serial date between 1982 and 2100; other numbers are not dates.
    if (value > 30000 && value < 73000) return new Date(EXCEL_EPOCH + Math.floor(value) * 86400000);
    return undefined;
  }
  if (typeof value !== "string") return undefined;
  const s = value.normalize("NFKC").replace(/\s+/g, "");
  if (!s || /长期|持续|常态|每年|每季|每月|逐年/.test(s)) return undefined;
  let m = /(?:(\d{4})[年.\-/])?(\d{1,2})[月.\-/](\d{1,2})日?/.exec(s);
  if (m) return new Date(Date.UTC(m[1] ? Number(m[1]) : year, Number(m[2]) - 1, Number(m[3])));
  m = /(?:(\d{4})年)?(\d{1,2})月(底|末|前|中旬|上旬|下旬|份)?/.exec(s);
  if (m) return endOfMonth(m[1] ? Number(m[1]) : year, Number(m[2]));
  m = /(?:(\d{4})年)?第?([1-4一二三四])季度/.exec(s);
  if (m) return endOfMonth(m[1] ? Number(m[1]) : year, "一二三四".indexOf(m[2]!) >= 0 ? ("一二三四".indexOf(m[2]!) + 1) * 3 : Number(m[2]) * 3);
  m = /(?:(\d{4})年)?上半年/.exec(s);
  if (m) return endOfMonth(m[1] ? Number(m[1]) : year, 6);
  m = /(\d{4})年(?:底|末|内|前|全年)?/.exec(s);
  if (m) return endOfMonth(Number(m[1]), 12);
  if (/年底|年末|年内|全年|下半年|今年/.test(s)) return endOfMonth(year, 12);
  return undefined;
}
