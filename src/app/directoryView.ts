// 目录 as the pane shows it after a check: the directory in use (or none, with the sheet it can propose),
// and the units the directory does not know, each with its cells and what the person may teach the
// directory about it. The pane only draws this.
import type { CheckOutcome } from "./check";
import { directoryReport } from "./directory";
import type { FindingOffer } from "./findings";
import { directorySourceName, paneText, words, type Lang } from "./messages";

export interface UnknownUnitLine {
  readonly name: string;
  readonly cells: readonly string[];
  /**
   * What 目录 offers: to add it, or to add it as another name of the unit suggested (the names are
   * corrected from the check's list, not here). Only where the directory is a sheet of the workbook.
   */
  readonly offer?: FindingOffer;
}

export interface DirectoryView {
  /** "部门目录工作表：42 个单位"; undefined when the workbook has no directory. */
  readonly inUse?: string;
  /** The button that proposes a 部门目录 sheet from the ledger's units, when there is none. */
  readonly propose?: string;
  readonly unknownHeading: string;
  readonly unknown: readonly UnknownUnitLine[];
}

export function directoryView(outcome: CheckOutcome, lang: Lang): DirectoryView {
  const ui = paneText(lang);
  const t = words(lang);
  const report = directoryReport(outcome);
  const { directory, directorySource } = outcome.workbook;
  const teachable = directorySource?.kind === "workbook";
  return {
    ...(directory && directorySource ? { inUse: ui.directoryUnits(directorySourceName(directorySource, lang), directory.size) } : {}),
    ...(!directory ? { propose: ui.counted(t("makeDirectory"), report.proposed.length) } : {}),
    unknownHeading: ui.counted(t("unknownUnits"), report.unknown.length),
    unknown: report.unknown.map((u) => ({
      name: u.name,
      cells: u.cells,
      ...(teachable ? { offer: { corrections: [], typo: false, addToDirectory: true, ...(u.suggestions[0] !== undefined ? { aliasOf: u.suggestions[0] } : {}) } } : {}),
    })),
  };
}
