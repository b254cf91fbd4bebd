// 检查完整性 and what follows from it: the findings marked on the ledger, a suggested unit name put in
// its cell, the marks cleared. Every host and the command line run these same steps.
import { book, type CellEdit } from "./book";
import { checkLedger } from "../core/check";
import { readLedger } from "../core/ledger";
import { markPlan } from "../core/marks";
import { replaceUnit } from "../core/units";
import type { CheckResult, Finding, FindingKind, Ledger, Quarter } from "../core/types";
import { AppError, findingText, type Message } from "./messages";
import type { WorkbookPort } from "./port";
import { chooseQuarter, workbookDefaultQuarter } from "./quarter";
import { openWorkbook, type OpenedWorkbook, type OpenOptions } from "./workbook";

export interface CheckRequest extends OpenOptions {
  /** The quarter chosen; default: the one last worked on, else the ledger's (see quarter.ts). */
  readonly quarter?: Quarter;
  /** The person confirmed a quarter outside the ledger's year. */
  readonly confirmQuarter?: boolean;
  /** Mark the findings on the ledger (default true). */
  readonly mark?: boolean;
}

export interface CheckOutcome {
  readonly workbook: OpenedWorkbook;
  readonly result: CheckResult;
  /** The quarter the ledger is checked for when none is chosen. */
  readonly defaultQuarter: Quarter;
  /** Cells marked on the ledger by this check. */
  readonly marked: number;
  /** Cells the workbook has marked now, on any sheet (what 清除标记 would restore). */
  readonly markedInWorkbook: number;
}

/** The ledger as the settings say to read it (header row and columns a person set). */
export function ledgerOf(workbook: OpenedWorkbook): Ledger {
  const { headerRow, columns } = workbook.settings;
  return readLedger(workbook.ledger, { headerRow, columns });
}

/** The sentence a finding's mark carries in its cell's note (in the workbook, so in Chinese). */
export const markNote = (f: Finding): string => findingText(f, "zh");

/** 检查完整性: reads the workbook, checks the ledger for the quarter, and marks the findings (old marks cleared first). */
export async function runCheck(port: WorkbookPort, today: Date, request: CheckRequest = {}): Promise<CheckOutcome> {
  const workbook = await openWorkbook(port, request);
  const ledger = ledgerOf(workbook);
  const fallback = workbookDefaultQuarter(ledger, workbook.metadata, today);
  // The default is of the ledger's year: it needs no confirming.
  const quarter = chooseQuarter(ledger, request.quarter ?? fallback, today, request.confirmQuarter);
  const { minProgressLength, staleSimilarity } = workbook.settings;
  const result = checkLedger(ledger, workbook.directory, { quarter, minProgressLength, staleSimilarity });
  const marks = request.mark === false ? [] : markPlan(result, markNote);
  if (request.mark !== false) await book(port).mark(ledger.sheet, marks);
  const elsewhere = workbook.metadata.marks.filter((m) => m.sheet !== ledger.sheet).length;
  const before = workbook.metadata.marks.length;
  return {
    workbook,
    result,
    defaultQuarter: fallback,
    marked: marks.length,
    markedInWorkbook: request.mark === false ? before : elsewhere + marks.length,
  };
}

/**
 * What to say about how a check read the workbook, as it is now: the notes of the check and of its
 * ledger, except that the sheet the person was looking at (ledger-not-active) is said only while it
 * is still the active sheet (`active`, as last read; unknown: said).
 */
export function checkNotes(outcome: CheckOutcome, active?: string): Message[] {
  const notes = [...outcome.workbook.notes, ...outcome.result.notes];
  return notes.filter((m) => m.code !== "ledger-not-active" || active === undefined || m.active === active);
}

/** Restores every cell the add-in marked; resolves to how many. */
export function clearMarks(port: WorkbookPort, sheet?: string): Promise<number> {
  return book(port).clearMarks(sheet);
}

/** A unit to put in place of one written in a cell. */
export interface UnitFix {
  readonly finding: Finding;
  readonly name: string;
}

/**
 * 应用 / 全部应用: replaces units inside their cells (keeping the others) with the names chosen, one
 * batch of writes. The cells are read again first: a cell changed since the check is left alone
 * unless it still names the unit. Resolves to the fixes made.
 */
export async function applyFixes(port: WorkbookPort, outcome: CheckOutcome, fixes: readonly UnitFix[]): Promise<number> {
  const fresh = ledgerOf(await openWorkbook(port, { sheet: outcome.result.ledger.sheet }));
  const textOf = new Map<string, string>();
  for (const t of fresh.tasks) for (const c of [t.lead, t.co]) if (c) textOf.set(c.cell, c.text);
  // A cell that holds a formula is never written over (its text is what the formula computes): one fix
  // is refused with why; 全部应用 leaves it out.
  const contents = (await port.read({ contents: [{ sheet: fresh.sheet, cells: [...new Set(fixes.map((f) => f.finding.cell))] }] })).contents.get(fresh.sheet);
  const formula = (cell: string) => String(contents?.get(cell)?.formula ?? "").startsWith("=");
  const byCell = new Map<string, string>();
  let made = 0;
  for (const { finding, name } of fixes) {
    if (formula(finding.cell)) {
      if (fixes.length === 1) throw new AppError({ code: "finding-formula", cell: finding.cell });
      continue;
    }
    const now = byCell.get(finding.cell) ?? textOf.get(finding.cell);
    if (now === undefined || finding.value === undefined) throw new AppError({ code: "finding-stale", cell: finding.cell });
    const fixed = replaceUnit(now, finding.value, name);
    if (fixed === now) {
      if (fixes.length === 1) throw new AppError({ code: "finding-stale", cell: finding.cell });
      continue;
    }
    byCell.set(finding.cell, fixed);
    made++;
  }
  const edits: CellEdit[] = [...byCell].map(([cell, text]) => ({ cell, text }));
  if (edits.length) await book(port).setTexts(fresh.sheet, edits);
  return made;
}

/** 全部应用 for a kind: every finding of the kind that has a suggestion, with its first suggestion. */
export function fixesOfKind(outcome: CheckOutcome, kind: FindingKind): UnitFix[] {
  return outcome.result.findings.filter((f) => f.kind === kind && f.value !== undefined && f.suggestions?.[0] && f.cause !== "shared-alias").map((f) => ({ finding: f, name: f.suggestions![0]! }));
}
