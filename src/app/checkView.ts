// 检查's page as the pane shows it, computed once from a check: the line about what was read, the notes,
// the counts by kind, each kind's findings (at most SHOWN each, the rest on the sheet's marks) with their
// place, their task's lead unit and class, and what each offers. The pane only draws it; the rules (which
// kinds are fixable, how a kind is coloured, how many 全部应用 corrects) are here, tested as plain data.
import { BULLETIN_CLASSES, type BulletinClass } from "../core/summary";
import { parseQuarter } from "../core/quarter";
import type { Finding, FindingKind, Quarter } from "../core/types";
import { taskClasses, taskFinder, type TaskClass } from "./byUnit";
import { checkNotes, type CheckOutcome } from "./check";
import { findingOffer, findingsByKind, fixableCount, FIXABLE_KINDS, type FindingOffer } from "./findings";
import { findingText, kindName, paneText, say, taskShortName, type Lang } from "./messages";
import { emptyQuarterNote } from "./quarter";

/** How many findings of one kind the list shows at most (the rest are on the sheet's marks; 按单位 lists all). */
export const SHOWN = 200;

/** How a kind's count is coloured: a task unreported first, then what a name can correct or must give. */
export type KindTone = "danger" | "warning" | "informative";

/** One finding in 按类型's list. */
export interface FindingItem {
  /** Tells the finding among its kind's (its cell and value). */
  readonly key: string;
  readonly finding: Finding;
  /** The task and the cell: 第12项 · F14. */
  readonly place: string;
  /** The task's lead unit, on a progress finding ("牵头：区发改委", cut short). */
  readonly lead?: string;
  readonly text: string;
  /** The task's class for the quarter, on a progress finding (a colour before it). */
  readonly taskClass?: TaskClass;
  readonly offer: FindingOffer;
}

/** One kind of finding: its heading, the findings shown, and how many more there are. */
export interface KindSection {
  readonly kind: FindingKind;
  /** The kind's name, with its count in the heading. */
  readonly name: string;
  readonly heading: string;
  readonly count: number;
  readonly tone: KindTone;
  /** What 全部应用 would correct (0: no button), and its label. */
  readonly fixable: number;
  readonly applyAll?: string;
  readonly items: readonly FindingItem[];
  /** The findings not listed, said ("另有 12 处……"), when there are any. */
  readonly more?: string;
}

/** The quarter's own progress column is empty: said, with the quarter before to check instead. */
export interface EmptyQuarter {
  readonly text: string;
  readonly instead?: { readonly quarter: Quarter; readonly text: string; readonly label: string };
}

export interface CheckView {
  /** What was read and marked: the sheet, the header row, the tasks, the cells marked. */
  readonly checked: string;
  readonly notes: readonly string[];
  readonly empty?: EmptyQuarter;
  readonly total: number;
  /** What the total counts ("共 74 处问题（每处只计一次）"), when there are findings. */
  readonly totalText?: string;
  readonly kinds: readonly KindSection[];
  /** The tasks in each bulletin class (the legend). */
  readonly classCounts: Readonly<Record<BulletinClass, number>>;
  /** Each task's class by its row (a finding's colour in 按单位 too). */
  readonly classes: ReadonlyMap<number, TaskClass>;
  /** What a finding offers (按单位 lists findings of its own). */
  readonly offerOf: (f: Finding) => FindingOffer;
}

export interface CheckViewOptions {
  readonly lang: Lang;
  /** The sheet the person is looking at now (undefined: not known). */
  readonly active?: string;
  readonly shown?: number;
}

/** How a kind's count is coloured. */
export function kindTone(kind: FindingKind): KindTone {
  if (kind === "missing-progress") return "danger";
  return FIXABLE_KINDS.includes(kind) || kind === "missing-unit" ? "warning" : "informative";
}

/** The lead unit as a short line: spaces made one, at most 24 characters. */
function leadLine(text: string | undefined): string | undefined {
  const unit = text?.replace(/\s+/g, " ").trim();
  return unit ? (unit.length > 24 ? `${unit.slice(0, 24)}…` : unit) : undefined;
}

/** The task class a finding is coloured by: its task's, for a finding on progress. */
export function findingClass(classes: ReadonlyMap<number, TaskClass>, f: Finding): TaskClass | undefined {
  return f.field === "progress" ? classes.get(f.row) : undefined;
}

export function checkView(outcome: CheckOutcome, { lang, active, shown = SHOWN }: CheckViewOptions): CheckView {
  const ui = paneText(lang);
  const { result, workbook } = outcome;
  const { ledger, findings } = result;
  const taskAt = taskFinder(ledger.tasks);
  const classes = taskClasses(outcome);
  const classCounts = Object.fromEntries(BULLETIN_CLASSES.map((c) => [c, 0])) as Record<BulletinClass, number>;
  for (const c of classes.values()) classCounts[c.taskClass]++;

  const offerOf = (f: Finding) => findingOffer(f, workbook.directory);
  const item = (f: Finding): FindingItem => {
    const lead = f.field === "progress" ? leadLine(taskAt(f.row)?.lead?.text) : undefined;
    const taskClass = findingClass(classes, f);
    return {
      key: `${f.kind}${f.cell}${f.value ?? ""}`,
      finding: f,
      place: `${taskShortName(f.taskNo, f.row, lang)} · ${f.cell}`,
      ...(lead ? { lead: ui.leadUnitIs(lead) } : {}),
      text: findingText(f, lang, true),
      ...(taskClass ? { taskClass } : {}),
      offer: offerOf(f),
    };
  };
  const kinds = findingsByKind(findings).map(({ kind, findings: list }): KindSection => {
    const name = kindName(kind, lang);
    const fixable = FIXABLE_KINDS.includes(kind) ? fixableCount(outcome, kind) : 0;
    return {
      kind,
      name,
      heading: ui.counted(name, list.length),
      count: list.length,
      tone: kindTone(kind),
      fixable,
      ...(fixable > 0 ? { applyAll: ui.applyAllCount(fixable) } : {}),
      items: list.slice(0, shown).map(item),
      ...(list.length > shown ? { more: ui.moreFindings(list.length - shown) } : {}),
    };
  });

  const note = emptyQuarterNote(ledger, result.quarter);
  const previous = note?.previous !== undefined ? parseQuarter(note.previous) : undefined;
  return {
    checked: ui.checkedLine(ledger.sheet, ledger.headerRow, ledger.tasks.length, outcome.marked),
    notes: checkNotes(outcome, active).map((m) => say(m, lang)),
    ...(note ? { empty: { text: say(note, lang), ...(previous && note.previous !== undefined ? { instead: { quarter: previous, text: note.previous, label: ui.checkQuarterInstead(previous) } } : {}) } } : {}),
    total: findings.length,
    ...(findings.length > 0 ? { totalText: ui.findingsTotal(findings.length) } : {}),
    kinds,
    classCounts,
    classes,
    offerOf,
  };
}
