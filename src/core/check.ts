// 检查完整性: reads the ledger, checks every task's units against the directory and its progress for
// the quarter, and returns findings that each point at one cell.
import { parseA1 } from "./address";
import type { Directory } from "./directory";
import { LedgerError, readLedger } from "./ledger";
import { assessTask, progressCell } from "./progress";
import { defaultQuarter, quarterLabel, quarterShortLabel, reportDue, previousQuarter } from "./quarter";
import { excerpt, isErrorText, isoDate } from "./text";
import { isCityUnit, parseUnitCell } from "./units";
import type { CellText, CheckOptions, CheckResult, Finding, FindingKind, Ledger, ParsedUnitCell, SheetGrid, Task, TaskAssessment, UnitMention } from "./types";

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

/** How a task is named in messages: by its 序号 when it has one, else by its row. */
function taskName(task: Task): string {
  return task.no ? `序号${task.no}（第${task.row}行）` : `第${task.row}行`;
}

/** A unit cell split, with the units that are not city units (市发改委 does not report in a district ledger). */
type ParsedCell = ParsedUnitCell & { readonly district: readonly UnitMention[] };

/** Unit cells repeat down a ledger; each distinct text is split once per check. */
type UnitParser = (text: string) => ParsedCell;

function cachedParser(): UnitParser {
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
interface SeenCells {
  lead: string;
  co: string;
}

/** Adds the unit findings of a task. */
function unitFindings(task: Task, directory: Directory | undefined, seen: SeenCells, parse: UnitParser, out: Finding[]): void {
  const lead = task.lead && task.lead.cell !== seen.lead ? task.lead : undefined;
  seen.lead = task.lead?.cell ?? "";
  const co = task.co && task.co.cell !== seen.co ? task.co : undefined;
  seen.co = task.co?.cell ?? "";
  // An error value (#REF! from a broken formula) names no unit: say so, rather than "not in the directory".
  for (const c of [lead, co]) {
    if (!c || !isErrorText(c.text)) continue;
    out.push({
      kind: "missing-unit",
      taskNo: task.no,
      cell: c.cell,
      row: c.row,
      value: c.text.trim(),
      message: `${taskName(task)}的${c === lead ? "责任单位" : "配合单位"}是错误值“${c.text.trim()}”（公式出错）：请在 ${c.cell} 改为写明单位名称。`,
    });
  }
  if (lead && !isErrorText(lead.text)) {
    const parsed = parse(lead.text);
    // City units (市发改委) do not report in a district ledger, whether labelled 市级 or not.
    if (parsed.district.length === 0) {
      const city = [...parsed.city, ...parsed.units].map((u) => u.name);
      out.push({
        kind: "missing-unit",
        taskNo: task.no,
        cell: lead.cell,
        row: lead.row,
        message: city.length
          ? `${taskName(task)}只写了市级单位（${excerpt(city.join("、"), 30)}），缺少区级责任单位：请在 ${lead.cell} 写明区级牵头单位。`
          : `${taskName(task)}未填写责任单位：请在 ${lead.cell} 填写牵头单位。`,
      });
    }
    if (directory) {
      for (const u of parsed.units) if (parsed.district.includes(u) || directory.match(u.name).kind !== "unknown") unitProblem(out, task, lead, u, directory);
      for (const u of parsed.co) unitProblem(out, task, lead, u, directory);
    }
  }
  if (co && directory && !isErrorText(co.text)) {
    const parsed = parse(co.text);
    for (const u of parsed.units) unitProblem(out, task, co, u, directory);
    for (const u of parsed.co) unitProblem(out, task, co, u, directory);
  }
}

/** Adds the finding for one unit of a cell, if the directory does not know it under its current name. */
function unitProblem(out: Finding[], task: Task, cell: CellText, unit: UnitMention, directory: Directory): void {
  if (unit.collective) return;
  const m = directory.match(unit.name);
  const base = { cell: cell.cell, row: cell.row, taskNo: task.no, value: unit.name };
  switch (m.kind) {
    case "ambiguous": {
      const names = m.entries.map((e) => e.name);
      out.push({ kind: "unknown-unit", ...base, suggestions: names, message: `${cell.cell} 中的“${unit.name}”是部门目录中几个单位共用的简称（${names.join("、")}）：请写明是哪一个。` });
      return;
    }
    case "unknown": {
      const names = m.suggestions.map((e) => e.name);
      const hint = names.length ? `可能是“${names.join("”“")}”。请改正，或把它加入部门目录。` : "请核对名称，或把它加入部门目录。";
      out.push({ kind: "unknown-unit", ...base, suggestions: names, message: `${cell.cell} 中的“${unit.name}”不在部门目录中，${hint}` });
      return;
    }
    case "renamed":
      out.push({
        kind: "renamed-unit",
        ...base,
        suggestions: [m.entry.name],
        message: `${cell.cell} 中的“${unit.name}”已更名为“${m.entry.name}”，请改用现名。`,
      });
      return;
    case "abolished":
      out.push({
        kind: "renamed-unit",
        ...base,
        suggestions: m.successor ? [m.successor.name] : [],
        message: m.successor
          ? `${cell.cell} 中的“${unit.name}”已撤销，职能由“${m.successor.name}”承接，请改用“${m.successor.name}”。`
          : `${cell.cell} 中的“${unit.name}”在部门目录中为撤销状态，请改为现在负责的单位。`,
      });
      return;
    default:
      return;
  }
}

/** Adds the progress findings of a task (none for most tasks, so nothing is built for those). */
function progressFindings(a: TaskAssessment, checked: CheckResult["quarter"], out: Finding[]): void {
  if ((a.progress === "ok" || a.progress === "done") && !a.overdue && !a.doneUnsupported) return;
  const task = a.task;
  const cell = progressCell(task, checked.q);
  if (!cell) return;
  const q = quarterShortLabel(checked.q);
  const base = { cell: cell.cell, row: cell.row, taskNo: task.no };
  const withValue = cell.text ? { value: cell.text } : {};
  const name = taskName(task);
  switch (a.progress) {
    case "missing":
      out.push({
        kind: "missing-progress",
        ...base,
        ...withValue,
        message: isErrorText(cell.text)
          ? `${name}${q}进展是错误值“${cell.text.trim()}”（公式出错），不是进展：请在 ${cell.cell} 改为填写本季度进展（报送截止 ${isoDate(reportDue(checked))}）。`
          : `${name}${q}进展未填写：请在 ${cell.cell} 填写（报送截止 ${isoDate(reportDue(checked))}）。`,
      });
      break;
    case "placeholder":
      out.push({
        kind: "placeholder-progress",
        ...base,
        ...withValue,
        message: `${name}${q}进展只写了“${excerpt(cell.text, 12)}”：请在 ${cell.cell} 写明本季度具体做了什么、完成多少。`,
      });
      break;
    case "stale": {
      const prev = previousQuarter(checked);
      out.push({
        kind: "stale-progress",
        ...base,
        ...withValue,
        message: `${name}${q}进展与${prev ? quarterShortLabel(prev.q) : "上季度"}几乎相同：请在 ${cell.cell} 写本季度的新进展。`,
      });
      break;
    }
    case "unquantified":
      out.push({
        kind: "unquantified-progress",
        ...base,
        ...withValue,
        message: `${name}的任务有量化目标，${q}进展中却没有任何数字：请在 ${cell.cell} 写明完成数或完成比例。`,
      });
      break;
    case "done":
      if (!a.doneUnsupported) break;
      out.push({
        kind: "done-unsupported",
        ...base,
        ...withValue,
        message:
          a.doneUnsupported === "stale"
            ? `${name}标记为已完成，但${q}进展与上季度几乎相同，看不出完成的依据：请在 ${cell.cell} 写明何时完成、如何验收、成效如何。`
            : `${name}标记为已完成，但${q}进展${cell.text.trim() ? `只写了“${excerpt(cell.text, 12)}”` : "未填写"}，看不出完成的依据：请在 ${cell.cell} 写明何时完成、如何验收、成效如何。`,
      });
      break;
    default:
      break;
  }
  if (a.overdue) {
    out.push({
      kind: "overdue",
      ...base,
      ...withValue,
      message: `${name}完成时限为 ${a.deadline}，已过期但未标记完成：请在 ${cell.cell} 写明完成情况或未完成的原因。`,
    });
  }
}

/** The 1-based rows of tasks the sheet hides (hidden rows, or rows a filter leaves out). */
function hiddenTaskRows(ledger: Ledger): number[] {
  if (!ledger.hiddenRows?.length) return [];
  const hidden = new Set(ledger.hiddenRows);
  return ledger.tasks.filter((t) => hidden.has(t.row - 1)).map((t) => t.row);
}

/** 5、7–9、12 for rows 5, 7, 8, 9, 12 (at most eight runs, then …). */
function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    runs.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return runs.length > 8 ? `${runs.slice(0, 8).join("、")}…` : runs.join("、");
}

/** Orders findings as a person reads the sheet: by row, then column, then kind. */
function inReadingOrder(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, col: parseA1(f.cell)?.col ?? 0, kind: KIND_ORDER.get(f.kind) ?? 0 }));
  keyed.sort((a, b) => a.f.row - b.f.row || a.col - b.col || a.kind - b.kind);
  return keyed.map((k) => k.f);
}

/** Checks a ledger already read. */
export function checkLedger(ledger: Ledger, directory: Directory | undefined, options: CheckOptions = {}): CheckResult {
  const quarter = options.quarter ?? defaultQuarter(options.today ?? new Date(), ledger.year);
  const hasProgress = ledger.columns.some((c) => c.role === "progress" && (c.quarter === quarter.q || c.quarter === undefined));
  if (!hasProgress) {
    const have = ledger.columns.filter((c) => c.role === "progress").map((c) => `“${c.label}”`);
    throw new LedgerError(
      `工作表“${ledger.sheet}”没有${quarterLabel(quarter)}的进展列` +
        (have.length ? `（已识别的进展列：${have.join("、")}）` : "（没有识别到任何进展列）") +
        `：请在表头写“${quarterShortLabel(quarter.q)}进展”，或用 --quarter 指定要检查的季度。`,
    );
  }
  const notes: string[] = [...(ledger.notes ?? [])];
  if (!ledger.columns.some((c) => c.role === "lead")) notes.push("没有识别到责任单位列（如“责任单位”“牵头单位”“主要责任部门”），未检查单位。");
  if (!directory) notes.push("没有部门目录（工作簿中没有“部门目录”工作表，也未指定 --directory），未核对单位名称。");
  else notes.push(...directory.problems);
  const hidden = hiddenTaskRows(ledger);
  if (hidden.length) notes.push(`第 ${rowRuns(hidden)} 行被隐藏或筛选掉（${hidden.length} 项任务），已一并检查；定位到这些行之前请先取消筛选或隐藏。`);

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

/** Reads and checks a ledger sheet. Throws LedgerError for a sheet that is not a ledger. */
export function check(grid: SheetGrid, directory: Directory | undefined, options: CheckOptions = {}): CheckResult {
  return checkLedger(readLedger(grid, options.layout), directory, options);
}

/** Counts of findings per kind, in report order (kinds with none included as 0). */
export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k.kind, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  return counts;
}
