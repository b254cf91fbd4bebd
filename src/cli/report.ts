// The readable Chinese report of `duban check`, and its JSON form.
import { directorySourceName, findingText, kindName, say, type CheckOutcome } from "../app";
import { countByKind, FINDING_KINDS } from "../core/check";
import { formatQuarter, quarterLabel, reportDue } from "../core/quarter";
import { isoDate } from "../core/text";
import type { Finding } from "../core/types";

/** A finding as printed: its codes and values (the quarter is the report's), and its sentence. */
export type FindingJson = Omit<Finding, "quarter"> & { readonly message: string };

export interface CheckJson {
  readonly file: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly tasks: number;
  readonly quarter: string;
  readonly directory: { readonly source: string; readonly units: number } | null;
  readonly counts: Record<string, number>;
  readonly notes: readonly string[];
  readonly findings: readonly FindingJson[];
}

const notesOf = (outcome: CheckOutcome) => [...outcome.workbook.notes, ...outcome.result.notes].map((m) => say(m, "zh", "cli"));

export function checkJson(file: string, outcome: CheckOutcome): CheckJson {
  const { result, workbook } = outcome;
  return {
    file,
    sheet: result.ledger.sheet,
    headerRow: result.ledger.headerRow,
    tasks: result.ledger.tasks.length,
    quarter: formatQuarter(result.quarter),
    directory: workbook.directory && workbook.directorySource ? { source: directorySourceName(workbook.directorySource), units: workbook.directory.size } : null,
    counts: countByKind(result.findings),
    notes: notesOf(outcome),
    findings: result.findings.map((f) => ({
      kind: f.kind,
      cell: f.cell,
      row: f.row,
      taskNo: f.taskNo,
      field: f.field,
      ...(f.value !== undefined ? { value: f.value } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
      ...(f.cause ? { cause: f.cause } : {}),
      ...(f.deadline ? { deadline: f.deadline } : {}),
      message: findingText(f),
    })),
  };
}

/** How many findings of one kind the text report lists before it says "… and N more". */
const LIST_LIMIT = 200;

export function checkReport(file: string, outcome: CheckOutcome): string {
  const { result, workbook } = outcome;
  const { ledger, quarter, findings } = result;
  const lines: string[] = [];
  lines.push("督办助手 · 检查完整性");
  lines.push(`文件：${file}`);
  lines.push(`工作表：${ledger.sheet}（表头在第 ${ledger.headerRow} 行，任务 ${ledger.tasks.length} 项）`);
  lines.push(`检查季度：${quarterLabel(quarter)}（报送截止 ${isoDate(reportDue(quarter))}）`);
  lines.push(workbook.directory && workbook.directorySource ? `部门目录：${directorySourceName(workbook.directorySource)}（${workbook.directory.size} 个单位）` : "部门目录：无");
  for (const n of notesOf(outcome)) lines.push(`提示：${n}`);
  lines.push("");
  if (findings.length === 0) {
    lines.push("没有发现问题：每项任务都有责任单位和本季度进展。");
    return lines.join("\n");
  }
  const counts = countByKind(findings);
  for (const { kind } of FINDING_KINDS) {
    const group = findings.filter((f) => f.kind === kind);
    if (group.length === 0) continue;
    lines.push(`【${kindName(kind)}】${group.length} 处`);
    for (const f of group.slice(0, LIST_LIMIT)) lines.push(`  ${findingText(f)}`);
    if (group.length > LIST_LIMIT) lines.push(`  …… 另有 ${group.length - LIST_LIMIT} 处（用 --json 查看全部）`);
    lines.push("");
  }
  const summary = FINDING_KINDS.filter((k) => counts[k.kind] > 0)
    .map((k) => `${kindName(k.kind)} ${counts[k.kind]}`)
    .join("，");
  lines.push(`共 ${findings.length} 处问题：${summary}。`);
  lines.push("改正后再次运行 duban check 复查；单元格地址可在 Excel 名称框中输入直接跳转。");
  return lines.join("\n");
}
