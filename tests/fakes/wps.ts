// A fake of WPS 表格's object model (Excel's VBA model), as far as the WPS host uses it, behaving as
// documented: collections are 1-based (Item(0) fails), Value2 of several cells is a 2-D array (by
// default a SAFEARRAY whose bounds start at 1, as COM hands one to a script; or plain row arrays),
// a text written into a General cell is read as a number or a formula as Excel does, and as text in
// a "@" cell; MergeCells is false, true or null (mixed); AddComment fails on a cell that has a note;
// Select fails on a sheet that is not active; a protected sheet refuses writes to locked cells;
// Worksheet.Delete asks the person to confirm while DisplayAlerts is on (recorded).
// WPS 基础接口 / 表格 API 参考: https://qn.cache.wpscdn.cn/encs/doc/office_v19/index.htm
// Range.MergeCells (True, False, Null): https://learn.microsoft.com/previous-versions/office/developer/office-2003/aa206522(v=office.11)
// Range.AddComment: https://learn.microsoft.com/office/vba/api/excel.range.addcomment
import { a1, parseA1, parseRange } from "../../src/core/address";
import type { CellRange } from "../../src/core/types";
import type { EtApplication, EtComment, EtInterior, EtRange, EtSheets, EtWorkbook, EtWorksheet, SafeArray } from "../../src/hosts/wps/model";

const XL_NONE = -4142;
const WHITE = 0xffffff;
/** CVErr(xlErrName) as a script engine sees it. */
const ERR_NAME = (0x800a0000 | 2029) >> 0;

export interface FakeEtCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  pattern: number;
  /** BGR. */
  color: number;
  locked: boolean;
}

export interface FakeEtSheet {
  name: string;
  visible: number;
  /** By "row,col", 1-based. */
  cells: Map<string, FakeEtCell>;
  /** 0-based. */
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  comments: Map<string, string>;
  links: Map<string, string>;
  protected: boolean;
  pageSetup: Record<string, unknown>;
}

export interface FakeEtBook {
  sheets: FakeEtSheet[];
  active: string;
  selected?: { sheet: string; cell: string };
  /** Value2 as a SAFEARRAY (1-based bounds) or as plain row arrays. */
  arrays: "safearray" | "rows";
  /** How often each property or method was used. */
  calls: Map<string, number>;
  /** Application.DisplayAlerts. */
  displayAlerts: boolean;
  /** Sheets deleted while DisplayAlerts was on: WPS would have asked the person to confirm. */
  confirmations: string[];
}

export function newEtSheet(name: string, rows: readonly (readonly unknown[])[] = [], merges: readonly string[] = []): FakeEtSheet {
  const cells = new Map<string, FakeEtCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      cells.set(`${r + 1},${c + 1}`, { ...blank(), value: v as string | number | boolean });
    }),
  );
  return { name, visible: -1, cells, merges: merges.map((m) => parseRange(m)!), hiddenRows: new Set(), hiddenColumns: new Set(), comments: new Map(), links: new Map(), protected: false, pageSetup: {} };
}

function blank(): FakeEtCell {
  return { value: null, numberFormat: "General", pattern: XL_NONE, color: WHITE, locked: true };
}

function isDefault(c: FakeEtCell): boolean {
  return c.value === null && c.formula === undefined && c.numberFormat === "General" && c.pattern === XL_NONE;
}

class FakeError extends Error {
  constructor(readonly number: number, message: string) {
    super(message);
  }
}

/** A SAFEARRAY as JScript's VBArray shows one: 1-based bounds, items by (row, column). */
function safeArray(rows: unknown[][]): SafeArray {
  return {
    dimensions: () => 2,
    lbound: () => 1,
    ubound: (d = 1) => (d === 1 ? rows.length : rows[0]!.length),
    getItem: (r: number, c: number) => rows[r - 1]![c - 1],
  };
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

class FakeRange implements EtRange {
  constructor(
    private readonly book: FakeEtBook,
    private readonly sheet: FakeEtSheet,
    private readonly areas: Area[],
  ) {}

  private count(what: string): void {
    this.book.calls.set(what, (this.book.calls.get(what) ?? 0) + 1);
  }

  private get area(): Area {
    if (this.areas.length !== 1) throw new FakeError(1004, "multi-area range");
    return this.areas[0]!;
  }

  private *each(): Generator<[number, number]> {
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield [r, c];
  }

  private cell(r: number, c: number, create = false): FakeEtCell {
    const key = `${r},${c}`;
    let cell = this.sheet.cells.get(key);
    if (!cell) {
      cell = blank();
      if (create) this.sheet.cells.set(key, cell);
    }
    return cell;
  }

  private writable(r: number, c: number): FakeEtCell {
    const cell = this.cell(r, c, true);
    if (this.sheet.protected && cell.locked) throw new FakeError(1004, "the cell is on a protected sheet");
    return cell;
  }

  get Row(): number {
    return this.area.top;
  }
  get Column(): number {
    return this.area.left;
  }
  get Rows() {
    return { Count: this.area.bottom - this.area.top + 1 };
  }
  get Columns() {
    return { Count: this.area.right - this.area.left + 1 };
  }

  private read(r: number, c: number): unknown {
    const cell = this.cell(r, c);
    return cell.value;
  }

  get Value2(): unknown {
    this.count("Value2");
    const a = this.area;
    if (a.top === a.bottom && a.left === a.right) return this.read(a.top, a.left);
    const rows: unknown[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(this.read(r, c));
      rows.push(row);
    }
    return this.book.arrays === "safearray" ? safeArray(rows) : rows;
  }

  set Value2(v: unknown) {
    this.count("Value2=");
    const a = this.area;
    for (const [r, c] of this.each()) {
      const item = Array.isArray(v) ? (v[r - a.top] as unknown[] | undefined)?.[c - a.left] : v;
      this.enter(this.writable(r, c), item);
    }
  }

  /** A value written as Excel takes it: in a "@" cell as it is; otherwise "=…" is a formula and digits a number. */
  private enter(cell: FakeEtCell, v: unknown): void {
    delete cell.formula;
    if (v === null || v === undefined || v === "") cell.value = null;
    else if (typeof v !== "string" || cell.numberFormat === "@") cell.value = v as string | number | boolean;
    else if (v.startsWith("=")) {
      cell.formula = v;
      cell.value = ERR_NAME; // the fake computes nothing: a formula shows as an error
    } else if (/^-?\d+(\.\d+)?$/.test(v)) cell.value = Number(v);
    else cell.value = v;
  }

  get Formula(): unknown {
    const a = this.area;
    const cell = this.cell(a.top, a.left);
    return cell.formula ?? cell.value ?? "";
  }

  set Formula(v: unknown) {
    for (const [r, c] of this.each()) this.enter(this.writable(r, c), v);
  }

  get NumberFormat(): string {
    const formats = new Set([...this.each()].map(([r, c]) => this.cell(r, c).numberFormat));
    return formats.size === 1 ? [...formats][0]! : (null as unknown as string);
  }

  set NumberFormat(f: string) {
    for (const [r, c] of this.each()) this.writable(r, c).numberFormat = f;
  }

  private mergeOf(r: number, c: number): CellRange | undefined {
    return this.sheet.merges.find((m) => r - 1 >= m.top && r - 1 <= m.bottom && c - 1 >= m.left && c - 1 <= m.right);
  }

  get MergeCells(): boolean | null {
    this.count("MergeCells");
    const cells = [...this.each()];
    const areas = cells.map(([r, c]) => this.mergeOf(r, c));
    if (areas.every((m) => m === undefined)) return false;
    if (areas.every((m) => m !== undefined && m === areas[0])) return true;
    return null;
  }

  get MergeArea(): EtRange {
    this.count("MergeArea");
    const a = this.area;
    if (a.top !== a.bottom || a.left !== a.right) throw new FakeError(1004, "MergeArea works on one cell");
    const m = this.mergeOf(a.top, a.left);
    return m ? new FakeRange(this.book, this.sheet, [{ top: m.top + 1, left: m.left + 1, bottom: m.bottom + 1, right: m.right + 1 }]) : this;
  }

  Merge(): void {
    const a = this.area;
    this.sheet.merges.push({ top: a.top - 1, left: a.left - 1, bottom: a.bottom - 1, right: a.right - 1 });
    // Only the top-left cell keeps its value.
    for (const [r, c] of this.each()) if (r !== a.top || c !== a.left) this.sheet.cells.get(`${r},${c}`) && (this.cell(r, c).value = null);
  }

  get Interior(): EtInterior {
    this.count("Interior");
    const range = this;
    return {
      get Color() {
        const a = range.areas[0]!;
        return range.cell(a.top, a.left).color;
      },
      set Color(bgr: number) {
        range.count("Interior.Color=");
        for (const [r, c] of range.each()) range.writable(r, c).color = bgr;
      },
      get Pattern() {
        const a = range.areas[0]!;
        return range.cell(a.top, a.left).pattern;
      },
      set Pattern(p: number) {
        for (const [r, c] of range.each()) {
          const cell = range.writable(r, c);
          cell.pattern = p;
          if (p === XL_NONE) cell.color = WHITE;
        }
      },
    };
  }

  readonly Font = { Bold: false, Size: 11, Color: 0, Underline: 0 };
  HorizontalAlignment = 1;
  WrapText = false;
  RowHeight = 14.25;

  private get address(): string {
    const a = this.area;
    return a1(a.top - 1, a.left - 1);
  }

  get Comment(): EtComment | null {
    const text = this.sheet.comments.get(this.address);
    return text === undefined ? null : { Text: () => text };
  }

  AddComment(text: string): EtComment {
    if (this.sheet.comments.has(this.address)) throw new FakeError(1004, "the cell has a comment already");
    this.sheet.comments.set(this.address, text);
    return { Text: () => text };
  }

  ClearComments(): void {
    for (const [r, c] of this.each()) this.sheet.comments.delete(a1(r - 1, c - 1));
  }

  private hidden(set: Set<number>, from: number, to: number): boolean | null {
    let n = 0;
    for (let i = from; i <= to; i++) if (set.has(i - 1)) n++;
    return n === 0 ? false : n === to - from + 1 ? true : null;
  }

  get EntireRow() {
    const range = this;
    const a = this.area;
    return {
      get Hidden() {
        range.count("EntireRow.Hidden");
        return range.hidden(range.sheet.hiddenRows, a.top, a.bottom);
      },
      set Hidden(h: boolean | null) {
        for (let r = a.top; r <= a.bottom; r++) (h ? range.sheet.hiddenRows.add(r - 1) : range.sheet.hiddenRows.delete(r - 1));
      },
    };
  }

  get EntireColumn() {
    const range = this;
    const a = this.area;
    return {
      ColumnWidth: 8.38,
      get Hidden() {
        range.count("EntireColumn.Hidden");
        return range.hidden(range.sheet.hiddenColumns, a.left, a.right);
      },
      set Hidden(h: boolean | null) {
        for (let c = a.left; c <= a.right; c++) (h ? range.sheet.hiddenColumns.add(c - 1) : range.sheet.hiddenColumns.delete(c - 1));
      },
    };
  }

  get Locked(): boolean {
    return this.cell(this.area.top, this.area.left).locked;
  }

  set Locked(v: boolean) {
    for (const [r, c] of this.each()) this.cell(r, c, true).locked = v;
  }

  Select(): void {
    if (this.book.active !== this.sheet.name) throw new FakeError(1004, "Select method of Range class failed");
    this.book.selected = { sheet: this.sheet.name, cell: this.address };
  }

  Clear(): void {
    for (const [r, c] of this.each()) {
      this.sheet.cells.delete(`${r},${c}`);
      this.sheet.comments.delete(a1(r - 1, c - 1));
    }
  }

  /** For the tests: the link written on this cell. */
  link(subAddress: string): void {
    this.sheet.links.set(this.address, subAddress);
  }
}

function parseAreas(address: string): Area[] {
  return address.split(",").map((part) => {
    const r = parseRange(part.replace(/\$/g, ""));
    if (!r) throw new FakeError(1004, `Range("${address}") is not a reference`);
    return { top: r.top + 1, left: r.left + 1, bottom: r.bottom + 1, right: r.right + 1 };
  });
}

class FakeWorksheet implements EtWorksheet {
  constructor(
    private readonly book: FakeEtBook,
    readonly sheet: FakeEtSheet,
  ) {}

  get Name(): string {
    return this.sheet.name;
  }

  set Name(name: string) {
    if (this.book.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase())) throw new FakeError(1004, "a sheet of that name exists");
    if (this.book.active === this.sheet.name) this.book.active = name;
    this.sheet.name = name;
  }

  get Visible(): number {
    return this.sheet.visible;
  }

  set Visible(v: number) {
    this.sheet.visible = v;
  }

  get UsedRange(): EtRange {
    this.book.calls.set("UsedRange", (this.book.calls.get("UsedRange") ?? 0) + 1);
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.sheet.cells) {
      if (isDefault(cell)) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    const area = bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
    return new FakeRange(this.book, this.sheet, [area]);
  }

  Range(address: string): EtRange {
    return new FakeRange(this.book, this.sheet, parseAreas(address));
  }

  readonly Hyperlinks = {
    Add: (anchor: EtRange, _address: string, subAddress?: string, _tip?: string, text?: string) => {
      if (text !== undefined) anchor.Value2 = text;
      (anchor as FakeRange).link(subAddress ?? "");
      return {};
    },
  };

  get PageSetup() {
    return this.sheet.pageSetup as unknown as EtWorksheet["PageSetup"];
  }

  Activate(): void {
    if (this.sheet.visible !== -1) throw new FakeError(1004, "a hidden sheet cannot be activated");
    this.book.active = this.sheet.name;
  }

  Delete(): void {
    if (this.book.displayAlerts) this.book.confirmations.push(this.sheet.name);
    const i = this.book.sheets.indexOf(this.sheet);
    this.book.sheets.splice(i, 1);
    if (this.book.active === this.sheet.name) this.book.active = this.book.sheets.find((s) => s.visible === -1)?.name ?? "";
  }

  Protect(): void {
    this.sheet.protected = true;
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly book: FakeEtBook) {}

  get Count(): number {
    return this.book.sheets.length;
  }

  Item(index: number | string): EtWorksheet {
    const sheet = typeof index === "number" ? this.book.sheets[index - 1] : this.book.sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
    if (!sheet || (typeof index === "number" && index < 1)) throw new FakeError(9, "Subscript out of range");
    return new FakeWorksheet(this.book, sheet);
  }

  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet {
    let n = this.book.sheets.length + 1;
    while (this.book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const sheet = newEtSheet(`Sheet${n}`);
    const at = before ? this.book.sheets.indexOf((before as FakeWorksheet).sheet) : after ? this.book.sheets.indexOf((after as FakeWorksheet).sheet) + 1 : Math.max(0, this.book.sheets.findIndex((s) => s.name === this.book.active));
    this.book.sheets.splice(at, 0, sheet);
    this.book.active = sheet.name;
    return new FakeWorksheet(this.book, sheet);
  }
}

/** `Application` over a fake workbook. */
export function fakeEtApplication(book: FakeEtBook): EtApplication & { ActiveWorkbook: EtWorkbook } {
  const workbook: EtWorkbook = {
    Worksheets: new FakeSheets(book),
    get ActiveSheet() {
      return new FakeWorksheet(book, book.sheets.find((s) => s.name === book.active)!);
    },
  };
  return {
    ActiveWorkbook: workbook,
    get DisplayAlerts() {
      return book.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      book.displayAlerts = v;
    },
  };
}

export function newEtBook(sheets: FakeEtSheet[], active?: string, arrays: FakeEtBook["arrays"] = "safearray"): FakeEtBook {
  return { sheets, active: active ?? sheets[0]!.name, arrays, calls: new Map(), displayAlerts: true, confirmations: [] };
}

/** A cell of a fake sheet by A1 address (created when absent). */
export function etCell(sheet: FakeEtSheet, address: string): FakeEtCell {
  const p = parseA1(address)!;
  const key = `${p.row + 1},${p.col + 1}`;
  const cell = sheet.cells.get(key) ?? blank();
  sheet.cells.set(key, cell);
  return cell;
}
