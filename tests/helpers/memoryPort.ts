// A port over a workbook held as plain data, recording every read and every apply: the programs of
// src/app/book.ts are tested over it once, apart from any host. It carries out each primitive as the
// contract suite asks of every host, and can be told to fail at a given operation or read. It is strict:
// an operation it does not know, or a cell address that is not one, is an error, as on a real host.
import { a1, parseA1 } from "../../src/core/address";
import { METADATA_SHEET } from "../../src/core/metadata";
import { cellText } from "../../src/core/text";
import { HostError, type CellContent, type CellLook, type Fill, type HostAction, type HostKind, type Lack, type Op, type ReadRequest, type WorkbookPort, type WorkbookRead } from "../../src/app/port";
import type { CellValue } from "../../src/core/types";

export interface MemoryCell {
  value: string | number | boolean | null;
  /** Set when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  fill: Fill | null;
  note: string | null;
  threaded?: boolean;
}

export interface MemorySheet {
  name: string;
  veryHidden?: boolean;
  protected?: boolean;
  cells: Map<string, MemoryCell>;
  merges: string[];
  tables: string[];
}

export class MemoryPort implements WorkbookPort {
  readonly kind: HostKind = "xlsx";
  readonly reads: ReadRequest[] = [];
  readonly applied: Op[][] = [];
  active: string;
  selected: string | undefined;
  structureProtected = false;
  /** Cannot read notes (an Excel before ExcelApi 1.18). */
  notesUnreadable = false;
  /** Settings an earlier version kept outside the metadata sheet (Excel's workbook settings). */
  legacySettings: string | undefined;
  /** Fails with this error code at the operation of this index (counted over every apply since the port was made). */
  failAt: { index: number; error: string } | undefined;
  /** Throws this at the read of this index (counted over every read since the port was made). */
  failReadAt: { index: number; error: unknown } | undefined;
  private opCount = 0;

  constructor(
    readonly sheets: MemorySheet[],
    readonly lacks: ReadonlySet<Lack> = new Set(),
  ) {
    this.active = sheets[0]?.name ?? "";
  }

  static of(spec: Record<string, readonly (readonly CellValue[])[]>, lacks?: ReadonlySet<Lack>): MemoryPort {
    return new MemoryPort(
      Object.entries(spec).map(([name, rows]) => {
        const cells = new Map<string, MemoryCell>();
        rows.forEach((r, i) => r.forEach((v, c) => v !== null && v !== "" && cells.set(a1(i, c), { value: v as string | number, numberFormat: "General", fill: null, note: null })));
        return { name, cells, merges: [], tables: [] };
      }),
      lacks,
    );
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new HostError({ code: "sheet-missing", sheet: name });
    return s;
  }

  cell(sheet: string, address: string): MemoryCell {
    if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(address)) throw new Error(`not a cell address: ${address}`);
    const s = this.sheet(sheet);
    let c = s.cells.get(address);
    if (!c) s.cells.set(address, (c = { value: null, numberFormat: "General", fill: null, note: null }));
    return c;
  }

  async read(request: ReadRequest): Promise<WorkbookRead> {
    this.reads.push(request);
    if (this.failReadAt && this.reads.length - 1 === this.failReadAt.index) throw this.failReadAt.error;
    const exists = (n: string) => this.sheets.some((s) => s.name === n);
    const looks = new Map<string, Map<string, CellLook>>();
    for (const q of request.looks ?? []) {
      if (!exists(q.sheet)) continue;
      const m = looks.get(q.sheet) ?? new Map<string, CellLook>();
      for (const address of q.cells) {
        const c = this.cell(q.sheet, address);
        m.set(address, { fill: c.fill, note: this.notesUnreadable ? undefined : c.note, noteWritable: !this.notesUnreadable && !c.threaded });
      }
      looks.set(q.sheet, m);
    }
    const contents = new Map<string, Map<string, CellContent>>();
    for (const q of request.contents ?? []) {
      if (!exists(q.sheet)) continue;
      const m = contents.get(q.sheet) ?? new Map<string, CellContent>();
      for (const address of q.cells) {
        const c = this.cell(q.sheet, address);
        m.set(address, { formula: c.formula ?? c.value ?? "", numberFormat: c.numberFormat, text: cellText(c.value) });
      }
      contents.set(q.sheet, m);
    }
    const meta = this.sheets.find((s) => s.name === METADATA_SHEET);
    return {
      identity: "memory",
      sheets: this.sheets.map((s) => ({ name: s.name, visible: !s.veryHidden })),
      active: this.active,
      structureProtected: this.structureProtected,
      protectedSheets: (request.protection ?? []).filter((n) => exists(n) && this.sheet(n).protected),
      ...(request.metadata && meta ? { metadata: { name: METADATA_SHEET, rows: this.rowsOf(meta), merges: [] } } : {}),
      ...(request.legacySettings && this.legacySettings !== undefined ? { legacySettings: this.legacySettings } : {}),
      ...(request.tables ? { tables: this.sheets.flatMap((s) => s.tables.map((name) => ({ name, sheet: s.name }))) } : {}),
      grids: (request.grids ?? []).map((g) => ({ grid: { name: g.name, rows: this.rowsOf(this.sheet(g.name)).slice(0, g.rows), merges: this.sheet(g.name).merges.map(rangeOf) }, notes: [] })),
      looks,
      contents,
    };
  }

  /** A sheet's values as rows. */
  rowsOf(s: MemorySheet): CellValue[][] {
    const rows: CellValue[][] = [];
    for (const [address, c] of s.cells) {
      const at = parseA1(address)!;
      if (c.value === null) continue;
      while (rows.length <= at.row) rows.push([]);
      const row = rows[at.row]!;
      while (row.length < at.col) row.push(null);
      row[at.col] = c.value;
    }
    return rows;
  }

  async apply(ops: readonly Op[], action: HostAction): Promise<void> {
    this.applied.push([...ops]);
    for (const op of ops) {
      const n = this.opCount++;
      if (this.failAt && n === this.failAt.index) throw new HostError({ code: "excel-failed", action, error: this.failAt.error });
      this.carryOut(op);
    }
  }

  private carryOut(op: Op): void {
    switch (op.op) {
      case "values":
        op.rows.forEach((r, i) => r.forEach((v, c) => Object.assign(this.cell(op.sheet, a1(op.row + i, op.col + c)), { value: v, formula: undefined, numberFormat: typeof v === "string" ? "@" : "General" })));
        return;
      case "content": {
        const f = op.content.formula;
        Object.assign(this.cell(op.sheet, op.cell), typeof f === "string" && f.startsWith("=") ? { formula: f, value: "" } : { formula: undefined, value: f === "" ? null : f }, { numberFormat: op.content.numberFormat });
        return;
      }
      case "numberFormat":
        this.cell(op.sheet, op.cell).numberFormat = op.format;
        return;
      case "fill":
        for (const c of op.cells) this.cell(op.sheet, c).fill = op.fill;
        return;
      case "note":
        if (op.had !== (this.cell(op.sheet, op.cell).note !== null)) throw new Error(`note op on ${op.cell}: had ${op.had}, but the cell's note is ${this.cell(op.sheet, op.cell).note}`);
        this.cell(op.sheet, op.cell).note = op.text;
        return;
      case "addSheet": {
        if (this.sheets.some((s) => s.name === op.name)) throw new HostError({ code: "sheet-exists", sheet: op.name });
        const s: MemorySheet = { name: op.name, ...(op.veryHidden ? { veryHidden: true } : {}), cells: new Map(), merges: [], tables: [] };
        this.sheets.splice(op.position ?? this.sheets.length, 0, s);
        return;
      }
      case "renameSheet":
        this.sheet(op.from).name = op.to;
        return;
      case "moveSheet": {
        const s = this.sheet(op.name);
        this.sheets.splice(this.sheets.indexOf(s), 1);
        this.sheets.splice(op.position, 0, s);
        return;
      }
      case "deleteSheet":
        this.sheets.splice(this.sheets.indexOf(this.sheet(op.name)), 1);
        return;
      case "activate":
        this.sheet(op.sheet);
        this.active = op.sheet;
        this.selected = op.cell;
        return;
      case "merge":
        this.sheet(op.sheet).merges.push(`${a1(op.range.top, op.range.left)}:${a1(op.range.bottom, op.range.right)}`);
        return;
      case "table":
        this.sheet(op.sheet).tables.push(op.name);
        return;
      case "metadata": {
        if (!this.sheets.some((s) => s.name === METADATA_SHEET)) this.sheets.push({ name: METADATA_SHEET, veryHidden: true, cells: new Map(), merges: [], tables: [] });
        const s = this.sheet(METADATA_SHEET);
        s.cells.clear();
        op.rows.forEach((r, i) => r.forEach((v, c) => v !== "" && s.cells.set(a1(i, c), { value: v, numberFormat: "@", fill: null, note: null })));
        return;
      }
      case "dropLegacySettings":
        this.legacySettings = undefined;
        return;
      case "style":
      case "columnWidths":
      case "hideColumns":
      case "rowHeights":
      case "freeze":
      case "printTitles":
      case "page":
      case "protect":
        this.sheet(op.sheet).protected = true;
        return;
      case "link":
      case "chart":
        // Looks of drawn sheets are the contract suite's to check on each host; the sheet must be there.
        this.sheet(op.sheet);
        return;
      default:
        throw new Error(`not an operation: ${JSON.stringify(op)}`);
    }
  }
}

/** "A4:B4" as a range, 0-based. */
function rangeOf(text: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to] = text.split(":").map((c) => parseA1(c)!);
  return { top: from!.row, left: from!.col, bottom: to!.row, right: to!.col };
}
