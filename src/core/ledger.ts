// Reading task rows from a ledger sheet: find the header, fill merged cells, skip repeated headers
// and blank rows, turn heading rows into category context, and keep each value's cell address.
import { columnIndex, columnLetter } from "./address";
import { foldLabel, isExactLabel, isFormerLabel, recogniseLabel, type HeaderLabel } from "./header";
import { EngineError, type EngineMessage } from "./messages";
import { isNotTaskText } from "./notTasks";
import { cellText, stripSpaces, yearIn } from "./text";
import type { CellText, CellValue, ColumnRole, Ledger, LedgerColumn, SheetGrid, Task } from "./types";

/** How far down the header may stand. */
export const HEADER_SEARCH_ROWS = 20;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Raised when a sheet cannot be read as a ledger; `detail` says why. */
export class LedgerError extends EngineError {
  constructor(detail: EngineMessage) {
    super(detail);
    this.name = "LedgerError";
  }
}

/** Values of a sheet with merged areas filled from their top-left cell. */
export class FilledGrid {
  private readonly master = new Map<number, number>();
  private readonly letters: string[] = [];
  readonly width: number;

  constructor(readonly grid: SheetGrid) {
    let width = 0;
    for (const row of grid.rows) if (row.length > width) width = row.length;
    for (const m of grid.merges) if (m.right + 1 > width) width = m.right + 1;
    this.width = width;
    for (const m of grid.merges) {
      const key = m.top * width + m.left;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.master.set(r * width + c, key);
        }
      }
    }
  }

  get height(): number {
    return this.grid.rows.length;
  }

  /** 0-based row and column of the cell holding the value shown at (row, col). */
  origin(row: number, col: number): { row: number; col: number } {
    const key = this.master.get(row * this.width + col);
    return key === undefined ? { row, col } : { row: Math.floor(key / this.width), col: key % this.width };
  }

  value(row: number, col: number): CellValue {
    const o = this.origin(row, col);
    return this.grid.rows[o.row]?.[o.col] ?? null;
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col)).trim();
  }

  /** The raw (unfilled) text of a cell. */
  rawText(row: number, col: number): string {
    return cellText(this.grid.rows[row]?.[col] ?? null).trim();
  }

  /** The cell shown at (row, col): its text and where it stands. Called for every cell read, so it allocates little. */
  cell(row: number, col: number): CellText {
    let r = row;
    let c = col;
    if (this.master.size > 0) {
      const key = this.master.get(row * this.width + col);
      if (key !== undefined) {
        r = Math.floor(key / this.width);
        c = key % this.width;
      }
    }
    const v = this.grid.rows[r]?.[c];
    const text = v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : cellText(v).trim();
    const letters = (this.letters[c] ??= columnLetter(c));
    return { text, cell: letters + (r + 1), row: r + 1, col: c };
  }
}

interface HeaderGuess {
  readonly top: number;
  readonly bottom: number;
  readonly columns: LedgerColumn[];
}

const KEY_ROLES: readonly ColumnRole[] = ["task", "subcategory", "lead"];

function rowLabels(g: FilledGrid, r: number): (HeaderLabel | undefined)[] {
  const out: (HeaderLabel | undefined)[] = [];
  for (let c = 0; c < g.width; c++) {
    const t = g.text(r, c);
    out.push(t ? recogniseLabel(t) : undefined);
  }
  return out;
}

function headerScore(labels: readonly (HeaderLabel | undefined)[]): number {
  // Roles, not quarters: the sub-row of a two-row header (一季度|二季度|…) must not outscore the row above.
  const roles = new Set(labels.filter((l): l is HeaderLabel => !!l).map((l) => l.role));
  const hasKey = labels.some((l) => l && KEY_ROLES.includes(l.role));
  return hasKey ? roles.size : 0;
}

/** Finds the header row (and a second header row beneath it), or takes the row a person set (0-based). */
export function findHeader(g: FilledGrid, fixedRow?: number): HeaderGuess | undefined {
  let best = -1;
  let bestScore = 1; // at least two recognised columns, one of them a task or unit column
  const limit = Math.min(HEADER_SEARCH_ROWS, g.height);
  if (fixedRow !== undefined) best = fixedRow;
  else {
    for (let r = 0; r < limit; r++) {
      const s = headerScore(rowLabels(g, r));
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
  }
  if (best < 0) return undefined;
  const top = best;
  const topLabels = rowLabels(g, top);
  const twoRows = top + 1 < g.height && isSubHeader(g, top);
  const bottom = twoRows ? top + 1 : top;
  const columns: LedgerColumn[] = [];
  for (let c = 0; c < g.width; c++) {
    const topText = g.text(top, c);
    let label = topLabels[c];
    let labelText = topText;
    if (twoRows) {
      const subText = g.text(bottom, c);
      if (subText && subText !== topText) {
        const sub = recogniseLabel(subText);
        if (sub && label?.role === "progress" && !label.quarter) {
          label = { role: "progress", quarter: sub.quarter ?? recogniseLabel(topText + subText)?.quarter };
        } else if (sub) {
          label = sub;
        }
        labelText = topText ? `${topText}/${subText}` : subText;
      }
    }
    if (label) columns.push({ role: label.role, col: c, label: labelText, ...(label.quarter ? { quarter: label.quarter } : {}) });
  }
  return { top, bottom, columns };
}

/** A second header row: every filled cell repeats the one above (a vertical merge) or is a column name. */
function isSubHeader(g: FilledGrid, top: number): boolean {
  const r = top + 1;
  let recognised = 0;
  for (let c = 0; c < g.width; c++) {
    const t = g.text(r, c);
    if (!t || t === g.text(top, c)) continue;
    if (!recogniseLabel(t)) return false;
    recognised++;
  }
  return recognised > 0;
}

/** Heading rows inside a table: 一、… （二）… ——… 第一部分 … The level is the nesting depth. */
export function headingLevel(text: string): number | undefined {
  const s = text.normalize("NFKC").trim();
  if (/^[一二三四五六七八九十百]+[、.]/.test(s)) return 0;
  if (/^第[一二三四五六七八九十]+(部分|章|篇|节)/.test(s)) return 0;
  if (/^\([一二三四五六七八九十百]+\)/.test(s)) return 1;
  if (/^(——|--|—)/.test(s)) return 2;
  return undefined;
}

const UNIT_ROLES: readonly ColumnRole[] = ["lead", "co", "cityLead"];

/**
 * One column per unit role. When two could be it (责任单位 beside a hidden 原责任单位), the visible,
 * current and exactly named one is taken, the others are not read, and a note says which was used.
 */
function chooseUnitColumns(columns: readonly LedgerColumn[], hiddenColumns: readonly number[] = []): { columns: LedgerColumn[]; notes: EngineMessage[] } {
  const hidden = new Set(hiddenColumns);
  const notes: EngineMessage[] = [];
  let out = [...columns];
  for (const role of UNIT_ROLES) {
    const candidates = out.filter((c) => c.role === role);
    if (candidates.length < 2) continue;
    const score = (c: LedgerColumn) => (hidden.has(c.col) ? 0 : 4) + (isFormerLabel(c.label) ? 0 : 2) + (isExactLabel(c.label, role) ? 1 : 0);
    const chosen = candidates.reduce((best, c) => (score(c) > score(best) ? c : best));
    out = out.filter((c) => c.role !== role || c === chosen);
    const others = candidates
      .filter((c) => c !== chosen)
      .map((c) => ({ column: columnLetter(c.col), label: c.label, hidden: hidden.has(c.col), former: isFormerLabel(c.label) }));
    notes.push({ code: "unit-column-chosen", role: role as "lead" | "co" | "cityLead", column: columnLetter(chosen.col), label: chosen.label, others });
  }
  return { columns: out, notes };
}

/** Chooses which columns hold what, once per role (the first wins, except categories, which stack). */
function assignColumns(columns: readonly LedgerColumn[]) {
  const first = (role: ColumnRole) => columns.find((c) => c.role === role);
  const task = first("task") ?? first("subcategory");
  const categories = columns.filter((c) => c.role === "category" || (c.role === "subcategory" && c !== task));
  const progress = new Map<1 | 2 | 3 | 4 | "any", LedgerColumn>();
  for (const c of columns) {
    if (c.role !== "progress") continue;
    const key = c.quarter ?? "any";
    if (!progress.has(key)) progress.set(key, c);
  }
  return {
    no: first("no"),
    task,
    categories,
    lead: first("lead"),
    co: first("co"),
    cityLead: first("cityLead"),
    deadline: first("deadline"),
    status: first("status"),
    progress,
  };
}

function titleAbove(g: FilledGrid, top: number): string | undefined {
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < g.width; c++) {
      const t = g.rawText(r, c);
      if (t) return t;
    }
  }
  return undefined;
}

function yearOf(g: FilledGrid, top: number, sheetName: string): number | undefined {
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < g.width; c++) {
      const y = yearIn(g.rawText(r, c));
      if (y) return y;
    }
  }
  return yearIn(sheetName);
}

/** Appends a level to a category path, skipping a repeat of the level before. */
function pushLevel(path: string[], level: string): void {
  if (level && path[path.length - 1] !== level) path.push(level);
}

/** Overrides of what the header detection found, as a person set them for a workbook. */
export interface LedgerLayoutOverrides {
  /** 1-based row of the header (the first row, when it spans two). */
  readonly headerRow?: number;
  /** Column letters by role: task, lead, co, no, deadline, status, cityLead, progress (any quarter), progress1…progress4. */
  readonly columns?: Readonly<Record<string, string>>;
}

const OVERRIDABLE = new Set(["no", "task", "lead", "co", "cityLead", "deadline", "status", "progress", "progress1", "progress2", "progress3", "progress4"]);

/** The detected columns with a person's choices put over them. */
function withOverrides(g: FilledGrid, header: HeaderGuess, columns: Readonly<Record<string, string>>): LedgerColumn[] {
  let out = [...header.columns];
  for (const [key, letters] of Object.entries(columns)) {
    if (!letters) continue;
    if (!OVERRIDABLE.has(key)) throw new LedgerError({ code: "column-key-unknown", key, keys: [...OVERRIDABLE] });
    const col = /^[A-Za-z]{1,3}$/.test(letters.trim()) ? columnIndex(letters.trim()) : -1;
    if (col < 0) throw new LedgerError({ code: "column-letters-bad", key, letters });
    const quarter = /^progress([1-4])$/.exec(key)?.[1];
    const role = (quarter ? "progress" : key) as ColumnRole;
    out = out.filter((c) => c.col !== col && !(c.role === role && (role !== "progress" || (c.quarter === undefined ? !quarter : String(c.quarter) === quarter))));
    const label = g.text(header.bottom, col) || g.text(header.top, col) || `${letters.toUpperCase()}列`;
    out.push({ role, col, label, ...(quarter ? { quarter: Number(quarter) as 1 | 2 | 3 | 4 } : {}) });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** Whether `row` (1-based, as a person sets it) is a row of the sheet. */
function isSheetRow(g: FilledGrid, row: number): boolean {
  return Number.isInteger(row) && row >= 1 && row <= g.height;
}

/**
 * Whether a sheet's top rows hold a ledger's header: a row of known column names with a task column.
 * (A summary table has 序号 and 牵头单位 too, but no task column.) Only the first rows are needed.
 */
export function hasLedgerHeader(grid: SheetGrid, headerRow?: number): boolean {
  const g = new FilledGrid(grid);
  if (headerRow !== undefined && !isSheetRow(g, headerRow)) return false;
  const header = findHeader(g, headerRow === undefined ? undefined : headerRow - 1);
  return !!header && !!assignColumns(header.columns).task;
}

/** Where each role's cell stands among a body row's cells: an index into `LedgerLayout.columns`, -1 for none. */
export interface CellIndices {
  readonly task: number;
  readonly no: number;
  readonly lead: number;
  readonly co: number;
  readonly cityLead: number;
  readonly deadline: number;
  readonly status: number;
  /** The category columns, outermost first. */
  readonly categories: readonly number[];
  /** The unit columns there are (lead, co, cityLead). */
  readonly units: readonly number[];
  /** The progress columns by the quarter each is for ("any": not tied to one). */
  readonly progress: readonly (readonly [1 | 2 | 3 | 4 | "any", number])[];
}

/** Where a ledger's header stands and which column holds what. */
export interface LedgerLayout {
  /** 0-based rows of the header: its first and its last (the same row for a one-row header). */
  readonly top: number;
  readonly bottom: number;
  /** The columns read, left to right (one per unit role): a body row's cells come in this order. */
  readonly columns: readonly LedgerColumn[];
  readonly at: CellIndices;
  /** Which column was taken where two could hold the same units. */
  readonly notes: readonly EngineMessage[];
}

/**
 * Where the header is and which column holds what, as found and with a person's overrides put over
 * it. Throws LedgerError when the sheet cannot be read as a ledger: empty, no header, no task column,
 * or overrides that do not fit it.
 */
export function resolveColumns(g: FilledGrid, overrides: LedgerLayoutOverrides = {}): LedgerLayout {
  const { name, rows, hiddenColumns } = g.grid;
  const { headerRow } = overrides;
  if (headerRow !== undefined && !isSheetRow(g, headerRow)) {
    throw new LedgerError({ code: "header-row-outside", sheet: name, row: headerRow, rows: g.height });
  }
  if (!rows.some((r) => r.some((v) => v !== null && v !== ""))) {
    throw new LedgerError({ code: "sheet-empty", sheet: name });
  }
  const header = findHeader(g, headerRow === undefined ? undefined : headerRow - 1);
  if (!header) {
    throw new LedgerError({ code: "no-header", sheet: name, rows: HEADER_SEARCH_ROWS });
  }
  const detected = overrides.columns ? withOverrides(g, header, overrides.columns) : header.columns;
  const { columns, notes } = chooseUnitColumns(detected, hiddenColumns);
  const roles = assignColumns(columns);
  if (!roles.task) {
    throw new LedgerError({ code: "no-task-column", sheet: name, row: header.top + 1 });
  }
  return { top: header.top, bottom: header.bottom, columns, at: cellIndices(columns, roles), notes };
}

/** Where each role's column stands among `columns`. */
function cellIndices(columns: readonly LedgerColumn[], roles: ReturnType<typeof assignColumns>): CellIndices {
  const at = new Map(columns.map((c, i) => [c.col, i]));
  const indexOf = (col: LedgerColumn | undefined) => (col ? at.get(col.col)! : -1);
  const lead = indexOf(roles.lead);
  const co = indexOf(roles.co);
  const cityLead = indexOf(roles.cityLead);
  return {
    task: indexOf(roles.task),
    no: indexOf(roles.no),
    lead,
    co,
    cityLead,
    deadline: indexOf(roles.deadline),
    status: indexOf(roles.status),
    categories: roles.categories.map(indexOf),
    units: [lead, co, cityLead].filter((i) => i >= 0),
    progress: [...roles.progress].map(([key, c]) => [key, indexOf(c)] as const),
  };
}

/** A body row as the reader sees it. */
export interface LedgerRow {
  /** The cells of the columns read, in `LedgerLayout.columns`' order; a cell merged down from the header is empty. */
  readonly cells: readonly CellText[];
  /** The row's first text in any column (a heading may stand in a column with no label). */
  readonly firstText: string | undefined;
}

/**
 * Reads row `r` (0-based) below the header. `cells`, when passed, is filled again instead of a new
 * array: the reader uses one for every row, so the row is read before the next one is.
 */
export function readRow(g: FilledGrid, r: number, layout: LedgerLayout, cells = new Array<CellText>(layout.columns.length)): LedgerRow {
  const { columns, bottom } = layout;
  for (let i = 0; i < columns.length; i++) {
    const c = g.cell(r, columns[i]!.col);
    // A cell merged down from the header shows the header's label: in the body it is empty.
    cells[i] = c.row - 1 <= bottom ? { text: "", cell: columnLetter(c.col) + (r + 1), row: r + 1, col: c.col } : c;
  }
  return { cells, firstText: firstText(g, r) };
}

/** What a body row is to the reader. */
export type RowKind =
  | { readonly kind: "task" }
  /** A heading inside the table (一、…, a merged row, a section's title row): the category of the tasks below it. */
  | { readonly kind: "heading"; readonly level: number; readonly text: string }
  /** Nothing in the columns read, and no heading elsewhere in the row. */
  | { readonly kind: "blank" }
  /** A total row, a sign-off or notes line, or a row with neither task text nor lead unit. */
  | { readonly kind: "not-task" }
  /** Column names: the header repeated on a printed page, or a unit column's label with no title beside it. */
  | { readonly kind: "header" };

const TASK_ROW: RowKind = { kind: "task" };
const BLANK_ROW: RowKind = { kind: "blank" };
const NOT_TASK_ROW: RowKind = { kind: "not-task" };
const HEADER_ROW: RowKind = { kind: "header" };

/** Tells a task row from a heading, a blank row, a total or sign-off line and the column names repeated. */
export function classifyRow(row: LedgerRow, layout: LedgerLayout): RowKind {
  const { cells, firstText } = row;
  const { at } = layout;
  let filled = 0;
  let first = "";
  let allSame = true;
  for (const c of cells) {
    if (!c.text) continue;
    if (filled++ === 0) first = c.text;
    else if (c.text !== first) allSame = false;
  }
  if (filled === 0) {
    // A heading typed into an unlabelled column (or merged across the row from column A).
    const level = firstText ? headingLevel(firstText) : undefined;
    return level === undefined ? BLANK_ROW : { kind: "heading", level, text: stripSpaces(firstText!) };
  }
  // A total row, a sign-off line under the table, a notes line: no task, and no heading either. (Such
  // lines have no 序号: a numbered row is a task whatever its text says.)
  const noText = at.no >= 0 ? cells[at.no]!.text : "";
  const numbered = noText !== "";
  if (isNotTaskText(firstText ?? "") || isNotTaskText(noText) || (!numbered && isNotTaskText(cells[at.task]!.text))) return NOT_TASK_ROW;
  if (isRepeatedHeader(cells, layout.columns)) return HEADER_ROW;
  // A section's own heading row, with the column's label (牵头单位) where units stand: its title is the
  // heading. A row with a 序号 or progress stays a task, whatever its unit cell says.
  if (unitLabelsOnly(cells, at.units) && !numbered && at.progress.every(([, i]) => !cells[i]!.text)) {
    const title = cells.find((c) => c.text && !bareLabelRole(c.text))?.text;
    return title ? { kind: "heading", level: headingLevel(title) ?? 0, text: stripSpaces(title) } : HEADER_ROW;
  }
  // A heading row: one value across the row (a merged heading), or a heading-shaped text alone.
  if (allSame) {
    const level = headingLevel(first);
    if (level !== undefined || filled > 1) return { kind: "heading", level: level ?? 0, text: stripSpaces(first) };
  }
  const lead = at.lead >= 0 ? cells[at.lead]!.text : "";
  return cells[at.task]!.text || lead ? TASK_ROW : NOT_TASK_ROW;
}

/** Reads the tasks of a ledger sheet. Throws LedgerError when the sheet has no recognisable header. */
export function readLedger(grid: SheetGrid, overrides: LedgerLayoutOverrides = {}): Ledger {
  const g = new FilledGrid(grid);
  const layout = resolveColumns(g, overrides);
  const tasks = readTasks(g, layout);
  const year = yearOf(g, layout.top, grid.name);
  const title = titleAbove(g, layout.top);
  return {
    sheet: grid.name,
    headerTop: layout.top + 1,
    headerRow: layout.bottom + 1,
    columns: layout.columns,
    tasks,
    ...(year ? { year } : {}),
    ...(title ? { title } : {}),
    ...(grid.hiddenRows?.length ? { hiddenRows: grid.hiddenRows } : {}),
    ...(layout.notes.length ? { notes: layout.notes } : {}),
  };
}

/** The tasks below the header, each with the headings above it as its category. */
function readTasks(g: FilledGrid, layout: LedgerLayout): Task[] {
  const headings: string[] = [];
  const tasks: Task[] = [];
  const categoryOf = categoryPaths(layout.at.categories);
  let lastTaskCell = "";
  // One array for every row's cells: only the CellText objects a task keeps outlive the row.
  const cells = new Array<CellText>(layout.columns.length);
  for (let r = layout.bottom + 1; r < g.height; r++) {
    const row = readRow(g, r, layout, cells);
    const kind = classifyRow(row, layout);
    if (kind.kind === "heading") setHeading(headings, kind.level, kind.text);
    if (kind.kind !== "task") continue;
    const text = cells[layout.at.task]!;
    if (text.text && text.cell === lastTaskCell) continue; // one task merged over several rows
    lastTaskCell = text.cell;
    tasks.push(taskOf(g, r, cells, layout, categoryOf(headings, cells)));
  }
  return tasks;
}

/**
 * A task's category path: the headings above it, then its category cells. Paths repeat down the
 * sheet, so consecutive tasks share one array, and each cell text is folded once.
 */
export function categoryPaths(categoryAt: readonly number[]): (headings: readonly string[], cells: readonly CellText[]) => readonly string[] {
  const folded = new Map<string, string>();
  const fold = (t: string) => {
    let f = folded.get(t);
    if (f === undefined) folded.set(t, (f = stripSpaces(t)));
    return f;
  };
  let last: readonly string[] = [];
  return (headings, cells) => {
    const path: string[] = [];
    for (const h of headings) pushLevel(path, h);
    for (const i of categoryAt) pushLevel(path, fold(cells[i]!.text));
    if (path.length !== last.length || path.some((p, i) => p !== last[i])) last = path;
    return last;
  };
}

/** The index of the first of `items` (ascending by `key`) whose key is `value` or more; `items.length` when none is. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first of `tasks` (in row order) on 1-based sheet row `row` or below it; `tasks.length` when none is. */
export function firstTaskAtOrBelow(tasks: readonly Task[], row: number): number {
  return lowerBound(tasks, row, (t) => t.row);
}

/** The task on row `r` (0-based), from its row's cells. */
export function taskOf(g: FilledGrid, r: number, cells: readonly CellText[], layout: LedgerLayout, category: readonly string[]): Task {
  const { at } = layout;
  const progress: Partial<Record<1 | 2 | 3 | 4 | "any", CellText>> = {};
  for (const [key, i] of at.progress) progress[key] = cells[i]!;
  const task: Mutable<Task> = { row: r + 1, no: at.no >= 0 ? cells[at.no]!.text : "", category, text: cells[at.task]!, progress };
  if (at.lead >= 0) task.lead = cells[at.lead]!;
  if (at.co >= 0) task.co = cells[at.co]!;
  if (at.cityLead >= 0) task.cityLead = cells[at.cityLead]!;
  if (at.deadline >= 0) {
    task.deadline = cells[at.deadline]!;
    task.deadlineValue = g.value(r, layout.columns[at.deadline]!.col);
  }
  if (at.status >= 0) task.status = cells[at.status]!;
  return task;
}

/** A column name standing alone in a cell (牵头单位, 责任单位), not followed by units; the role it names. */
function bareLabelRole(text: string): ColumnRole | undefined {
  // Unit cells are asked on every row and repeat: each text is recognised once.
  let role = bareLabels.get(text);
  if (role === undefined) {
    role = (text.length <= 12 && !/[:：]/.test(text) && recogniseLabel(text)?.role) || null;
    if (bareLabels.size > 5000) bareLabels.clear();
    bareLabels.set(text, role);
  }
  return role ?? undefined;
}
const bareLabels = new Map<string, ColumnRole | null>();

/** The row's unit cells hold only column names (at least one): a section's heading row, not a task. */
function unitLabelsOnly(cells: readonly CellText[], unitAt: readonly number[]): boolean {
  let labels = 0;
  for (const i of unitAt) {
    const t = cells[i]!.text;
    if (!t) continue;
    const role = bareLabelRole(t);
    if (!role || !UNIT_ROLES.includes(role)) return false;
    labels++;
  }
  return labels > 0;
}

function firstText(g: FilledGrid, r: number): string | undefined {
  for (let c = 0; c < g.width; c++) {
    const t = g.text(r, c);
    if (t) return t;
  }
  return undefined;
}

export function setHeading(headings: string[], level: number, text: string): void {
  headings.length = Math.min(headings.length, level);
  while (headings.length < level) headings.push("");
  headings.push(text);
  // Empty placeholders for skipped levels are dropped when the path is built.
}

/** A row that repeats the column names (printed plans repeat the header on every page). */
function isRepeatedHeader(cells: readonly CellText[], columns: readonly LedgerColumn[]): boolean {
  // Column names are short; a row with any long text is a task row (and folding it would be wasted).
  if (cells.some((c) => c.text.length > 30)) return false;
  let same = 0;
  cells.forEach(({ text: t }, i) => {
    if (!t) return;
    const c = columns[i]!;
    if (foldLabel(t) === foldLabel(c.label.split("/").pop() ?? "") || recogniseLabel(t)?.role === c.role) same++;
  });
  return same >= Math.max(2, Math.ceil(columns.length / 2));
}
