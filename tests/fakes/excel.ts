// A fake of the part of the Excel JavaScript API the Office host uses. Like Office.js, proxies queue
// operations that run, in order, at `context.sync()`; reading a property that was not loaded (or
// before the sync that loads it) throws. It counts syncs and records every queued operation.
import { a1, parseA1, parseRange } from "../../src/core/address";
import type { CellRange } from "../../src/core/types";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: unknown;
  fill: FakeFill;
  numberFormat: string;
  /** Locked when the sheet is protected (Excel's default: true). */
  locked?: boolean;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  /** Rows hidden or filtered out (0-based). */
  hiddenRows: Set<number>;
  notes: Map<string, string>;
  tables: { name: string; address: string; style: string }[];
  hyperlinks: Map<string, { documentReference?: string; textToDisplay?: string }>;
  charts: number;
  pageLayout: Record<string, unknown>;
  /** Columns hidden (0-based). */
  hiddenColumns: Set<number>;
  /** Rows frozen at the top. */
  frozenRows: number;
  /** The protection options when the sheet is protected. */
  protection?: Record<string, unknown>;
}

export interface FakeWorkbookModel {
  sheets: FakeSheet[];
  active: string;
  settings: Map<string, unknown>;
  selected?: { sheet: string; address: string };
}

export function newSheet(name: string, values: unknown[][] = [], merges: string[] = []): FakeSheet {
  const cells = new Map<string, FakeCell>();
  values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(`${r},${c}`, { value: v, fill: { ...NO_FILL }, numberFormat: "General" })));
  return { name, visibility: "Visible", cells, merges: merges.map((m) => parseRange(m)!), hiddenRows: new Set(), notes: new Map(), tables: [], hyperlinks: new Map(), charts: 0, pageLayout: {}, hiddenColumns: new Set(), frozenRows: 0 };
}

class NotLoaded extends Error {}

type Op = { readonly describe: string; readonly run: () => void };

/** The fake RequestContext: a queue of operations, run at sync. */
export class FakeContext {
  syncs = 0;
  readonly ops: string[] = [];
  /** Fails the nth queued operation (1-based, counted over the whole run) with this error, for failure tests. */
  failAt?: { op: number; error: Error };
  private queue: Op[] = [];
  private opCount = 0;
  readonly workbook: FakeWorkbook;
  readonly application = { suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculationUntilNextSync()", () => undefined) };

  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(describe: string, run: () => void): void {
    this.ops.push(describe);
    this.queue.push({ describe, run });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const queue = this.queue;
    this.queue = [];
    for (const op of queue) {
      this.opCount++;
      if (this.failAt && this.opCount === this.failAt.op) throw this.failAt.error;
      op.run();
    }
  }

  sheet(name: string): FakeSheet | undefined {
    return this.model.sheets.find((s) => s.name === name);
  }
}

/** Base of every proxy: properties become readable only once a sync has loaded them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  protected get_<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(`读取了未加载的属性 ${prop}（先 load 再 sync）`);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new NotLoaded("读取了未同步的 isNullObject");
    return this.nullState;
  }
}

function splitProps(props: string): string[] {
  return props.split(",").map((p) => p.trim()).filter(Boolean);
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettings;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettings(ctx);
  }
}

class FakeSetting extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`settings.getItemOrNullObject(${this.key}).load(${props})`, () => {
      this.nullState = !this.ctx.model.settings.has(this.key);
      this.loaded.set("value", this.ctx.model.settings.get(this.key));
    });
    return this;
  }
  get value(): unknown {
    return this.get_<unknown>("value");
  }
  delete(): void {
    this.ctx.enqueue(`settings.getItemOrNullObject(${this.key}).delete()`, () => {
      if (!this.ctx.model.settings.has(this.key)) throw Object.assign(new Error(`InvalidArgument: no setting ${this.key} (a method on a null object)`), { code: "InvalidArgument" });
      this.ctx.model.settings.delete(this.key);
    });
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
  add(key: string, value: unknown): void {
    this.ctx.enqueue(`settings.add(${key})`, () => this.ctx.model.settings.set(key, value));
  }
}

class FakeWorksheetCollection extends Proxy {
  load(props: string): this {
    this.ctx.enqueue(`worksheets.load(${props})`, () => {
      this.loaded.set("items", this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s.name);
        ws.fill(s);
        return ws;
      }));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.get_<FakeWorksheet[]>("items");
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.active);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      if (!this.ctx.sheet(name)) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
      return name;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(`worksheets.add(${name})`, () => {
      if (this.ctx.sheet(name)) throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
      this.ctx.model.sheets.push(newSheet(name));
    });
    return new FakeWorksheet(this.ctx, () => name);
  }
}

export class FakeWorksheet extends Proxy {
  readonly notes: FakeNotes;
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  readonly pageLayout: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    readonly resolveName: () => string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.notes = new FakeNotes(ctx, this);
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    const layout: Record<string, unknown> = {};
    this.pageLayout = new globalThis.Proxy(layout, {
      set: (_t, prop, value) => {
        ctx.enqueue(`pageLayout.${String(prop)}=`, () => (this.sheet().pageLayout[String(prop)] = value));
        return true;
      },
      get: (_t, prop) =>
        prop === "setPrintTitleRows"
          ? (rows: string) => ctx.enqueue(`pageLayout.setPrintTitleRows(${rows})`, () => (this.sheet().pageLayout.printTitleRows = rows))
          : undefined,
    });
    this.freezePanes = { freezeRows: (count: number) => ctx.enqueue(`freezePanes.freezeRows(${count})`, () => (this.sheet().frozenRows = count)) };
    this.protection = { protect: (options?: Record<string, unknown>) => ctx.enqueue(`protection.protect()`, () => (this.sheet().protection = { ...options })) };
  }

  readonly freezePanes: { freezeRows(count: number): void };
  readonly protection: { protect(options?: Record<string, unknown>): void };

  /** The sheet this proxy stands for (at sync time). */
  sheet(): FakeSheet {
    const s = this.ctx.sheet(this.resolveName());
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${this.resolveName()}`), { code: "ItemNotFound" });
    return s;
  }

  exists(): boolean {
    return !!this.ctx.sheet(this.resolveName());
  }

  fill(s: FakeSheet): void {
    this.loaded.set("name", s.name);
    this.loaded.set("visibility", s.visibility);
    this.nullState = false;
  }

  load(props: string): this {
    this.ctx.enqueue(`worksheet.load(${props})`, () => {
      if (this.orNull && !this.exists()) {
        this.nullState = true;
        return;
      }
      this.fill(this.sheet());
    });
    return this;
  }

  get name(): string {
    return this.get_<string>("name");
  }
  get visibility(): string {
    return this.get_<string>("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue(`worksheet.visibility=${v}`, () => (this.sheet().visibility = v as FakeSheet["visibility"]));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this, () => usedRange(this.orNull && !this.exists() ? undefined : this.sheet()), true);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseRange(address)! : { top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }
  getRanges(address: string): FakeRangeAreas {
    const parts = address.split(",");
    if (parts.length > 400) throw new Error("too many areas in one RangeAreas");
    return new FakeRangeAreas(this.ctx, this, () => parts.map((p) => parseRange(p)!));
  }
  activate(): void {
    this.ctx.enqueue(`worksheet.activate()`, () => (this.ctx.model.active = this.sheet().name));
  }
  delete(): void {
    this.ctx.enqueue(`worksheet.delete()`, () => {
      const s = this.sheet();
      this.ctx.model.sheets.splice(this.ctx.model.sheets.indexOf(s), 1);
    });
  }
}

function usedRange(s: FakeSheet | undefined): CellRange | undefined {
  if (!s || s.cells.size === 0) return undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const key of s.cells.keys()) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return { top, left, bottom, right };
}

function cellsOf(r: CellRange): [number, number][] {
  const out: [number, number][] = [];
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push([i, j]);
  return out;
}

function rangeAddress(sheet: string, r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return `${sheet}!${tl === br ? tl : `${tl}:${br}`}`;
}

class FakeFillProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; areas: CellRange[] },
    private readonly label: string,
  ) {
    super(ctx);
  }
  private cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(`${r},${c}`);
    if (!cell) sheet.cells.set(`${r},${c}`, (cell = { value: "", fill: { ...NO_FILL }, numberFormat: "General" }));
    return cell;
  }
  load(props: string): this {
    this.ctx.enqueue(`${this.label}.format.fill.load(${props})`, () => {
      const { sheet, areas } = this.target();
      const [r, c] = [areas[0]!.top, areas[0]!.left];
      const fill = sheet.cells.get(`${r},${c}`)?.fill ?? NO_FILL;
      for (const p of splitProps(props)) this.loaded.set(p, fill[p as keyof FakeFill]);
    });
    return this;
  }
  get color(): string {
    return this.get_<string>("color");
  }
  set color(color: string) {
    this.set({ color, pattern: "Solid" });
  }
  get pattern(): string {
    return this.get_<string>("pattern");
  }
  get patternColor(): string {
    return this.get_<string>("patternColor");
  }
  get tintAndShade(): number {
    return this.get_<number>("tintAndShade");
  }
  get patternTintAndShade(): number {
    return this.get_<number>("patternTintAndShade");
  }
  set(props: Partial<FakeFill>): void {
    this.ctx.enqueue(`${this.label}.format.fill.set(${JSON.stringify(props)})`, () => {
      const { sheet, areas } = this.target();
      for (const a of areas) for (const [r, c] of cellsOf(a)) Object.assign(this.cell(sheet, r, c).fill, props.pattern === undefined && props.color ? { ...props, pattern: "Solid" } : props);
    });
  }
  clear(): void {
    this.ctx.enqueue(`${this.label}.format.fill.clear()`, () => {
      const { sheet, areas } = this.target();
      for (const a of areas) for (const [r, c] of cellsOf(a)) this.cell(sheet, r, c).fill = { ...NO_FILL };
    });
  }
}

/**
 * Format writes other than the fill and the cells' protection are recorded, and kept only as far as
 * the tests look at them.
 */
function formatOf(ctx: FakeContext, label: string, target: () => { sheet: FakeSheet; areas: CellRange[] }, fill: FakeFillProxy) {
  const record = (prop: string) => (value: unknown) => ctx.enqueue(`${label}.format.${prop}=${JSON.stringify(value)}`, () => void target());
  const font = new globalThis.Proxy({}, { set: (_t, p, v) => (record(`font.${String(p)}`)(v), true) });
  const protection = new globalThis.Proxy(
    {},
    {
      set: (_t, p, v) => {
        if (p !== "locked") throw new Error(`fake format.protection cannot set ${String(p)}`);
        ctx.enqueue(`${label}.format.protection.locked=${JSON.stringify(v)}`, () => {
          const { sheet, areas } = target();
          for (const a of areas) {
            for (const [r, c] of cellsOf(a)) {
              const key = `${r},${c}`;
              const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
              cell.locked = !!v;
              sheet.cells.set(key, cell);
            }
          }
        });
        return true;
      },
    },
  );
  const autofitRows = () => record("autofitRows()")(null);
  return new globalThis.Proxy(
    { fill, font, protection, autofitRows },
    {
      set: (_t, p, v) => (record(String(p))(v), true),
      get: (t, p) => (p === "fill" || p === "font" || p === "protection" || p === "autofitRows" ? t[p] : undefined),
    },
  ) as unknown as { fill: FakeFillProxy; font: Record<string, unknown>; protection: { locked: boolean }; autofitRows(): void } & Record<string, unknown>;
}

export class FakeRange extends Proxy {
  readonly format: ReturnType<typeof formatOf>;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolve: () => CellRange | undefined,
    private readonly orNull = false,
  ) {
    super(ctx);
    const target = () => ({ sheet: this.ws.sheet(), areas: [this.area()] });
    this.format = formatOf(ctx, "range", target, new FakeFillProxy(ctx, target, "range"));
  }

  area(): CellRange {
    const r = this.resolve();
    if (!r) throw new Error("range is a null object");
    return r;
  }

  load(props: string): this {
    this.ctx.enqueue(`range.load(${props})`, () => {
      const r = this.resolve();
      if (this.orNull && !r) {
        this.nullState = true;
        return;
      }
      this.nullState = false;
      const area = this.area();
      const sheet = this.ws.sheet();
      const grid = (f: (cell: FakeCell | undefined) => unknown) =>
        Array.from({ length: area.bottom - area.top + 1 }, (_, i) => Array.from({ length: area.right - area.left + 1 }, (_, j) => f(sheet.cells.get(`${area.top + i},${area.left + j}`))));
      for (const p of splitProps(props)) {
        if (p === "values") this.loaded.set(p, grid((c) => (c ? c.value : "")));
        else if (p === "text") this.loaded.set(p, grid((c) => (c ? String(c.value) : "")));
        else if (p === "formulas") this.loaded.set(p, grid((c) => (!c ? "" : c.value !== null && typeof c.value === "object" && "formula" in c.value ? (c.value as { formula: string }).formula : c.value)));
        else if (p === "numberFormat") this.loaded.set(p, grid((c) => (c ? c.numberFormat : "General")));
        else if (p === "address") this.loaded.set(p, rangeAddress(sheet.name, area));
        else if (p === "rowIndex") this.loaded.set(p, area.top);
        else if (p === "columnIndex") this.loaded.set(p, area.left);
        else if (p === "rowCount") this.loaded.set(p, area.bottom - area.top + 1);
        else if (p === "columnCount") this.loaded.set(p, area.right - area.left + 1);
        // As Excel's: true when every column of the range is hidden.
        else if (p === "columnHidden") this.loaded.set(p, Array.from({ length: area.right - area.left + 1 }, (_, i) => sheet.hiddenColumns.has(area.left + i)).every(Boolean));
        else throw new Error(`fake Range cannot load ${p}`);
      }
    });
    return this;
  }
  get values(): unknown[][] {
    return this.get_<unknown[][]>("values");
  }
  /** Like Excel's: text starting with = + - @ becomes a formula unless the cell's format is text. */
  set values(values: unknown[][]) {
    this.put("values", values, (v) => /^[=+\-@]/.test(v));
  }
  get formulas(): unknown[][] {
    return this.get_<unknown[][]>("formulas");
  }
  /** Like Excel's: a string starting with "=" is a formula unless the cell's format is text. */
  set formulas(formulas: unknown[][]) {
    this.put("formulas", formulas, (v) => v.startsWith("="));
  }
  /** Queues a write of a grid of values that must fit the range; `isFormula` says which strings Excel would take as formulas. */
  private put(what: string, values: unknown[][], isFormula: (v: string) => boolean): void {
    this.ctx.enqueue(`range.${what}=(${values.length}×${values[0]?.length ?? 0})`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      if (values.length !== area.bottom - area.top + 1 || values[0]!.length !== area.right - area.left + 1) throw Object.assign(new Error(`InvalidArgument: ${what} do not fit the range`), { code: "InvalidArgument" });
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${area.top + i},${area.left + j}`;
          const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
          cell.value = typeof v === "string" && cell.numberFormat !== "@" && isFormula(v) ? { formula: v } : v;
          sheet.cells.set(key, cell);
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.get_<string[][]>("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.ctx.enqueue(`range.numberFormat=`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          const key = `${area.top + i},${area.left + j}`;
          const cell = sheet.cells.get(key) ?? { value: "", fill: { ...NO_FILL }, numberFormat: "General" };
          cell.numberFormat = f;
          sheet.cells.set(key, cell);
        }),
      );
    });
  }
  get text(): string[][] {
    return this.get_<string[][]>("text");
  }
  get address(): string {
    return this.get_<string>("address");
  }
  get rowIndex(): number {
    return this.get_<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.get_<number>("columnIndex");
  }
  get rowCount(): number {
    return this.get_<number>("rowCount");
  }
  get columnCount(): number {
    return this.get_<number>("columnCount");
  }
  get columnHidden(): boolean {
    return this.get_<boolean>("columnHidden");
  }
  /** The whole columns of the range. */
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.area();
      return { top: 0, left: a.left, bottom: 1048575, right: a.right };
    });
  }
  /** Hides the range's columns (whole columns, as Excel does). */
  set columnHidden(hidden: boolean) {
    this.ctx.enqueue(`range.columnHidden=${hidden}`, () => {
      const area = this.area();
      const set = this.ws.sheet().hiddenColumns;
      for (let c = area.left; c <= area.right; c++) {
        if (hidden) set.add(c);
        else set.delete(c);
      }
    });
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.enqueue(`range.hyperlink=${JSON.stringify(link)}`, () => {
      const area = this.area();
      this.ws.sheet().hyperlinks.set(a1(area.top, area.left), link);
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      const area = this.resolve();
      if (!area) return [];
      const found = this.ws.sheet().merges.filter((m) => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right);
      if (found.length > 512) throw Object.assign(new Error("too many merged areas"), { code: "GeneralException" });
      return found;
    }, true);
  }
  /** Only "Visible": the row runs of the range that are not hidden, as areas (a null object when none is). */
  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    if (type !== "Visible") throw new Error(`fake Range cannot get special cells ${type}`);
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      // On a null range (an empty sheet's used range), a null object too.
      const a = this.resolve();
      if (!a) return [];
      const hidden = this.ws.sheet().hiddenRows;
      const out: { top: number; left: number; bottom: number; right: number }[] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        if (hidden.has(r)) continue;
        const last = out[out.length - 1];
        if (last && last.bottom === r - 1) last.bottom = r;
        else out.push({ top: r, left: a.left, bottom: r, right: a.right });
      }
      return out;
    }, true);
  }
  merge(): void {
    this.ctx.enqueue(`range.merge()`, () => this.ws.sheet().merges.push(this.area()));
  }
  select(): void {
    this.ctx.enqueue(`range.select()`, () => (this.ctx.model.selected = { sheet: this.ws.sheet().name, address: a1(this.area().top, this.area().left) }));
  }
  clear(): void {
    this.ctx.enqueue(`range.clear()`, () => {
      const area = this.area();
      const sheet = this.ws.sheet();
      for (const key of [...sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) sheet.cells.delete(key);
      }
    });
  }
}

export class FakeRangeAreas extends Proxy {
  readonly format: ReturnType<typeof formatOf>;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly resolve: () => CellRange[],
    private readonly orNull = false,
  ) {
    super(ctx);
    const target = () => ({ sheet: this.ws.sheet(), areas: this.resolve() });
    this.format = formatOf(ctx, "rangeAreas", target, new FakeFillProxy(ctx, target, "rangeAreas"));
  }
  load(props: string): this {
    this.ctx.enqueue(`rangeAreas.load(${props})`, () => {
      const areas = this.resolve();
      this.nullState = this.orNull && areas.length === 0;
      this.loaded.set("areas", { items: areas.map((a) => ({ address: rangeAddress(this.ws.sheet().name, a) })) });
      this.loaded.set("address", areas.map((a) => rangeAddress(this.ws.sheet().name, a)).join(","));
    });
    return this;
  }
  get areas(): { items: { address: string }[] } {
    return this.get_<{ items: { address: string }[] }>("areas");
  }
  get address(): string {
    return this.get_<string>("address");
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly cell: string,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.ctx.enqueue(`notes.getItemOrNullObject(${this.cell}).load(${props})`, () => {
      const note = this.ws.sheet().notes.get(this.cell);
      this.nullState = note === undefined;
      this.loaded.set("content", note);
    });
    return this;
  }
  get content(): string {
    return this.get_<string>("content");
  }
  delete(): void {
    this.ctx.enqueue(`notes.getItemOrNullObject(${this.cell}).delete()`, () => {
      if (!this.ws.sheet().notes.has(this.cell)) throw Object.assign(new Error(`InvalidArgument: no note at ${this.cell} (a method on a null object)`), { code: "InvalidArgument" });
      this.ws.sheet().notes.delete(this.cell);
    });
  }
}

class FakeNotes {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, cell);
  }
  /** Like Excel's: an operation on the note of a cell without one fails at sync. */
  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, cell);
  }
  add(cell: string, content: string): void {
    this.ctx.enqueue(`notes.add(${cell})`, () => {
      if (this.ws.sheet().notes.has(cell)) throw Object.assign(new Error(`InvalidArgument: ${cell} has a note already`), { code: "InvalidArgument" });
      this.ws.sheet().notes.set(cell, content);
    });
  }
}

class FakeTables {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(range: FakeRange, hasHeaders: boolean): { name: string; style: string } {
    const table = { name: "", address: "", style: "" };
    this.ctx.enqueue(`tables.add(hasHeaders=${hasHeaders})`, () => {
      const area = range.area();
      table.address = rangeAddress(this.ws.sheet().name, area);
      this.ws.sheet().tables.push(table);
    });
    return new globalThis.Proxy(table, {
      set: (t, p, v) => {
        this.ctx.enqueue(`table.${String(p)}=${JSON.stringify(v)}`, () => {
          (t as Record<string, unknown>)[String(p)] = v;
          if (p === "name" && this.ctx.model.sheets.some((s) => s.tables.some((o) => o !== t && o.name.toLowerCase() === String(v).toLowerCase()))) {
            throw Object.assign(new Error(`InvalidArgument: table name ${String(v)} is taken`), { code: "InvalidArgument" });
          }
        });
        return true;
      },
    });
  }
}

class FakeCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: string, source: FakeRange): unknown {
    this.ctx.enqueue(`charts.add(${type})`, () => {
      void source.area();
      this.ws.sheet().charts++;
    });
    const record = (what: string) => (...args: unknown[]) => this.ctx.enqueue(`chart.${what}(${args.length})`, () => undefined);
    const series = { setXAxisValues: record("series.setXAxisValues"), setValues: record("series.setValues") };
    return {
      title: new globalThis.Proxy({}, { set: (_t, p, v) => (this.ctx.enqueue(`chart.title.${String(p)}=${JSON.stringify(v)}`, () => undefined), true) }),
      setPosition: record("setPosition"),
      series: { getItemAt: () => series },
      legend: new globalThis.Proxy({}, { set: (_t, p) => (this.ctx.enqueue(`chart.legend.${String(p)}=`, () => undefined), true) }),
    };
  }
}

/** An `Excel.run` over the model; each run gets a fresh context, as Office.js does. */
export function fakeRun(model: FakeWorkbookModel) {
  const runs: FakeContext[] = [];
  let failNext: FakeContext["failAt"];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(model);
    if (failNext) [ctx.failAt, failNext] = [failNext, undefined];
    runs.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return {
    run,
    runs,
    /** Syncs over all runs since the last reset. */
    get syncs() {
      return runs.reduce((n, c) => n + c.syncs, 0);
    },
    get ops() {
      return runs.flatMap((c) => c.ops);
    },
    reset() {
      runs.length = 0;
    },
    /** The next run fails at its nth queued operation (1-based), as Excel fails a batch half-way. */
    failNextAt(op: number, error: Error = Object.assign(new Error("GeneralException: the operation failed"), { code: "GeneralException" })) {
      failNext = { op, error };
    },
  };
}

export function cellAt(sheet: FakeSheet, address: string): FakeCell | undefined {
  const p = parseA1(address)!;
  return sheet.cells.get(`${p.row},${p.col}`);
}
