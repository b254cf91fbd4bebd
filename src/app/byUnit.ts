// 按单位: the findings grouped by the unit that answers for them — whom to call. A task's findings go
// to its lead units and, after those, to its co-units; a unit-name finding goes to the unit it names.
// Every finding is in the result (no cap): the pane shows it through a virtualised list.
import { classify, type BulletinClass, type ClassReason } from "../core/summary";
import { abbreviates, taskUnits, type Directory } from "../core/directory";
import { firstTaskAtOrBelow } from "../core/ledger";
import { excerpt } from "../core/text";
import type { Finding, FindingKind, Task } from "../core/types";
import type { CheckOutcome } from "./check";

/** One finding in a unit's list. */
export interface UnitFindingItem {
  readonly finding: Finding;
  /** What the unit is for the task: its lead unit, or a co-unit. */
  readonly role: "lead" | "co";
  /** The task's text, cut short for a list. */
  readonly task: string;
  /** The task's bulletin class for the quarter (已完成 … 未报送), when the finding is on a task. */
  readonly taskClass?: BulletinClass;
}

export interface UnitFindings {
  /** The unit under its current directory name, as written when the directory does not know it; "" for tasks without a unit. */
  readonly unit: string;
  /** Listed in the directory (always true when there is no directory). */
  readonly known: boolean;
  /**
   * The other names it goes by, for the search: its aliases and former names in the directory, and
   * each spelling the ledger's cells use for it (区文旅局 for 区文化和旅游局).
   */
  readonly names: readonly string[];
  /** Findings on tasks it leads, and on tasks it co-owns. */
  readonly lead: number;
  readonly co: number;
  /** Its findings: those of the tasks it leads first, then of those it co-owns, each in reading order. */
  readonly items: readonly UnitFindingItem[];
}

/** How the list is ordered: by findings on led tasks (then co-owned, then name), or by name. */
export type UnitOrder = "count" | "name";

export interface UnitFilter {
  /** Only this unit ("" is the tasks without a unit). */
  readonly unit?: string;
  readonly kind?: FindingKind;
  /**
   * Words found in the unit's name or another name it goes by (or short for one: 文旅局), the 序号,
   * the task, the cell or the finding's value.
   */
  readonly text?: string;
  readonly order?: UnitOrder;
}

/** A task's bulletin class for the quarter, and why (say it with classReasonText). */
export interface TaskClass {
  readonly taskClass: BulletinClass;
  readonly reason: ClassReason;
}

/** Each task's bulletin class and why, by its sheet row. */
export function taskClasses(outcome: CheckOutcome): Map<number, TaskClass> {
  const { result } = outcome;
  return new Map(result.assessments.map((a) => {
    const c = classify(a, result.quarter);
    return [a.task.row, { taskClass: c.bulletinClass, reason: c.reason }] as const;
  }));
}

/** The task a finding is about: the one on its row, or (a merged unit cell) the first task at or below it. */
export function taskFinder(tasks: readonly Task[]): (row: number) => Task | undefined {
  return (row) => tasks[firstTaskAtOrBelow(tasks, row)];
}

const collator = new Intl.Collator("zh");

/** The names each unit goes by in the directory besides its own: aliases and former names. */
function directoryNames(directory: Directory | undefined): Map<string, readonly string[]> {
  return new Map((directory?.entries ?? []).map((e) => [e.name, [...e.aliases, ...e.formerNames]]));
}

/** The findings of a check grouped by responsible unit, the units with most findings on tasks they lead first. */
export function findingsByUnit(outcome: CheckOutcome): UnitFindings[] {
  const { result, workbook } = outcome;
  const directory = workbook.directory;
  const otherNames = directoryNames(directory);
  const taskAt = taskFinder(result.ledger.tasks);
  const classes = taskClasses(outcome);
  const groups = new Map<string, { unit: string; known: boolean; names: Set<string>; lead: UnitFindingItem[]; co: UnitFindingItem[] }>();
  const add = (unit: string, known: boolean, role: "lead" | "co", item: Omit<UnitFindingItem, "role">, written: readonly string[]) => {
    let g = groups.get(unit);
    if (!g) groups.set(unit, (g = { unit, known, names: new Set(otherNames.get(unit)), lead: [], co: [] }));
    for (const w of written) if (w !== unit) g.names.add(w);
    g[role].push({ ...item, role });
  };
  const unitsCache = new Map<Task, ReturnType<typeof taskUnits>>();
  const unitsOf = (t: Task) => {
    let u = unitsCache.get(t);
    if (!u) unitsCache.set(t, (u = taskUnits(t, directory)));
    return u;
  };
  for (const f of result.findings) {
    // Every finding is on a task's row, or on a merged unit cell above its tasks.
    const task = taskAt(f.row)!;
    const taskClass = f.field === "progress" ? classes.get(task.row)!.taskClass : undefined;
    const item = { finding: f, task: excerpt(task.text.text, 40), ...(taskClass ? { taskClass } : {}) };
    if (f.field !== "progress") {
      // A unit-name finding is the named unit's (under its current name when it was renamed); an
      // unknown or renamed unit's finding names the unit as written.
      const role = f.field === "co" ? "co" : "lead";
      if (f.kind === "missing-unit") add("", true, role, item, []);
      else if (f.kind === "renamed-unit" && f.suggestions?.[0]) add(f.suggestions[0], true, role, item, [f.value!]);
      else add(f.value!, f.kind !== "unknown-unit", role, item, []);
      continue;
    }
    const units = unitsOf(task);
    if (units.leads.length === 0 && units.coUnits.length === 0) add("", true, "lead", item, []);
    for (const u of units.leads) add(u.name, u.known, "lead", item, u.written);
    for (const u of units.coUnits) add(u.name, u.known, "co", item, u.written);
  }
  return [...groups.values()]
    .map((g) => ({ unit: g.unit, known: g.known, names: [...g.names], lead: g.lead.length, co: g.co.length, items: [...g.lead, ...g.co] }))
    .sort(byCount);
}

function byCount(a: UnitFindings, b: UnitFindings): number {
  // The tasks without any unit come last: there is nobody to call for them.
  if (!a.unit !== !b.unit) return a.unit ? -1 : 1;
  return b.lead - a.lead || b.co - a.co || collator.compare(a.unit, b.unit);
}

function byName(a: UnitFindings, b: UnitFindings): number {
  if (!a.unit !== !b.unit) return a.unit ? -1 : 1;
  return collator.compare(a.unit, b.unit);
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/**
 * The unit goes by `word`: the word is in its name, or in another name it goes by (an alias, a former
 * name, a spelling of the ledger's), or is short for one of them (区文旅局 for 区文化和旅游局).
 */
export function unitGoesBy(group: Pick<UnitFindings, "unit" | "names">, word: string): boolean {
  if (!group.unit) return false;
  const w = fold(word);
  if (!w) return false;
  return [group.unit, ...group.names].some((name) => fold(name).includes(w) || abbreviates(word, name));
}

/** The groups a filter leaves, in the order asked; a group keeps only the findings that pass. */
export function filterUnitFindings(groups: readonly UnitFindings[], filter: UnitFilter = {}): UnitFindings[] {
  // Several words separated by spaces must all be found.
  const raw = (filter.text ?? "").split(/\s+/).filter((w) => fold(w));
  const words = raw.map(fold);
  const out: UnitFindings[] = [];
  for (const g of groups) {
    if (filter.unit !== undefined && g.unit !== filter.unit) continue;
    // No words: every finding passes below all the same.
    const nameHit = raw.every((w) => unitGoesBy(g, w));
    const items = g.items.filter((i) => {
      if (filter.kind && i.finding.kind !== filter.kind) return false;
      if (!words.length || nameHit) return true;
      const hay = fold([i.finding.taskNo, `序号${i.finding.taskNo}`, i.finding.cell, i.task, i.finding.value].join(" "));
      return words.every((w) => hay.includes(w));
    });
    if (!items.length) continue;
    const lead = items.filter((i) => i.role === "lead").length;
    out.push({ ...g, items, lead, co: items.length - lead });
  }
  return out.sort(filter.order === "name" ? byName : byCount);
}

/** What a list of groups holds: its units, its findings (each once), and its entries (a finding once under each of its units). */
export function unitFindingsCount(groups: readonly UnitFindings[]): { readonly units: number; readonly findings: number; readonly listed: number } {
  const findings = new Set<Finding>();
  let listed = 0;
  for (const g of groups) {
    listed += g.items.length;
    for (const i of g.items) findings.add(i.finding);
  }
  return { units: groups.length, findings: findings.size, listed };
}
