// A fake of WPS 表格's object model (Excel's VBA model), as far as the WPS host uses it, behaving as
// documented: collections are 1-based (Item(0) fails), Value2 of several cells is a 2-D array (by
// default a SAFEARRAY whose bounds start at 1, as COM hands one to a script; or plain row arrays),
// a text written into a General cell is read as a number or a formula as Excel does, and as text in
// a "@" cell; MergeCells is false, true or null (mixed); AddComment fails on a cell that has a note;
// Select fails on a sheet that is not active; a protected sheet refuses writes to locked cells;
// Worksheet.Delete, and Range.Merge over several values, ask the person to confirm while DisplayAlerts is
// on (recorded). Several workbooks may be open, one of them active (Application.ActiveWorkbook).
// WPS 基础接口 / 表格 API 参考: https://qn.cache.wpscdn.cn/encs/doc/office_v19/index.htm
// Kingsoft's typings (npm wps-jsapi, src/lib.et.d.ts): EtWorkbook.FullName/ProtectStructure, EtWorksheet.Move/
// ProtectContents, EtRange.Borders.Item(EtXlBordersIndex), EtWindow.FreezePanes/SplitRow/ScrollRow, EtPageSetup.
// Range.MergeCells (True, False, Null): https://learn.microsoft.com/previous-versions/office/developer/office-2003/aa206522(v=office.11)
// Range.AddComment: https://learn.microsoft.com/office/vba/api/excel.range.addcomment
// Worksheets.Add ("the new worksheet becomes the active sheet"; before the active one when neither
// Before nor After is given): https://learn.microsoft.com/office/vba/api/excel.worksheets.add
// At least one sheet stays visible ("A workbook must contain at least one visible worksheet"):
// https://learn.microsoft.com/office/troubleshoot/excel/hide-sheet-and-use-xlveryhidden
// A very hidden sheet cannot be deleted (@types/office-js, Excel.Worksheet.delete: "if the worksheet's
// visibility is set to VeryHidden, the delete operation will fail"); the fake holds WPS to the same.
// Panes are frozen in the window, for the active sheet (Window.FreezePanes); SplitRow counts the rows
// shown above the split, from ScrollRow (https://learn.microsoft.com/office/vba/api/excel.window.scrollrow).
// Application.ApiEvent (wps-jsapi src/index.d.ts, namespace wps.ApiEvent: AddApiEventListener(name, callback),
// RemoveApiEventListener(name), by the event's name only): SheetChange(Sh, Target) is raised by every write
// of values through Range.Value2 or Range.Formula, synchronously, during the write, as Excel's VBA model
// raises Worksheet.Change (https://learn.microsoft.com/office/vba/api/excel.worksheet.change); WPS's 表格事件
// doc says it fires "当用户或外部链接更改了该工作簿任一工作表中的单元格时". Target.Address() gives Excel's
// absolute reference (https://learn.microsoft.com/office/vba/api/excel.range.address): "$E$12", "$E$12:$E$40",
// whole rows "$12:$14". personInsertsRows raises it over the rows inserted: an assumption (Excel's Change
// gives the inserted rows as Target in practice; neither WPS's doc nor Excel's says so), and the host does
// not rely on it: any whole rows are a whole check.
import { a1, columnLetter, parseA1, parseRange } from "../../src/core/address";
import type { CellRange } from "../../src/core/types";
import type { EtApplication, EtBorder, EtComment, EtFont, EtInterior, EtRange, EtSheets, EtWindow, EtWorkbook, EtWorksheet, SafeArray, WpsApiEvent } from "../../src/hosts/wps/model";

const XL_NONE = -4142;
const WHITE = 0xffffff;
/** xlGeneral (HorizontalAlignment) and xlBottom (VerticalAlignment): a new cell's alignment. */
const XL_GENERAL = 1;
const XL_BOTTOM = -4107;
/** A sheet's last column (XFD) and row: a range over all of them is whole rows or whole columns. */
const LAST_COLUMN = 16384;
const LAST_ROW = 1048576;
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
  bold?: boolean;
  size?: number;
  /** BGR. */
  fontColor?: number;
  underline?: number;
  hAlign?: number;
  vAlign?: number;
  wrap?: boolean;
  /** The lines on each side of the cell. */
  borders?: Partial<Record<Side, FakeEtBorder>>;
}

export type Side = "top" | "bottom" | "left" | "right";

export interface FakeEtBorder {
  lineStyle: number;
  weight: number;
  /** BGR. */
  color: number;
}

/** What a sheet's window shows: the first row and column shown, the split, and whether the panes are frozen. */
export interface FakeEtView {
  scrollRow: number;
  scrollColumn: number;
  splitRow: number;
  splitColumn: number;
  frozen: boolean;
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
  /** The arguments of the last Worksheet.Protect. */
  protection?: unknown[];
  pageSetup: Record<string, unknown>;
  /** Column widths in characters and row heights in points, 1-based, where set. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  view: FakeEtView;
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
  /** Sheets deleted, and ranges merged over several values, while DisplayAlerts was on: WPS would have asked the person. */
  confirmations: string[];
  /** Workbook.Name; FullName is the path and name, or the name of a workbook never saved. */
  name: string;
  fullName?: string;
  /** Workbook.ProtectStructure: no sheet may be added, deleted, renamed or moved. */
  structureProtected: boolean;
  /** Raises the application's SheetChange (set by fakeEtApplication for the workbooks it holds open). */
  sheetChange?: (sheet: FakeEtSheet, target: FakeRange) => void;
}

export function newEtSheet(name: string, rows: readonly (readonly unknown[])[] = [], merges: readonly string[] = []): FakeEtSheet {
  const cells = new Map<string, FakeEtCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      cells.set(`${r + 1},${c + 1}`, { ...blank(), value: v as string | number | boolean });
    }),
  );
  return {
    name,
    visible: -1,
    cells,
    merges: merges.map((m) => parseRange(m)!),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    comments: new Map(),
    links: new Map(),
    protected: false,
    pageSetup: {},
    columnWidths: new Map(),
    rowHeights: new Map(),
    view: { scrollRow: 1, scrollColumn: 1, splitRow: 0, splitColumn: 0, frozen: false },
  };
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
    this.book.sheetChange?.(this.sheet, this);
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
    this.book.sheetChange?.(this.sheet, this);
  }

  /** Excel's absolute reference: "$E$12", "$E$12:$E$40", whole rows "$12:$14", whole columns "$E:$E"; areas joined by commas. */
  Address(): string {
    return this.areas
      .map((a) => {
        if (a.left === 1 && a.right === LAST_COLUMN) return `$${a.top}:$${a.bottom}`;
        if (a.top === 1 && a.bottom === LAST_ROW) return `$${columnLetter(a.left - 1)}:$${columnLetter(a.right - 1)}`;
        const cell = (r: number, c: number) => `$${columnLetter(c - 1)}$${r}`;
        return a.top === a.bottom && a.left === a.right ? cell(a.top, a.left) : `${cell(a.top, a.left)}:${cell(a.bottom, a.right)}`;
      })
      .join(",");
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
    // "Merging cells only keeps the upper-left value": asked while DisplayAlerts is on and several cells hold one.
    const filled = [...this.each()].filter(([r, c]) => this.sheet.cells.get(`${r},${c}`)?.value != null).length;
    if (filled > 1 && this.book.displayAlerts) this.book.confirmations.push(`${this.sheet.name}!${a1(a.top - 1, a.left - 1)}:${a1(a.bottom - 1, a.right - 1)}`);
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

  /** A property of the cells: read from the first cell, written to every cell. */
  private property<K extends keyof FakeEtCell>(key: K, otherwise: NonNullable<FakeEtCell[K]>) {
    const a = this.areas[0]!;
    return {
      get: (): NonNullable<FakeEtCell[K]> => this.cell(a.top, a.left)[key] ?? otherwise,
      set: (v: FakeEtCell[K]) => {
        for (const [r, c] of this.each()) this.writable(r, c)[key] = v;
      },
    };
  }

  get Font(): EtFont {
    const bold = this.property("bold", false);
    const size = this.property("size", 11);
    const color = this.property("fontColor", 0);
    const underline = this.property("underline", XL_NONE);
    return {
      get Bold() { return bold.get(); },
      set Bold(v: boolean) { bold.set(v); },
      get Size() { return size.get(); },
      set Size(v: number) { size.set(v); },
      get Color() { return color.get(); },
      set Color(v: number) { color.set(v); },
      get Underline() { return underline.get(); },
      set Underline(v: number) { underline.set(v); },
    };
  }

  get HorizontalAlignment(): number {
    return this.property("hAlign", XL_GENERAL).get();
  }
  set HorizontalAlignment(v: number) {
    this.property("hAlign", XL_GENERAL).set(v);
  }
  get VerticalAlignment(): number {
    return this.property("vAlign", XL_BOTTOM).get();
  }
  set VerticalAlignment(v: number) {
    this.property("vAlign", XL_BOTTOM).set(v);
  }
  get WrapText(): boolean {
    return this.property("wrap", false).get();
  }
  set WrapText(v: boolean) {
    this.property("wrap", false).set(v);
  }

  /** The height of the first row; set for every row of the range. */
  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.areas[0]!.top) ?? 14.25;
  }
  set RowHeight(h: number) {
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) this.sheet.rowHeights.set(r, h);
  }

  /**
   * Borders.Item(XlBordersIndex): an edge of the range (xlEdgeLeft 7, xlEdgeTop 8, xlEdgeBottom 9,
   * xlEdgeRight 10) or the lines between its cells (xlInsideVertical 11, xlInsideHorizontal 12).
   */
  get Borders(): { Item(index: number): EtBorder } {
    const a = this.area;
    const cells = (rows: [number, number], cols: [number, number], side: Side): [number, number, Side][] => {
      const out: [number, number, Side][] = [];
      for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) out.push([r, c, side]);
      return out;
    };
    const targets: Record<number, [number, number, Side][]> = {
      7: cells([a.top, a.bottom], [a.left, a.left], "left"),
      8: cells([a.top, a.top], [a.left, a.right], "top"),
      9: cells([a.bottom, a.bottom], [a.left, a.right], "bottom"),
      10: cells([a.top, a.bottom], [a.right, a.right], "right"),
      11: cells([a.top, a.bottom], [a.left, a.right - 1], "right"),
      12: cells([a.top, a.bottom - 1], [a.left, a.right], "bottom"),
    };
    return {
      Item: (index: number): EtBorder => {
        const at = targets[index];
        if (!at) throw new FakeError(1004, `Borders.Item(${index})`);
        const line = (r: number, c: number, side: Side, create: boolean): FakeEtBorder => {
          const cell = create ? this.writable(r, c) : this.cell(r, c);
          const borders = (cell.borders ??= {});
          return (borders[side] ??= { lineStyle: XL_NONE, weight: 2, color: 0 });
        };
        const first = (): FakeEtBorder => (at[0] ? line(...at[0], false) : { lineStyle: XL_NONE, weight: 2, color: 0 });
        const set = (key: keyof FakeEtBorder, v: number) => at.forEach(([r, c, side]) => (line(r, c, side, true)[key] = v));
        return {
          get LineStyle() { return first().lineStyle; },
          set LineStyle(v: number) { set("lineStyle", v); },
          get Weight() { return first().weight; },
          set Weight(v: number) { set("weight", v); },
          get Color() { return first().color; },
          set Color(v: number) { set("color", v); },
        };
      },
    };
  }

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
      get ColumnWidth() {
        return range.sheet.columnWidths.get(a.left) ?? 8.38;
      },
      set ColumnWidth(w: number) {
        for (let c = a.left; c <= a.right; c++) range.sheet.columnWidths.set(c, w);
      },
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

/** Fails as WPS does when the workbook's structure is protected (Workbook.ProtectStructure). */
function structure(book: FakeEtBook): void {
  if (book.structureProtected) throw new FakeError(1004, "the workbook is protected and cannot be changed");
}

class FakeWorksheet implements EtWorksheet {
  constructor(
    private readonly book: FakeEtBook,
    readonly sheet: FakeEtSheet,
  ) {}

  get Name(): string {
    return this.sheet.name;
  }

  /** The workbook holding the sheet (lib.et.d.ts: EtWorksheet.Parent). */
  get Parent(): EtWorkbook {
    return workbookOf(this.book);
  }

  set Name(name: string) {
    structure(this.book);
    if (this.book.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase())) throw new FakeError(1004, "a sheet of that name exists");
    if (this.book.active === this.sheet.name) this.book.active = name;
    this.sheet.name = name;
  }

  get Visible(): number {
    return this.sheet.visible;
  }

  /** Hiding the sheet shown shows the next visible one (to its right, else to its left); one sheet stays visible. */
  set Visible(v: number) {
    const visible = v === -1 || (v as unknown) === true;
    const shown = this.book.sheets.filter((s) => s.visible === -1 && s !== this.sheet);
    if (!visible && shown.length === 0) throw new FakeError(1004, "A workbook must contain at least one visible worksheet");
    this.sheet.visible = visible ? -1 : v;
    if (!visible && this.book.active === this.sheet.name) {
      const i = this.book.sheets.indexOf(this.sheet);
      const next = this.book.sheets.slice(i + 1).find((s) => s.visible === -1) ?? [...this.book.sheets.slice(0, i)].reverse().find((s) => s.visible === -1)!;
      this.book.active = next.name;
    }
  }

  get ProtectContents(): boolean {
    return this.sheet.protected;
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

  // Returns nothing, as Kingsoft's typings declare it (wps-jsapi lib.et.d.ts: EtHyperlinks.Add(…): void); the host uses no result.
  readonly Hyperlinks = {
    Add: (anchor: EtRange, _address: string, subAddress?: string, _tip?: string, text?: string): void => {
      if (text !== undefined) anchor.Value2 = text;
      (anchor as FakeRange).link(subAddress ?? "");
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
    structure(this.book);
    if (this.sheet.visible === 2) throw new FakeError(1004, "Delete method of Worksheet class failed: the sheet is very hidden");
    if (this.sheet.visible === -1 && !this.book.sheets.some((s) => s !== this.sheet && s.visible === -1)) throw new FakeError(1004, "A workbook must contain at least one visible worksheet");
    if (this.book.displayAlerts) this.book.confirmations.push(this.sheet.name);
    const i = this.book.sheets.indexOf(this.sheet);
    this.book.sheets.splice(i, 1);
    if (this.book.active === this.sheet.name) this.book.active = this.book.sheets.find((s) => s.visible === -1)?.name ?? "";
  }

  /** Before one sheet or after another; with neither, Excel would move it into a new workbook (not modelled). */
  Move(before?: EtWorksheet | null, after?: EtWorksheet | null): void {
    structure(this.book);
    const target = ((before ?? after) as FakeWorksheet | null | undefined)?.sheet;
    if (!target) throw new FakeError(1004, "Move to a new workbook is not modelled");
    this.book.sheets.splice(this.book.sheets.indexOf(this.sheet), 1);
    this.book.sheets.splice(this.book.sheets.indexOf(target) + (before ? 0 : 1), 0, this.sheet);
  }

  Protect(...args: unknown[]): void {
    this.sheet.protected = true;
    this.sheet.protection = args;
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
    structure(this.book);
    let n = this.book.sheets.length + 1;
    while (this.book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const sheet = newEtSheet(`Sheet${n}`);
    const at = before ? this.book.sheets.indexOf((before as FakeWorksheet).sheet) : after ? this.book.sheets.indexOf((after as FakeWorksheet).sheet) + 1 : Math.max(0, this.book.sheets.findIndex((s) => s.name === this.book.active));
    this.book.sheets.splice(at, 0, sheet);
    this.book.active = sheet.name;
    return new FakeWorksheet(this.book, sheet);
  }
}

/** The window of a workbook: it shows the active sheet, and its panes are that sheet's. */
function windowOf(book: FakeEtBook): EtWindow {
  const view = () => book.sheets.find((s) => s.name === book.active)!.view;
  return {
    get FreezePanes() { return view().frozen; },
    set FreezePanes(v: boolean) { view().frozen = v; },
    get SplitRow() { return view().splitRow; },
    set SplitRow(v: number) { view().splitRow = v; },
    get SplitColumn() { return view().splitColumn; },
    set SplitColumn(v: number) { view().splitColumn = v; },
    get ScrollRow() { return view().scrollRow; },
    set ScrollRow(v: number) { view().scrollRow = v; },
    get ScrollColumn() { return view().scrollColumn; },
    set ScrollColumn(v: number) { view().scrollColumn = v; },
  };
}

function workbookOf(book: FakeEtBook): EtWorkbook {
  return {
    Worksheets: new FakeSheets(book),
    get ActiveSheet() {
      return new FakeWorksheet(book, book.sheets.find((s) => s.name === book.active)!);
    },
    get FullName() {
      return book.fullName ?? book.name;
    },
    get Name() {
      return book.name;
    },
    get ProtectStructure() {
      return book.structureProtected;
    },
  };
}

type SheetChangeCallback = Parameters<WpsApiEvent["AddApiEventListener"]>[1];

/**
 * `Application` over fake workbooks, the first one active; `show` makes another the active workbook (the
 * person switched windows). Its ApiEvent keeps callbacks by event name; a second AddApiEventListener for
 * the same name is kept beside the first (WPS's docs do not say whether it replaces it); removing by
 * the name removes them all (wps-jsapi: RemoveApiEventListener(name)). A callback that throws fails the
 * write that raised the event, so a test sees it.
 */
export function fakeEtApplication(
  book: FakeEtBook,
  ...others: FakeEtBook[]
): EtApplication & { ActiveWorkbook: EtWorkbook; ActiveWindow: EtWindow; ApiEvent: WpsApiEvent; show(book: FakeEtBook): void; listeners(name: string): number } {
  const books = [book, ...others];
  const workbooks = new Map(books.map((b) => [b, workbookOf(b)]));
  let active = book;
  const callbacks = new Map<string, SheetChangeCallback[]>();
  for (const b of books) b.sheetChange = (sheet, target) => (callbacks.get("SheetChange") ?? []).slice().forEach((callback) => callback(new FakeWorksheet(b, sheet), target));
  return {
    ApiEvent: {
      AddApiEventListener(name: string, callback: SheetChangeCallback) {
        callbacks.set(name, [...(callbacks.get(name) ?? []), callback]);
      },
      RemoveApiEventListener(name: string) {
        callbacks.delete(name);
      },
    },
    listeners(name: string) {
      return callbacks.get(name)?.length ?? 0;
    },
    get ActiveWorkbook() {
      return workbooks.get(active)!;
    },
    get ActiveWindow() {
      return windowOf(active);
    },
    // One setting of the application: every workbook sees it.
    get DisplayAlerts() {
      return active.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      for (const b of books) b.displayAlerts = v;
    },
    show(b: FakeEtBook) {
      if (!workbooks.has(b)) throw new Error("that workbook is not open");
      active = b;
    },
  };
}

export function newEtBook(sheets: FakeEtSheet[], active?: string, arrays: FakeEtBook["arrays"] = "safearray"): FakeEtBook {
  return { sheets, active: active ?? sheets[0]!.name, arrays, calls: new Map(), displayAlerts: true, confirmations: [], name: "工作簿1", structureProtected: false };
}

/** A cell of a fake sheet by A1 address (created when absent). */
export function etCell(sheet: FakeEtSheet, address: string): FakeEtCell {
  const p = parseA1(address)!;
  const key = `${p.row + 1},${p.col + 1}`;
  const cell = sheet.cells.get(key) ?? blank();
  sheet.cells.set(key, cell);
  return cell;
}

/** A person types or pastes `values` (one value, or rows of them) into `address`: written as Value2, which raises SheetChange once over the range. */
export function personTypes(book: FakeEtBook, sheet: string, address: string, values: unknown): void {
  new FakeWorksheet(book, sheetNamed(book, sheet)).Range(address).Value2 = values;
}

/**
 * A person inserts `count` empty rows at `row` (1-based): the cells, notes, links, merged areas, hidden
 * rows and heights below move down, and SheetChange is raised over the rows inserted ("$12:$14").
 */
export function personInsertsRows(book: FakeEtBook, sheet: string, row: number, count = 1): void {
  const s = sheetNamed(book, sheet);
  const down = (r: number) => (r >= row ? r + count : r);
  s.cells = new Map([...s.cells].map(([key, cell]) => {
    const [r, c] = key.split(",").map(Number) as [number, number];
    return [`${down(r)},${c}`, cell];
  }));
  const moved = <T>(m: Map<string, T>) => new Map([...m].map(([at, v]): [string, T] => {
    const p = parseA1(at)!;
    return [a1(down(p.row + 1) - 1, p.col), v];
  }));
  s.comments = moved(s.comments);
  s.links = moved(s.links);
  // A merged area the rows are inserted into grows; one below moves down (0-based rows here).
  s.merges = s.merges.map((m) => ({ ...m, top: down(m.top + 1) - 1, bottom: m.bottom + 1 >= row ? m.bottom + count : m.bottom }));
  s.hiddenRows = new Set([...s.hiddenRows].map((r) => down(r + 1) - 1));
  s.rowHeights = new Map([...s.rowHeights].map(([r, h]) => [down(r), h]));
  book.sheetChange?.(s, new FakeRange(book, s, [{ top: row, left: 1, bottom: row + count - 1, right: LAST_COLUMN }]));
}

function sheetNamed(book: FakeEtBook, name: string): FakeEtSheet {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Whether a person sees a line on a side of a cell: set on the cell, or on the neighbour's facing side. */
export function etLine(sheet: FakeEtSheet, address: string, side: Side): FakeEtBorder | undefined {
  const p = parseA1(address)!;
  const [dr, dc, facing] = ({ top: [-1, 0, "bottom"], bottom: [1, 0, "top"], left: [0, -1, "right"], right: [0, 1, "left"] } as const)[side];
  const own = sheet.cells.get(`${p.row + 1},${p.col + 1}`)?.borders?.[side];
  const theirs = sheet.cells.get(`${p.row + 1 + dr},${p.col + 1 + dc}`)?.borders?.[facing];
  return [own, theirs].find((b) => b && b.lineStyle !== XL_NONE);
}

// The fake's classes, for the type test that holds them to Kingsoft's typings (tests/types/wps-vendor.ts).
export type { FakeRange, FakeSheets, FakeWorksheet };
