// Every procedure that writes a workbook, once, as a program over the port's primitives: marking and
// exact restore, clearing, writing texts and undoing the last batch (a batch that stopped half-way
// included), adding a laid-out sheet, writing the summary sheet as a draft swapped in at the old tab
// position, saving settings, and the metadata sheet's life. Hosts only read and apply
// (src/app/port.ts); nothing here is decided twice.
import { parseA1 } from "../core/address";
import { layoutOps, summaryOps } from "../core/drawing";
import type { SheetLayout } from "../core/layout";
import { noteOnClear, noteOnMark } from "../core/markNotes";
import type { Mark } from "../core/marks";
import { adoptRenamedSheetMarks, EMPTY_METADATA, isEmptyMetadata, METADATA_SHEET, metadataRows, readMetadata, type MarkRecord, type Metadata } from "../core/metadata";
import { contentText, decodeLook, decodeWritten, encodeLook, encodeWritten, lookWithNote } from "../core/records";
import type { SummarySheetPlan } from "../core/summarySheet";
import { cellText } from "../core/text";
import type { HostAction, HostMessage } from "./messages";
import { HostError, type CellLook, type Fill, type Op, type ReadRequest, type SheetGrid, type SheetInfo, type SheetRead, type SheetRequest, type WorkbookPort, type WorkbookRead } from "./port";

/** What a workbook holds, read in one round trip. */
export interface WorkbookInfo {
  /** The sheets in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** The sheet the person is looking at. */
  readonly active: string;
  /** The add-in's very hidden metadata sheet (`_督办助手`), when there is one. */
  readonly metadata?: SheetGrid;
  /** Settings an earlier version kept outside the metadata sheet (Excel's workbook settings), as stored. */
  readonly legacySettings?: string;
}

/** A text to write into one cell. */
export interface CellEdit {
  readonly cell: string;
  readonly text: string;
}

/** What undoing the last batch of writes did. */
export interface UndoneWrites {
  /** The batch's label: 合并回报 2026Q1. */
  readonly label: string;
  /** Cells put back as they were. */
  readonly restored: number;
  /** Cells changed by someone since the write: left as they are now (Sheet!A1). */
  readonly kept: readonly string[];
}

/** The name a summary sheet is drawn under, until it is whole and takes the quarter's name. */
export const SUMMARY_DRAFT_SHEET = "_督办助手_汇总草稿";

type Failure = Extract<HostMessage, { code: "excel-failed" }>;

/** A failure to apply, with what the person can do about it. */
function failed(e: unknown, more: Partial<Failure>): unknown {
  return e instanceof HostError && e.detail.code === "excel-failed" ? new HostError({ ...e.detail, ...more }, e.details) : e;
}

const hasSheet = (r: WorkbookRead, name: string) => r.sheets.some((s) => s.name === name);

/**
 * The operations that store `meta`: the metadata sheet's rows, or its removal when there is nothing
 * left to remember. Refused before anything is written when the sheet must be added and the
 * workbook's structure is protected.
 */
function metadataOps(r: WorkbookRead, meta: Metadata): Op[] {
  const exists = hasSheet(r, METADATA_SHEET);
  if (isEmptyMetadata(meta)) return exists ? [{ op: "deleteSheet", name: METADATA_SHEET }] : [];
  if (!exists && r.structureProtected) throw new HostError({ code: "workbook-protected" });
  return [{ op: "metadata", rows: metadataRows(meta).map((row) => row.map((v) => cellText(v ?? null))) }];
}

function refuseProtected(r: WorkbookRead, action: HostAction): void {
  const locked = r.protectedSheets[0];
  if (locked !== undefined) throw new HostError({ code: "sheet-protected", sheet: locked, action });
}

/** Cells by sheet, each once. */
function bySheet<T extends { sheet: string; cell: string }>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) out.set(r.sheet, [...(out.get(r.sheet) ?? []), r]);
  return out;
}

/**
 * The operations that put marked cells back as they were: the fill (grouped, one operation per fill),
 * and the note while it is the one the add-in wrote. `looks` are the cells' looks now.
 */
function restoreOps(sheet: string, records: readonly MarkRecord[], looks: ReadonlyMap<string, CellLook> | undefined): Op[] {
  const byFill = new Map<string, { fill: Fill | null; cells: string[] }>();
  const notes: Op[] = [];
  for (const r of records) {
    const o = decodeLook(r.original);
    const key = JSON.stringify(o.fill);
    const group = byFill.get(key) ?? { fill: o.fill, cells: [] };
    group.cells.push(r.cell);
    byFill.set(key, group);
    const now = looks?.get(r.cell)?.note;
    if (now === undefined) continue;
    const change = noteOnClear(now, o.note);
    // A note is there now (where there is none, there is nothing to put back).
    if (!change.keep) notes.push({ op: "note", sheet, cell: r.cell, text: change.put, had: true });
  }
  return [...[...byFill.values()].map(({ fill, cells }): Op => ({ op: "fill", sheet, cells, fill })), ...notes];
}

/** A workbook through its port: every procedure, each a read and an apply. */
export class Book {
  /** The metadata as last read, to read the looks of the cells marked then with those about to be marked. */
  private known: Metadata = EMPTY_METADATA;

  constructor(readonly port: WorkbookPort) {}

  /** Reads for a procedure: a failure is that procedure's (`action`), as the person asked for it. */
  private async read(request: ReadRequest, action: HostAction = "read"): Promise<WorkbookRead> {
    let r: WorkbookRead;
    try {
      r = await this.port.read(request);
    } catch (e) {
      throw failed(e, { action });
    }
    if (request.metadata) this.known = readMetadata(r.metadata);
    return r;
  }

  private async apply(ops: readonly Op[], action: HostAction, more: Partial<Failure> = {}): Promise<void> {
    try {
      await this.port.apply(ops, action);
    } catch (e) {
      throw failed(e, more);
    }
  }

  /** The sheets, the active one, the metadata sheet's cells, an earlier version's settings. */
  async info(): Promise<WorkbookInfo> {
    const r = await this.read({ metadata: true, legacySettings: true });
    return { sheets: r.sheets, active: r.active, ...(r.metadata ? { metadata: r.metadata } : {}), ...(r.legacySettings !== undefined ? { legacySettings: r.legacySettings } : {}) };
  }

  /** Sheets' values, merged areas and hidden rows, in one round trip. A sheet that does not exist is an error. */
  async readSheets(requests: readonly SheetRequest[]): Promise<SheetRead[]> {
    if (requests.length === 0) return [];
    return [...(await this.read({ grids: requests })).grids];
  }

  /**
   * Marks these cells on `sheet`, recording each one's look first; earlier marks on the sheet not
   * marked again are put back, or kept as they are with `keepOthers` (a unit marking its own tasks
   * leaves the office's other marks). A cell marked again keeps its first recorded look. Resolves to
   * how many cells of the workbook are marked now (on every sheet).
   */
  async mark(sheet: string, marks: readonly Mark[], { keepOthers = false }: { readonly keepOthers?: boolean } = {}): Promise<number> {
    const hinted = this.known.marks.filter((m) => m.sheet === sheet).map((m) => m.cell);
    const cells = [...new Set([...marks.map((m) => m.cell), ...hinted])];
    const r = await this.read({ metadata: true, looks: [{ sheet, cells }], protection: [sheet] }, "mark");
    if (!hasSheet(r, sheet)) throw new HostError({ code: "sheet-missing", sheet });
    refuseProtected(r, "mark");
    const meta = adoptRenamedSheetMarks(readMetadata(r.metadata), r.sheets.map((s) => s.name), sheet);
    const old = meta.marks.filter((m) => m.sheet === sheet);
    const looks = new Map(r.looks.get(sheet));
    // Marked since the last read (by someone else): their looks in one more read.
    const unread = old.filter((m) => !looks.has(m.cell)).map((m) => m.cell);
    if (unread.length) for (const [cell, look] of (await this.read({ looks: [{ sheet, cells: unread }] }, "mark")).looks.get(sheet) ?? []) looks.set(cell, look);
    const earlier = new Map(old.map((m) => [m.cell, m]));
    const marked = new Set(marks.map((m) => m.cell));
    const planned = marks.map((m) => {
      const look = looks.get(m.cell) ?? { fill: null, note: undefined, noteWritable: false };
      const was = earlier.get(m.cell);
      const note = noteOnMark(look.note, was ? decodeLook(was.original).note : undefined, m.note, look.noteWritable);
      const original = was ? lookWithNote(was.original, note.record) : encodeLook({ fill: look.fill, note: note.record });
      // Until the write is whole, a cell marked again holds the note of its earlier mark or the new one:
      // meanwhile its record tells the add-in's note by its prefix (as records before digests did), which knows both.
      const meanwhile = was && note.write !== undefined ? lookWithNote(was.original, { before: note.record.before, wrote: undefined }) : original;
      const record = { sheet, cell: m.cell, key: m.kind, original };
      return { mark: m, write: note.write, had: typeof look.note === "string", record, meanwhile: { ...record, original: meanwhile } };
    });
    const records = planned.map((p) => p.record);
    const others = meta.marks.filter((m) => m.sheet !== sheet || (keepOthers && !marked.has(m.cell)));
    const byColor = new Map<string, string[]>();
    for (const m of marks) byColor.set(m.color, [...(byColor.get(m.color) ?? []), m.cell]);
    const unmarked = keepOthers ? [] : old.filter((m) => !marked.has(m.cell));
    const final = { ...meta, marks: [...others, ...records] };
    // First the looks of every cell this write touches (old marks and new): should it stop half-way,
    // 清除标记 still puts all of them back. Where there was no metadata sheet, this adds it, and `final`
    // (then as many records as `touched`) is written into it, never taken for a removal.
    const touched = { ...meta, marks: [...others, ...unmarked, ...planned.map((p) => p.meanwhile)] };
    const before = isEmptyMetadata(touched) ? [] : metadataOps(r, touched);
    const ops: Op[] = [
      ...before,
      ...restoreOps(sheet, unmarked, looks),
      ...[...byColor].map(([color, cells]): Op => ({ op: "fill", sheet, cells, fill: { color } })),
      ...planned.flatMap((p): Op[] => (p.write === undefined ? [] : [{ op: "note", sheet, cell: p.mark.cell, text: p.write, had: p.had }])),
      ...metadataOps(r, final),
    ];
    await this.apply(ops, "mark", { recovery: "clear-marks" });
    this.known = final;
    return final.marks.length;
  }

  /**
   * Puts back every cell the add-in marked, on `sheet` or on every sheet, and forgets those marks.
   * Marks recorded for a sheet that no longer exists are kept (a renamed ledger takes them over at
   * its next check). Resolves to how many cells were put back.
   */
  async clearMarks(sheet?: string): Promise<number> {
    const first = await this.read({ metadata: true }, "clear");
    const names = first.sheets.map((s) => s.name);
    const meta = sheet === undefined ? readMetadata(first.metadata) : adoptRenamedSheetMarks(readMetadata(first.metadata), names, sheet);
    const clear = meta.marks.filter((m) => (sheet === undefined || m.sheet === sheet) && names.includes(m.sheet));
    if (clear.length === 0) return 0;
    const sheets = bySheet(clear);
    const r = await this.read({ looks: [...sheets].map(([s, records]) => ({ sheet: s, cells: records.map((m) => m.cell) })), protection: [...sheets.keys()] }, "clear");
    refuseProtected(r, "clear");
    const cleared = new Set(clear);
    const after = { ...meta, marks: meta.marks.filter((m) => !cleared.has(m)) };
    await this.apply([...[...sheets].flatMap(([s, records]) => restoreOps(s, records, r.looks.get(s))), ...metadataOps(first, after)], "clear");
    this.known = after;
    return clear.length;
  }

  /**
   * Writes the summary sheet. It is drawn under a name of the add-in's own and takes the quarter's name
   * only once whole, at the tab of the sheet it replaces (`replaces`: the add-in's own sheet of that
   * name): a write that stops half-way leaves the old summary, or the new one, never neither.
   */
  async writeSummary(plan: SummarySheetPlan, replaces: boolean): Promise<void> {
    const r = await this.read({ metadata: true, tables: true }, "summary");
    const exists = hasSheet(r, plan.name);
    if (exists && !replaces) throw new HostError({ code: "sheet-exists", sheet: plan.name });
    if (r.structureProtected) throw new HostError({ code: "workbook-protected" });
    const names = r.sheets.map((s) => s.name).filter((n) => n !== SUMMARY_DRAFT_SHEET);
    const old = replaces && exists;
    const ops: Op[] = [];
    // A draft left by a write that stopped and could not clean up is the add-in's own.
    if (hasSheet(r, SUMMARY_DRAFT_SHEET)) ops.push({ op: "deleteSheet", name: SUMMARY_DRAFT_SHEET });
    const meta = readMetadata(r.metadata);
    const recorded = { ...meta, summaries: [...meta.summaries.filter((s) => s.key !== plan.quarter), { key: plan.quarter, sheet: plan.name, stamp: plan.stamp }] };
    // The old sheet's tables go with it, before the new ones are named (a sheet of the plan's name is
    // here only when it is the one replaced), and so do a draft's.
    const takenTables = (r.tables ?? []).filter((t) => t.sheet !== plan.name && t.sheet !== SUMMARY_DRAFT_SHEET).map((t) => t.name);
    const drawn = summaryOps(plan, SUMMARY_DRAFT_SHEET, { ...positionOf(names, old ? plan.name : undefined), lacks: this.port.lacks, takenTables });
    ops.push(...drawn.draw);
    if (old) ops.push({ op: "deleteSheet", name: plan.name });
    ops.push({ op: "renameSheet", from: SUMMARY_DRAFT_SHEET, to: plan.name }, ...metadataOps(r, recorded), ...drawn.tables, { op: "activate", sheet: plan.name, cell: "A1" });
    try {
      await this.port.apply(ops, "summary");
    } catch (e) {
      const outcome = await this.settleSummary(plan.name, plan.stamp, old, recorded);
      if (outcome === "done") return;
      throw failed(e, outcome === "kept" ? { keptSheet: plan.name } : outcome === "removed" ? { removedSheet: plan.name } : {});
    }
  }

  /**
   * After a summary write that stopped: the draft, if there is one, goes, unless the old sheet is
   * already gone (the draft was whole by then, and takes its name). Resolves to what the person has:
   * the old summary kept, the draft removed, the new one done, or nothing known; never throws.
   */
  private async settleSummary(name: string, stamp: string, old: boolean, recorded: Metadata): Promise<"kept" | "removed" | "done" | "unknown"> {
    try {
      const r = await this.read({ metadata: true });
      const draft = hasSheet(r, SUMMARY_DRAFT_SHEET);
      const named = hasSheet(r, name);
      if (draft && (named || !old)) {
        await this.port.apply([{ op: "deleteSheet", name: SUMMARY_DRAFT_SHEET }], "summary");
        return old ? "kept" : "removed";
      }
      if (!draft && !named) return "unknown";
      // Replacing, and no draft: stopped before the draft was added (the old sheet, as it was) or
      // after it took the name (the new one); the stamp in its second row tells which.
      if (!draft && old && !cellText((await this.port.read({ grids: [{ name, rows: 2 }] })).grids[0]!.grid.rows[1]?.[0] ?? null).startsWith(stamp)) return "kept";
      // The draft takes the name, and this write's record is stored (again, where it was before the
      // stop: the same rows).
      const ops: Op[] = draft ? [{ op: "renameSheet", from: SUMMARY_DRAFT_SHEET, to: name }] : [];
      ops.push(...metadataOps(r, { ...readMetadata(r.metadata), summaries: recorded.summaries }));
      await this.port.apply([...ops, { op: "activate", sheet: name, cell: "A1" }], "summary");
      return "done";
    } catch {
      return "unknown";
    }
  }

  /** Shows a cell: activates its sheet and selects it. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.apply([{ op: "activate", sheet, cell }], "select");
  }

  /** Writes texts (as text, never formulas) into cells of one sheet, as one batch. */
  async setTexts(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    const r = await this.read({ protection: [sheet] }, "set-text");
    if (!hasSheet(r, sheet)) throw new HostError({ code: "sheet-missing", sheet });
    refuseProtected(r, "set-text");
    await this.apply(edits.map((e) => textOp(sheet, e)), "set-text");
  }

  /**
   * A person's typing into one cell (the preview's grid), as Excel takes it but never as a formula: a
   * text that reads as a number is the number, nothing is an empty cell, anything else is text
   * ("=1+1" too: the add-in writes text everywhere).
   */
  editCell(sheet: string, cell: string, typed: string): Promise<void> {
    return this.editCells(sheet, cell, [[typed]]);
  }

  /**
   * A paste into the preview's grid: rows of texts written from `topLeft` rightwards and downwards,
   * each cell as editCell takes a typed text, in one apply (so that what follows the changes checks
   * once). A row shorter than the others leaves the cells past its end as they are.
   */
  async editCells(sheet: string, topLeft: string, rows: readonly (readonly string[])[]): Promise<void> {
    const at = parseA1(topLeft);
    if (!at) throw new Error(`not a cell address: ${topLeft}`);
    if (rows.length === 0) return;
    const values = rows.map((row) => row.map(typedValue));
    const even = values.every((row) => row.length === values[0]!.length);
    // One operation for a rectangle; else one per row, so that nothing is padded over cells the paste does not reach.
    const ops: Op[] = even ? [{ op: "values", sheet, row: at.row, col: at.col, rows: values }] : values.map((row, i): Op => ({ op: "values", sheet, row: at.row + i, col: at.col, rows: [row] }));
    await this.apply(ops, "set-text");
  }

  /** Stores the settings (JSON) in the metadata sheet, keeping its other records; an earlier version's copy goes. */
  async saveSettings(json: string): Promise<void> {
    const r = await this.read({ metadata: true, legacySettings: true }, "settings");
    await this.apply([...metadataOps(r, { ...readMetadata(r.metadata), settings: json }), ...(r.legacySettings !== undefined ? [{ op: "dropLegacySettings" } as const] : [])], "settings");
  }

  /** Adds a new sheet laid out as given, and shows it (never over an existing sheet: that is an error). */
  async addSheet(layout: SheetLayout): Promise<void> {
    const r = await this.read({}, "add-sheet");
    if (hasSheet(r, layout.name)) throw new HostError({ code: "sheet-exists", sheet: layout.name });
    if (r.structureProtected) throw new HostError({ code: "workbook-protected" });
    try {
      await this.port.apply(layoutOps(layout, positionOf(r.sheets.map((s) => s.name))), "add-sheet");
    } catch (e) {
      // The sheet did not exist before: what there is now is this write's, unfinished — unless
      // someone added a sheet of that name meanwhile, which is theirs.
      const theirs = e instanceof HostError && e.detail.code === "excel-failed" && e.detail.error === "ItemAlreadyExists";
      throw failed(e, !theirs && (await this.removeSheet(layout.name)) ? { removedSheet: layout.name } : {});
    }
  }

  /** Deletes a sheet a write left unfinished; resolves to whether there was one. Never throws. */
  private async removeSheet(name: string): Promise<boolean> {
    try {
      if (!hasSheet(await this.port.read({}), name)) return false;
      await this.port.apply([{ op: "deleteSheet", name }], "add-sheet");
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes texts into cells of one sheet as one batch, recording what each cell held first, so that
   * `undoWrites` can put it back. Only the last batch is kept.
   */
  async writeCells(sheet: string, edits: readonly CellEdit[], label: string): Promise<void> {
    const r = await this.read({ metadata: true, contents: [{ sheet, cells: edits.map((e) => e.cell) }], protection: [sheet] }, "write");
    if (!hasSheet(r, sheet)) throw new HostError({ code: "sheet-missing", sheet });
    refuseProtected(r, "write");
    const contents = r.contents.get(sheet);
    const writes = edits.map((e) => {
      const { text: _now, ...content } = contents?.get(e.cell) ?? { formula: "", numberFormat: "General", text: "" };
      return { sheet, cell: e.cell, label, original: encodeWritten({ content, written: e.text }) };
    });
    const meta = { ...readMetadata(r.metadata), writes };
    // What the cells held goes first: should the write stop half-way, 撤销 still has it.
    await this.apply([...metadataOps(r, meta), ...edits.map((e) => textOp(sheet, e))], "write", { recovery: "undo-merge" });
    this.known = meta;
  }

  /** Puts back what the cells of the last batch held, except cells changed since; undefined when there is no batch. */
  async undoWrites(): Promise<UndoneWrites | undefined> {
    const first = await this.read({ metadata: true }, "undo");
    const meta = readMetadata(first.metadata);
    if (meta.writes.length === 0) return undefined;
    const sheets = bySheet(meta.writes.filter((w) => hasSheet(first, w.sheet)));
    const r = await this.read({ contents: [...sheets].map(([sheet, writes]) => ({ sheet, cells: writes.map((w) => w.cell) })), protection: [...sheets.keys()] }, "undo");
    refuseProtected(r, "undo");
    const ops: Op[] = [];
    const kept: string[] = [];
    for (const w of meta.writes) {
      const o = decodeWritten(w.original);
      const now = r.contents.get(w.sheet)?.get(w.cell);
      if (now && now.text === o.written) ops.push({ op: "content", sheet: w.sheet, cell: w.cell, content: o.content });
      // Never written (a write that stopped half-way): at most its format changed.
      else if (now && now.text === contentText(o.content)) ops.push({ op: "numberFormat", sheet: w.sheet, cell: w.cell, format: o.content.numberFormat });
      // Changed since by someone: kept.
      else kept.push(`${w.sheet}!${w.cell}`);
    }
    const after = { ...meta, writes: [] };
    await this.apply([...ops, ...metadataOps(first, after)], "undo");
    this.known = after;
    return { label: meta.writes[0]!.label, restored: ops.length, kept };
  }
}

/**
 * Where a sheet the add-in draws goes: at the tab of the sheet it replaces, else after the others but
 * before the add-in's own very hidden sheet (which stays last, where it was first put).
 */
function positionOf(names: readonly string[], replaced?: string): { position?: number } {
  const at = replaced !== undefined ? names.indexOf(replaced) : names.indexOf(METADATA_SHEET);
  return at >= 0 ? { position: at } : {};
}

/** What a typed text is as a cell's value: a plain decimal number (Excel's 12.5, -3, 1e3) is a number. */
export function typedValue(typed: string): string | number | null {
  if (typed === "") return null;
  const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(typed) ? Number(typed) : NaN;
  return Number.isFinite(n) ? n : typed;
}

/** A text written into one cell: as text, never a formula. */
function textOp(sheet: string, e: CellEdit): Op {
  const at = parseA1(e.cell);
  if (!at) throw new Error(`not a cell address: ${e.cell}`);
  return { op: "values", sheet, row: at.row, col: at.col, rows: [[e.text]] };
}

const books = new WeakMap<WorkbookPort, Book>();

/** The one Book of a port (it remembers what it last read of the metadata). */
export function book(port: WorkbookPort): Book {
  let b = books.get(port);
  if (!b) books.set(port, (b = new Book(port)));
  return b;
}
