// Splitting a ledger into one form per responsible unit, and merging the forms they send back.
// Each row sent carries a key (the master row and a fingerprint of its task), so that returns find
// their row even when a unit's copy was sorted or filtered.
import type { Directory } from "./directory";
import { INPUT_FILL, type LayoutCell, type LayoutColumn, type SheetLayout } from "./layout";
import { progressParts, quarterPart, withPart } from "./parts";
import { contributionLabel, contributionsOf, leadsText, textSimilarity } from "./progress";
import { formatQuarter, parseQuarter, previousQuarter, quarterLabel, quarterShortLabel, reportDue } from "./quarter";
import { cellText, foldForCompare } from "./text";
import type { CellText, Ledger, Quarter, SheetGrid, Task, UnitMention } from "./types";
import { isCityUnit, parseUnitCell, replaceUnit } from "./units";

export const RETURN_SHEET = "进展填报";
export const RETURN_MARKER_SHEET = "_督办回报";
const KEY_HEADER = "督办键";
/**
 * The marker sheet's record of what each row's other cells were when the form was made (by key:
 * fingerprints of 序号, 目标任务, 牵头单位, 配合单位): a return is compared with the form as it was
 * sent, so that the office's own corrections to the ledger after 分发 are not taken for the unit's.
 */
const SENT_HEADER = "原值校验";
/** The form's context column where the ledger's cells accumulate the quarters (else 上季度进展). */
const PRIOR_HEADER = "此前各季度进展";

export interface ReturnRow {
  readonly key: string;
  /** 1-based row of the task in the master ledger. */
  readonly row: number;
  readonly no: string;
  readonly category: string;
  readonly task: string;
  readonly lead: string;
  readonly co: string;
  /** 牵头 or 配合: what the unit is for this task. */
  readonly role: "牵头" | "配合";
  readonly deadline: string;
  readonly previous: string;
  readonly progress: string;
  /** Read back from a form: its record of the row's cells as sent (absent in a form made before it kept one). */
  readonly sent?: string;
}

/** The cells of a row a unit must not change, by the form's header, in the order the record keeps them. */
const SENT_FIELDS = [
  ["序号", "no"],
  ["目标任务", "task"],
  ["牵头单位", "lead"],
  ["配合单位", "co"],
] as const;

/** The record of a row's cells as sent: their fingerprints, in SENT_FIELDS order. */
export function sentRecord(row: Pick<ReturnRow, "no" | "task" | "lead" | "co">): string {
  return SENT_FIELDS.map(([, f]) => fingerprint(row[f])).join(".");
}

/** Who answers for a return: the blanks at the foot of the form (empty until the unit fills them). */
export interface ReturnContact {
  /** 填报人 */
  readonly filledBy: string;
  /** 联系电话 */
  readonly phone: string;
  /** 单位负责人 */
  readonly head: string;
}

export interface UnitReturn {
  readonly unit: string;
  readonly quarter: Quarter;
  /** The master sheet the rows came from. */
  readonly sheet: string;
  readonly rows: readonly ReturnRow[];
  /** The form's 填报人 / 联系电话 / 单位负责人, as read back from a returned form. */
  readonly contact?: ReturnContact;
  /** The file it was read from (a return chosen among others). */
  readonly file?: string;
  /**
   * The ledger keeps one progress column whose cells accumulate the quarters (一季度：… 二季度：…): the
   * form shows what each cell holds before the quarter and asks for the quarter's part only.
   */
  readonly cumulative?: boolean;
}

/** A short fingerprint of a task's text (FNV-1a over the folded text). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of foldForCompare(text)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function rowKey(task: Task): string {
  return `${task.row}#${fingerprint(task.text.text)}`;
}

function progressOf(task: Task, q: Quarter["q"]): CellText | undefined {
  return task.progress[q] ?? task.progress.any;
}

/**
 * For a ledger whose single progress column accumulates the quarters (some of its cells are read by
 * parts), a label of that column to follow where a cell has none ("三季度：", "9月："); undefined for
 * any other ledger, whose cells are written whole as before.
 */
export function cumulativeLabel(ledger: Ledger, q: Quarter["q"]): string | undefined {
  for (const t of ledger.tasks) {
    if (t.progress[q] || !t.progress.any) return undefined;
    const parts = progressParts(t.progress.any.text);
    if (parts) return parts.parts[parts.parts.length - 1]!.label;
  }
  return undefined;
}

/** What a cell that accumulates the quarters holds before the quarter, and the quarter's own part. */
function cumulativeRow(cell: CellText | undefined, q: Quarter["q"]): { previous: string; progress: string } {
  const text = cell?.text ?? "";
  const parts = progressParts(text);
  if (!parts) return { previous: text.trim(), progress: "" };
  const { part } = quarterPart(parts, q);
  return { previous: part ? text.slice(0, part.start).trim() : text.trim(), progress: part?.text ?? "" };
}

/**
 * What a form shows in a row's progress column: the leads' progress, for a co-unit too (what the task
 * has so far); the co-units' contributions stay in the ledger as they are, and a co-unit's answer is
 * what it wrote beyond the leads' text.
 */
function sentProgress(cell: { previous: string; progress: string }): { previous: string; progress: string } {
  return { previous: cell.previous, progress: leadsText(cell.progress) };
}

/** Where a unit is written in the ledger: the task and its unit cell. */
export interface UnitPlace {
  readonly cell: string;
  /** 1-based sheet row of the task. */
  readonly row: number;
  readonly no: string;
  readonly role: "牵头" | "配合";
}

/**
 * A unit written in the ledger that the directory does not resolve to one unit: not in it under any
 * name (区卫键局, a section label taken for a unit), an alias two units share, or an abolished unit
 * that no unit took over. A form sent to it would never come back, so it gets none until a person
 * corrects the ledger (`unitCorrections`) or confirms it is a real unit (`includeUnknown`).
 */
export interface UnresolvedUnit {
  /** The unit as written. */
  readonly name: string;
  readonly reason: "unknown" | "ambiguous" | "abolished";
  /** Directory names it may mean, best first (the first is what 全部应用 takes). */
  readonly suggestions: readonly string[];
  /** Every task and cell where it is written, in ledger order. */
  readonly places: readonly UnitPlace[];
}

export interface SplitOptions {
  /**
   * Units as written that a person confirmed are real units although the directory lacks them:
   * they get a form under that name. The others of `unresolved` get none.
   */
  readonly includeUnknown?: readonly string[];
}

/** A task of the ledger, named as a list names it (序号12, else 第40行). */
export interface TaskRef {
  readonly no: string;
  readonly row: number;
  readonly task: string;
}

export interface Split {
  /** One form per responsible unit, by its current directory name (by name as written without a directory). */
  readonly forms: UnitReturn[];
  /** Units that get no form until a person decides, in order of first appearance. */
  readonly unresolved: UnresolvedUnit[];
  /** Tasks with no unit written at all: no form carries them (said before the forms are made). */
  readonly unassigned: TaskRef[];
}

type Resolved = { readonly name: string } | { readonly unresolved: UnresolvedUnit["reason"]; readonly suggestions: readonly string[] };

/** The directory name a written unit reports under, or why there is none. Without a directory every unit is its own. */
function resolveUnit(written: string, directory: Directory | undefined): Resolved {
  if (!directory) return { name: written };
  const m = directory.match(written);
  switch (m.kind) {
    case "exact":
    case "alias":
    case "normalized":
    case "renamed":
      return { name: m.entry.name };
    case "abolished":
      return m.successor ? { name: m.successor.name } : { unresolved: "abolished", suggestions: directory.suggest(written).map((s) => s.entry.name) };
    case "ambiguous":
      return { unresolved: "ambiguous", suggestions: m.entries.map((e) => e.name) };
    default:
      return { unresolved: "unknown", suggestions: m.kind === "unknown" ? m.suggestions.map((e) => e.name) : [] };
  }
}

/**
 * The units a task names, each with its cell and what it is for the task: the lead cell's units lead
 * (those noted （配合） or under a 配合单位 label there are co-units), the co-unit cell's are co-units.
 * Collective units (各街道) and city units the directory does not list (市红会医院) report through
 * others, and get no form of their own.
 */
function unitsOf(t: Task): { cell: CellText; unit: UnitMention; role: "牵头" | "配合" }[] {
  const out: { cell: CellText; unit: UnitMention; role: "牵头" | "配合" }[] = [];
  for (const [cell, role] of [[t.lead, "牵头"], [t.co, "配合"]] as const) {
    if (!cell) continue;
    const parsed = parseUnitCell(cell.text);
    for (const unit of parsed.units) out.push({ cell, unit, role });
    for (const unit of parsed.co) out.push({ cell, unit, role: "配合" });
  }
  return out.filter((u) => !u.unit.collective);
}

/**
 * One form per responsible unit (lead or co-unit, by its current name), with only its rows; and
 * beside them the units the directory does not resolve, which get a form only when confirmed.
 */
export function splitLedger(ledger: Ledger, directory: Directory | undefined, quarter: Quarter, options: SplitOptions = {}): Split {
  const byUnit = new Map<string, ReturnRow[]>();
  const unresolved = new Map<string, { reason: UnresolvedUnit["reason"]; suggestions: readonly string[]; places: UnitPlace[] }>();
  const confirmed = new Set(options.includeUnknown ?? []);
  const prev = previousQuarter(quarter);
  const cumulative = cumulativeLabel(ledger, quarter.q) !== undefined;
  const unassigned: TaskRef[] = [];
  for (const t of ledger.tasks) {
    if (!t.lead?.text.trim() && !t.co?.text.trim()) unassigned.push({ no: t.no, row: t.row, task: t.text.text });
    const leads: string[] = [];
    const cos: string[] = [];
    for (const { cell, unit: u, role } of unitsOf(t)) {
      const list = role === "牵头" ? leads : cos;
      const r = resolveUnit(u.name, directory);
      if (!("name" in r) && r.unresolved === "unknown" && isCityUnit(u.name)) continue;
      let name: string;
      if ("name" in r) name = r.name;
      else if (confirmed.has(u.name)) name = u.name;
      else {
        const entry = unresolved.get(u.name) ?? { reason: r.unresolved, suggestions: r.suggestions, places: [] };
        entry.places.push({ cell: cell.cell, row: t.row, no: t.no, role });
        unresolved.set(u.name, entry);
        continue;
      }
      if (!leads.includes(name) && !list.includes(name)) list.push(name);
    }
    for (const [units, role] of [[leads, "牵头"], [cos, "配合"]] as const) {
      for (const unit of units) {
        const rows = byUnit.get(unit) ?? [];
        rows.push({
          key: rowKey(t),
          row: t.row,
          no: t.no,
          category: t.category.join(" / "),
          task: t.text.text,
          lead: t.lead?.text ?? "",
          co: t.co?.text ?? "",
          role,
          deadline: t.deadline?.text ?? "",
          ...sentProgress(cumulative ? cumulativeRow(t.progress.any, quarter.q) : { previous: prev ? (t.progress[prev.q]?.text ?? "") : "", progress: progressOf(t, quarter.q)?.text ?? "" }),
        });
        byUnit.set(unit, rows);
      }
    }
  }
  return {
    forms: [...byUnit].sort((a, b) => a[0].localeCompare(b[0], "zh")).map(([unit, rows]) => ({ unit, quarter, sheet: ledger.sheet, rows, ...(cumulative ? { cumulative } : {}) })),
    unresolved: [...unresolved].map(([name, u]) => ({ name, ...u })),
    unassigned,
  };
}

/** 全部应用: each unresolved unit that has a suggestion, to its first suggestion. */
export function suggestedChoices(unresolved: readonly UnresolvedUnit[]): Map<string, string> {
  return new Map(unresolved.filter((u) => u.suggestions[0]).map((u) => [u.name, u.suggestions[0]!]));
}

/**
 * The ledger cells to rewrite so that units written wrongly carry the names chosen for them (written
 * name → directory name), the other units and separators of each cell untouched. A host writes
 * them, then splits again: the rows go to the chosen units' forms, and merge finds those units
 * responsible.
 */
export function unitCorrections(ledger: Ledger, unresolved: readonly UnresolvedUnit[], choices: ReadonlyMap<string, string>): MergeEdit[] {
  const cells = new Map<string, CellText>();
  for (const t of ledger.tasks) for (const c of [t.lead, t.co]) if (c) cells.set(c.cell, c);
  const texts = new Map<string, { row: number; text: string }>();
  for (const u of unresolved) {
    const to = choices.get(u.name);
    if (!to) continue;
    for (const p of u.places) {
      const cell = cells.get(p.cell);
      if (!cell) continue;
      const before = texts.get(p.cell) ?? { row: cell.row, text: cell.text };
      texts.set(p.cell, { row: before.row, text: replaceUnit(before.text, u.name, to) });
    }
  }
  return [...texts].filter(([cell, e]) => e.text !== cells.get(cell)!.text).map(([cell, e]) => ({ cell, row: e.row, text: e.text }));
}

/** The blanks at a form's foot, by label, in the order written. */
const CONTACT_LABELS: readonly (readonly [keyof ReturnContact, string])[] = [
  ["head", "单位负责人"],
  ["filledBy", "填报人"],
  ["phone", "联系电话"],
];

/** "2026年4月10日". */
function dateLabel(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * The form a unit fills in: its rows, the quarter's progress open and highlighted, the rest locked,
 * the key hidden; the return date under the title, and 单位负责人 / 填报人 / 联系电话 blanks at the foot.
 */
export function returnLayouts(r: UnitReturn): SheetLayout[] {
  const q = quarterShortLabel(r.quarter.q);
  const columns: LayoutColumn[] = [
    { header: "序号", width: 7 },
    { header: "工作类目", width: 16 },
    { header: "目标任务", width: 44 },
    { header: "牵头单位", width: 18 },
    { header: "配合单位", width: 18 },
    { header: "本单位", width: 8 },
    { header: "完成时限", width: 10 },
    // A cell that accumulates the quarters: all it holds before the quarter, for context; the unit writes only the quarter's part.
    { header: r.cumulative ? PRIOR_HEADER : "上季度进展", width: r.cumulative ? 36 : 28 },
    { header: `${q}进展`, width: 44, editable: true, fill: INPUT_FILL },
    { header: KEY_HEADER, width: 14, hidden: true },
  ];
  const contact = r.contact ?? { filledBy: "", phone: "", head: "" };
  // Spans chosen for the columns above: 单位负责人 A:B | C, 填报人 D | E:F, 联系电话 G:H | I.
  const spans: Record<keyof ReturnContact, readonly [number, number]> = { head: [2, 1], filledBy: [1, 2], phone: [2, 1] };
  const signOff: LayoutCell[] = CONTACT_LABELS.flatMap(([key, label]) => [
    { text: `${label}：`, span: spans[key][0] },
    { text: contact[key], span: spans[key][1], input: true, fill: INPUT_FILL },
  ]);
  return [
    {
      name: RETURN_SHEET,
      title: `${r.unit} ${quarterLabel(r.quarter)}进展填报`,
      subtitle:
        `请于${dateLabel(reportDue(r.quarter))}前报送。只填写黄色的“${q}进展”一列和表尾的${CONTACT_LABELS.map(([, l]) => l).join("、")}，其他内容不要改动。` +
        (r.cumulative ? `“${PRIOR_HEADER}”是台账同一单元格中已有的内容；“${q}进展”只写本季度的新进展，合并时接在其后。` : "") +
        (r.rows.some((x) => x.role === "配合")
          ? `“本单位”为“配合”的任务：“${q}进展”中已有的是牵头单位的报送，本单位的配合情况请接在其后填写，合并时作为配合情况写入台账（标注“${contributionLabel(r.unit)}”），不代替牵头单位报送。`
          : ""),
      columns,
      rows: r.rows.map((x) => [x.no, x.category, x.task, x.lead, x.co, x.role, x.deadline, x.previous, x.progress, x.key]),
      protect: true,
      below: [signOff],
    },
    {
      name: RETURN_MARKER_SHEET,
      columns: [
        { header: "单位", width: 20 },
        { header: "季度", width: 10 },
        { header: "台账工作表", width: 20 },
        { header: KEY_HEADER, width: 14 },
        { header: SENT_HEADER, width: 40 },
      ],
      // The form's own record of its rows as sent, beside the marker (a unit does not see this sheet).
      rows: (r.rows.length ? r.rows : [undefined]).map((x, i) => [...(i === 0 ? [r.unit, formatQuarter(r.quarter), r.sheet] : ["", "", ""]), x?.key ?? "", x ? sentRecord(x) : ""]),
      state: "veryHidden",
    },
  ];
}

/**
 * The sign-off blanks of a row, when it is the sign-off line: each label's value is the first text to
 * its right before the next label, or what follows the label in its own cell (单位负责人：张三).
 */
function contactOf(texts: readonly string[]): Partial<Record<keyof ReturnContact, string>> | undefined {
  const found: Partial<Record<keyof ReturnContact, string>> = {};
  const labelAt = (t: string) => CONTACT_LABELS.find(([, l]) => new RegExp(`^${l}(?:[:：]|$)`).test(t.replace(/\s+/g, "")));
  texts.forEach((t, i) => {
    const hit = labelAt(t);
    if (!hit) return;
    const [key, label] = hit;
    let value = t.replace(/\s+/g, "").slice(label.length).replace(/^[:：]/, "");
    for (let j = i + 1; !value && j < texts.length && !labelAt(texts[j]!); j++) value = texts[j]!;
    found[key] = value;
  });
  return Object.keys(found).length ? found : undefined;
}

/** Why a workbook is not a return: a code and the values its sentence needs. */
export type NotAReturnWhy =
  /** No 进展填报 sheet, or no marker sheet: not a form the add-in sent. */
  | { readonly code: "return-unmarked" }
  /** The marker lacks the unit or the quarter. */
  | { readonly code: "return-marker-incomplete" }
  /** The form has no key column, or no progress column of its quarter (`progress`, 三季度进展). */
  | { readonly code: "return-no-column"; readonly key: string; readonly progress: string };

/**
 * A workbook that is not a return, and why, as a code (`detail`); the application layer says it
 * (src/app/messages.ts). `message` is the code, for logs.
 */
export class NotAReturn extends Error {
  constructor(readonly detail: NotAReturnWhy) {
    super(detail.code);
    this.name = "NotAReturn";
  }
}

function headerIndex(grid: SheetGrid): { row: number; col: Map<string, number> } {
  for (let r = 0; r < Math.min(5, grid.rows.length); r++) {
    const texts = (grid.rows[r] ?? []).map((v) => cellText(v).trim());
    if (texts.includes(KEY_HEADER)) return { row: r, col: new Map(texts.map((t, i) => [t, i])) };
  }
  return { row: -1, col: new Map() };
}

/** Reads a filled-in form back, from its sheet and its marker sheet. */
export function readReturn(form: SheetGrid | undefined, marker: SheetGrid | undefined): UnitReturn {
  if (!marker || !form) throw new NotAReturn({ code: "return-unmarked" });
  const [unit, quarterText, sheet] = (marker.rows[1] ?? []).map((v) => cellText(v).trim());
  const sentByKey = new Map(marker.rows.slice(1).map((m) => [cellText(m[3] ?? null).trim(), cellText(m[4] ?? null).trim()] as const).filter(([k, v]) => k && v));
  const quarter = quarterText ? parseQuarter(quarterText) : undefined;
  if (!unit || !quarter) throw new NotAReturn({ code: "return-marker-incomplete" });
  const { row: header, col } = headerIndex(form);
  const q = quarterShortLabel(quarter.q);
  if (header < 0 || !col.has(`${q}进展`)) throw new NotAReturn({ code: "return-no-column", key: KEY_HEADER, progress: `${q}进展` });
  const get = (r: readonly unknown[], name: string) => cellText((r[col.get(name) ?? -1] ?? null) as never).trim();
  const rows: ReturnRow[] = [];
  let contact: { -readonly [K in keyof ReturnContact]: string } | undefined;
  for (const r of form.rows.slice(header + 1)) {
    const key = get(r, KEY_HEADER);
    const task = get(r, "目标任务");
    const signOff = key ? undefined : contactOf(r.map((v) => cellText(v ?? null).trim()));
    if (signOff) {
      contact = { filledBy: "", phone: "", head: "", ...contact, ...signOff };
      continue;
    }
    if (!key && !task) continue;
    rows.push({
      key,
      row: Number(key.split("#")[0]) || 0,
      no: get(r, "序号"),
      category: get(r, "工作类目"),
      task,
      lead: get(r, "牵头单位"),
      co: get(r, "配合单位"),
      role: get(r, "本单位") === "配合" ? "配合" : "牵头",
      deadline: get(r, "完成时限"),
      previous: get(r, "上季度进展") || get(r, PRIOR_HEADER),
      progress: get(r, `${q}进展`),
      ...(sentByKey.get(key) ? { sent: sentByKey.get(key) } : {}),
    });
  }
  return { unit, quarter, sheet: sheet ?? "", rows, ...(contact ? { contact } : {}) };
}

export interface MergeEdit {
  readonly cell: string;
  readonly row: number;
  readonly text: string;
}

export interface MergeReport {
  /** Tasks none of whose lead units wrote progress (a co-unit's contribution is no lead's report). */
  readonly unanswered: readonly { no: string; row: number; task: string }[];
  /** Tasks two lead units answered differently: both kept, labelled by unit. */
  readonly conflicts: readonly { no: string; row: number; units: readonly string[] }[];
  /** Rows returned by a unit not responsible for them (ignored). */
  readonly notResponsible: readonly { unit: string; no: string; row: number }[];
  /** Rows whose other cells the unit edited in its form (the edits are ignored; the progress is taken). */
  readonly editedOutside: readonly { unit: string; no: string; row: number; fields: readonly string[] }[];
  /** Rows of a return that match no task of the ledger. */
  readonly unmatched: readonly { unit: string; no: string; task: string }[];
  /** Progress that replaced text already in the ledger (the old text is here). */
  readonly replaced: readonly { cell: string; no: string; old: string }[];
  /** Returns for another quarter or another ledger sheet (ignored). */
  readonly otherQuarter: readonly { unit: string; quarter: string }[];
  /** Co-units' texts written in as contributions, labelled 【单位（配合）】 after the leads' progress. */
  readonly contributions?: readonly { unit: string; no: string; row: number; cell: string }[];
  /** A unit that returned more than one form: the later in the list replaced the earlier (`file`: the one taken). */
  readonly resubmitted?: readonly { unit: string; copies: number; file?: string }[];
}

/**
 * Puts each unit's progress into the ledger's cells for the quarter, and says what needs a look. A
 * lead unit's text is the task's progress; a co-unit's is a contribution, written after it under its
 * label (【区商务局（配合）】…), which never stands for the leads' report. A unit that returned twice
 * counts once: its later return (the later in `returns`, the order the files were chosen) replaces
 * the earlier.
 */
export function mergeReturns(ledger: Ledger, directory: Directory | undefined, returns: readonly UnitReturn[], quarter: Quarter): { edits: MergeEdit[]; report: MergeReport } {
  const byRow = new Map(ledger.tasks.map((t) => [t.row, t]));
  const answers = new Map<number, { unit: string; text: string; role: "牵头" | "配合" }[]>();
  const report = { unanswered: [], conflicts: [], notResponsible: [], editedOutside: [], unmatched: [], replaced: [], otherQuarter: [], contributions: [], resubmitted: [] } as {
    [K in keyof MergeReport]-?: NonNullable<MergeReport[K]> extends readonly (infer T)[] ? T[] : never;
  };
  const latest = new Map<string, UnitReturn>();
  const copies = new Map<string, number>();
  for (const r of returns) {
    if (formatQuarter(r.quarter) !== formatQuarter(quarter)) {
      report.otherQuarter.push({ unit: r.unit, quarter: formatQuarter(r.quarter) });
      continue;
    }
    latest.set(r.unit, r);
    copies.set(r.unit, (copies.get(r.unit) ?? 0) + 1);
  }
  for (const [unit, n] of copies) if (n > 1) report.resubmitted.push({ unit, copies: n, ...(latest.get(unit)!.file ? { file: latest.get(unit)!.file } : {}) });
  for (const r of latest.values()) {
    for (const row of r.rows) {
      // By the key; else by 序号 and a task text much like it (a copy that lost its key column).
      let task = byRow.get(row.row);
      if (!task || rowKey(task) !== row.key) {
        task = ledger.tasks.find((t) => t.no === row.no && textSimilarity(t.text.text, row.task, 0.8) >= 0.8) ?? ledger.tasks.find((t) => textSimilarity(t.text.text, row.task, 0.9) >= 0.9);
      }
      if (!task) {
        report.unmatched.push({ unit: r.unit, no: row.no, task: row.task });
        continue;
      }
      const mine = unitsOf(task).filter(({ unit }) => {
        const resolved = resolveUnit(unit.name, directory);
        return ("name" in resolved ? resolved.name : unit.name) === r.unit;
      });
      if (!mine.length) {
        report.notResponsible.push({ unit: r.unit, no: task.no, row: task.row });
        continue;
      }
      const role = mine.some((u) => u.role === "牵头") ? "牵头" : "配合";
      // What the unit changed in its form: against the form's record of the row as sent; a form without
      // one, against the ledger as it is now.
      const sent = row.sent?.split(".");
      const now: Record<(typeof SENT_FIELDS)[number][1], string> = { no: task.no, task: task.text.text, lead: task.lead?.text ?? "", co: task.co?.text ?? "" };
      const fields = SENT_FIELDS.filter(([, f], i) => (sent && sent.length === SENT_FIELDS.length ? fingerprint(row[f]) !== sent[i] : foldForCompare(row[f]) !== foldForCompare(now[f]))).map(([name]) => name);
      if (fields.length) report.editedOutside.push({ unit: r.unit, no: task.no, row: task.row, fields });
      if (row.progress) answers.set(task.row, [...(answers.get(task.row) ?? []), { unit: r.unit, text: row.progress, role }]);
    }
  }
  const edits: MergeEdit[] = [];
  // A single column whose cells accumulate the quarters: each answer is the quarter's part, added to the cell.
  const like = cumulativeLabel(ledger, quarter.q);
  for (const task of ledger.tasks) {
    const cell = progressOf(task, quarter.q);
    const own = like !== undefined ? cumulativeRow(cell, quarter.q).progress : (cell?.text ?? "");
    const ownLead = leadsText(own);
    const got = answers.get(task.row) ?? [];
    const leads = [...new Map(got.filter((a) => a.role === "牵头").map((a) => [foldForCompare(a.text), a])).values()];
    // A co-unit's form shows the leads' text: what it wrote beyond that is its contribution (none when it left the text as sent).
    const cos = got.flatMap((a) => {
      if (a.role !== "配合") return [];
      const text = a.text.trim();
      const beyond = ownLead && text.startsWith(ownLead) ? text.slice(ownLead.length).trim() : foldForCompare(text) === foldForCompare(ownLead) ? "" : text;
      return beyond ? [{ ...a, text: beyond }] : [];
    });
    if (!leads.length && !ownLead) report.unanswered.push({ no: task.no, row: task.row, task: task.text.text });
    if (got.length === 0 || !cell) continue;
    const leadAnswer = leads.length === 0 ? ownLead : leads.length === 1 ? leads[0]!.text : leads.map((a) => `【${a.unit}】${a.text}`).join("\n");
    if (leads.length > 1) report.conflicts.push({ no: task.no, row: task.row, units: leads.map((a) => a.unit) });
    // The contributions the cell holds from co-units not answering now are kept; an answering one's is replaced.
    const kept = contributionsOf(own).filter((c) => !cos.some((a) => c.startsWith(contributionLabel(a.unit))));
    for (const a of cos) report.contributions.push({ unit: a.unit, no: task.no, row: task.row, cell: cell.cell });
    const answer = [leadAnswer, ...kept, ...cos.map((a) => `${contributionLabel(a.unit)}${a.text}`)].filter(Boolean).join("\n");
    const text = like !== undefined ? withPart(cell.text, quarter.q, answer, like) : answer;
    const written = leadsText(like !== undefined ? cumulativeRow({ ...cell, text }, quarter.q).progress : text);
    if (ownLead && foldForCompare(ownLead) !== foldForCompare(written)) report.replaced.push({ cell: cell.cell, no: task.no, old: ownLead });
    if (cell.text !== text) edits.push({ cell: cell.cell, row: cell.row, text });
  }
  return { edits, report };
}
