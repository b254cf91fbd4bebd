// The quarterly summary (汇总) and the bulletin draft (通报), from a check's result. Every figure
// here comes from the same assessments and findings as `check`, so the two always agree.
import { defaultIssuer } from "./district";
import { resolveUnits, type Directory, type ResolvedUnit } from "./directory";
import { kindLabel, readAsUnits } from "./check";
import { isoDate } from "./text";
import { asOfWords, documentDate } from "./document";
import { firstTaskAtOrBelow } from "./ledger";
import { partWords } from "./parts";
import { quarterLabel, reportDue } from "./quarter";
import { quarterProgress } from "./progress";
import type { CheckResult, Finding, FindingKind, ProgressState, Quarter, Task, TaskAssessment } from "./types";

/** The usual bulletin classes. */
export const BULLETIN_CLASSES = ["已完成", "超进度", "达进度", "欠进度", "未报送"] as const;
export type BulletinClass = (typeof BULLETIN_CLASSES)[number];

export interface TaskSummary {
  readonly task: Task;
  /** Lead units by their current directory names (as written when the directory does not know them). */
  readonly leads: readonly string[];
  readonly coUnits: readonly string[];
  readonly progress: ProgressState;
  readonly overdue: boolean;
  /** Marked done with only a placeholder or last quarter's text to show for it. */
  readonly doneUnsupported?: "placeholder" | "stale";
  readonly bulletinClass: BulletinClass;
  /** Why the task is in its class, with the figures used, as a code the application layer says. */
  readonly reason: ClassReason;
}

/** Why a task is in its bulletin class: a code and the values its sentence needs. */
export type ClassReason =
  | { readonly code: "not-reported" }
  /** Marked done with only a placeholder, or last quarter's text, to show for it. */
  | { readonly code: "done-unsupported"; readonly by: "placeholder" | "stale" }
  | { readonly code: "done" }
  /** The progress says it is behind (`word` as written: 滞后, 掉目标进度 …). */
  | { readonly code: "says-behind"; readonly word: string }
  | { readonly code: "overdue"; readonly deadline: string }
  | { readonly code: "placeholder" }
  | { readonly code: "stale" }
  /** The progress says it is ahead (`word` as written: 超时序进度 …). */
  | { readonly code: "says-ahead"; readonly word: string }
  /**
   * A figure of the progress (`done`, as written) against the task's cumulative target (`target`):
   * `ratio` of it done (1 or more: the year's target reached), where the quarter's share of the year
   * is `schedule` (0..1).
   */
  | { readonly code: "figures"; readonly done: string; readonly target: string; readonly ratio: number; readonly schedule: number }
  | { readonly code: "unquantified" }
  | { readonly code: "reported" };

/** A unit's figures for the quarter, ranked or not. */
export interface UnitFigures {
  readonly unit: string;
  /** Tasks it leads (a task with several lead units counts for each). */
  readonly leads: number;
  readonly coOwns: number;
  /** Led tasks with progress written (done included). */
  readonly reported: number;
  readonly missing: number;
  /** Led tasks whose progress is a placeholder, stale or without figures. */
  readonly weak: number;
  readonly behind: number;
  /** Led tasks whose progress is only a placeholder or last quarter's (also under a 已完成 mark). */
  readonly hollow: number;
  /** reported / leads, 0..1. */
  readonly rate: number;
  /** 序号 (or row) of its led tasks with no progress, for tracing. */
  readonly missingTasks: readonly string[];
  /** Its reporting rate the quarter before, when the ledger holds that quarter and the unit led tasks in it. */
  readonly previousRate?: number;
  /** rate − previousRate (0.125 is 12.5 points up). */
  readonly change?: number;
  /** Its score by the rules set (when set). */
  readonly score?: number;
}

export interface UnitSummary extends UnitFigures {
  /** 1 is best; units with the same rate share a rank (and are listed by name). */
  readonly rank: number;
}

/**
 * Points per unit, as many offices score their units: points for each led task reported, less points
 * for each one missing and each one with only a placeholder or last quarter's text.
 */
export interface ScoreRules {
  readonly reported: number;
  readonly missing: number;
  readonly placeholder: number;
}

export interface CategorySummary {
  readonly category: string;
  readonly tasks: number;
  readonly reported: number;
  readonly missing: number;
  readonly weak: number;
  readonly done: number;
  readonly behind: number;
  readonly rate: number;
}

export interface SummaryTotals {
  readonly tasks: number;
  readonly reported: number;
  readonly missing: number;
  readonly placeholder: number;
  readonly stale: number;
  readonly unquantified: number;
  /** placeholder + stale + unquantified, and tasks marked done with only those to show. */
  readonly weak: number;
  readonly overdue: number;
  readonly done: number;
  readonly rate: number;
  readonly classes: Readonly<Record<BulletinClass, number>>;
}

/** A task with no or weak progress, for the 缺报 list. */
export interface GapItem {
  readonly no: string;
  readonly row: number;
  readonly cell: string;
  readonly task: string;
  readonly lead: string;
  readonly kind: FindingKind;
  readonly label: string;
  /** The task's bulletin class for the quarter. */
  readonly taskClass: BulletinClass;
  /** Where the cell accumulates the quarters: the quarter whose part is meant. */
  readonly part?: Quarter["q"];
}

/** A task with missing or weak progress, named once with all its problems. */
export interface GapTask {
  readonly no: string;
  readonly row: number;
  /** The progress cell. */
  readonly cell: string;
  readonly task: string;
  readonly lead: string;
  readonly kinds: readonly FindingKind[];
  /** The problems in Chinese, joined with 、. */
  readonly labels: string;
  readonly taskClass: BulletinClass;
}

/** Who the summary speaks for, in its bulletin draft (the application layer decides it). */
export interface SummaryOptions {
  /** 江汉区; "" or absent: the draft says 区. */
  readonly district?: string;
  /** The office the units report to (区人民政府办公室 when absent). */
  readonly issuer?: string;
  /** The check of the quarter before on the same ledger, for each unit's change in reporting rate. */
  readonly previous?: CheckResult;
  /** Score the units by these rules. */
  readonly scoring?: ScoreRules;
}

export interface Summary {
  readonly quarter: Quarter;
  /** ISO date the quarter's reports were due. */
  readonly due: string;
  /** ISO date the summary was made. */
  readonly made: string;
  readonly sheet: string;
  readonly totals: SummaryTotals;
  /** The lead units the directory lists, ranked by reporting rate. */
  readonly units: readonly UnitSummary[];
  /** Lead units the directory does not list (a typo, a unit not added yet): listed apart, not ranked. */
  readonly unlisted: readonly UnitFigures[];
  /** The quarter the changes in rate are against, when the ledger holds it. */
  readonly previousQuarter?: Quarter;
  readonly scoring?: ScoreRules;
  readonly categories: readonly CategorySummary[];
  readonly tasks: readonly TaskSummary[];
  readonly gaps: readonly GapItem[];
  /** The same, one entry a task (a task with two problems is named once). */
  readonly gapTasks: readonly GapTask[];
  readonly unitProblems: readonly Finding[];
  /** 江汉区, or "" when not known. */
  readonly district: string;
  readonly issuer: string;
  /** The bulletin draft, one paragraph an entry. */
  readonly bulletin: readonly string[];
}

const UNIT_KINDS: readonly FindingKind[] = ["missing-unit", "unknown-unit", "renamed-unit"];
const GAP_KINDS: readonly FindingKind[] = ["missing-progress", "placeholder-progress", "stale-progress", "unquantified-progress", "overdue", "done-unsupported"];

/** Words that say a task is ahead of, or behind, its schedule. */
const AHEAD = /超(时序|序时|目标)?进度|超额|提前完成|超过(全年|年度)?目标|已超(过)?/;
const BEHIND = /滞后|未达(到)?(时序|序时|目标)?进度|低于(时序|序时|目标)?进度|掉(目标)?进度|进度(缓慢|偏慢|落后)|尚未(启动|开工|开展)|暂未(启动|开工|开展)/;

/** Units of cumulative figures, to their base unit and factor (亿元 → 元 × 1e8). Rates (%) are not cumulative. */
const CUMULATIVE: Record<string, readonly [string, number]> = {
  亿元: ["元", 1e8], 万元: ["元", 1e4], 元: ["元", 1],
  万人次: ["人次", 1e4], 人次: ["人次", 1], 万人: ["人", 1e4], 人: ["人", 1], 名: ["人", 1],
  万户: ["户", 1e4], 户: ["户", 1], 万个: ["个", 1e4], 个: ["个", 1], 家: ["家", 1],
  公里: ["米", 1000], 千米: ["米", 1000], 米: ["米", 1], 万平方米: ["平方米", 1e4], 平方米: ["平方米", 1], "㎡": ["平方米", 1],
  亩: ["亩", 1], 公顷: ["公顷", 1], 栋: ["栋", 1], 座: ["座", 1], 所: ["所", 1], 条: ["条", 1], 套: ["套", 1], 台: ["台", 1],
  场: ["场", 1], 项: ["项", 1], 件: ["件", 1], 处: ["处", 1], 辆: ["辆", 1], 吨: ["吨", 1], 批: ["批", 1],
};
const FIGURE = new RegExp(`([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*(${Object.keys(CUMULATIVE).sort((a, b) => b.length - a.length).join("|")})`, "g");

interface Figure {
  readonly value: number;
  readonly base: string;
  readonly written: string;
}

function figures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [base, factor] = CUMULATIVE[m[2]!]!;
    out.push({ value: Number(m[1]!.normalize("NFKC")) * factor, base, written: m[0] });
  }
  return out;
}

/** 85.3%, 75%, 100%: one decimal, none when it is zero. */
function percent(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;
}

/** The bulletin class of a task, and why. */
export function classify(a: TaskAssessment, quarter: Quarter): { bulletinClass: BulletinClass; reason: ClassReason } {
  // The quarter's own text: its part, where the cell accumulates the quarters.
  const text = quarterProgress(a.task, quarter).text;
  if (a.progress === "missing") return { bulletinClass: "未报送", reason: { code: "not-reported" } };
  // A completion claim with nothing to show is weighed like the placeholder or copy it is.
  if (a.progress === "done" && a.doneUnsupported) return { bulletinClass: "欠进度", reason: { code: "done-unsupported", by: a.doneUnsupported } };
  if (a.progress === "done") return { bulletinClass: "已完成", reason: { code: "done" } };
  const behindWord = BEHIND.exec(text);
  if (behindWord) return { bulletinClass: "欠进度", reason: { code: "says-behind", word: behindWord[0] } };
  if (a.overdue) return { bulletinClass: "欠进度", reason: { code: "overdue", deadline: a.deadline ?? "" } };
  if (a.progress === "placeholder") return { bulletinClass: "欠进度", reason: { code: "placeholder" } };
  if (a.progress === "stale") return { bulletinClass: "欠进度", reason: { code: "stale" } };
  const aheadWord = AHEAD.exec(text);
  if (aheadWord) return { bulletinClass: "超进度", reason: { code: "says-ahead", word: aheadWord[0] } };
  // A cumulative target (255亿元) against the same kind of figure in the progress (217.6亿元).
  const target = figures(a.task.text.text)[0];
  const done = target ? figures(text).find((f) => f.base === target.base) : undefined;
  if (target && done && target.value > 0) {
    const ratio = done.value / target.value;
    const schedule = quarter.q / 4;
    const reason = { code: "figures", done: done.written, target: target.written, ratio, schedule } as const;
    if (ratio >= 1 || ratio >= schedule + 0.05) return { bulletinClass: "超进度", reason };
    if (ratio < schedule - 0.15) return { bulletinClass: "欠进度", reason };
    return { bulletinClass: "达进度", reason };
  }
  return { bulletinClass: "达进度", reason: { code: a.progress === "unquantified" ? "unquantified" : "reported" } };
}

function taskLabel(t: Task): string {
  return t.no || `第${t.row}行`;
}

const isWeakProgress = (p: ProgressState) => p === "placeholder" || p === "stale" || p === "unquantified";
const isWeak = (t: TaskSummary) => isWeakProgress(t.progress) || !!t.doneUnsupported;
const isDone = (t: TaskSummary) => t.progress === "done" && !t.doneUnsupported;
/** Only a placeholder or last quarter's text (also under a 已完成 mark): what scoring deducts for. */
const isHollow = (t: TaskSummary) => t.progress === "placeholder" || t.progress === "stale" || !!t.doneUnsupported;
const collator = new Intl.Collator("zh");

/** Points by the rules, to one decimal. */
function scoreOf(u: { reported: number; missing: number; hollow: number }, r: ScoreRules): number {
  return Math.round((u.reported * r.reported - u.missing * r.missing - u.hollow * r.placeholder) * 10) / 10;
}

/** Each lead unit's reporting rate in an earlier check of the same ledger. */
function previousRates(previous: CheckResult, directory: Directory | undefined): Map<string, number> {
  const counts = new Map<string, { leads: number; reported: number }>();
  // Named as this quarter's figures are: a slip read as its unit.
  const readAs = readAsUnits(previous.findings);
  for (const a of previous.assessments) {
    for (const name of new Set(resolveUnits(a.task.lead?.text, directory).map((u) => (u.known ? u.name : (readAs.get(u.name) ?? u.name))))) {
      const c = counts.get(name) ?? { leads: 0, reported: 0 };
      c.leads++;
      if (a.progress !== "missing") c.reported++;
      counts.set(name, c);
    }
  }
  return new Map([...counts].map(([unit, c]) => [unit, c.reported / c.leads]));
}

/** How the score is reckoned, printed under the ranking. */
export function scoreRulesText(r: ScoreRules): string {
  const n = (x: number) => String(Math.round(x * 10) / 10);
  return `评分规则：每项牵头任务报送进展得${n(r.reported)}分，每项未报送扣${n(r.missing)}分，每项进展只有套话或照抄上季度扣${n(r.placeholder)}分。`;
}

/** A change in reporting rate in points: ↑12.5个百分点, ↓5个百分点, 持平. */
export function changeText(change: number | undefined): string {
  if (change === undefined) return "—";
  const points = Math.round(change * 1000) / 10;
  return points === 0 ? "持平" : `${points > 0 ? "↑" : "↓"}${Math.abs(points)}个百分点`;
}

/** Builds the quarter's summary from a check. `today` dates it; `directory` names the units. */
export function summarise(result: CheckResult, directory: Directory | undefined, today: Date, options: SummaryOptions = {}): Summary {
  const { quarter } = result;
  const { tasks, listed } = taskSummaries(result, directory);
  const before = options.previous ? previousRates(options.previous, directory) : undefined;
  const { units, unlisted } = rankUnits(unitFigures(tallyUnits(tasks), before, options.scoring), listed);
  const gaps = gapsOf(result, tasks, directory !== undefined);
  const district = options.district ?? "";
  const summary = {
    quarter,
    due: isoDate(reportDue(quarter)),
    made: isoDate(localDate(today)),
    sheet: result.ledger.sheet,
    totals: totalsOf(tasks),
    units,
    unlisted,
    ...(options.previous ? { previousQuarter: options.previous.quarter } : {}),
    ...(options.scoring ? { scoring: options.scoring } : {}),
    categories: categoriesOf(tasks),
    tasks,
    gaps,
    gapTasks: gapTasks(gaps),
    unitProblems: result.findings.filter((f) => UNIT_KINDS.includes(f.kind)),
    district,
    issuer: options.issuer ?? defaultIssuer(district),
  };
  return { ...summary, bulletin: bulletinText(summary) };
}

/**
 * Each task with its units by their directory names and its bulletin class; and whether the directory
 * lists each unit named (a unit it lists under any spelling is listed).
 */
function taskSummaries(result: CheckResult, directory: Directory | undefined): { tasks: TaskSummary[]; listed: Map<string, boolean> } {
  const listed = new Map<string, boolean>();
  // One naming throughout: the directory's current names, a name that stands for one clear unit read as it.
  const readAs = readAsUnits(result.findings);
  const names = (units: readonly ResolvedUnit[]) => {
    const named = units.map((u) => (u.known ? u : { name: readAs.get(u.name) ?? u.name, known: readAs.has(u.name) }));
    for (const u of named) listed.set(u.name, (listed.get(u.name) ?? true) && u.known);
    return [...new Set(named.map((u) => u.name))];
  };
  const tasks = result.assessments.map((a) => ({
    task: a.task,
    leads: names(resolveUnits(a.task.lead?.text, directory)),
    coUnits: names(resolveUnits(a.task.co?.text, directory)),
    progress: a.progress,
    overdue: a.overdue,
    ...(a.doneUnsupported ? { doneUnsupported: a.doneUnsupported } : {}),
    ...classify(a, result.quarter),
  }));
  return { tasks, listed };
}

function totalsOf(tasks: readonly TaskSummary[]): SummaryTotals {
  const classes = Object.fromEntries(BULLETIN_CLASSES.map((c) => [c, 0])) as Record<BulletinClass, number>;
  for (const t of tasks) classes[t.bulletinClass]++;
  const count = (p: (t: TaskSummary) => boolean) => tasks.filter(p).length;
  const reported = count((t) => t.progress !== "missing");
  return {
    tasks: tasks.length,
    reported,
    missing: count((t) => t.progress === "missing"),
    placeholder: count((t) => t.progress === "placeholder"),
    stale: count((t) => t.progress === "stale"),
    unquantified: count((t) => t.progress === "unquantified"),
    weak: count(isWeak),
    overdue: count((t) => t.overdue),
    done: count(isDone),
    rate: tasks.length ? reported / tasks.length : 0,
    classes,
  };
}

/** A unit's counts over the tasks (UnitFigures before its rate). */
interface UnitTally {
  leads: number;
  coOwns: number;
  reported: number;
  missing: number;
  weak: number;
  hollow: number;
  behind: number;
  readonly missingTasks: string[];
}

/** Each unit's counts over the tasks: a task with several lead units counts for each of them. */
function tallyUnits(tasks: readonly TaskSummary[]): Map<string, UnitTally> {
  const byUnit = new Map<string, UnitTally>();
  const unitRow = (name: string) => {
    let u = byUnit.get(name);
    if (!u) byUnit.set(name, (u = { leads: 0, coOwns: 0, reported: 0, missing: 0, weak: 0, hollow: 0, behind: 0, missingTasks: [] }));
    return u;
  };
  for (const t of tasks) {
    for (const name of t.leads) {
      const u = unitRow(name);
      u.leads++;
      if (t.progress === "missing") {
        u.missing++;
        u.missingTasks.push(taskLabel(t.task));
      } else u.reported++;
      if (isWeak(t)) u.weak++;
      if (isHollow(t)) u.hollow++;
      if (t.bulletinClass === "欠进度") u.behind++;
    }
    for (const name of t.coUnits) if (!t.leads.includes(name)) unitRow(name).coOwns++;
  }
  return byUnit;
}

/**
 * The figures of each unit that leads a task (one that only co-owns tasks reports through the lead
 * unit), with its change since the rates `before` and its score by `scoring`.
 */
function unitFigures(tally: ReadonlyMap<string, UnitTally>, before: ReadonlyMap<string, number> | undefined, scoring: ScoreRules | undefined): UnitFigures[] {
  return [...tally]
    .filter(([, u]) => u.leads > 0)
    .map(([unit, u]) => {
      const rate = u.reported / u.leads;
      const prev = before?.get(unit);
      return {
        unit,
        ...u,
        rate,
        ...(prev !== undefined ? { previousRate: prev, change: rate - prev } : {}),
        ...(scoring ? { score: scoreOf(u, scoring) } : {}),
      };
    });
}

/** The units the directory lists, ranked by reporting rate; the others apart, by name. */
function rankUnits(figures: readonly UnitFigures[], listed: ReadonlyMap<string, boolean>): { units: UnitSummary[]; unlisted: UnitFigures[] } {
  // Equal rates (compared exactly, as fractions) share a rank; within a rank, units go by name.
  const sameRate = (a: UnitFigures, b: UnitFigures) => a.reported * b.leads === b.reported * a.leads;
  const ranked = figures
    .filter((u) => listed.get(u.unit) !== false)
    .sort((a, b) => (sameRate(a, b) ? 0 : b.rate - a.rate) || collator.compare(a.unit, b.unit));
  const units: UnitSummary[] = [];
  ranked.forEach((u, i) => {
    const prev = units[i - 1];
    units.push({ ...u, rank: prev && sameRate(prev, u) ? prev.rank : i + 1 });
  });
  const unlisted = figures.filter((u) => listed.get(u.unit) === false).sort((a, b) => collator.compare(a.unit, b.unit));
  return { units, unlisted };
}

/** The tasks' figures by first-level category. */
function categoriesOf(tasks: readonly TaskSummary[]): CategorySummary[] {
  const byCategory = new Map<string, TaskSummary[]>();
  for (const t of tasks) {
    const c = t.task.category[0] ?? "（未分类）";
    const list = byCategory.get(c) ?? [];
    list.push(t);
    byCategory.set(c, list);
  }
  return [...byCategory].map(([category, list]) => {
    const rep = list.filter((t) => t.progress !== "missing").length;
    return {
      category,
      tasks: list.length,
      reported: rep,
      missing: list.length - rep,
      weak: list.filter(isWeak).length,
      done: list.filter(isDone).length,
      behind: list.filter((t) => t.bulletinClass === "欠进度").length,
      rate: list.length ? rep / list.length : 0,
    };
  });
}

/**
 * The findings of missing or weak progress, each with its task (the one on its row, or for a merged
 * cell the first at or below it) and the task's class.
 */
function gapsOf(result: CheckResult, tasks: readonly TaskSummary[], named: boolean): GapItem[] {
  const classOf = new Map(tasks.map((t) => [t.task.row, t.bulletinClass]));
  // With a directory, the lead units as the summary names them (the directory's current names, a slip read
  // as its unit), not as the ledger writes them; without one, as written, each unit of the cell apart.
  const leadsOf = new Map(tasks.map((t) => [t.task.row, named ? t.leads.join("、") : (t.task.lead?.text ?? "").trim().split(/\s+/).join("、")]));
  return result.findings
    .filter((f) => GAP_KINDS.includes(f.kind))
    .map((f) => {
      const t = result.ledger.tasks[firstTaskAtOrBelow(result.ledger.tasks, f.row)];
      return { no: f.taskNo, row: f.row, cell: f.cell, task: t?.text.text ?? "", lead: (t && leadsOf.get(t.row)) ?? "", kind: f.kind, label: kindLabel(f.kind) + partWords(f.part), taskClass: (t && classOf.get(t.row)) ?? "未报送", ...(f.part ? { part: f.part } : {}) };
    });
}

/** The gaps one a task, in the order of their first finding. */
function gapTasks(gaps: readonly GapItem[]): GapTask[] {
  const byCell = new Map<string, { no: string; row: number; cell: string; task: string; lead: string; kinds: FindingKind[]; taskClass: BulletinClass; part?: Quarter["q"] }>();
  for (const g of gaps) {
    const t = byCell.get(g.cell);
    if (t) {
      if (!t.kinds.includes(g.kind)) t.kinds.push(g.kind);
    } else byCell.set(g.cell, { no: g.no, row: g.row, cell: g.cell, task: g.task, lead: g.lead, kinds: [g.kind], taskClass: g.taskClass, part: g.part });
  }
  return [...byCell.values()].map(({ part, ...t }) => ({ ...t, labels: t.kinds.map(kindLabel).join("、") + partWords(part) }));
}

/** Today's date as a calendar date (the summary is dated in local time, as people read it). */
function localDate(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

/** 区发改局（3项）、区财政局（1项）; more than `max`: …等N个单位. */
function listUnits(items: readonly { unit: string; n: number }[], max: number): string {
  const shown = items.slice(0, max).map((i) => `${i.unit}（${i.n}项）`);
  return items.length > max ? `${shown.join("、")}等${items.length}个单位` : shown.join("、");
}

/** The units with `count` of them above 0, most first, then by name. */
function unitsWith(units: readonly UnitFigures[], count: (u: UnitFigures) => number): { unit: string; n: number }[] {
  return units
    .filter((u) => count(u) > 0)
    .sort((a, b) => count(b) - count(a) || a.unit.localeCompare(b.unit, "zh"))
    .map((u) => ({ unit: u.unit, n: count(u) }));
}

/** Which lead units have reported all their tasks, and which have not, each named with its count (no full stop). */
export function reportingText(units: readonly UnitFigures[], max = 12): string {
  const late = unitsWith(units, (u) => u.missing);
  if (!late.length) return `${units.length}个牵头单位均已报送全部任务进展`;
  const list = listUnits(late, max);
  return late.length === units.length ? `${late.length}个牵头单位均有任务未报送：${list}` : `${units.length - late.length}个牵头单位已报送全部任务进展；${late.length}个单位有任务未报送：${list}`;
}

/** The units with tasks behind schedule, each with its count; "" when there are none. */
export function behindUnitsText(units: readonly UnitFigures[], max = 12): string {
  return listUnits(unitsWith(units, (u) => u.behind), max);
}

/** The units with led tasks whose progress is to be completed (套话, 照抄上季度, 缺少数据), each with its count; "" when none. */
export function weakUnitsText(units: readonly UnitFigures[], max = 12): string {
  return listUnits(unitsWith(units, (u) => u.weak), max);
}

/** The bulletin draft: the counts per class, who has not reported, the ranking, what to do next. */
function bulletinText(s: Omit<Summary, "bulletin">): string[] {
  const { totals: t, units } = s;
  // The units of the directory (a name that stands for one clear unit counted under it); a name that stands
  // for none is the office's to check (the pane, 单位名称待核对), not something said in what is sent.
  const all = units;
  const q = quarterLabel(s.quarter);
  const c = t.classes;
  const out: string[] = [];
  out.push(`关于${q}${s.district || "区"}《政府工作报告》目标任务推进情况的通报（草稿）`);
  out.push("各责任单位：");
  out.push(
    `按照要求，各责任单位应于${documentDate(s.due)}前报送${q}责任事项完成情况。截至${asOfWords(s.quarter, s.made, "通报")}，${t.tasks}项任务中已报送进展${t.reported}项，报送率${percent(t.rate)}；` +
      `其中已完成${c["已完成"]}项、超进度${c["超进度"]}项、达进度${c["达进度"]}项、欠进度${c["欠进度"]}项，未报送${c["未报送"]}项。`,
  );
  out.push(`一、报送情况。${reportingText(all)}。`);
  const behind = behindUnitsText(all);
  out.push(
    "二、推进情况。" +
      `超进度${c["超进度"]}项，达进度${c["达进度"]}项，欠进度${c["欠进度"]}项` +
      (behind ? `，欠进度任务涉及${behind}。` : "。") +
      (t.weak ? `另有${t.weak}项进展只写了套话、与上季度相同或缺少数据，需补充具体内容。` : ""),
  );
  if (units.length > 1) {
    const top = units.slice(0, 5).map((u) => `${u.unit}（${percent(u.rate)}）`);
    const bottom = units.filter((u) => u.rate < 1).slice(-5).map((u) => `${u.unit}（${percent(u.rate)}）`);
    out.push(`三、报送率排名。前列：${top.join("、")}` + (bottom.length ? `；靠后：${bottom.join("、")}` : "") + "。详见汇总表“各牵头单位报送情况”。");
  }
  if (s.unitProblems.length) {
    out.push(`四、责任单位名称。台账中有${s.unitProblems.length}处责任单位名称需要更正（已更名、已撤销或不在部门目录中），见汇总表“单位名称问题”。`);
  }
  out.push(
    `请未报送和欠进度的单位对照汇总表“缺报和进展较弱事项”逐项补报，于（  月  日）前报${s.issuer}，并说明原因和下一步措施。`,
  );
  return out;
}
