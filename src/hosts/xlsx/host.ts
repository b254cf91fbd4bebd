// The port over an .xlsx workbook held in memory by ExcelJS (the browser preview, the command line and
// the forms made for units): an interpreter of the port's reads and operations (src/core/ops.ts) and
// nothing more. It tells its listeners (the preview's grid) after every apply.
import type ExcelJS from "exceljs";
import { HostError, type CellsRequest, type HostAction, type Lack, type Op, type ReadRequest, type WorkbookPort, type WorkbookRead } from "../../app/port";
import { METADATA_SHEET } from "../../core/metadata";
import { cellText } from "../../core/text";
import { sheetGrid, toCellValue } from "./grid";
import * as x from "./workbook";

let opened = 0;

export class XlsxHost implements WorkbookPort {
  readonly kind = "xlsx" as const;
  /** ExcelJS draws no charts (exceljs/exceljs#141, "Chart support", open since 2016). */
  readonly lacks: ReadonlySet<Lack> = new Set<Lack>(["charts"]);
  /** The sheet shown (as Excel's active sheet) and the selected cell. */
  active: string;
  selected: { sheet: string; cell: string } | undefined;
  /** Counts changes to the workbook's cells and sheets (not to the active sheet or the selection), so a view can keep what it drew from them. */
  revision = 0;
  private readonly listeners = new Set<() => void>();
  /** Tells this workbook object from another opened in the same page. */
  private readonly identity = `xlsx-${++opened}`;

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.active = savedActiveSheet(workbook);
  }

  /** Shows another sheet, as clicking its tab does. */
  activate(name: string): void {
    this.sheet(name);
    this.active = name;
    this.changed(false);
  }

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners; `content` when cells or sheets changed (else only what is shown or selected). */
  private changed(content = true): void {
    if (content) this.revision++;
    for (const l of this.listeners) l();
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError({ code: "sheet-missing", sheet: name });
    return ws;
  }

  async read(request: ReadRequest): Promise<WorkbookRead> {
    const wb = this.workbook;
    const meta = request.metadata ? wb.getWorksheet(METADATA_SHEET) : undefined;
    const isProtected = (name: string) => !!(wb.getWorksheet(name) as { sheetProtection?: { sheet?: boolean } } | undefined)?.sheetProtection?.sheet;
    return {
      identity: this.identity,
      sheets: wb.worksheets.map((w) => ({ name: w.name, visible: w.state === "visible" })),
      active: wb.getWorksheet(this.active) ? this.active : savedActiveSheet(wb),
      // ExcelJS neither reads nor writes workbook structure protection (exceljs/exceljs#2854, #2861).
      structureProtected: false,
      protectedSheets: (request.protection ?? []).filter(isProtected),
      ...(meta && { metadata: sheetGrid(meta) }),
      ...(request.tables && { tables: x.tables(wb) }),
      grids: (request.grids ?? []).map((r) => ({ grid: sheetGrid(this.sheet(r.name), r.rows), notes: [] })),
      looks: this.cells(request.looks, (cell) => ({ fill: x.fillOf(wb, cell?.style?.fill), note: cell ? x.noteOf(cell) : null, noteWritable: true })),
      contents: this.cells(request.contents, (cell) => {
        const formula = cell ? x.formulaOf(cell) : "";
        const value = formula === "" ? null : cell!.value;
        return { formula, numberFormat: cell?.numFmt ?? "General", text: cellText(toCellValue(value)), native: { host: "xlsx", value: x.jsonOf(value) } };
      }),
    };
  }

  /** The cells asked, by sheet then address (a sheet that does not exist left out); reading adds no cells. */
  private cells<T>(asked: readonly CellsRequest[] | undefined, of: (cell: ExcelJS.Cell | undefined) => T): Map<string, Map<string, T>> {
    const out = new Map<string, Map<string, T>>();
    for (const { sheet, cells } of asked ?? []) {
      const ws = this.workbook.getWorksheet(sheet);
      if (!ws) continue;
      // findCell takes an address alone (exceljs lib/doc/worksheet.js), whatever its typings say.
      const find = ws.findCell.bind(ws) as (address: string) => ExcelJS.Cell | undefined;
      out.set(sheet, new Map([...(out.get(sheet) ?? []), ...cells.map((a): [string, T] => [a, of(find(a))])]));
    }
    return out;
  }

  async apply(ops: readonly Op[], action: HostAction): Promise<void> {
    const wb = this.workbook;
    // A saved file opens on the tab at an index (the workbook view's activeTab) that ExcelJS leaves where
    // it was when sheets are added, moved or deleted: it is made to follow its sheet.
    const view = (wb.views as { activeTab?: number }[] | undefined)?.[0];
    const opens = view?.activeTab !== undefined ? wb.worksheets[view.activeTab] : undefined;
    let content = false;
    try {
      for (const op of ops) {
        content ||= op.op !== "activate";
        await this.run(op);
      }
    } catch (e) {
      throw e instanceof HostError ? e : new HostError({ code: "excel-failed", action, error: e instanceof Error ? e.message : String(e) }, e);
    } finally {
      if (view && opens) view.activeTab = Math.max(0, wb.worksheets.includes(opens) ? wb.worksheets.indexOf(opens) : wb.worksheets.findIndex((w) => w.state === "visible"));
      if (ops.length) this.changed(content);
    }
  }

  private async run(op: Op): Promise<void> {
    const wb = this.workbook;
    const ws = "sheet" in op ? this.sheet(op.sheet) : (undefined as unknown as ExcelJS.Worksheet);
    const taken = (name: string) => wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase()); // as Excel compares names
    const set = (a: string, value: ExcelJS.CellValue) => x.setValue(ws.getCell(a), value);
    switch (op.op) {
      case "values": return x.writeValues(ws, op.row, op.col, op.rows);
      case "content":
        x.setFormat(ws.getCell(op.cell), op.content.numberFormat);
        return set(op.cell, x.valueOf(op.content));
      case "numberFormat": return x.setFormat(ws.getCell(op.cell), op.format);
      case "fill": {
        const fill = x.excelFill(op.fill);
        return op.cells.forEach((a) => x.restyle(ws.getCell(a), { fill }));
      }
      case "note": return op.text === null ? x.removeNote(ws.getCell(op.cell)) : void (ws.getCell(op.cell).note = op.text);
      case "addSheet":
        if (taken(op.name)) throw new HostError({ code: "sheet-exists", sheet: op.name });
        return x.moveTo(wb, wb.addWorksheet(op.name, op.veryHidden ? { state: "veryHidden" } : {}), op.position ?? wb.worksheets.length);
      case "renameSheet": {
        const from = this.sheet(op.from);
        if (taken(op.to) && taken(op.to) !== from) throw new HostError({ code: "sheet-exists", sheet: op.to });
        // ExcelJS's name setter refuses the name its own sheet has in another case.
        if (taken(op.to)) (from as unknown as { _name: string })._name = op.to;
        else from.name = op.to;
        if (this.active === op.from) this.active = op.to;
        if (this.selected?.sheet === op.from) this.selected = { ...this.selected, sheet: op.to };
        return;
      }
      case "moveSheet": return x.moveTo(wb, this.sheet(op.name), op.position);
      case "deleteSheet":
        wb.removeWorksheet(this.sheet(op.name).id);
        // As in Excel, another sheet is shown when the one shown goes.
        if (this.active === op.name) [this.active, this.selected] = [savedActiveSheet(wb), undefined];
        return;
      case "activate":
        this.active = op.sheet;
        if (op.cell) this.selected = { sheet: op.sheet, cell: op.cell };
        return;
      case "merge": return ws.mergeCells(op.range.top + 1, op.range.left + 1, op.range.bottom + 1, op.range.right + 1);
      case "style": return x.eachCell(ws, op.range, (cell) => x.restyle(cell, x.styleOf(cell, op.style)));
      case "columnWidths": return op.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
      case "hideColumns": return op.columns.forEach((c) => (ws.getColumn(c + 1).hidden = true));
      case "rowHeights": return op.heights.forEach((h) => (ws.getRow(h.row + 1).height = h.height));
      // A sheet loaded from a file may have no views, page setup or header and footer (null): each is replaced whole.
      // A frozen pane's top-left cell is left for ExcelJS to derive from ySplit (a loaded one would be stale).
      case "freeze": return void (ws.views = [{ ...ws.views?.[0], state: op.rows > 0 ? "frozen" : "normal", xSplit: 0, ySplit: op.rows, topLeftCell: undefined } as ExcelJS.WorksheetView]);
      case "printTitles": return void (ws.pageSetup = { ...ws.pageSetup, printTitlesRow: `${op.from + 1}:${op.to + 1}` });
      case "page":
        ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
        if (op.footer !== undefined) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&L${op.footer.left}&R${op.footer.right}` };
        return;
      case "protect":
        for (const r of op.open) x.eachCell(ws, r, (cell) => x.restyle(cell, { protection: { ...cell.protection, locked: false } }));
        // No password, so anyone may lift it to look.
        return ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
      case "link": return set(op.cell, x.linkValue(op.target.sheet, op.target.cell, op.text));
      case "table": return x.addTable(wb, ws, op.range, op.name);
      case "metadata": return x.writeRows(wb.getWorksheet(METADATA_SHEET) ?? wb.addWorksheet(METADATA_SHEET, { state: "veryHidden" }), op.rows);
      case "chart": // ExcelJS draws no charts (lacks)
      case "dropLegacySettings": // nothing is kept outside the metadata sheet in an .xlsx
        return;
    }
  }
}

/** The sheet a saved workbook opens on (its active tab), else its first visible sheet. */
function savedActiveSheet(wb: ExcelJS.Workbook): string {
  const sheets = wb.worksheets;
  const tab = (wb.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const saved = tab !== undefined ? sheets[tab] : undefined;
  if (saved && saved.state === "visible") return saved.name;
  return sheets.find((w) => w.state === "visible")?.name ?? sheets[0]?.name ?? "";
}
