// 催办单: for each unit with missing or weak progress on tasks it leads, a short text to send at once
// (a message, a call) and an official document listing the items with their cells and the due date.
// A task with two problems is one item. The documents' bytes are made by the DocumentFiles port.
import { documentDate, type OfficialDocument } from "../core/document";
import { formatQuarter, quarterLabel, reportDue } from "../core/quarter";
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
}

export interface Reminder {
  readonly unit: string;
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
  const what = (i: ReminderItem) => (withProblems ? `（${i.problems.map((k) => kindName(k)).join("、")}）` : "");
  const numbered = shown.filter((i) => i.no).map((i) => `${i.no}${what(i)}`);
  const rows = shown.filter((i) => !i.no).map((i) => `第${i.row}行${what(i)}`);
  return [numbered.length ? `序号${numbered.join("、")}` : "", ...rows].filter(Boolean).join("、") + (items.length > max ? `等${items.length}项` : "");
}

const fileNameOf = (unit: string, q: Quarter) => `${unit.replace(/[\\/:*?"<>|]/g, "_")}-${formatQuarter(q)}催办单.docx`;

/** The 催办单 of every unit with missing or weak progress on the tasks it leads, most items first. */
export function reminders(outcome: CheckOutcome, today: Date): Reminder[] {
  const { result, workbook } = outcome;
  const office = issuingOffice(workbook.settings, result.ledger);
  const tasks = new Map(result.ledger.tasks.map((t) => [t.row, t]));
  const out: Reminder[] = [];
  for (const group of findingsByUnit(outcome)) {
    if (!group.unit) continue;
    const byCell = new Map<string, ReminderItem & { problems: FindingKind[] }>();
    for (const it of group.items) {
      const f = it.finding;
      if (it.role !== "lead" || !PROGRESS_KINDS.includes(f.kind)) continue;
      const item = byCell.get(f.cell);
      if (item) {
        if (!item.problems.includes(f.kind)) item.problems.push(f.kind);
        continue;
      }
      byCell.set(f.cell, { no: f.taskNo, row: f.row, cell: f.cell, task: tasks.get(f.row)?.text.text ?? it.task, problems: [f.kind], missing: false });
    }
    if (!byCell.size) continue;
    const items = [...byCell.values()].map((i) => ({ ...i, missing: i.problems.includes("missing-progress") }));
    out.push(reminderOf(group.unit, items, result.quarter, result.ledger.sheet, office, today));
  }
  return out.sort((a, b) => b.items.length - a.items.length || a.unit.localeCompare(b.unit, "zh"));
}

function reminderOf(unit: string, items: ReminderItem[], quarter: Quarter, sheet: string, office: IssuingOffice, today: Date): Reminder {
  const q = quarterLabel(quarter);
  const due = documentDate(isoDate(reportDue(quarter)));
  const made = documentDate(isoDate(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()))));
  const days = daysToDue(quarter, today);
  const missing = items.filter((i) => i.missing);
  const weak = items.filter((i) => !i.missing);
  const counts = [missing.length ? `${missing.length}项未报送进展` : "", weak.length ? `${weak.length}项进展需补充完善` : ""].filter(Boolean).join("、");
  const reply = days > 0 ? `请于${due}前在台账中报送` : "请于收到本催办单后3个工作日内在台账中补报，并说明未按时报送的原因";
  const text =
    `【催办】${unit}：${q}目标任务进展报送截止${due}（${dueWords(days)}）。你单位牵头的任务中，${counts}` +
    `（${[missing.length ? `未报送：${labels(missing)}` : "", weak.length ? `需完善：${labels(weak, 8, true)}` : ""].filter(Boolean).join("；")}）。` +
    `${reply.replace("本催办单", "本通知")}。${office.issuer} ${made}`;
  const document: OfficialDocument = {
    name: `${unit}${q}目标任务进展催办单`,
    title: `${q}目标任务进展催办单`,
    receiver: unit,
    blocks: [
      {
        kind: "paragraph",
        text: `按照要求，各责任单位应于${due}前报送${q}目标任务进展情况${days < 0 ? `，现已逾期${-days}天` : ""}。截至${made}，你单位牵头的任务中，${counts}，具体如下（台账工作表“${sheet}”）：`,
      },
      {
        kind: "table",
        header: ["序号", "任务", "问题", "单元格"],
        rows: items.map((i) => [i.no || `第${i.row}行`, excerpt(i.task, 120), i.problems.map((k) => kindName(k)).join("、"), i.cell]),
        widths: [9, 56, 22, 13],
        centred: [0, 3],
      },
      { kind: "paragraph", text: `${reply}。进展应写明本季度具体做了什么、完成多少（有量化目标的写明数字），不写套话，不照抄上季度。` },
    ],
    signature: { issuer: office.issuer, date: made },
  };
  return { unit, quarter, sheet, items, missing: missing.length, weak: weak.length, text, document, fileName: fileNameOf(unit, quarter) };
}

/** One unit's 催办单 as a file. */
export async function reminderFile(files: DocumentFiles, r: Reminder): Promise<FormFile> {
  return { name: r.fileName, bytes: await files.bytes(r.document) };
}

/** Every unit's 催办单 in one .zip. */
export async function remindersZipFile(files: DocumentFiles, list: readonly Reminder[]): Promise<FormFile> {
  const q = list[0] ? formatQuarter(list[0].quarter) : "";
  return { name: `催办单-${q}（${list.length}个单位）.zip`, bytes: await files.zip(list.map((r) => ({ name: r.fileName, doc: r.document }))) };
}
