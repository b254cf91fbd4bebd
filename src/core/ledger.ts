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

/**
 * Whether a sheet's top rows hold a ledger's header: a row of known column names with a task column.
 * (A summary table has 序号 and 牵头单位 too, but no task column.) Only the first rows are needed.
 */
export function hasLedgerHeader(grid: SheetGrid, headerRow?: number): boolean {
  const g = new FilledGrid(grid);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1 && headerRow <= g.height)) return false;
  const header = findHeader(g, headerRow === undefined ? undefined : headerRow - 1);
  return !!header && !!assignColumns(header.columns).task;
}

/** Reads the tasks of a ledger sheet. Throws LedgerError when the sheet has no recognisable header. */
export function readLedger(grid: SheetGrid, overrides: LedgerLayoutOverrides = {}): Ledger {
  const g = new FilledGrid(grid);
  if (overrides.headerRow !== undefined && !(Number.isInteger(overrides.headerRow) && overrides.headerRow >= 1 && overrides.headerRow <= g.height)) {
    throw new LedgerError({ code: "header-row-outside", sheet: grid.name, row: overrides.headerRow, rows: g.height });
  }
  if (!grid.rows.some((r) => r.some((v) => v !== null && v !== ""))) {
    throw new LedgerError({ code: "sheet-empty", sheet: grid.name });
  }
  const found = findHeader(g, overrides.headerRow === undefined ? undefined : overrides.headerRow - 1);
  const header = found && overrides.columns ? { ...found, columns: withOverrides(g, found, overrides.columns) } : found;
  if (!header) {
    throw new LedgerError({ code: "no-header", sheet: grid.name, rows: HEADER_SEARCH_ROWS });
  }
  const units = chooseUnitColumns(header.columns, grid.hiddenColumns);
  const cols = assignColumns(units.columns);
  if (!cols.task) {
    throw new LedgerError({ code: "no-task-column", sheet: grid.name, row: header.top + 1 });
  }
  const taskCol = cols.task;
  const labelled = units.columns;
  const headings: string[] = [];
  const tasks: Task[] = [];
  let lastTaskCell = "";

  // Index of each labelled column in a row's cells, so each cell is read once per row.
  const at = new Map(labelled.map((c, i) => [c.col, i]));
  const indexOf = (col: LedgerColumn | undefined) => (col ? at.get(col.col)! : -1);
  const taskAt = indexOf(taskCol);
  const leadAt = indexOf(cols.lead);
  const noAt = indexOf(cols.no);
  const coAt = indexOf(cols.co);
  const cityAt = indexOf(cols.cityLead);
  const deadlineAt = indexOf(cols.deadline);
  const statusAt = indexOf(cols.status);
  const categoryAt = cols.categories.map(indexOf);
  const unitAt = [leadAt, coAt, cityAt].filter((i) => i >= 0);
  const progressAt = [...cols.progress].map(([key, c]) => [key, indexOf(c)] as const);

  // Category paths repeat down the sheet: consecutive tasks share one array, and each cell text is
  // folded once.
  const folded = new Map<string, string>();
  const fold = (t: string) => {
    let f = folded.get(t);
    if (f === undefined) folded.set(t, (f = stripSpaces(t)));
    return f;
  };
  let lastCategory: readonly string[] = [];

  // One array for every row's cells: only the CellText objects a task keeps outlive the row.
  const cells: CellText[] = new Array<CellText>(labelled.length);
  for (let r = header.bottom + 1; r < g.height; r++) {
    for (let i = 0; i < labelled.length; i++) {
      const c = g.cell(r, labelled[i]!.col);
      // A cell merged down from the header shows the header's label: in the body it is empty.
      cells[i] = c.row - 1 <= header.bottom ? { text: "", cell: columnLetter(c.col) + (r + 1), row: r + 1, col: c.col } : c;
    }
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
      const other = firstText(g, r);
      const level = other ? headingLevel(other) : undefined;
      if (level !== undefined) setHeading(headings, level, stripSpaces(other!));
      continue;
    }
    // A total row, a sign-off line under the table, a notes line: no task, and no heading either. (Such
    // lines have no 序号: a numbered row is a task whatever its text says.)
    const noText = noAt >= 0 ? cells[noAt]!.text : "";
    const numbered = noText !== "";
    if (isNotTaskText(firstText(g, r) ?? "") || isNotTaskText(noText) || (!numbered && isNotTaskText(cells[taskAt]!.text))) continue;
    if (isRepeatedHeader(cells, labelled)) continue;
    // A section's own heading row, with the column's label (牵头单位) where units stand: its title is the
    // heading. A row with a 序号 or progress stays a task, whatever its unit cell says.
    if (unitLabelsOnly(cells, unitAt) && !numbered && progressAt.every(([, i]) => !cells[i]!.text)) {
      const title = cells.find((c) => c.text && !bareLabelRole(c.text))?.text;
      if (title) setHeading(headings, headingLevel(title) ?? 0, stripSpaces(title));
      continue;
    }

    // A heading row: one value across the row (a merged heading), or a heading-shaped text alone.
    if (allSame) {
      const level = headingLevel(first);
      if (level !== undefined || filled > 1) {
        setHeading(headings, level ?? 0, stripSpaces(first));
        continue;
      }
    }

    const text = cells[taskAt]!;
    const lead = leadAt >= 0 ? cells[leadAt] : undefined;
    if (!text.text && !lead?.text) continue;
    if (text.text && text.cell === lastTaskCell) continue; // one task merged over several rows
    lastTaskCell = text.cell;

    const path: string[] = [];
    for (const h of headings) pushLevel(path, h);
    for (const i of categoryAt) pushLevel(path, fold(cells[i]!.text));
    const category = path.length === lastCategory.length && path.every((p, i) => p === lastCategory[i]) ? lastCategory : path;
    lastCategory = category;

    const progress: Partial<Record<1 | 2 | 3 | 4 | "any", CellText>> = {};
    for (const [key, i] of progressAt) progress[key] = cells[i]!;

    const task: Mutable<Task> = { row: r + 1, no: noAt >= 0 ? cells[noAt]!.text : "", category, text, progress };
    if (lead) task.lead = lead;
    if (coAt >= 0) task.co = cells[coAt]!;
    if (cityAt >= 0) task.cityLead = cells[cityAt]!;
    if (deadlineAt >= 0) {
      task.deadline = cells[deadlineAt]!;
      task.deadlineValue = g.value(r, cols.deadline!.col);
    }
    if (statusAt >= 0) task.status = cells[statusAt]!;
    tasks.push(task);
  }

  const year = yearOf(g, header.top, grid.name);
  const title = titleAbove(g, header.top);
  return {
    sheet: grid.name,
    headerTop: header.top + 1,
    headerRow: header.bottom + 1,
    columns: labelled,
    tasks,
    ...(year ? { year } : {}),
    ...(title ? { title } : {}),
    ...(grid.hiddenRows?.length ? { hiddenRows: grid.hiddenRows } : {}),
    ...(units.notes.length ? { notes: units.notes } : {}),
  };
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

function setHeading(headings: string[], level: number, text: string): void {
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
