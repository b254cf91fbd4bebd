// 边填边查 (checked as they type): after cells of the ledger change, the tasks of the rows changed are
// checked again, with the directory, quarter and settings of the last check, and nothing is written.
import { book } from "./book";
import { columnIndex } from "../core/address";
import { recheck, type RecheckFallback } from "../core/recheck";
import { cellText } from "../core/text";
import type { CellValue, CheckOptions, SheetGrid } from "../core/types";
import type { CheckOutcome } from "./check";
import type { WorkbookPort } from "./port";

/** A check outcome after a re-check, with how far it read. */
export interface RecheckOutcome extends CheckOutcome {
  /** Rows whose values changed (1-based); none: nothing was checked again, and the outcome is the last one's. */
  readonly rowsChanged: number;
  /** The whole sheet was checked again, and why (see src/core/recheck.ts). */
  readonly full: boolean;
  readonly fallback?: RecheckFallback;
}

/**
 * Checks again the ledger after cells of it changed: `addresses` are the changed areas in A1 form as
 * Excel's worksheet.onChanged gives them ("E12", "E12:E40", a whole "12:12" or "E:E"; a "Sheet!" prefix
 * is dropped), all on the ledger sheet of `last`. The sheet is read again in one read; only cells whose
 * values differ from the last read count, so a change that left every value as it was does no work.
 * Nothing is written: the marks of the last check stay as they are (`marked` is the last check's).
 *
 * For the host that calls it:
 * - Changes on other sheets (the directory), rows or columns inserted or deleted, and cells merged
 *   are not edits of values in place: run the whole check (runCheck, with mark false) for those.
 *   Excel tells them apart by the event's changeType ("RangeEdited" is the edit of values; the others
 *   are RowInserted, RowDeleted, ColumnInserted, ColumnDeleted, CellInserted, CellDeleted, Unknown:
 *   learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
 * - The add-in's own marks (fills, notes) change no value, and the check above finds nothing to do
 *   for them even when an event comes. Its own writes of values (应用 a unit name, 合并回报) are
 *   followed by a check of their own: the host ignores the events of a write it started, by the
 *   event's triggerSource "ThisLocalAddin" where Excel has it (ExcelApi 1.14:
 *   learn.microsoft.com/javascript/api/excel/excel.eventtriggersource), else by a flag held while
 *   its own batch runs.
 * - A paste over many rows is one event with one range: one call.
 */
export async function recheckOutcome(port: WorkbookPort, last: CheckOutcome, addresses: readonly string[]): Promise<RecheckOutcome> {
  const before = last.workbook.ledger;
  const [read] = await book(port).readSheets([{ name: before.name }]);
  const grid = read!.grid;
  const rows = changedValueRows(before, grid, addresses);
  if (rows.length === 0) return { ...last, rowsChanged: 0, full: false };
  const { minProgressLength, staleSimilarity, headerRow, columns } = last.workbook.settings;
  const options: CheckOptions = {
    quarter: last.result.quarter,
    ...(minProgressLength !== undefined ? { minProgressLength } : {}),
    ...(staleSimilarity !== undefined ? { staleSimilarity } : {}),
    layout: { ...(headerRow !== undefined ? { headerRow } : {}), ...(columns ? { columns } : {}) },
  };
  const { result, full, fallback } = recheck(last.result, grid, rows, last.workbook.directory, options);
  return { ...last, workbook: { ...last.workbook, ledger: grid }, result, rowsChanged: rows.length, full, ...(fallback ? { fallback } : {}) };
}

/** A changed area as 0-based inclusive rows and columns (right Infinity for whole rows). */
interface Area {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** "E12", "$E$12:$F$40", "12:14" (whole rows), "E:F" (whole columns); undefined for anything else. */
export function parseChangedArea(address: string): Area | undefined {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
  const [from, to = from] = bare.split(":");
  const a = /^([A-Za-z]{0,3})(\d*)$/.exec(from ?? "");
  const b = /^([A-Za-z]{0,3})(\d*)$/.exec(to ?? "");
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2]) || !a[1] !== !b[1] || !a[2] !== !b[2]) return undefined;
  const rows = a[2] ? [Number(a[2]) - 1, Number(b[2]) - 1] : [0, Infinity];
  const cols = a[1] ? [columnIndex(a[1]), columnIndex(b[1]!)] : [0, Infinity];
  return { top: Math.min(rows[0]!, rows[1]!), bottom: Math.max(rows[0]!, rows[1]!), left: Math.min(cols[0]!, cols[1]!), right: Math.max(cols[0]!, cols[1]!) };
}

/**
 * The 1-based rows of the areas with a cell whose value differs between the two reads. An address
 * that cannot be read counts every row of both sheets as changed (the re-check then decides).
 */
function changedValueRows(before: SheetGrid, after: SheetGrid, addresses: readonly string[]): number[] {
  const height = Math.max(before.rows.length, after.rows.length);
  const rows = new Set<number>();
  for (const address of addresses) {
    const area = parseChangedArea(address) ?? { top: 0, bottom: Infinity, left: 0, right: Infinity };
    for (let r = area.top; r <= Math.min(area.bottom, height - 1); r++) {
      if (rows.has(r + 1)) continue;
      const was = before.rows[r] ?? [];
      const now = after.rows[r] ?? [];
      const width = Math.min(area.right, Math.max(was.length, now.length) - 1);
      for (let c = area.left; c <= width; c++) {
        if (sameValue(was[c] ?? null, now[c] ?? null)) continue;
        rows.add(r + 1);
        break;
      }
    }
  }
  return [...rows].sort((a, b) => a - b);
}

/** Whether two reads of a cell hold the same value (an empty string is an empty cell). */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b || ((a === null || a === "") && (b === null || b === ""))) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // An error value (#REF!) comes as an object; compared by the text it shows.
  return typeof a === "object" && typeof b === "object" && a !== null && b !== null && cellText(a) === cellText(b);
}
