// Marks on the ledger: which cells to colour and why, as plain data a host applies. The host records
// each marked cell's original look in the workbook's metadata, so clearing restores it exactly.
import { parseA1 } from "./address";
import type { CheckResult, Finding, FindingKind } from "./types";

export type MarkKind = "missing" | "weak" | "unit";

/** Light fills, as Excel's "Good, Bad and Neutral" styles use. */
export const MARK_COLORS: Readonly<Record<MarkKind, string>> = {
  missing: "#FFC7CE", // light red: no progress
  unit: "#FCD5B4", // light orange: a unit to correct
  weak: "#FFEB9C", // light yellow: placeholder, stale, without figures, overdue, done without support
};

/** Which mark a finding gives; a cell with several findings takes the first in this order. */
const MARK_OF: Readonly<Record<FindingKind, MarkKind>> = {
  "missing-progress": "missing",
  "missing-unit": "unit",
  "unknown-unit": "unit",
  "renamed-unit": "unit",
  "placeholder-progress": "weak",
  "stale-progress": "weak",
  "unquantified-progress": "weak",
  overdue: "weak",
  "done-unsupported": "weak",
};
const SEVERITY: readonly MarkKind[] = ["missing", "unit", "weak"];

/** Notes written by the add-in start with this, so a person knows where they came from. */
export const NOTE_PREFIX = "督办助手：";

export interface Mark {
  readonly sheet: string;
  /** A1 address of the cell. */
  readonly cell: string;
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly kind: MarkKind;
  /** Fill colour, #RRGGBB. */
  readonly color: string;
  /** The note to show on the cell: why it is marked and what to do. */
  readonly note: string;
  readonly findings: readonly FindingKind[];
}

/**
 * One mark per cell with findings, coloured by its most serious finding. `say` gives a finding's
 * sentence for the cell's note (the note is written into the workbook, so in the workbook's language).
 */
export function markPlan(result: CheckResult, say: (finding: Finding) => string): Mark[] {
  const byCell = new Map<string, { kinds: FindingKind[]; messages: string[] }>();
  for (const f of result.findings) {
    let m = byCell.get(f.cell);
    if (!m) byCell.set(f.cell, (m = { kinds: [], messages: [] }));
    m.kinds.push(f.kind);
    const message = say(f);
    if (!m.messages.includes(message)) m.messages.push(message);
  }
  const marks: Mark[] = [];
  for (const [cell, m] of byCell) {
    const at = parseA1(cell)!;
    const kind = SEVERITY.find((k) => m.kinds.some((f) => MARK_OF[f] === k))!;
    marks.push({
      sheet: result.ledger.sheet,
      cell,
      row: at.row,
      col: at.col,
      kind,
      color: MARK_COLORS[kind],
      note: NOTE_PREFIX + m.messages.join("\n"),
      findings: m.kinds,
    });
  }
  return marks.sort((a, b) => a.row - b.row || a.col - b.col);
}
