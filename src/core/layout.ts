// A new sheet described as plain data (a host writes it): title, columns, rows, and which columns
// merge runs of equal values, as printed ledgers merge their category cells.
import type { NoticeItem } from "./notice";
import type { CellValue } from "./types";

export interface LayoutColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Merge runs of equal values down this column. */
  readonly mergeRuns?: boolean;
}

export interface SheetLayout {
  readonly name: string;
  /** A title row above the header, merged across the table. */
  readonly title?: string;
  readonly columns: readonly LayoutColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Rows (0-based within `rows`) before which the header row is printed again, as a printed plan does. */
  readonly repeatHeaderBefore?: readonly number[];
}

/** The ledger a notice turns into: one row per item, four quarters of progress to fill in. */
export function noticeLedgerLayout(items: readonly NoticeItem[], name: string, title?: string): SheetLayout {
  const annexes = new Set(items.map((i) => i.annex ?? 0));
  const withAnnex = annexes.size > 1;
  const withCity = items.some((i) => i.cityLead.length > 0);
  const withCo = items.some((i) => i.co.length > 0);
  const columns: LayoutColumn[] = [
    ...(withAnnex ? [{ header: "附件", width: 6, mergeRuns: true }] : []),
    { header: "序号", width: 7 },
    { header: "类别", width: 14, mergeRuns: true },
    { header: "工作类目", width: 18, mergeRuns: true },
    { header: "目标任务", width: 48 },
    ...(withCity ? [{ header: "市级牵头单位", width: 18 }] : []),
    { header: "责任单位", width: 24 },
    ...(withCo ? [{ header: "配合单位", width: 18 }] : []),
    { header: "完成时限", width: 10 },
    { header: "一季度进展", width: 30 },
    { header: "二季度进展", width: 30 },
    { header: "三季度进展", width: 30 },
    { header: "四季度进展", width: 30 },
    { header: "备注", width: 16 },
  ];
  const rows = items.map((i) => [
    ...(withAnnex ? [i.annex === undefined ? "" : `附件${i.annex}`] : []),
    i.label,
    i.category[0] ?? "",
    i.category.slice(1).join(" / "),
    i.task,
    ...(withCity ? [i.cityLead.join("、")] : []),
    i.lead.join("、"),
    ...(withCo ? [i.co.join("、")] : []),
    "",
    "",
    "",
    "",
    "",
    i.flags.join("；"),
  ]);
  return { name, ...(title ? { title } : {}), columns, rows };
}
