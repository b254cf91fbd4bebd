// Operations sent in syncs that each stay under the payload limit: Excel on the web refuses a request,
// or a response, over 5 MB (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
// so a large write (or a read of many cells) is split into several syncs, in the order it was queued.
// On the desktop, with no limit, it is one sync.
//
// What a request weighs is what office.js posts: the JSON of its actions and object paths
// (ClientRequestBase.buildRequestMessageBodyAndRequestFlags in @microsoft/office-js's runtime). Every
// proxy a call makes (a range by getRangeByIndexes, its `format`, its `fill` …) is an object path and an
// "Instantiate" action there, a range two actions more (`_KeepReference`), every set or call an action;
// ids run to six digits in a long write. The numbers below are measured on that serialisation
// (tests/office-limits.test.ts checks the fake Excel's count against office.js's own, and this
// estimate against the fake's).
import type { Op } from "../../core/ops";

/**
 * Bytes one call adds to a request besides its arguments' JSON. A row height (a range, its format, a
 * set) is 610-635 bytes; a style, counted as four calls and its number formats, up to 4,530 bytes with
 * every property and border set; a fill on Excel without RangeAreas, counted as two, 745 bytes.
 */
const CALL_BYTES = 800;

/**
 * What an operation counted whole (the host passes the operation itself) adds besides its own JSON,
 * where it differs from a call's: measured overheads with five-digit ids, about a tenth more for
 * six-digit ones. A note is an `Add` on the sheet's notes (116 bytes), 394 when the old one is deleted
 * first; a chart is its ranges, series, title and legend (2,623).
 */
function opBytes(op: Op): number {
  switch (op.op) {
    case "note":
      return op.had ? 450 : 150;
    case "freeze": // 56
    case "printTitles": // 57
    case "moveSheet": // 48
      return 100;
    case "addSheet": // 227
    case "renameSheet": // 223
    case "deleteSheet": // 231
      return 300;
    case "merge": // 374
    case "numberFormat": // 391
      return 450;
    case "link": // 406
      return 500;
    case "content": // 470
    case "dropLegacySettings": // 451
      return 550;
    case "activate": // 491
    case "page": // 485
      return 600;
    case "table": // 695
      return 800;
    case "chart": // 2,623
      return 3000;
    default:
      return CALL_BYTES;
  }
}

/**
 * Cells of a grid office.js sets at once; a larger `values`, `numberFormat` or `formulas` it splits into
 * slices of as many rows (setRangePropertiesInBulk), each slice about 900 bytes more: the bounding range
 * of its first and last row (three object paths, six Instantiate actions) and its own set.
 */
const BULK_CELLS = 1500;
const BULK_SLICE_BYTES = 1000;

/**
 * A grid's cell weighs at least its number format's (`"General",`): the host counts a grid twice, for
 * its values and for the number formats it sets beside them, and a grid of small numbers weighs less than its formats.
 */
const GRID_CELL_BYTES = 10;

/** UTF-8 bytes of a value as JSON, as it travels in a request, with a call's (or an operation's) own share. */
export function requestBytes(value: unknown): number {
  if (isGrid(value)) return CALL_BYTES + gridBytes(value);
  const own = isOp(value) ? opBytes(value) : CALL_BYTES;
  return own + utf8Length(JSON.stringify(value ?? null));
}

function isOp(value: unknown): value is Op {
  return typeof value === "object" && value !== null && typeof (value as { op?: unknown }).op === "string";
}

function isGrid(value: unknown): value is readonly (readonly unknown[])[] {
  return Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row));
}

/** A grid's JSON, each cell at least GRID_CELL_BYTES, and the slices office.js adds past BULK_CELLS cells. */
function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  let cells = 0;
  let width = 0;
  for (const row of grid) {
    bytes += 3;
    cells += row.length;
    width = Math.max(width, row.length);
    for (const cell of row) bytes += Math.max(GRID_CELL_BYTES, utf8Length(JSON.stringify(cell ?? null)) + 1);
  }
  const slices = cells > BULK_CELLS ? Math.ceil(grid.length / Math.max(1, Math.round(BULK_CELLS / Math.max(1, width)))) : 0;
  return bytes + slices * BULK_SLICE_BYTES;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The operations of one write (or read), queued and synced whenever the next would overfill the request (or response). */
export class Batch {
  private bytes = 0;

  /** `budget`: the bytes one request may carry (Infinity: no limit). */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  /** Queues operations of about `bytes` request bytes; syncs what is queued first when they would not fit beside it. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    queue();
    this.bytes += bytes;
  }

  /** The request bytes queued since the last sync, as estimated. */
  get queued(): number {
    return this.bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

/** Rows of a grid in slices of at most about `budget` bytes of JSON each (a slice has one row at least), with their first row's index. */
export function rowSlices<T>(rows: readonly T[], budget: number): { at: number; rows: T[] }[] {
  if (!Number.isFinite(budget)) return [{ at: 0, rows: [...rows] }];
  const out: { at: number; rows: T[] }[] = [];
  let current: T[] = [];
  let at = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const b = utf8Length(JSON.stringify(row)) + 1;
    if (current.length && size + b > budget) {
      out.push({ at, rows: current });
      current = [];
      at = i;
      size = 0;
    }
    current.push(row);
    size += b;
  });
  if (current.length || !out.length) out.push({ at, rows: current });
  return out;
}
