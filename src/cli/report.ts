// The readable Chinese report of `duban check`, and its JSON form.
import { countByKind, FINDING_KINDS, formatQuarter, quarterLabel, reportDue } from "../core";
import type { CheckResult, Directory, Finding } from "../core";

export interface CheckJson {
  readonly file: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly tasks: number;
  readonly quarter: string;
  readonly directory: { readonly source: string; readonly units: number } | null;
  readonly counts: Record<string, number>;
  readonly notes: readonly string[];
  readonly findings: readonly Finding[];
}

export function checkJson(file: string, result: CheckResult, directory: Directory | undefined): CheckJson {
  return {
    file,
    sheet: result.ledger.sheet,
    headerRow: result.ledger.headerRow,
    tasks: result.ledger.tasks.length,
    quarter: formatQuarter(result.quarter),
    directory: directory ? { source: directory.source, units: directory.size } : null,
    counts: countByKind(result.findings),
    notes: result.notes,
    findings: result.findings.map((f) => ({
      kind: f.kind,
      cell: f.cell,
      row: f.row,
      taskNo: f.taskNo,
      ...(f.value !== undefined ? { value: f.value } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
      message: f.message,
    })),
  };
}

/** How many findings of one kind the text report lists before it says "… and N more". */
const LIST_LIMIT = 200;

export function checkReport(file: string, result: CheckResult, directory: Directory | undefined): string {
  const { ledger, quarter, findings } = result;
  const lines: string[] = [];
  lines.push("督办助手 · 检查完整性");
  lines.push(`文件：${file}`);
  lines.push(`工作表：${ledger.sheet}（表头在第 ${ledger.headerRow} 行，任务 ${ledger.tasks.length} 项）`);
  lines.push(`检查季度：${quarterLabel(quarter)}（报送截止 ${reportDue(quarter).toISOString().slice(0, 10)}）`);
  lines.push(directory ? `部门目录：${directory.source}（${directory.size} 个单位）` : "部门目录：无");
  for (const n of result.notes) lines.push(`提示：${n}`);
  lines.push("");
  const counts = countByKind(findings);
  if (findings.length === 0) {
    lines.push("没有发现问题：每项任务都有责任单位和本季度进展。");
    return lines.join("\n");
  }
  for (const { kind, label } of FINDING_KINDS) {
    const group = findings.filter((f) => f.kind === kind);
    if (group.length === 0) continue;
    lines.push(`【${label}】${group.length} 处`);
    for (const f of group.slice(0, LIST_LIMIT)) lines.push(`  ${f.message}`);
    if (group.length > LIST_LIMIT) lines.push(`  …… 另有 ${group.length - LIST_LIMIT} 处（用 --json 查看全部）`);
    lines.push("");
  }
  const summary = FINDING_KINDS.filter((k) => counts[k.kind] > 0)
    .map((k) => `${k.label} ${counts[k.kind]}`)
    .join("，");
  lines.push(`共 ${findings.length} 处问题：${summary}。`);
  lines.push("改正后再次运行 duban check 复查；单元格地址可在 Excel 名称框中输入直接跳转。");
  return lines.join("\n");
}
