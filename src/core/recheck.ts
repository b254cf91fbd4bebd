// 边填边查: after a person edits some rows of the ledger, only the tasks of those rows are read and
// checked again; every other task keeps its assessment and findings. The result is the one a full
// check of the edited sheet gives (tests/recheck.test.ts holds it to that over random edits), or the
// full check itself where an edit reaches further than its rows (see `RecheckFallback`).
import type { Directory } from "./directory";
import { byReadingOrder, cachedParser, check, inReadingOrder, progressFindings, readingKey, sheetNotes, unitFindings, type SeenCells } from "./check";
import { categoryPaths, classifyRow, FilledGrid, firstTaskAtOrBelow, lowerBound, readRow, resolveColumns, setHeading, taskOf, type LedgerLayout } from "./ledger";
import { assessTask } from "./progress";
import type { CellText, CheckOptions, CheckResult, Finding, Ledger, SheetGrid, Task, TaskAssessment } from "./types";

/** Rows changed: 1-based sheet rows, or inclusive ranges of them ([12, 40] for a paste over rows 12 to 40). */
export type ChangedRows = Iterable<number | readonly [number, number]>;

/**
 * Why a re-check read the whole sheet instead of the rows changed:
 * - `quarter`: asked for another quarter than the previous check's;
 * - `header`: a row of the header, or above it (title, year), changed;
 * - `layout`: the header is now found elsewhere, or its columns read differently;
 * - `categories`: a heading row changed, so tasks below it now stand under other headings.
 */
export type RecheckFallback = "quarter" | "header" | "layout" | "categories";

export interface Rechecked {
  readonly result: CheckResult;
  /** The whole sheet was read and checked again (why: `fallback`). */
  readonly full: boolean;
  readonly fallback?: RecheckFallback;
}

/**
 * Checks again the tasks of the rows changed since `previous` was checked, in `grid` as it is now,
 * with the directory and options `previous` was checked with (the caller's to keep the same).
 * Findings come in a full check's order. Assumed unchanged since then: the sheet's merged areas and
 * row positions (a row inserted or deleted, or cells merged, is a full check: the host knows those
 * from its change event). Throws LedgerError, as check does, when a full check finds no ledger.
 */
export function recheck(previous: CheckResult, grid: SheetGrid, changed: ChangedRows, directory: Directory | undefined, options: CheckOptions): Rechecked {
  const full = (fallback: RecheckFallback): Rechecked => ({ result: check(grid, directory, options), full: true, fallback });
  const before = previous.ledger;
  if (previous.quarter.year !== options.quarter.year || previous.quarter.q !== options.quarter.q) return full("quarter");
  const g = new FilledGrid(grid);
  const rows = changedRows(changed, g.height);
  for (const t of before.tasks) if (t.row > g.height) rows.add(t.row - 1); // rows cut off the end of the sheet
  if (rows.size === 0) return { result: previous, full: false };
  // Title and year stand above the header: those rows, or the header's, changed is a new reading.
  const first = Math.min(...rows);
  if (first < before.headerRow) return full("header");
  // The header is searched for in the top rows: a body row edited there may now outscore it.
  const layout = resolveColumns(g, options.layout ?? {});
  if (!sameLayout(layout, before)) return full("layout");

  const affected = withMerges([...rows].sort((a, b) => a - b), grid);
  const fresh = readAffected(g, layout, before.tasks, affected);
  if (!fresh) return full("categories");

  // The tasks in order, the new ones in place of those of the rows affected.
  const inAffected = new Set(affected);
  const tasks: Task[] = [];
  const assessments: TaskAssessment[] = [];
  const isNew: boolean[] = [];
  let j = 0;
  before.tasks.forEach((t, i) => {
    while (j < fresh.length && fresh[j]!.row < t.row) pushNew(fresh[j++]!);
    if (inAffected.has(t.row - 1)) return;
    tasks.push(t);
    assessments.push(previous.assessments[i]!);
    isNew.push(false);
  });
  while (j < fresh.length) pushNew(fresh[j++]!);
  function pushNew(t: Task): void {
    tasks.push(t);
    assessments.push(assessTask(t, options.quarter, options));
    isNew.push(true);
  }

  // Findings of the new tasks. A unit cell merged over several tasks is reported at the first of them
  // (the "seen" cells): merged areas lie wholly inside the rows affected, so no task outside them, kept
  // or in another run of rows, shares a unit cell with a new one, and the new ones compare among themselves.
  const parse = cachedParser();
  const found: Finding[] = [];
  const seen: SeenCells = { lead: "", co: "" };
  tasks.forEach((t, i) => {
    if (!isNew[i]) return;
    unitFindings(t, directory, seen, parse, found);
    progressFindings(assessments[i]!, options.quarter, found);
  });
  // A finding stands on a cell of its task's rows (merged cells included): the old ones of the rows
  // affected go, and the new ones, never on the same row as a kept one, are merged in reading order.
  const kept = previous.findings.filter((f) => !inAffected.has(f.row - 1));
  const findings = mergeInOrder(kept, inReadingOrder(found));

  const { hiddenRows: _hidden, ...rest } = before;
  const ledger: Ledger = { ...rest, tasks, ...(grid.hiddenRows?.length ? { hiddenRows: grid.hiddenRows } : {}) };
  return { result: { ledger, quarter: options.quarter, assessments, findings, notes: sheetNotes(ledger, directory) }, full: false };
}

/** The changed rows as 0-based rows inside the sheet (a whole-column range stops at its last row). */
function changedRows(changed: ChangedRows, height: number): Set<number> {
  const rows = new Set<number>();
  for (const c of changed) {
    const [from, to] = typeof c === "number" ? [c, c] : c;
    for (let r = Math.max(1, from); r <= Math.min(to, height); r++) rows.add(r - 1);
  }
  return rows;
}

/** Whether the header stands where it stood and its columns read as they did. */
function sameLayout(layout: LedgerLayout, ledger: Ledger): boolean {
  if (layout.top + 1 !== ledger.headerTop || layout.bottom + 1 !== ledger.headerRow) return false;
  if (layout.columns.length !== ledger.columns.length) return false;
  if (layout.columns.some((c, i) => { const o = ledger.columns[i]!; return c.role !== o.role || c.col !== o.col || c.label !== o.label || c.quarter !== o.quarter; })) return false;
  return JSON.stringify(layout.notes) === JSON.stringify(ledger.notes ?? []);
}

/**
 * The rows affected by edits of `rows` (0-based, ascending): the rows of every merged area that
 * touches one of them too, since a merged cell's value shows on all its rows, a task merged over
 * several rows is one task, and a unit cell merged over tasks is reported once.
 */
function withMerges(rows: number[], grid: SheetGrid): number[] {
  if (grid.merges.length === 0) return rows;
  const set = new Set(rows);
  let sorted = rows;
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of grid.merges) {
      if (m.top === m.bottom || !touches(sorted, m.top, m.bottom)) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        if (set.has(r)) continue;
        set.add(r);
        grew = true;
      }
    }
    if (grew) sorted = [...set].sort((a, b) => a - b);
  }
  return sorted;
}

/** Whether an ascending list has a value within [top, bottom]. */
function touches(sorted: readonly number[], top: number, bottom: number): boolean {
  const i = lowerBound(sorted, top, (r) => r);
  return i < sorted.length && sorted[i]! <= bottom;
}

/**
 * Reads the tasks of the rows affected (0-based, ascending), each run of rows with the headings
 * above it, as readLedger reads them. Undefined when the headings the tasks below stand under have
 * changed (a heading row typed, emptied or edited): their categories are then the full check's to
 * read. The test is the first task after each run; a change that leaves that task's category as it
 * was (a heading text repeated in its category cell) is not seen, and no finding depends on it.
 */
function readAffected(g: FilledGrid, layout: LedgerLayout, before: readonly Task[], affected: readonly number[]): Task[] | undefined {
  const out: Task[] = [];
  const taskRows = new Set<number>(); // task rows among the rows read so far (0-based)
  const read = new Set(affected);
  const cells = new Array<CellText>(layout.columns.length);
  const category = categoryPaths(layout.at.categories);
  // Index into `before` of the first task at or below a 0-based row.
  const firstAtOrBelow = (r: number) => firstTaskAtOrBelow(before, r + 1);
  for (let s = 0; s < affected.length; ) {
    let e = s;
    while (e + 1 < affected.length && affected[e + 1] === affected[e]! + 1) e++;
    const top = affected[s]!;
    const bottom = affected[e]!;
    const headings = headingsAbove(g, layout, before, firstAtOrBelow(top) - 1, top, read, taskRows, cells);
    let lastTaskCell = "";
    for (let r = top; r <= bottom; r++) {
      const kind = classifyRow(readRow(g, r, layout, cells), layout);
      if (kind.kind === "heading") setHeading(headings, kind.level, kind.text);
      if (kind.kind !== "task") continue;
      taskRows.add(r);
      const text = cells[layout.at.task]!;
      if (text.text && text.cell === lastTaskCell) continue; // one task merged over several rows
      lastTaskCell = text.cell;
      out.push(taskOf(g, r, cells, layout, category(headings, cells)));
    }
    // The first task kept below the run: under the same headings as before, or the headings changed.
    const next = before[firstAtOrBelow(bottom + 1)];
    if (next && (s === affected.length - 1 || e === affected.length - 1 || next.row - 1 < affected[e + 1]!) && !read.has(next.row - 1)) {
      for (let r = bottom + 1; r < next.row - 1; r++) {
        const kind = classifyRow(readRow(g, r, layout, cells), layout);
        if (kind.kind === "heading") setHeading(headings, kind.level, kind.text);
      }
      readRow(g, next.row - 1, layout, cells);
      if (!samePath(category(headings, cells), next.category)) return undefined;
    }
    s = e + 1;
  }
  return out;
}

/**
 * The headings that stand over row `top` (0-based), read upwards until a heading of the outermost
 * level (or the header): `last` is the index in `before` of the last task above it. Rows that hold
 * tasks are no headings, so only the others are read.
 */
function headingsAbove(g: FilledGrid, layout: LedgerLayout, before: readonly Task[], last: number, top: number, read: ReadonlySet<number>, taskRows: ReadonlySet<number>, cells: CellText[]): string[] {
  const found: { level: number; text: string }[] = [];
  let k = last;
  for (let r = top - 1; r > layout.bottom; r--) {
    while (k >= 0 && before[k]!.row - 1 > r) k--;
    if (read.has(r) ? taskRows.has(r) : k >= 0 && before[k]!.row - 1 === r) continue;
    const kind = classifyRow(readRow(g, r, layout, cells), layout);
    if (kind.kind !== "heading") continue;
    found.push(kind);
    if (kind.level === 0) break;
  }
  const headings: string[] = [];
  for (let i = found.length - 1; i >= 0; i--) setHeading(headings, found[i]!.level, found[i]!.text);
  return headings;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Two lists in reading order as one (a stable merge: on a tie the kept finding comes first). */
function mergeInOrder(kept: readonly Finding[], added: readonly Finding[]): Finding[] {
  if (added.length === 0) return [...kept];
  const out: Finding[] = [];
  const a = added.map(readingKey);
  let j = 0;
  for (const f of kept) {
    const k = readingKey(f);
    while (j < a.length && byReadingOrder(a[j]!, k) < 0) out.push(a[j++]!.f);
    out.push(f);
  }
  while (j < a.length) out.push(a[j++]!.f);
  return out;
}
