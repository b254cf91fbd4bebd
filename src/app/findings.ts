// 检查's list, once for the pane and the command line: the findings by kind (as the marks are
// coloured), and what each finding offers the person — a correction of the unit written, or the
// directory (加入目录, 作为别名) — with a slip of one character offered as the correction first.
import { FINDING_KINDS } from "../core/check";
import { oneEditApart, type Directory } from "../core/directory";
import type { Finding, FindingKind } from "../core/types";
import { fixesOfKind, type CheckOutcome } from "./check";

/** The kinds whose findings a suggested name can correct (应用, 全部应用). */
export const FIXABLE_KINDS: readonly FindingKind[] = ["unknown-unit", "renamed-unit"];

/** One kind's findings, in reading order. */
export interface KindGroup {
  readonly kind: FindingKind;
  readonly findings: readonly Finding[];
}

/** Findings grouped by kind, the kinds in report order, the kinds with none left out. */
export function findingsByKind(findings: readonly Finding[]): KindGroup[] {
  const byKind = new Map<FindingKind, Finding[]>();
  for (const f of findings) {
    const list = byKind.get(f.kind);
    if (list) list.push(f);
    else byKind.set(f.kind, [f]);
  }
  return FINDING_KINDS.flatMap(({ kind }) => {
    const list = byKind.get(kind);
    return list ? [{ kind, findings: list }] : [];
  });
}

/** What a finding offers, in the order to offer it. */
export interface FindingOffer {
  /** Names to put in place of the one written (应用：…), best first. */
  readonly corrections: readonly string[];
  /**
   * The name written is one slip (a character added, left out or changed) from the first correction:
   * a typo to correct, not another name to remember. The correction is offered first and foremost.
   */
  readonly typo: boolean;
  /** The name written may be a real unit the directory lacks (加入目录). */
  readonly addToDirectory: boolean;
  /** The unit it may be another name of (作为“…”的别名). */
  readonly aliasOf?: string;
}

/** What the person can do about a finding from the list: correct the name, or teach the directory. */
export function findingOffer(f: Finding, directory: Directory | undefined): FindingOffer {
  const corrections = FIXABLE_KINDS.includes(f.kind) ? (f.suggestions ?? []) : [];
  // not-in-directory is a cause of unknown-unit findings only.
  const addToDirectory = f.cause === "not-in-directory" && f.value !== undefined;
  const first = corrections[0];
  const entry = directory?.entries.find((e) => e.name === first);
  // The first correction's spellings: its name and aliases in the directory, else the name suggested.
  const spellings = entry ? [entry.name, ...entry.aliases] : corrections.slice(0, 1);
  const typo = addToDirectory && spellings.some((s) => oneEditApart(f.value!, s));
  return { corrections, typo, addToDirectory, ...(addToDirectory && first !== undefined ? { aliasOf: first } : {}) };
}

/** How many cells 全部应用 corrects for a kind (each finding with a suggestion, but an alias several units share). */
export function fixableCount(outcome: CheckOutcome, kind: FindingKind): number {
  return fixesOfKind(outcome, kind).length;
}
