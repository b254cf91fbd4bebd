// Operations sent in syncs that each stay under the payload limit: Excel on the web refuses a request,
// or a response, over 5 MB (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
// so a large write (or a read of many cells) is split into several syncs, in the order it was queued.
// On the desktop, with no limit, it is one sync.

/** Bytes an operation adds to a request besides its arguments (its ids and names), counted generously. */
const OPERATION_BYTES = 200;

/** UTF-8 bytes of a value as JSON, as it travels in a request, with an operation's own share. */
export function requestBytes(value: unknown): number {
  return OPERATION_BYTES + utf8Length(JSON.stringify(value ?? null));
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
