// Where to stop a write in a failure test, chosen from the write itself rather than spread evenly. What
// a stop leaves behind depends on which kinds of operation ran (the records first, then fills, notes,
// values, the records again, the old records deleted) and on which requests were sent whole. Inside a
// run of like operations a stop differs only in how many cells it reached, and each cell is put back by
// its own record alike: the run's first and last step stand for the rest.
import type { ExcelRun } from "../../src/hosts/office/host";

/** An operation's kind: "notes.add(F12)" → "notes.add", "range.values=(3×5)" → "range.values". */
export const opKind = (op: string) => op.replace(/[(=].*$/s, "");

/**
 * The operation numbers (1-based, as `failNextAt` counts them) to stop a write at: the first and the
 * last step of every run of like steps, and the last operation of each request with the first of the
 * next. A step is one operation, or two that go together and repeat (a cell's number format, then its
 * value): both of a step's operations are stop points, the stop between them included. `syncedAt`: how
 * many operations had been queued at each sync.
 */
export function stopPoints(ops: readonly string[], syncedAt: readonly number[] = []): number[] {
  const kinds = ops.map(opKind);
  const at = new Set<number>();
  for (let start = 0; start < kinds.length; ) {
    // A run: one kind repeated, or two kinds alternating; else a single operation.
    const period = kinds[start + 1] !== kinds[start] && kinds[start + 2] === kinds[start] && kinds[start + 3] === kinds[start + 1] ? 2 : 1;
    let end = start + period;
    while (end < kinds.length && kinds[end] === kinds[end - period]) end++;
    // Whole steps only: a run of pairs that ends half-way leaves its last operation to the next run.
    end -= (end - start) % period;
    for (let i = 0; i < period; i++) at.add(start + i + 1).add(end - period + i + 1);
    start = end;
  }
  for (const n of syncedAt) for (const p of [n, n + 1]) if (p >= 1 && p <= ops.length) at.add(p);
  return [...at].sort((a, b) => a - b);
}

/** `run`, noting in `syncedAt` how many operations each run had queued when it synced. */
export function notingSyncs(run: ExcelRun, syncedAt: number[][]): ExcelRun {
  return (options, batch) =>
    run(options, (context) => {
      const mine: number[] = [];
      syncedAt.push(mine);
      const sync = context.sync.bind(context);
      const ops = (context as unknown as { ops: readonly string[] }).ops;
      context.sync = (async () => {
        mine.push(ops.length);
        await sync();
      }) as typeof context.sync;
      return batch(context);
    });
}
