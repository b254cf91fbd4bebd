// 目录: the department directory in use, a directory proposed from the units the ledger names, and
// the units the directory does not know.
import { proposalLayout, proposeDirectory, type ProposedUnit } from "../core/proposal";
import type { Ledger } from "../core/types";
import type { CheckOutcome } from "./check";
import type { WorkbookPort } from "./port";

export interface DirectoryReport {
  readonly proposed: readonly ProposedUnit[];
  /** Units not in the directory, with the cells that name them. */
  readonly unknown: readonly { readonly name: string; readonly cells: readonly string[] }[];
}

export function directoryReport(outcome: CheckOutcome): DirectoryReport {
  const unknown = new Map<string, string[]>();
  for (const f of outcome.result.findings) {
    if (f.kind !== "unknown-unit" || f.value === undefined) continue;
    unknown.set(f.value, [...(unknown.get(f.value) ?? []), f.cell]);
  }
  return { proposed: proposeDirectory(outcome.result.ledger), unknown: [...unknown].map(([name, cells]) => ({ name, cells })) };
}

/** Adds a 部门目录 sheet proposed from the ledger's units, for a person to review. Resolves to how many units. */
export async function createDirectory(port: WorkbookPort, ledger: Ledger): Promise<number> {
  const units = proposeDirectory(ledger);
  await port.addSheet(proposalLayout(units));
  return units.length;
}
