// What the task pane does, without React: read through the host, check with the engine, mark, fix,
// summarise. The components only call these and show what they return.
import { check, FINDING_KINDS, readDirectory, type CheckResult, type Directory, type Finding, type FindingKind, type Quarter } from "../core";
import { DIRECTORY_SHEET } from "../core/directory";
import { LedgerError } from "../core/ledger";
import { markPlan } from "../core/marks";
import { readMetadata } from "../core/metadata";
import { proposeDirectory, type ProposedUnit } from "../core/proposal";
import { formatQuarter, parseQuarter } from "../core/quarter";
import { summarise, type Summary } from "../core/summary";
import { summarySheetName, summarySheetPlan } from "../core/summarySheet";
import { replaceUnit } from "../core/units";
import { noticeLedgerLayout } from "../core/layout";
import { noticeTitle, parseNotice, type NoticeItem } from "../core/notice";
import type { Settings, WorkbookHost, WorkbookSnapshot } from "../host/types";

export interface CheckOutcome {
  readonly snapshot: WorkbookSnapshot;
  readonly result: CheckResult;
  readonly directory?: Directory;
  /** How many cells were marked. */
  readonly marked: number;
}

/** A problem the pane can say in Chinese: bad ledger, bad directory, or a host failure. */
export function problemText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function directoryOf(snapshot: WorkbookSnapshot): Directory | undefined {
  return snapshot.directory ? readDirectory(snapshot.directory, `本工作簿“${DIRECTORY_SHEET}”工作表`) : undefined;
}

function quarterOf(settings: Settings, quarter?: Quarter): Quarter | undefined {
  return quarter ?? (settings.quarter ? parseQuarter(settings.quarter) : undefined);
}

/** 检查完整性: read, check, and mark the findings on the ledger (old marks are cleared first). */
export async function runCheck(host: WorkbookHost, options: { quarter?: Quarter; today?: Date; mark?: boolean } = {}): Promise<CheckOutcome> {
  const snapshot = await host.read();
  if (snapshot.ledger.rows.length === 0) {
    throw new LedgerError(`工作表“${snapshot.ledger.name}”是空的：请切换到台账所在的工作表，或在“设置”中选择台账工作表。`);
  }
  const directory = directoryOf(snapshot);
  const s = snapshot.settings;
  const quarter = quarterOf(s, options.quarter);
  const result = check(snapshot.ledger, directory, {
    ...(quarter ? { quarter } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(s.minProgressLength !== undefined ? { minProgressLength: s.minProgressLength } : {}),
    ...(s.staleSimilarity !== undefined ? { staleSimilarity: s.staleSimilarity } : {}),
    ...(s.headerRow !== undefined || s.columns ? { layout: { ...(s.headerRow !== undefined ? { headerRow: s.headerRow } : {}), ...(s.columns ? { columns: s.columns } : {}) } } : {}),
  });
  const marks = markPlan(result);
  if (options.mark !== false) await host.mark(result.ledger.sheet, marks);
  return { snapshot, result, ...(directory ? { directory } : {}), marked: options.mark === false ? 0 : marks.length };
}

/** Findings grouped by kind, the kinds in report order, for the list. */
export function groupFindings(findings: readonly Finding[]): Map<FindingKind, Finding[]> {
  const groups = new Map<FindingKind, Finding[]>();
  for (const { kind } of FINDING_KINDS) {
    const list = findings.filter((f) => f.kind === kind);
    if (list.length) groups.set(kind, list);
  }
  return groups;
}

/** 应用: replaces one unit inside its cell (keeping the others) with the suggested name. */
export async function applySuggestion(host: WorkbookHost, outcome: CheckOutcome, finding: Finding, name: string): Promise<string> {
  const task = outcome.result.ledger.tasks.find((t) => t.lead?.cell === finding.cell || t.co?.cell === finding.cell);
  const cell = task?.lead?.cell === finding.cell ? task.lead : task?.co;
  if (!cell || finding.value === undefined) throw new Error(`找不到 ${finding.cell} 的内容：请重新检查后再试。`);
  const text = replaceUnit(cell.text, finding.value, name);
  await host.setText(outcome.result.ledger.sheet, finding.cell, text);
  return text;
}

/** 全部应用: every finding of a kind that has a suggestion, cell by cell (a cell's units are fixed together). */
export async function applyAll(host: WorkbookHost, outcome: CheckOutcome, kind: FindingKind): Promise<number> {
  const byCell = new Map<string, { text: string; fixes: [string, string][] }>();
  for (const f of outcome.result.findings) {
    if (f.kind !== kind || !f.suggestions?.[0] || f.value === undefined) continue;
    const task = outcome.result.ledger.tasks.find((t) => t.lead?.cell === f.cell || t.co?.cell === f.cell);
    const cell = task?.lead?.cell === f.cell ? task.lead : task?.co;
    if (!cell) continue;
    const entry = byCell.get(f.cell) ?? { text: cell.text, fixes: [] };
    entry.fixes.push([f.value, f.suggestions[0]]);
    byCell.set(f.cell, entry);
  }
  for (const [address, { text, fixes }] of byCell) {
    const fixed = fixes.reduce((t, [from, to]) => replaceUnit(t, from, to), text);
    await host.setText(outcome.result.ledger.sheet, address, fixed);
  }
  return [...byCell.values()].reduce((n, e) => n + e.fixes.length, 0);
}

/** 生成汇总: the quarter's summary sheet, replacing only the add-in's own sheet for that quarter. */
export async function generateSummary(host: WorkbookHost, quarter: Quarter, today = new Date()): Promise<{ summary: Summary; sheet: string; replaced: boolean }> {
  const outcome = await runCheck(host, { quarter, today });
  const summary = summarise(outcome.result, outcome.directory, today);
  const meta = readMetadata(outcome.snapshot.metadata);
  const { name, replaces } = summarySheetName(quarter, outcome.snapshot.sheets.map((s) => s.name), meta, (s) => outcome.snapshot.stamps[s] ?? "");
  await host.writeSummary(summarySheetPlan(summary, name), replaces);
  const settings = { ...outcome.snapshot.settings, quarter: formatQuarter(quarter) };
  await host.saveSettings(settings);
  return { summary, sheet: name, replaced: replaces };
}

/** The directory proposed from the ledger's units, and the units it does not know. */
export function directoryReport(outcome: CheckOutcome): { proposed: ProposedUnit[]; unknown: { name: string; cells: string[] }[] } {
  const unknown = new Map<string, string[]>();
  for (const f of outcome.result.findings) {
    if (f.kind !== "unknown-unit" || f.value === undefined) continue;
    unknown.set(f.value, [...(unknown.get(f.value) ?? []), f.cell]);
  }
  return { proposed: proposeDirectory(outcome.result.ledger), unknown: [...unknown].map(([name, cells]) => ({ name, cells })) };
}

/** The sheet a pasted notice becomes. */
export const IMPORTED_SHEET = "责任分解台账";

/** 从通知导入: the items of a pasted notice (to show before anything is written). */
export function readNotice(text: string): { items: NoticeItem[]; title: string | undefined } {
  return { items: parseNotice(text), title: noticeTitle(text) };
}

/** Creates the ledger sheet from a pasted notice (never over an existing sheet). */
export async function createLedgerFromNotice(host: WorkbookHost, text: string): Promise<number> {
  const { items, title } = readNotice(text);
  if (items.length === 0) throw new Error("没有找到编号的任务：通知中的任务应写成“1. 任务内容”，后面一行写“责任单位：……”。");
  await host.addSheet(noticeLedgerLayout(items, IMPORTED_SHEET, title ?? "责任分解台账"));
  return items.length;
}
