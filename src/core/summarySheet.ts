// The quarterly summary sheet as plain data: blocks of text and tables a host writes top to bottom,
// laid out for printing on A4 landscape. The host adds table styles, links and (where it can) a chart.
import { formatQuarter, quarterLabel, quarterShortLabel } from "./quarter";
import { changeText, scoreRulesText, type Summary } from "./summary";
import type { Metadata } from "./metadata";
import type { Quarter } from "./types";

/** A cell of the plan: text, a number, a share shown as a percentage, or a link to a cell of the ledger. */
export type PlanValue =
  | string
  | number
  | null
  | { readonly percent: number }
  | { readonly text: string; readonly link: { readonly sheet: string; readonly cell: string } };

export interface PlanText {
  readonly kind: "text";
  readonly style: "title" | "subtitle" | "heading" | "paragraph" | "note";
  readonly text: string;
}

export interface PlanTable {
  readonly kind: "table";
  /** A name unique in the workbook (Excel table names: letters, digits, underscores). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly PlanValue[])[];
}

/** A bar chart of a table's column, for hosts that draw charts. */
export interface PlanChart {
  readonly kind: "chart";
  readonly title: string;
  readonly table: string;
  readonly categoryColumn: number;
  readonly valueColumn: number;
}

export type PlanBlock = PlanText | PlanTable | PlanChart;

export interface SummarySheetPlan {
  readonly name: string;
  readonly quarter: string;
  /** Written in the sheet's second row; the metadata keeps it to recognise the sheet later. */
  readonly stamp: string;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly blocks: readonly PlanBlock[];
}

// One set of columns serves every table: A number, B the long text, C–H figures (C and D wider, for
// the unit and problem columns of the lists), I the traced 序号.
// J and K: the change on the quarter before and the score, where the ranking has them.
const WIDTHS = [8, 40, 16, 14, 12, 11, 11, 11, 24, 14, 9];
const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

export function summarySheetBaseName(q: Quarter): string {
  return quarterLabel(q) + "汇总";
}

/**
 * The name for a quarter's summary sheet: the sheet the add-in made for that quarter before (it is
 * replaced), else the base name, else the base name with (2), (3) … — never a sheet a person made.
 */
export function summarySheetName(q: Quarter, existing: readonly string[], meta: Metadata, stampOf: (sheet: string) => string): { name: string; replaces: boolean } {
  const key = formatQuarter(q);
  const own = meta.summaries.find((s) => s.key === key && existing.includes(s.sheet) && stampOf(s.sheet).startsWith(s.stamp));
  if (own) return { name: own.sheet, replaces: true };
  return { name: freeSheetName(summarySheetBaseName(q), existing), replaces: false };
}

/**
 * A name for a new sheet: `base` (without the characters sheet names refuse, at most 31 long) when no
 * sheet has it, else `base` with (2), (3) … — never the name of a sheet that exists.
 */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const name = base.replace(INVALID_SHEET_CHARS, "").slice(0, 31);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const numbered = `${name.slice(0, 31 - `(${i})`.length)}(${i})`;
    if (!taken.has(numbered.toLowerCase())) return numbered;
  }
}

const pct = (x: number) => ({ percent: x });

export function summarySheetPlan(s: Summary, name: string): SummarySheetPlan {
  const key = formatQuarter(s.quarter);
  const tableKey = key.replace(/\W/g, "");
  const stamp = `由督办助手生成（${key}，${s.made}）`;
  const t = s.totals;
  const blocks: PlanBlock[] = [
    { kind: "text", style: "title", text: `${quarterLabel(s.quarter)}${s.district || "区"}《政府工作报告》目标任务推进情况汇总` },
    {
      kind: "text",
      style: "subtitle",
      text: `${stamp} · 数据来源：工作表“${s.sheet}” · 报送截止：${s.due} · 任务 ${t.tasks} 项`,
    },
    { kind: "text", style: "heading", text: "一、总体情况" },
    {
      kind: "table",
      name: `Duban${tableKey}Totals`,
      header: ["序", "指标", "数值", "占比"],
      rows: [
        [1, "任务总数", t.tasks, pct(1)],
        [2, "已报送进展", t.reported, pct(t.rate)],
        [3, "未报送", t.missing, pct(t.tasks ? t.missing / t.tasks : 0)],
        [4, "进展只有套话", t.placeholder, pct(t.tasks ? t.placeholder / t.tasks : 0)],
        [5, "进展与上季度相同", t.stale, pct(t.tasks ? t.stale / t.tasks : 0)],
        [6, "进展缺少数据", t.unquantified, pct(t.tasks ? t.unquantified / t.tasks : 0)],
        [7, "已过完成时限", t.overdue, pct(t.tasks ? t.overdue / t.tasks : 0)],
        [8, "已完成", t.classes["已完成"], pct(t.tasks ? t.classes["已完成"] / t.tasks : 0)],
        [9, "超进度", t.classes["超进度"], pct(t.tasks ? t.classes["超进度"] / t.tasks : 0)],
        [10, "达进度", t.classes["达进度"], pct(t.tasks ? t.classes["达进度"] / t.tasks : 0)],
        [11, "欠进度", t.classes["欠进度"], pct(t.tasks ? t.classes["欠进度"] / t.tasks : 0)],
      ],
    },
    { kind: "text", style: "heading", text: "二、各牵头单位报送情况（按报送率排序）" },
    {
      kind: "table",
      name: `Duban${tableKey}Units`,
      header: [
        "排名", "牵头单位", "牵头任务", "配合任务", "已报送", "未报送", "进展较弱", "报送率", "未报送序号",
        ...(s.previousQuarter ? [`较${quarterShortLabel(s.previousQuarter.q)}`] : []),
        ...(s.scoring ? ["得分"] : []),
      ],
      rows: s.units.map((u) => [
        u.rank, u.unit, u.leads, u.coOwns, u.reported, u.missing, u.weak, pct(u.rate), u.missingTasks.join("、"),
        ...(s.previousQuarter ? [changeText(u.change)] : []),
        ...(s.scoring ? [u.score ?? 0] : []),
      ]),
    },
    { kind: "chart", title: "各牵头单位报送率", table: `Duban${tableKey}Units`, categoryColumn: 1, valueColumn: 7 },
    { kind: "text", style: "note", text: "报送率相同的单位并列，按单位名称排列。" + (s.scoring ? scoreRulesText(s.scoring) : "") },
    ...(s.unlisted.length
      ? [
          { kind: "text", style: "note", text: `以下 ${s.unlisted.length} 个单位不在部门目录中，不参加排名（请核对名称，或把它加入部门目录）：` } as PlanText,
          {
            kind: "table",
            name: `Duban${tableKey}Unlisted`,
            header: ["序", "单位（台账中的写法）", "牵头任务", "配合任务", "已报送", "未报送", "进展较弱", "报送率", "未报送序号"],
            rows: s.unlisted.map((u, i) => [i + 1, u.unit, u.leads, u.coOwns, u.reported, u.missing, u.weak, pct(u.rate), u.missingTasks.join("、")]),
          } as PlanTable,
        ]
      : []),
    { kind: "text", style: "heading", text: "三、各类目推进情况" },
    {
      kind: "table",
      name: `Duban${tableKey}Categories`,
      header: ["序", "类目", "任务数", "已报送", "未报送", "进展较弱", "已完成", "欠进度", "报送率"],
      rows: s.categories.map((c, i) => [i + 1, c.category, c.tasks, c.reported, c.missing, c.weak, c.done, c.behind, pct(c.rate)]),
    },
    { kind: "text", style: "heading", text: `四、缺报和进展较弱事项（${s.gapTasks.length} 项，点击“位置”跳到台账）` },
    s.gapTasks.length
      ? {
          kind: "table",
          name: `Duban${tableKey}Gaps`,
          header: ["序号", "任务", "牵头单位", "问题", "进度", "位置"],
          rows: s.gapTasks.map((g) => [g.no, g.task, g.lead, g.labels, g.taskClass, { text: `${s.sheet}!${g.cell}`, link: { sheet: s.sheet, cell: g.cell } }]),
        }
      : { kind: "text", style: "note", text: "无：每项任务都已报送进展。" },
    { kind: "text", style: "heading", text: `五、单位名称问题（${s.unitProblems.length} 处）` },
    s.unitProblems.length
      ? {
          kind: "table",
          name: `Duban${tableKey}UnitProblems`,
          header: ["序号", "写法", "问题", "建议", "位置"],
          rows: s.unitProblems.map((f) => [
            f.taskNo,
            f.value ?? "",
            f.kind === "missing-unit" ? "未填责任单位" : f.kind === "renamed-unit" ? "已更名或撤销" : "不在部门目录中",
            (f.suggestions ?? []).join("、"),
            { text: `${s.sheet}!${f.cell}`, link: { sheet: s.sheet, cell: f.cell } },
          ]),
        }
      : { kind: "text", style: "note", text: "无：所有责任单位都在部门目录中。" },
    { kind: "text", style: "heading", text: "六、通报（草稿，请核对后使用）" },
    ...s.bulletin.map((p): PlanText => ({ kind: "text", style: "paragraph", text: p })),
  ];
  return { name, quarter: key, stamp, widths: WIDTHS, blocks };
}
