// 汇总 as the pane shows it once the sheet is written: which sheet, and the figures a supervisor reads
// first (tasks and reported, the classes, where they come from and when the reports are due).
import { paneText, type Lang } from "./messages";
import type { SummaryMade } from "./summary";

export interface SummaryFigures {
  /** 已生成工作表“2025年第三季度汇总” (已更新 when it replaced the add-in's earlier one). */
  readonly made: string;
  readonly lines: readonly string[];
}

export function summaryFigures(made: SummaryMade, lang: Lang): SummaryFigures {
  const ui = paneText(lang);
  const { totals, due } = made.summary;
  return {
    made: ui.summaryMade(made.sheet, made.replaced),
    lines: [ui.summaryTotals(totals.tasks, totals.reported, totals.rate, totals.missing), ui.summaryClasses(totals.classes), ui.summarySource(made.outcome.result.ledger.sheet, due)],
  };
}
