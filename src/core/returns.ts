// Splitting a ledger into one form per responsible unit, and merging the forms they send back.
// Each row sent carries a key (the master row and a fingerprint of its task), so that returns find
// their row even when a unit's copy was sorted or filtered.
import { canonicalUnits, type Directory } from "./directory";
import type { LayoutColumn, SheetLayout } from "./layout";
import { textSimilarity } from "./progress";
import { formatQuarter, parseQuarter, previousQuarter, quarterLabel, quarterShortLabel } from "./quarter";
import { cellText, foldForCompare } from "./text";
import type { CellText, Ledger, Quarter, SheetGrid, Task } from "./types";

export const RETURN_SHEET = "进展填报";
export const RETURN_MARKER_SHEET = "_督办回报";
const KEY_HEADER = "督办键";

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
}

export interface UnitReturn {
  readonly unit: string;
  readonly quarter: Quarter;
  /** The master sheet the rows came from. */
  readonly sheet: string;
  readonly rows: readonly ReturnRow[];
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

/** One form per responsible unit (lead or co-unit, by its current name), with only its rows. */
export function splitLedger(ledger: Ledger, directory: Directory | undefined, quarter: Quarter): UnitReturn[] {
  const byUnit = new Map<string, ReturnRow[]>();
  const prev = previousQuarter(quarter);
  for (const t of ledger.tasks) {
    const leads = canonicalUnits(t.lead?.text, directory);
    const cos = canonicalUnits(t.co?.text, directory).filter((u) => !leads.includes(u));
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
          previous: prev ? (t.progress[prev.q]?.text ?? "") : "",
          progress: progressOf(t, quarter.q)?.text ?? "",
        });
        byUnit.set(unit, rows);
      }
    }
  }
  return [...byUnit]
    .sort((a, b) => a[0].localeCompare(b[0], "zh"))
    .map(([unit, rows]) => ({ unit, quarter, sheet: ledger.sheet, rows }));
}

/** The form a unit fills in: its rows, the quarter's progress open, the rest locked, the key hidden. */
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
    { header: "上季度进展", width: 28 },
    { header: `${q}进展`, width: 44, editable: true },
    { header: KEY_HEADER, width: 14, hidden: true },
  ];
  return [
    {
      name: RETURN_SHEET,
      title: `${r.unit} ${quarterLabel(r.quarter)}进展填报（请只填写“${q}进展”一列）`,
      columns,
      rows: r.rows.map((x) => [x.no, x.category, x.task, x.lead, x.co, x.role, x.deadline, x.previous, x.progress, x.key]),
      protect: true,
    },
    {
      name: RETURN_MARKER_SHEET,
      columns: [
        { header: "单位", width: 20 },
        { header: "季度", width: 10 },
        { header: "台账工作表", width: 20 },
      ],
      rows: [[r.unit, formatQuarter(r.quarter), r.sheet]],
      state: "veryHidden",
    },
  ];
}

/** Why a workbook is not a return, in Chinese. */
export class NotAReturn extends Error {}

function headerIndex(grid: SheetGrid): { row: number; col: Map<string, number> } {
  for (let r = 0; r < Math.min(5, grid.rows.length); r++) {
    const texts = (grid.rows[r] ?? []).map((v) => cellText(v).trim());
    if (texts.includes(KEY_HEADER)) return { row: r, col: new Map(texts.map((t, i) => [t, i])) };
  }
  return { row: -1, col: new Map() };
}

/** Reads a filled-in form back, from its sheet and its marker sheet. */
export function readReturn(form: SheetGrid | undefined, marker: SheetGrid | undefined): UnitReturn {
  if (!marker || !form) throw new NotAReturn("不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）");
  const [unit, quarterText, sheet] = (marker.rows[1] ?? []).map((v) => cellText(v).trim());
  const quarter = quarterText ? parseQuarter(quarterText) : undefined;
  if (!unit || !quarter) throw new NotAReturn("填报表的标识不完整（单位或季度缺失）");
  const { row: header, col } = headerIndex(form);
  const q = quarterShortLabel(quarter.q);
  if (header < 0 || !col.has(`${q}进展`)) throw new NotAReturn(`填报表中找不到“${KEY_HEADER}”或“${q}进展”列`);
  const get = (r: readonly unknown[], name: string) => cellText((r[col.get(name) ?? -1] ?? null) as never).trim();
  const rows: ReturnRow[] = [];
  for (const r of form.rows.slice(header + 1)) {
    const key = get(r, KEY_HEADER);
    const task = get(r, "目标任务");
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
      previous: get(r, "上季度进展"),
      progress: get(r, `${q}进展`),
    });
  }
  return { unit, quarter, sheet: sheet ?? "", rows };
}

export interface MergeEdit {
  readonly cell: string;
  readonly row: number;
  readonly text: string;
}

export interface MergeReport {
  /** Tasks no responsible unit wrote progress for. */
  readonly unanswered: readonly { no: string; row: number; task: string }[];
  /** Tasks two units answered differently: both kept, labelled by unit. */
  readonly conflicts: readonly { no: string; row: number; units: readonly string[] }[];
  /** Rows returned by a unit not responsible for them (ignored). */
  readonly notResponsible: readonly { unit: string; no: string; row: number }[];
  /** Rows whose other cells were edited (the edits are ignored; the progress is taken). */
  readonly editedOutside: readonly { unit: string; no: string; row: number; fields: readonly string[] }[];
  /** Rows of a return that match no task of the ledger. */
  readonly unmatched: readonly { unit: string; no: string; task: string }[];
  /** Progress that replaced text already in the ledger (the old text is here). */
  readonly replaced: readonly { cell: string; no: string; old: string }[];
  /** Returns for another quarter or another ledger sheet (ignored). */
  readonly otherQuarter: readonly { unit: string; quarter: string }[];
}

/** Puts each unit's progress into the ledger's cells for the quarter, and says what needs a look. */
export function mergeReturns(ledger: Ledger, directory: Directory | undefined, returns: readonly UnitReturn[], quarter: Quarter): { edits: MergeEdit[]; report: MergeReport } {
  const byRow = new Map(ledger.tasks.map((t) => [t.row, t]));
  const answers = new Map<number, { unit: string; text: string }[]>();
  const report = { unanswered: [], conflicts: [], notResponsible: [], editedOutside: [], unmatched: [], replaced: [], otherQuarter: [] } as {
    [K in keyof MergeReport]: MergeReport[K] extends readonly (infer T)[] ? T[] : never;
  };
  for (const r of returns) {
    if (formatQuarter(r.quarter) !== formatQuarter(quarter)) {
      report.otherQuarter.push({ unit: r.unit, quarter: formatQuarter(r.quarter) });
      continue;
    }
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
      const responsible = [...canonicalUnits(task.lead?.text, directory), ...canonicalUnits(task.co?.text, directory)];
      if (!responsible.includes(r.unit)) {
        report.notResponsible.push({ unit: r.unit, no: task.no, row: task.row });
        continue;
      }
      const fields = [
        ["序号", row.no, task.no],
        ["目标任务", row.task, task.text.text],
        ["牵头单位", row.lead, task.lead?.text ?? ""],
        ["配合单位", row.co, task.co?.text ?? ""],
      ]
        .filter(([, a, b]) => foldForCompare(a!) !== foldForCompare(b!))
        .map(([name]) => name!);
      if (fields.length) report.editedOutside.push({ unit: r.unit, no: task.no, row: task.row, fields });
      if (row.progress) answers.set(task.row, [...(answers.get(task.row) ?? []), { unit: r.unit, text: row.progress }]);
    }
  }
  const edits: MergeEdit[] = [];
  for (const task of ledger.tasks) {
    const cell = progressOf(task, quarter.q);
    const got = answers.get(task.row) ?? [];
    if (got.length === 0) {
      if (!cell?.text) report.unanswered.push({ no: task.no, row: task.row, task: task.text.text });
      continue;
    }
    if (!cell) continue;
    const distinct = [...new Map(got.map((a) => [foldForCompare(a.text), a])).values()];
    const text = distinct.length === 1 ? distinct[0]!.text : distinct.map((a) => `【${a.unit}】${a.text}`).join("\n");
    if (distinct.length > 1) report.conflicts.push({ no: task.no, row: task.row, units: distinct.map((a) => a.unit) });
    if (cell.text && foldForCompare(cell.text) !== foldForCompare(text)) report.replaced.push({ cell: cell.cell, no: task.no, old: cell.text });
    if (cell.text !== text) edits.push({ cell: cell.cell, row: cell.row, text });
  }
  return { edits, report };
}

/** One part of a merge's report: a title and one line per item, in Chinese. */
export interface ReportSection {
  readonly title: string;
  readonly items: readonly string[];
}

/** What a merge found, section by section (the empty ones left out), for the command line and the pane. */
export function mergeReportSections(report: MergeReport, notReturns: readonly string[] = []): ReportSection[] {
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);
  const sections: ReportSection[] = [
    { title: "不是填报表的文件", items: notReturns },
    { title: "其他季度的填报表（未合并）", items: report.otherQuarter.map((o) => `${o.unit}：${o.quarter}`) },
    { title: "没有单位填报的任务", items: report.unanswered.map((u) => `第${u.row}行 序号${u.no}：${cut(u.task, 30)}`) },
    { title: "多个单位填报不一致（都已保留，按单位标注）", items: report.conflicts.map((c) => `第${c.row}行 序号${c.no}：${c.units.join("、")}`) },
    { title: "非责任单位的填报（未合并）", items: report.notResponsible.map((n) => `${n.unit}：第${n.row}行 序号${n.no}`) },
    { title: "改动了进展以外的内容（改动未采用）", items: report.editedOutside.map((x) => `${x.unit}：第${x.row}行 序号${x.no}（${x.fields.join("、")}）`) },
    { title: "台账中找不到的行", items: report.unmatched.map((u) => `${u.unit}：序号${u.no} ${cut(u.task, 30)}`) },
    { title: "覆盖了台账原有内容（原内容如下）", items: report.replaced.map((r) => `${r.cell} 序号${r.no}：${cut(r.old, 40)}`) },
  ];
  return sections.filter((s) => s.items.length > 0);
}
