// What the add-in remembers in a workbook, in a very hidden sheet: the summary sheets it made (so it
// replaces only those), each cell it marked with its original look (so marks clear exactly), and
// what the cells it last wrote held before (so that writing returned progress can be undone).
import { cellText } from "./text";
import type { CellValue, SheetGrid } from "./types";

export const METADATA_SHEET = "_督办助手";
const HEADER = ["类型", "工作表", "单元格", "键", "内容"] as const;

export interface SummaryRecord {
  /** The quarter, 2026Q3. */
  readonly key: string;
  readonly sheet: string;
  /** The stamp written on the sheet, checked before the sheet is replaced. */
  readonly stamp: string;
}

export interface MarkRecord {
  readonly sheet: string;
  readonly cell: string;
  /** The mark's kind. */
  readonly key: string;
  /** The cell's look before the mark, as the host that marked it wrote it (JSON). */
  readonly original: string;
}

/** A cell the add-in wrote into, and what it held before (one batch of writes is kept: the last). */
export interface WriteRecord {
  readonly sheet: string;
  readonly cell: string;
  /** What the batch was, for the person: 合并回报 2026Q1. */
  readonly label: string;
  /** The cell's value and number format before the write, as the host that wrote it stored them (JSON). */
  readonly original: string;
}

export interface Metadata {
  readonly summaries: readonly SummaryRecord[];
  readonly marks: readonly MarkRecord[];
  readonly writes: readonly WriteRecord[];
  /** The pane's settings as JSON, for hosts without a settings store of their own (.xlsx files). */
  readonly settings?: string;
}

export const EMPTY_METADATA: Metadata = { summaries: [], marks: [], writes: [] };

export function readMetadata(grid: SheetGrid | undefined): Metadata {
  if (!grid) return EMPTY_METADATA;
  const summaries: SummaryRecord[] = [];
  const marks: MarkRecord[] = [];
  const writes: WriteRecord[] = [];
  const seen = new Set<string>();
  let settings: string | undefined;
  grid.rows.forEach((row, i) => {
    if (i === 0) return;
    const [type, sheet, cell, key, content] = [0, 1, 2, 3, 4].map((c) => cellText(row[c] ?? null));
    // One record per cell: a write of this sheet that stopped half-way can leave a second copy below.
    const place = `${type}\u0000${sheet}\u0000${cell}`;
    if ((type === "mark" || type === "write") && seen.has(place)) return;
    seen.add(place);
    if (type === "summary") summaries.push({ key: key!, sheet: sheet!, stamp: content! });
    else if (type === "mark") marks.push({ sheet: sheet!, cell: cell!, key: key!, original: content! });
    else if (type === "write") writes.push({ sheet: sheet!, cell: cell!, label: key!, original: content! });
    else if (type === "settings") settings = content!;
  });
  return { summaries, marks, writes, ...(settings !== undefined ? { settings } : {}) };
}

/** The metadata sheet's rows, header first. */
export function metadataRows(meta: Metadata): CellValue[][] {
  return [
    [...HEADER],
    ...meta.summaries.map((s) => ["summary", s.sheet, "A1", s.key, s.stamp]),
    ...meta.marks.map((m) => ["mark", m.sheet, m.cell, m.key, m.original]),
    ...meta.writes.map((w) => ["write", w.sheet, w.cell, w.label, w.original]),
    ...(meta.settings !== undefined ? [["settings", "", "", "duban.settings", meta.settings]] : []),
  ];
}

/**
 * Marks recorded for a sheet that no longer exists, taken over by `sheet`: a ledger renamed between
 * two checks keeps its cell addresses, and its original looks must stay restorable. Only when one
 * missing sheet is named (with several, which became which cannot be told).
 */
export function adoptRenamedSheetMarks(meta: Metadata, existing: readonly string[], sheet: string): Metadata {
  const missing = [...new Set(meta.marks.map((m) => m.sheet).filter((s) => !existing.includes(s)))];
  if (missing.length !== 1) return meta;
  const own = new Set(meta.marks.filter((m) => m.sheet === sheet).map((m) => m.cell));
  return {
    ...meta,
    marks: meta.marks.flatMap((m) => (m.sheet !== missing[0] ? [m] : own.has(m.cell) ? [] : [{ ...m, sheet }])),
  };
}

/** Nothing left to remember: the metadata sheet can go. */
export function isEmptyMetadata(meta: Metadata): boolean {
  return meta.summaries.length === 0 && meta.marks.length === 0 && meta.writes.length === 0 && meta.settings === undefined;
}
