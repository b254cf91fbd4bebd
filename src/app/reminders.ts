// 催办单: for each unit with missing or weak progress on tasks it leads, a short text to send at once
// (a message, a call) and an official document listing the items with their cells and the due date.
// A task with two problems is one item. The documents' bytes are made by the DocumentFiles port.
import { readAsUnits } from "../core/check";
import { asOfWords, documentDate, type OfficialDocument } from "../core/document";
import { formatQuarter, quarterLabel, reportDue } from "../core/quarter";
import { partWords } from "../core/parts";
import { excerpt, isoDate } from "../core/text";
import type { FindingKind, Quarter } from "../core/types";
import { findingsByUnit } from "./byUnit";
import type { CheckOutcome } from "./check";
import { dueWords, kindName } from "./messages";
import { issuingOffice, type IssuingOffice } from "./office";
import type { DocumentFiles } from "./port";
import { daysToDue } from "./quarter";
import type { FormFile } from "./forms";

/** The progress problems a unit is chased for (unit-name problems are the office's own to correct). */
export const PROGRESS_KINDS: readonly FindingKind[] = ["missing-progress", "placeholder-progress", "stale-progress", "unquantified-progress", "overdue", "done-unsupported"];

export interface ReminderItem {
  readonly no: string;
  readonly row: number;
  /** The progress cell. */
  readonly cell: string;
  readonly task: string;
  readonly problems: readonly FindingKind[];
  /** No progress at all (else: progress to complete). */
  readonly missing: boolean;
  /** Where the cell accumulates the quarters: the quarter whose part is meant. */
  readonly part?: Quarter["q"];
}

/** A name the ledger writes that the directory does not list, read as the one unit suggested for it. */
export interface ReadAs {
  /** As the ledger writes it (区文旅句). */
  readonly written: string;
  /** The directory's unit it is counted under (区文化和旅游局). */
  readonly unit: string;
}

/**
 * A name the ledger writes that is no unit of the directory and has no one clear suggestion: no 催办单 is
 * addressed to it; the office checks it (单位名称待核对).
 */
export interface NameToCheck {
  readonly name: string;
  /** The cells that write it. */
  readonly cells: readonly string[];
  /** The units it may be (none, or several). */
  readonly suggestions: readonly string[];
}

export interface Reminder {
  readonly unit: string;
  /** Names the ledger writes for this unit that the directory does not list, counted under it. */
  readonly readAs: readonly ReadAs[];
  readonly quarter: Quarter;
  /** The ledger sheet the cells are on. */
  readonly sheet: string;
  readonly items: readonly ReminderItem[];
  readonly missing: number;
  readonly weak: number;
  /** The short text, to copy into a message. */
  readonly text: string;
  readonly document: OfficialDocument;
  readonly fileName: string;
}

/** 序号3、7、12 and 第40行: the numbered tasks under one 序号, at most `max`, then 等N项. */
function labels(items: readonly ReminderItem[], max = 12, withProblems = false): string {
  const shown = items.slice(0, max);
  const what = (i: ReminderItem) => (withProblems ? `（${i.problems.map((k) => kindName(k)).join("、")}${partWords(i.part)}）` : "");
  const numbered = shown.filter((i) => i.no).map((i) => `${i.no}${what(i)}`);
  const rows = shown.filter((i) => !i.no).map((i) => `第${i.row}行${what(i)}`);
  return [numbered.length ? `序号${numbered.join("、")}` : "", ...rows].filter(Boolean).join("、") + (items.length > max ? `等${items.length}项` : "");
}

const fileNameOf = (unit: string, q: Quarter) => `${unit.replace(/[\\/:*?"<>|]/g, "_")}-${formatQuarter(q)}催办单.docx`;

/**
 * The names the ledger writes that the directory does not list (unknown units): each one with one clear
 * suggestion is read as that unit; the others are the office's to check. Without a directory, none.
 */
export function unknownNames(outcome: CheckOutcome): { readonly readAs: ReadonlyMap<string, string>; readonly toCheck: readonly NameToCheck[] } {
  const toCheck = new Map<string, { cells: string[]; suggestions: readonly string[] }>();
  if (!outcome.workbook.directory) return { readAs: new Map(), toCheck: [] };
  const readAs = readAsUnits(outcome.result.findings);
  for (const f of outcome.result.findings) {
    if (f.kind !== "unknown-unit" || f.value === undefined || readAs.has(f.value)) continue;
    const suggestions = f.suggestions ?? [];
    const entry = toCheck.get(f.value) ?? { cells: [], suggestions };
    if (!entry.cells.includes(f.cell)) entry.cells.push(f.cell);
    toCheck.set(f.value, entry);
  }
  return { readAs, toCheck: [...toCheck].map(([name, e]) => ({ name, ...e })) };
}

/**
 * The 催办单 of every unit of the directory with missing or weak progress on the tasks it leads, most
 * items first. A name the directory does not list is counted under the unit it clearly stands for, and
 * said so; one that stands for no clear unit gets no 催办单 (unknownNames' toCheck lists it).
 */
export function reminders(outcome: CheckOutcome, today: Date): Reminder[] {
  const { result, workbook } = outcome;
  const office = issuingOffice(workbook.settings, result.ledger);
  const tasks = new Map(result.ledger.tasks.map((t) => [t.row, t]));
  const { readAs } = unknownNames(outcome);
  const directory = !!workbook.directory;
  type Chased = { items: Map<string, ReminderItem & { problems: FindingKind[] }>; readAs: ReadAs[] };
  const byUnit = new Map<string, Chased>();
  for (const group of findingsByUnit(outcome)) {
    if (!group.unit) continue;
    // A unit the directory does not list: counted under the one unit it stands for, else no 催办单.
    const unit = group.known || !directory ? group.unit : readAs.get(group.unit);
    if (!unit) continue;
    const entry: Chased = byUnit.get(unit) ?? { items: new Map(), readAs: [] };
    byUnit.set(unit, entry);
    for (const it of group.items) {
      const f = it.finding;
      if (it.role !== "lead" || !PROGRESS_KINDS.includes(f.kind)) continue;
      if (unit !== group.unit && !entry.readAs.some((r) => r.written === group.unit)) entry.readAs.push({ written: group.unit, unit });
      const item = entry.items.get(f.cell);
      if (item) {
        if (!item.problems.includes(f.kind)) item.problems.push(f.kind);
        continue;
      }
      entry.items.set(f.cell, { no: f.taskNo, row: f.row, cell: f.cell, task: tasks.get(f.row)?.text.text ?? it.task, problems: [f.kind], missing: false, ...(f.part ? { part: f.part } : {}) });
    }
  }
  const out: Reminder[] = [];
  for (const [unit, entry] of byUnit) {
    if (!entry.items.size) continue;
    // In the ledger's order: a unit's tasks written under another name come where they are.
    const items = [...entry.items.values()].sort((a, b) => a.row - b.row).map((i) => ({ ...i, missing: i.problems.includes("missing-progress") }));
    out.push(reminderOf(unit, items, entry.readAs, result.quarter, result.ledger.sheet, office, today));
  }
  return out.sort((a, b) => b.items.length - a.items.length || a.unit.localeCompare(b.unit, "zh"));
}

/** 原台账写作“区文旅句”，已按区文化和旅游局计 (the document's words, in Chinese as it is). */
function readAsText(readAs: readonly ReadAs[]): string {
  return readAs.map((r) => `原台账写作“${r.written}”，已按${r.unit}计`).join("；");
}

function reminderOf(unit: string, items: ReminderItem[], readAs: readonly ReadAs[], quarter: Quarter, sheet: string, office: IssuingOffice, today: Date): Reminder {
  const q = quarterLabel(quarter);
  const due = documentDate(isoDate(reportDue(quarter)));
  const isoToday = isoDate(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())));
  const made = documentDate(isoToday);
  const days = daysToDue(quarter, today);
  const missing = items.filter((i) => i.missing);
  const weak = items.filter((i) => !i.missing);
  const counts = [missing.length ? `${missing.length}项未报送进展` : "", weak.length ? `${weak.length}项进展需补充完善` : ""].filter(Boolean).join("、");
  const reply = days > 0 ? `请于${due}前在台账中报送` : "请于收到本催办单后3个工作日内在台账中补报，并说明未按时报送的原因";
  const text =
    `【催办】${unit}：${q}目标任务进展报送截止${due}（${dueWords(days)}）。你单位牵头的任务中，${counts}` +
    `（${[missing.length ? `未报送：${labels(missing)}` : "", weak.length ? `需完善：${labels(weak, 8, true)}` : ""].filter(Boolean).join("；")}）。` +
    `${reply.replace("本催办单", "本通知")}。${readAs.length ? `${readAsText(readAs)}。` : ""}${office.issuer} ${made}`;
  const document: OfficialDocument = {
    name: `${unit}${q}目标任务进展催办单`,
    title: `${q}目标任务进展催办单`,
    receiver: unit,
    blocks: [
      {
        kind: "paragraph",
        text: `按照要求，各责任单位应于${due}前报送${q}目标任务进展情况${days < 0 ? `，现已逾期${-days}天` : ""}。截至${asOfWords(quarter, isoToday, "催办单")}，你单位牵头的任务中，${counts}，具体如下（台账工作表“${sheet}”）：`,
      },
      {
        kind: "table",
        header: ["序号", "任务", "问题", "单元格"],
        rows: items.map((i) => [i.no || `第${i.row}行`, excerpt(i.task, 120), i.problems.map((k) => kindName(k)).join("、") + partWords(i.part), i.cell]),
        widths: [9, 56, 22, 13],
        centred: [0, 3],
      },
      { kind: "paragraph", text: `${reply}。进展应写明本季度具体做了什么、完成多少（有量化目标的写明数字），不写套话，不照抄上季度。` },
      ...(readAs.length ? [{ kind: "paragraph" as const, text: `${readAsText(readAs)}。` }] : []),
    ],
    signature: { issuer: office.issuer, date: made },
  };
  return { unit, readAs, quarter, sheet, items, missing: missing.length, weak: weak.length, text, document, fileName: fileNameOf(unit, quarter) };
}

/** One unit's 催办单 as a file. */
export async function reminderFile(files: DocumentFiles, r: Reminder): Promise<FormFile> {
  return { name: r.fileName, bytes: await files.bytes(r.document) };
}

/** The file beside the 催办单 that lists the names the office is to check. */
export const NAMES_TO_CHECK_FILE = "单位名称待核对.txt";

/** 单位名称待核对.txt: each name no 催办单 went to, with its cells and the units it may be (in Chinese, as the documents are). */
export function namesToCheckText(toCheck: readonly NameToCheck[]): string {
  const lines = toCheck.map((n) => `${n.name}（${n.cells.join("、")}）${n.suggestions.length ? `：可能是${n.suggestions.join("、")}` : "：部门目录中没有相近的单位"}`);
  return [`以下单位名称不在部门目录中，无法确定是哪个单位，未生成催办单。请在台账中改正，或把它加入部门目录后重新生成。`, "", ...lines, ""].join("\n");
}

/** Every unit's 催办单 in one .zip, with 单位名称待核对.txt beside them when a name is to check. */
export async function remindersZipFile(files: DocumentFiles, list: readonly Reminder[], toCheck: readonly NameToCheck[] = []): Promise<FormFile> {
  const q = list[0] ? formatQuarter(list[0].quarter) : "";
  const texts = toCheck.length ? [{ name: NAMES_TO_CHECK_FILE, text: namesToCheckText(toCheck) }] : [];
  return { name: `催办单-${q}（${list.length}个单位）.zip`, bytes: await files.zip(list.map((r) => ({ name: r.fileName, doc: r.document })), texts) };
}
