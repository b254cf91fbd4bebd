// 检查完整性: reads the ledger, checks every task's units against the directory and its progress for
// the quarter, and returns findings that each point at one cell.
import { parseA1 } from "./address";
import type { Directory } from "./directory";
import { LedgerError, readLedger } from "./ledger";
import { assessTask, quarterProgress } from "./progress";
import type { EngineMessage } from "./messages";
import { formatQuarter } from "./quarter";
import { isErrorText } from "./text";
import { isCityUnit, parseUnitCell } from "./units";
import type { CellText, CheckOptions, CheckResult, Finding, FindingKind, Ledger, ParsedUnitCell, Quarter, SheetGrid, Task, TaskAssessment, UnitMention } from "./types";

/** The kinds in the order a report lists them, with their Chinese names. */
export const FINDING_KINDS: readonly { kind: FindingKind; label: string }[] = [
  { kind: "missing-unit", label: "未填责任单位" },
  { kind: "unknown-unit", label: "单位不在目录中" },
  { kind: "renamed-unit", label: "单位已更名或撤销" },
  { kind: "missing-progress", label: "未填进展" },
  { kind: "placeholder-progress", label: "进展只有套话" },
  { kind: "stale-progress", label: "进展与上季度相同" },
  { kind: "unquantified-progress", label: "进展缺少数据" },
  { kind: "overdue", label: "已过完成时限" },
  { kind: "done-unsupported", label: "完成无依据" },
];

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k.kind, i]));

export function kindLabel(kind: FindingKind): string {
  return FINDING_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** A unit cell split, with the units that are not city units (市发改委 does not report in a district ledger). */
export type ParsedCell = ParsedUnitCell & { readonly district: readonly UnitMention[] };

/** Unit cells repeat down a ledger; each distinct text is split once per check. */
export type UnitParser = (text: string) => ParsedCell;

export function cachedParser(): UnitParser {
  const cache = new Map<string, ParsedCell>();
  return (text) => {
    let p = cache.get(text);
    if (!p) {
      const parsed = parseUnitCell(text);
      cache.set(text, (p = { ...parsed, district: parsed.units.filter((u) => u.collective || !isCityUnit(u.name)) }));
    }
    return p;
  };
}

/**
 * The unit cells of the task before: a unit cell merged over several tasks has one address, and its
 * problems are reported once. (Merged areas are contiguous, so comparing with the task before is enough.)
 */
export interface SeenCells {
  lead: string;
  co: string;
}

/** Adds the unit findings of a task. */
export function unitFindings(task: Task, directory: Directory | undefined, seen: SeenCells, parse: UnitParser, out: Finding[]): void {
  const lead = task.lead && task.lead.cell !== seen.lead ? task.lead : undefined;
  seen.lead = task.lead?.cell ?? "";
  const co = task.co && task.co.cell !== seen.co ? task.co : undefined;
  seen.co = task.co?.cell ?? "";
  // An error value (#REF! from a broken formula) names no unit: say so, rather than "not in the directory".
  for (const [c, field] of [[lead, "lead"], [co, "co"]] as const) {
    if (!c || !isErrorText(c.text)) continue;
    out.push({ kind: "missing-unit", field, cause: "error-value", taskNo: task.no, cell: c.cell, row: c.row, value: c.text.trim() });
  }
  if (lead && !isErrorText(lead.text)) {
    const parsed = parse(lead.text);
    // City units (市发改委) do not report in a district ledger, whether labelled 市级 or not.
    if (parsed.district.length === 0) {
      const city = [...parsed.city, ...parsed.units].map((u) => u.name);
      const base = { kind: "missing-unit" as const, field: "lead" as const, taskNo: task.no, cell: lead.cell, row: lead.row };
      out.push(city.length ? { ...base, cause: "city-only", value: city.join("、") } : { ...base, cause: "blank" });
    }
    if (directory) {
      for (const u of parsed.units) if (parsed.district.includes(u) || directory.match(u.name).kind !== "unknown") unitProblem(out, task, lead, "lead", u, directory);
      for (const u of parsed.co) unitProblem(out, task, lead, "lead", u, directory);
    }
  }
  if (co && directory && !isErrorText(co.text)) {
    const parsed = parse(co.text);
    for (const u of parsed.units) unitProblem(out, task, co, "co", u, directory);
    for (const u of parsed.co) unitProblem(out, task, co, "co", u, directory);
  }
}

/** Adds the finding for one unit of a cell, if the directory does not know it under its current name. */
function unitProblem(out: Finding[], task: Task, cell: CellText, field: "lead" | "co", unit: UnitMention, directory: Directory): void {
  if (unit.collective) return;
  const m = directory.match(unit.name);
  const base = { cell: cell.cell, row: cell.row, taskNo: task.no, field, value: unit.name };
  switch (m.kind) {
    case "ambiguous":
      out.push({ kind: "unknown-unit", ...base, cause: "shared-alias", suggestions: m.entries.map((e) => e.name) });
      return;
    case "unknown":
      out.push({ kind: "unknown-unit", ...base, cause: "not-in-directory", suggestions: m.suggestions.map((e) => e.name) });
      return;
    case "renamed":
      out.push({ kind: "renamed-unit", ...base, cause: "former-name", suggestions: [m.entry.name] });
      return;
    case "abolished":
      out.push({ kind: "renamed-unit", ...base, cause: "abolished", suggestions: m.successor ? [m.successor.name] : [] });
      return;
    default:
      return;
  }
}

/** Adds the progress findings of a task (none for most tasks, so nothing is built for those). */
export function progressFindings(a: TaskAssessment, checked: Quarter, out: Finding[]): void {
  if ((a.progress === "ok" || a.progress === "done") && !a.overdue && !a.doneUnsupported) return;
  const { cell, text, part } = quarterProgress(a.task, checked);
  if (!cell) return;
  // On a cell that accumulates the quarters, the finding is about the quarter's part: its text, and which part.
  const base = { cell: cell.cell, row: cell.row, taskNo: a.task.no, field: "progress" as const, quarter: checked, ...(text ? { value: text } : {}), ...(part ? { part } : {}) };
  switch (a.progress) {
    case "missing":
      out.push({ kind: "missing-progress", ...base, cause: isErrorText(text) ? "error-value" : "blank" });
      break;
    case "placeholder":
      out.push({ kind: "placeholder-progress", ...base });
      break;
    case "stale":
      out.push({ kind: "stale-progress", ...base });
      break;
    case "unquantified":
      out.push({ kind: "unquantified-progress", ...base });
      break;
    case "done":
      // A completion claim with nothing to show: only a placeholder, or last quarter's text.
      if (a.doneUnsupported) out.push({ kind: "done-unsupported", ...base, cause: a.doneUnsupported === "stale" ? "stale" : "placeholder" });
      break;
    default:
      break;
  }
  if (a.overdue) out.push({ kind: "overdue", ...base, ...(a.deadline ? { deadline: a.deadline } : {}) });
}

/** The 1-based rows of tasks the sheet hides (hidden rows, or rows a filter leaves out). */
function hiddenTaskRows(ledger: Ledger): number[] {
  if (!ledger.hiddenRows?.length) return [];
  const hidden = new Set(ledger.hiddenRows);
  return ledger.tasks.filter((t) => hidden.has(t.row - 1)).map((t) => t.row);
}

/** Orders findings as a person reads the sheet: by row, then column, then kind (a stable sort: ties keep their order). */
export function inReadingOrder(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map(readingKey);
  keyed.sort(byReadingOrder);
  return keyed.map((k) => k.f);
}

/** A finding with what reading order compares. */
export interface ReadingKey {
  readonly f: Finding;
  readonly col: number;
  readonly kind: number;
}

export const readingKey = (f: Finding): ReadingKey => ({ f, col: parseA1(f.cell)?.col ?? 0, kind: KIND_ORDER.get(f.kind) ?? 0 });

export const byReadingOrder = (a: ReadingKey, b: ReadingKey): number => a.f.row - b.f.row || a.col - b.col || a.kind - b.kind;

/** Checks a ledger already read, for the quarter given. */
/**
 * The names the check found unknown that stand for one clear unit (the one unit suggested for them, not an
 * alias several units share): written name → the directory's unit. The 催办单 and the 通报 count them under it.
 */
export function readAsUnits(findings: readonly Finding[]): Map<string, string> {
  const readAs = new Map<string, string>();
  for (const f of findings) if (f.kind === "unknown-unit" && f.value !== undefined && f.suggestions?.length === 1 && f.cause !== "shared-alias") readAs.set(f.value, f.suggestions[0]!);
  return readAs;
}

export function checkLedger(ledger: Ledger, directory: Directory | undefined, options: CheckOptions): CheckResult {
  const { quarter } = options;
  if (!hasProgressColumn(ledger, quarter)) {
    const columns = ledger.columns.filter((c) => c.role === "progress").map((c) => c.label);
    throw new LedgerError({ code: "no-progress-column", sheet: ledger.sheet, quarter: formatQuarter(quarter), columns });
  }
  const notes = sheetNotes(ledger, directory);
  const seen: SeenCells = { lead: "", co: "" };
  const parse = cachedParser();
  const findings: Finding[] = [];
  const assessments: TaskAssessment[] = [];
  for (const task of ledger.tasks) {
    unitFindings(task, directory, seen, parse, findings);
    const a = assessTask(task, quarter, options);
    assessments.push(a);
    progressFindings(a, quarter, findings);
  }
  return { ledger, quarter, assessments, findings: inReadingOrder(findings), notes };
}

/** The sheet-level remarks of a check of the ledger: the reader's, then no lead column, the directory's, hidden task rows. */
export function sheetNotes(ledger: Ledger, directory: Directory | undefined): EngineMessage[] {
  const notes: EngineMessage[] = [...(ledger.notes ?? [])];
  if (!ledger.columns.some((c) => c.role === "lead")) notes.push({ code: "no-lead-column" });
  if (!directory) notes.push({ code: "no-directory" });
  else notes.push(...directory.problems);
  const hidden = hiddenTaskRows(ledger);
  if (hidden.length) notes.push({ code: "hidden-rows", rows: hidden });
  return notes;
}

/** Whether the ledger has a progress column for the quarter (its own, or one for every quarter). */
export function hasProgressColumn(ledger: Ledger, quarter: Quarter): boolean {
  return ledger.columns.some((c) => c.role === "progress" && (c.quarter === quarter.q || c.quarter === undefined));
}

/** Reads and checks a ledger sheet. Throws LedgerError for a sheet that is not a ledger. */
export function check(grid: SheetGrid, directory: Directory | undefined, options: CheckOptions): CheckResult {
  return checkLedger(readLedger(grid, options.layout), directory, options);
}

/** Counts of findings per kind, in report order (kinds with none included as 0). */
export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k.kind, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  return counts;
}
