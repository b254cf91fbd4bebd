// Each primitive operation of the port as Office.js calls, queued into one batch (`Batch`: synced only
// when the next operation would overfill a request under Excel on the web's limit). Nothing here
// decides what to write: it carries out what it is given, exactly, with what this Excel has.
import { METADATA_SHEET } from "../../core/metadata";
import type { CellRange, CellStyle, Fill, Op, WriteValue } from "../../core/ops";
import { requestBytes, rowSlices, type Batch } from "./batch";
import { budgetOf, MAX_AREAS, SETTINGS_KEY, type ApiSupport } from "./support";

/** Rows of a worksheet. */
const SHEET_ROWS = 1048576;
/** Columns of the metadata sheet cleared below its rows (its records are five wide). */
const METADATA_COLUMNS = 26;
/** Points per character of a column width, as Excel's default font draws them. */
const POINTS_PER_CHAR = 7.5;

/** The metadata sheet as known: whether it exists and how many rows it holds (from its used range). */
export interface MetadataState {
  readonly exists: boolean;
  readonly rows: number;
}

/** Sheets by name, with their visibility as known ("Visible", "Hidden", "VeryHidden"). */
export type SheetStates = Map<string, string>;

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VALIGN = { top: "Top", middle: "Center" } as const;

/** A hyperlink's target in the workbook: 'Sheet name'!A1, quotes in the name doubled. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The fill's properties to set: only those present (never null: Excel refuses a null property), and only the colour before ExcelApi 1.9. */
function fillProps(fill: Fill, rich: boolean): Record<string, string | number> {
  if (!rich) return { color: fill.color };
  const out: Record<string, string | number> = {};
  for (const key of ["pattern", "color", "patternColor", "tintAndShade", "patternTintAndShade"] as const) {
    const v = fill[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  return out;
}

type Cell = string | number | boolean | null;

/**
 * Rows as one rectangle: each value with its number format, a string as text ("@", so "=…" never
 * becomes a formula), an empty cell ("") and a number as "General"; a cell past a row's end is left as
 * it is, as null in Office.js's arrays ("null in 2-D arrays to leave specific cells unchanged":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
/** The longest row's length, at least `least` (a loop: a spread of 200,000 rows overflows the call stack). */
function widest(rows: readonly (readonly unknown[])[], least: number): number {
  let width = least;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

function rectangle(rows: readonly (readonly WriteValue[])[]): { values: Cell[][]; formats: (string | null)[][] } {
  const width = widest(rows, 0);
  const cell = (r: readonly WriteValue[], c: number): [Cell, string | null] => (c >= r.length ? [null, null] : r[c] === null ? ["", "General"] : [r[c]!, typeof r[c] === "string" ? "@" : "General"]);
  const cells = rows.map((r) => Array.from({ length: width }, (_, c) => cell(r, c)));
  return { values: cells.map((r) => r.map((c) => c[0])), formats: cells.map((r) => r.map((c) => c[1])) };
}

/** Carries out operations into one batch; `states` and `metadata` are what is known of the workbook, kept up to date. */
export class OpWriter {
  private readonly proxies = new Map<string, Excel.Worksheet>();
  private readonly budget: number;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly batch: Batch,
    readonly states: SheetStates | undefined,
    /** Known before any metadata operation (the host loads it first when it is not). */
    public metadata: MetadataState | undefined,
  ) {
    this.budget = budgetOf(support);
  }

  private ws(name: string): Excel.Worksheet {
    let ws = this.proxies.get(name);
    if (!ws) this.proxies.set(name, (ws = this.context.workbook.worksheets.getItem(name)));
    return ws;
  }

  private range(sheet: string, r: CellRange): Excel.Range {
    return this.ws(sheet).getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  }

  /** Queues one operation. */
  async write(op: Op): Promise<void> {
    const add = (queue: () => void, bytes = requestBytes(op)) => this.batch.add(bytes, queue);
    switch (op.op) {
      case "values":
        return this.values(op.sheet, op.row, op.col, rectangle(op.rows));
      case "content":
        return add(() => {
          const range = this.ws(op.sheet).getRange(op.cell);
          range.numberFormat = [[op.content.numberFormat]];
          range.formulas = [[op.content.formula]];
        });
      case "numberFormat":
        return add(() => (this.ws(op.sheet).getRange(op.cell).numberFormat = [[op.format]]));
      case "fill":
        return this.fill(op.sheet, op.cells, op.fill);
      case "note":
        // Notes are ExcelApi 1.18 (and a library with NoteCollection); without them there is nothing to write.
        if (!this.support.notes) return;
        return add(() => {
          const notes = this.ws(op.sheet).notes;
          if (op.had) notes.getItem(op.cell).delete();
          if (op.text !== null) notes.add(op.cell, op.text);
        });
      case "addSheet":
        return add(() => this.addSheet(op.name, op.position, op.veryHidden));
      case "renameSheet":
        return add(() => {
          this.ws(op.from).name = op.to;
          this.forget(op.from, op.to);
          const state = this.states?.get(op.from);
          this.states?.delete(op.from);
          if (state !== undefined) this.states?.set(op.to, state);
        });
      case "moveSheet":
        return add(() => (this.ws(op.name).position = op.position));
      case "deleteSheet":
        return add(() => {
          const ws = this.ws(op.name);
          // "If the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
          // InvalidOperation exception. You should first change its visibility to hidden or visible"
          // (Worksheet.delete, @types/office-js): unless it is known to be visible, it is hidden first.
          if (this.states?.get(op.name) !== "Visible") ws.visibility = "Hidden";
          ws.delete();
          this.forget(op.name);
          this.states?.delete(op.name);
          if (op.name === METADATA_SHEET) this.metadata = { exists: false, rows: 0 };
        });
      case "activate":
        return add(() => {
          const ws = this.ws(op.sheet);
          ws.activate();
          if (op.cell !== undefined) ws.getRange(op.cell).select();
        });
      case "merge":
        return add(() => this.range(op.sheet, op.range).merge());
      case "style":
        return this.style(op.sheet, op.range, op.style);
      // One request operation a column or a row, each counted: a summary may set thousands of rows.
      case "columnWidths":
        for (const [c, w] of op.widths.entries()) await add(() => (this.ws(op.sheet).getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHAR), requestBytes(w));
        return;
      case "hideColumns":
        for (const c of op.columns) await add(() => (this.ws(op.sheet).getRangeByIndexes(0, c, 1, 1).columnHidden = true), requestBytes(true));
        return;
      case "rowHeights":
        for (const h of op.heights) await add(() => (this.ws(op.sheet).getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height), requestBytes(h.height));
        return;
      case "freeze":
        return add(() => (op.rows > 0 ? this.ws(op.sheet).freezePanes.freezeRows(op.rows) : this.ws(op.sheet).freezePanes.unfreeze()));
      case "printTitles":
        // Print titles came with ExcelApi 1.9 (PageLayout.setPrintTitleRows); older Excel prints without.
        if (!this.support.rangeAreas) return;
        return add(() => this.ws(op.sheet).pageLayout.setPrintTitleRows(`$${op.from + 1}:$${op.to + 1}`));
      case "page":
        // Page layout came with ExcelApi 1.9 (Worksheet.pageLayout); older Excel prints with its defaults.
        if (!this.support.rangeAreas) return;
        return add(() => this.page(op.sheet, op.footer));
      case "protect":
        for (const r of op.open) await add(() => (this.range(op.sheet, r).format.protection.locked = false), requestBytes(r));
        // No password, so anyone may lift it to look.
        return add(() => this.ws(op.sheet).protection.protect({ allowFormatColumns: true, allowFormatRows: true }), requestBytes(null));
      case "link":
        return add(() => (this.ws(op.sheet).getRange(op.cell).hyperlink = { documentReference: documentReference(op.target.sheet, op.target.cell), textToDisplay: op.text }));
      case "table":
        return add(() => {
          const table = this.ws(op.sheet).tables.add(this.range(op.sheet, op.range), true);
          table.style = "TableStyleMedium2";
          table.name = op.name;
        });
      case "chart":
        return add(() => {
          const ws = this.ws(op.sheet);
          const chart = ws.charts.add("BarClustered", this.range(op.sheet, op.values), "Columns");
          chart.series.getItemAt(0).setXAxisValues(this.range(op.sheet, op.categories));
          chart.title.text = op.title;
          chart.legend.visible = false;
          chart.setPosition(ws.getRangeByIndexes(op.at.top, op.at.left, 1, 1), ws.getRangeByIndexes(op.at.bottom, op.at.right, 1, 1));
        });
      case "metadata":
        return this.writeMetadata(op.rows);
      case "dropLegacySettings":
        return add(() => {
          // SettingCollection.add "sets or adds" (ExcelApi 1.4), so the key exists for getItem, and goes:
          // whether it was there or not, no method is called on a null object.
          const settings = this.context.workbook.settings;
          settings.add(SETTINGS_KEY, "");
          settings.getItem(SETTINGS_KEY).delete();
        });
    }
  }

  /** A worksheet proxy is not reused across a rename or a delete: the name it was got by no longer holds. */
  private forget(...names: string[]): void {
    for (const n of names) this.proxies.delete(n);
  }

  /** Adds a sheet at the end, then at its position; WorksheetCollection.add does not activate it ("call .activate() on it"). */
  private addSheet(name: string, position: number | undefined, veryHidden: boolean | undefined): void {
    const ws = this.context.workbook.worksheets.add(name);
    this.proxies.set(name, ws);
    if (position !== undefined) ws.position = position;
    if (veryHidden) ws.visibility = "VeryHidden";
    this.states?.set(name, veryHidden ? "VeryHidden" : "Visible");
    if (name === METADATA_SHEET) this.metadata = { exists: true, rows: 0 };
  }

  /** The number formats before the values, in slices of rows that fit a request. */
  private async values(sheet: string, row: number, col: number, { values, formats }: { values: Cell[][]; formats: (string | null)[][] }): Promise<void> {
    if (!values.length || !values[0]!.length) return;
    for (const slice of rowSlices(values, this.budget / 3)) {
      const sliceFormats = formats.slice(slice.at, slice.at + slice.rows.length);
      // The number formats and the values are two sets of their own in the request.
      await this.batch.add(requestBytes(slice.rows) + requestBytes(sliceFormats), () => {
        const range = this.ws(sheet).getRangeByIndexes(row + slice.at, col, slice.rows.length, slice.rows[0]!.length);
        range.numberFormat = sliceFormats as string[][];
        range.values = slice.rows;
      });
    }
  }

  /** The cells as RangeAreas of at most MAX_AREAS addresses (ExcelApi 1.9), or one range a cell before. */
  private async fill(sheet: string, cells: readonly string[], fill: Fill | null): Promise<void> {
    const targets: string[] = [];
    if (this.support.rangeAreas) for (let i = 0; i < cells.length; i += MAX_AREAS) targets.push(cells.slice(i, i + MAX_AREAS).join(","));
    else targets.push(...cells);
    const props = fill ? fillProps(fill, this.support.rangeAreas) : undefined;
    for (const target of targets) {
      await this.batch.add(requestBytes(target) + requestBytes(props ?? null), () => {
        const ws = this.ws(sheet);
        const t = this.support.rangeAreas ? ws.getRanges(target) : ws.getRange(target);
        if (props) t.format.fill.set(props);
        else t.format.fill.clear();
      });
    }
  }

  private async style(sheet: string, r: CellRange, style: CellStyle): Promise<void> {
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    const formats = style.numberFormat !== undefined ? Array.from({ length: height }, () => new Array<string>(width).fill(style.numberFormat!)) : undefined;
    await this.batch.add(requestBytes(style) * 4 + (formats ? requestBytes(formats) : 0), () => {
      const range = this.range(sheet, r);
      const f = range.format;
      if (style.bold !== undefined) f.font.bold = style.bold;
      if (style.size !== undefined) f.font.size = style.size;
      if (style.color !== undefined) f.font.color = style.color;
      if (style.underline !== undefined) f.font.underline = style.underline ? "Single" : "None";
      if (style.fill !== undefined) f.fill.color = style.fill;
      if (style.align !== undefined) f.horizontalAlignment = ALIGN[style.align];
      if (style.valign !== undefined) f.verticalAlignment = VALIGN[style.valign];
      if (style.wrap !== undefined) f.wrapText = style.wrap;
      if (style.border) {
        const line = (index: Excel.BorderIndex | `${Excel.BorderIndex}`, color: string) => {
          const b = f.borders.getItem(index);
          b.style = "Continuous";
          b.weight = "Thin";
          b.color = color;
        };
        if ("around" in style.border) {
          for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) line(edge, style.border.around);
          // Inside lines only where the range has them: between its rows, between its columns.
          if (height > 1) line("InsideHorizontal", style.border.around);
          if (width > 1) line("InsideVertical", style.border.around);
        } else line("EdgeBottom", style.border.under);
      }
      if (formats) range.numberFormat = formats;
    });
  }

  /** A4 landscape, one page wide; the footer's parts as given (Excel's codes). */
  private page(sheet: string, footer: { left: string; right: string } | undefined): void {
    const layout = this.ws(sheet).pageLayout;
    layout.orientation = "Landscape";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (footer === undefined) return;
    const foot = layout.headersFooters.defaultForAllPages;
    foot.leftFooter = footer.left;
    foot.rightFooter = footer.right;
  }

  /**
   * The metadata sheet's rows, as text (the sheet added very hidden when there is none; adding does
   * not activate it). When they fit one request they go over the old rows in one operation, and what
   * is below is cleared: a write that stops half-way leaves the old rows or the new ones, never none.
   * When they do not (Excel on the web, very many rows), they go below the old rows in several
   * requests, and the old rows are then deleted in one operation: until then the old rows come first.
   */
  private async writeMetadata(rows: readonly (readonly string[])[]): Promise<void> {
    if (!this.metadata?.exists) await this.batch.add(requestBytes(METADATA_SHEET), () => this.addSheet(METADATA_SHEET, undefined, true));
    const width = widest(rows, 1);
    const grid = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    const wide = Math.max(width, METADATA_COLUMNS);
    const put = (at: number, slice: string[][]) => {
      if (!slice.length) return;
      const range = this.ws(METADATA_SHEET).getRangeByIndexes(at, 0, slice.length, width);
      range.numberFormat = slice.map((r) => r.map(() => "@"));
      range.values = slice;
    };
    const clearBelow = () => this.ws(METADATA_SHEET).getRangeByIndexes(grid.length, 0, SHEET_ROWS - grid.length, wide).clear();
    const old = this.metadata?.rows ?? 0;
    const bytes = 2 * requestBytes(grid);
    if (bytes <= this.budget) {
      await this.batch.add(bytes, () => {
        put(0, grid);
        clearBelow();
      });
    } else {
      for (const slice of rowSlices(grid, this.budget / 3)) await this.batch.add(2 * requestBytes(slice.rows), () => put(old + slice.at, slice.rows));
      await this.batch.add(requestBytes(null), () => {
        if (old > 0) this.ws(METADATA_SHEET).getRangeByIndexes(0, 0, old, wide).delete("Up");
        clearBelow();
      });
    }
    this.metadata = { exists: true, rows: grid.length };
  }
}
