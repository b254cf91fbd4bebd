// 目录: the department directory in use, a directory proposed from the units the ledger names, and
// the units the directory does not know.
import { book, type CellEdit } from "./book";
import { proposalLayout, proposeDirectory, type ProposedUnit } from "../core/proposal";
import type { Ledger } from "../core/types";
import type { CheckOutcome } from "./check";
import { a1 } from "../core/address";
import { DIRECTORY_SHEET, directoryLayout, readDirectory } from "../core/directory";
import { cellText } from "../core/text";
import { AppError } from "./messages";
import type { WorkbookPort } from "./port";

export interface DirectoryReport {
  readonly proposed: readonly ProposedUnit[];
  /** Units not in the directory, with the cells that name them. */
  readonly unknown: readonly { readonly name: string; readonly cells: readonly string[]; readonly suggestions: readonly string[] }[];
}

export function directoryReport(outcome: CheckOutcome): DirectoryReport {
  const unknown = new Map<string, { cells: string[]; suggestions: readonly string[] }>();
  for (const f of outcome.result.findings) {
    // not-in-directory is a cause of unknown-unit findings only.
    if (f.cause !== "not-in-directory" || f.value === undefined) continue;
    const u = unknown.get(f.value) ?? { cells: [], suggestions: f.suggestions ?? [] };
    u.cells.push(f.cell);
    unknown.set(f.value, u);
  }
  return { proposed: proposeDirectory(outcome.result.ledger), unknown: [...unknown].map(([name, u]) => ({ name, ...u })) };
}

/** Adds a 部门目录 sheet proposed from the ledger's units, for a person to review. Resolves to how many units. */
export async function createDirectory(port: WorkbookPort, ledger: Ledger): Promise<number> {
  const units = proposeDirectory(ledger);
  await book(port).addSheet(proposalLayout(units));
  return units.length;
}

/** How an unknown unit goes into the directory: as a unit of its own, or as another spelling of one it lists. */
export type DirectoryAddition = { readonly as: "unit" } | { readonly as: "alias"; readonly of: string };

/** What was written into the 部门目录, for telling the person. */
export interface DirectoryAdded {
  readonly name: string;
  readonly as: "unit" | "alias";
  /** The unit it is an alias of. */
  readonly of?: string;
  /** The cells written (部门目录!A60). */
  readonly cells: readonly string[];
}

/**
 * 加入目录: a unit the check did not find is written into the workbook's 部门目录 — below its last unit
 * (状态 有效 where the sheet has that column), or into the 别名 of the unit it was suggested for (the
 * column added after the last one when the sheet has none). The sheet is read again first; only those
 * cells are written, so the person can take it back by editing the sheet.
 */
export async function addToDirectory(port: WorkbookPort, name: string, addition: DirectoryAddition): Promise<DirectoryAdded> {
  const info = await book(port).info();
  if (!info.sheets.some((s) => s.name === DIRECTORY_SHEET)) throw new AppError({ code: "directory-missing" });
  const [read] = await book(port).readSheets([{ name: DIRECTORY_SHEET }]);
  const grid = read!.grid;
  const layout = directoryLayout(grid, DIRECTORY_SHEET);
  const directory = readDirectory(grid, DIRECTORY_SHEET);
  // No unit name holds a space, and the directory reads a space in 别名 as between two names.
  const written = name.replace(/\s+/gu, "");
  const found = directory.match(written);
  if (found.kind !== "unknown") throw new AppError({ code: "unit-already-listed", name: written });
  const edits: CellEdit[] = [];
  if (addition.as === "unit") {
    const row = layout.lastRow + 1;
    edits.push({ cell: a1(row, layout.columns.name), text: written });
    if (layout.columns.status !== undefined) edits.push({ cell: a1(row, layout.columns.status), text: "有效" });
  } else {
    const entry = directory.entries.find((e) => e.name === addition.of && e.status === "active");
    if (!entry) throw new AppError({ code: "alias-target-missing", name: addition.of });
    const row = entry.row - 1;
    let col = layout.columns.aliases;
    if (col === undefined) {
      col = layout.width;
      edits.push({ cell: a1(layout.headerRow, col), text: "别名" });
    }
    // The row the directory read the unit from.
    const now = cellText(grid.rows[row]![col] ?? null).trim();
    edits.push({ cell: a1(row, col), text: now ? `${now}、${written}` : written });
  }
  await book(port).setTexts(DIRECTORY_SHEET, edits);
  return { name: written, as: addition.as, ...(addition.as === "alias" ? { of: addition.of } : {}), cells: edits.map((e) => `${DIRECTORY_SHEET}!${e.cell}`) };
}
