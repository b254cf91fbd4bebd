// The readable Chinese report of `duban check`, and its JSON form (its sentences are src/app/messages.ts').
import { checkNotes, cliSays, directorySourceName, emptyQuarterNote, findingsByKind, findingText, say, type CheckOutcome } from "../app";
import { countByKind } from "../core/check";
import { formatQuarter } from "../core/quarter";
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

/** What the check says of how it read the workbook, and of a quarter whose column nobody has written in yet. */
function notesOf(outcome: CheckOutcome): string[] {
  const empty = emptyQuarterNote(outcome.result.ledger, outcome.result.quarter);
  return [...checkNotes(outcome), ...(empty ? [empty] : [])].map((m) => say(m, "zh", "cli"));
}

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
  lines.push(cliSays.checkTitle);
  lines.push(cliSays.checkFile(file));
  lines.push(cliSays.checkSheet(ledger.sheet, ledger.headerRow, ledger.tasks.length));
  lines.push(cliSays.checkQuarter(quarter));
  lines.push(cliSays.checkDirectory(workbook.directory ? workbook.directorySource : undefined, workbook.directory?.size ?? 0));
  for (const n of notesOf(outcome)) lines.push(cliSays.hint(n));
  lines.push("");
  if (findings.length === 0) {
    lines.push(cliSays.noFindings);
    return lines.join("\n");
  }
  const groups = findingsByKind(findings);
  for (const { kind, findings: group } of groups) {
    lines.push(cliSays.kindHead(kind, group.length));
    for (const f of group.slice(0, LIST_LIMIT)) lines.push(`  ${findingText(f)}`);
    if (group.length > LIST_LIMIT) lines.push(cliSays.moreFindings(group.length - LIST_LIMIT));
    lines.push("");
  }
  lines.push(cliSays.findingsTotal(findings.length, groups.map((g) => [g.kind, g.findings.length] as const)));
  lines.push(cliSays.checkAgain);
  return lines.join("\n");
}
