// 填报 as the pane shows it, for the staff of one responsible unit: the unit's tasks for the quarter
// (led first, then co-owned), each with what 检查 found on it in the same kind labels, the hint that
// says what would pass, and the progress cell to go to; the count that heads the list; and the units
// to choose from. A pure function of a check, the unit and the language: a check made again (or
// only of the rows edited) gives the list again, with nothing else to change.
import { FINDING_KINDS } from "../core/check";
import { taskUnits, type Directory, type ResolvedUnit } from "../core/directory";
import { quarterProgress } from "../core/progress";
import { cellText, excerpt } from "../core/text";
import type { Finding, FindingKind, Ledger, SheetGrid, Task } from "../core/types";
import { taskFinder, unitGoesBy } from "./byUnit";
import { kindTone, type KindTone } from "./checkView";
import type { FillCheck } from "./fill";
import { fillHint, kindName, paneText, taskShortName, type Lang } from "./messages";
import { PROGRESS_KINDS, unknownNames } from "./reminders";

/** A kind found on a task, as 检查 names and colours it. */
export interface FillLabel {
  readonly kind: FindingKind;
  readonly name: string;
  readonly tone: KindTone;
}

/** One task of the unit in 填报's list. */
export interface FillTask {
  /** Tells the task among the list's (its sheet row). */
  readonly key: string;
  readonly row: number;
  readonly role: "lead" | "co";
  /** The task and its progress cell: 序号12 · K93. */
  readonly place: string;
  /** The task's text, cut short for a list. */
  readonly task: string;
  /** The cell to select: the quarter's progress cell (the task's own cell when the ledger has no progress column). */
  readonly cell: string;
  /** What 检查 found on the task, in report order; none: nothing to complete. */
  readonly labels: readonly FillLabel[];
  /** What would pass, in the staff's words, one line per kind found. */
  readonly hints: readonly string[];
  /** What 检查 found on the task that is the unit's to mend (what 标记本单位问题 marks). */
  readonly findings: readonly Finding[];
  /** 已报送: no finding of a progress kind (what 催办 asks about) on the task. */
  readonly reported: boolean;
}

export interface FillView {
  /** The unit, under its directory name (the form's own in a form). */
  readonly unit: string;
  /** The sheet the cells are on. */
  readonly sheet: string;
  readonly tasks: readonly FillTask[];
  readonly total: number;
  readonly reported: number;
  /** 待完善: the tasks not reported (total − reported). */
  readonly pending: number;
  /** 本单位第三季度 15 项任务：已报送 9 项，待完善 6 项. */
  readonly heading: string;
  /** Said when the unit has no task in the ledger for the quarter. */
  readonly empty?: string;
  /** Said in a form: whose form it is (no picker is shown then). */
  readonly formOf?: string;
}

/** A unit to choose as 本单位, with the other names it goes by (for the search). */
export interface FillUnitOption {
  readonly name: string;
  /** Aliases and former names in the directory, and the spellings the ledger's cells use for it. */
  readonly names: readonly string[];
}

const collator = new Intl.Collator("zh");
const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k.kind, i]));

/** The unit as the directory names it now: a name, alias or former name (an abolished unit: its successor); else as written. */
export function fillUnitName(unit: string, directory: Directory | undefined): string {
  const written = unit.trim();
  const m = directory?.match(written);
  if (!m) return written;
  if (m.kind === "exact" || m.kind === "alias" || m.kind === "normalized" || m.kind === "renamed") return m.entry.name;
  if (m.kind === "abolished") return m.successor?.name ?? m.entry.name;
  return written;
}

/**
 * 本单位's choices: the directory's units in force, each with its aliases, former names and the ledger's
 * spellings of it; without a directory, the units the ledger names. By name.
 */
export function fillUnits(check: FillCheck): FillUnitOption[] {
  const { result, workbook } = check.outcome;
  const directory = workbook.directory;
  const names = new Map<string, Set<string>>();
  const add = (unit: string, other: readonly string[]) => {
    let set = names.get(unit);
    if (!set) names.set(unit, (set = new Set()));
    for (const n of other) if (n !== unit) set.add(n);
  };
  for (const e of directory?.entries ?? []) if (e.status === "active") add(e.name, [...e.aliases, ...e.formerNames]);
  // A name the directory lacks that clearly stands for one of its units (a slip) finds that unit too.
  const { readAs } = unknownNames(check.outcome);
  for (const t of result.ledger.tasks) {
    const { leads, coUnits } = taskUnits(t, directory);
    for (const u of [...leads, ...coUnits]) {
      const unit = u.known || !directory ? u.name : readAs.get(u.name);
      if (unit !== undefined && (names.has(unit) || !directory)) add(unit, u.written);
    }
  }
  return [...names].map(([name, other]) => ({ name, names: [...other] })).sort((a, b) => collator.compare(a.name, b.name));
}

/** The choices the words typed find: each word in a name the unit goes by, or short for one (文旅局). */
export function matchingUnits(options: readonly FillUnitOption[], query: string): FillUnitOption[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => words.every((w) => unitGoesBy({ unit: o.name, names: o.names }, w)));
}

/** In a form, each row's role as its 本单位 column says it (牵头 / 配合), by sheet row. */
function formRoles(grid: SheetGrid, ledger: Ledger): Map<number, "lead" | "co"> {
  const header = (grid.rows[ledger.headerRow - 1] ?? []).map((v) => cellText(v).trim());
  const col = header.indexOf("本单位");
  return new Map(ledger.tasks.map((t) => [t.row, col >= 0 && cellText(grid.rows[t.row - 1]?.[col] ?? null).trim() === "配合" ? "co" : "lead"] as const));
}

/**
 * The unit's role in a task of the ledger, if it is one of its units: under its directory name, or
 * under a name the directory lacks that clearly stands for it (`readAs`, as 催办 reads it).
 */
function roleIn(task: Task, unit: string, directory: Directory | undefined, readAs: ReadonlyMap<string, string>): { role: "lead" | "co"; written: readonly string[] } | undefined {
  const { leads, coUnits } = taskUnits(task, directory);
  const isUnit = (u: ResolvedUnit) => u.name === unit || (!u.known && readAs.get(u.name) === unit);
  const lead = leads.find(isUnit);
  if (lead) return { role: "lead", written: lead.written };
  const co = coUnits.find(isUnit);
  return co ? { role: "co", written: co.written } : undefined;
}

/**
 * 填报's list for a unit (a name, alias, former name or the ledger's spelling of it; in a form, the
 * form's own unit whatever is chosen).
 */
export function fillView(check: FillCheck, chosen: string, lang: Lang): FillView {
  const ui = paneText(lang);
  const { result, workbook } = check.outcome;
  const { ledger, quarter } = result;
  const directory = workbook.directory;
  const unit = check.form ? check.form.unit : fillUnitName(chosen, directory);
  const roles = check.form ? formRoles(workbook.ledger, ledger) : undefined;
  const { readAs } = unknownNames(check.outcome);

  // Each finding under its task (a unit cell merged over several tasks: the first of them).
  const taskAt = taskFinder(ledger.tasks);
  const found = new Map<number, Finding[]>();
  for (const f of result.findings) {
    const t = taskAt(f.row);
    if (!t) continue;
    const list = found.get(t.row);
    if (list) list.push(f);
    else found.set(t.row, [f]);
  }

  const led: FillTask[] = [];
  const coOwned: FillTask[] = [];
  for (const task of ledger.tasks) {
    const mine = roles ? { role: roles.get(task.row)!, written: [] as readonly string[] } : roleIn(task, unit, directory, readAs);
    if (!mine) continue;
    // The progress findings, and a unit-name finding when it is about this unit's own name in the task.
    const findings = (found.get(task.row) ?? [])
      .filter((f) => f.field === "progress" || (f.value !== undefined && (mine.written.includes(f.value) || f.suggestions?.[0] === unit)))
      .sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
    const cell = findings.find((f) => f.field === "progress")?.cell ?? quarterProgress(task, quarter).cell?.cell ?? task.text.cell;
    const item: FillTask = {
      key: String(task.row),
      row: task.row,
      role: mine.role,
      place: `${taskShortName(task.no, task.row, lang)} · ${cell}`,
      task: excerpt(task.text.text, 40),
      cell,
      labels: findings.map((f) => ({ kind: f.kind, name: kindName(f.kind, lang), tone: kindTone(f.kind) })),
      hints: [...new Set(findings.map((f) => fillHint(f, lang)))],
      findings,
      // 已报送 as 催办 counts it: no progress kind found (a unit's name to correct is the office's matter).
      reported: !findings.some((f) => PROGRESS_KINDS.includes(f.kind)),
    };
    (mine.role === "lead" ? led : coOwned).push(item);
  }
  const tasks = [...led, ...coOwned];
  const reported = tasks.filter((t) => t.reported).length;
  return {
    unit,
    sheet: ledger.sheet,
    tasks,
    total: tasks.length,
    reported,
    pending: tasks.length - reported,
    heading: ui.fillHeading(quarter.q, tasks.length, reported, tasks.length - reported),
    ...(tasks.length === 0 ? { empty: ui.fillNoTasks(unit, quarter.q) } : {}),
    ...(check.form ? { formOf: ui.fillFormOf(check.form.unit) } : {}),
  };
}
