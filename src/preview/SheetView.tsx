// A worksheet drawn as a spreadsheet: tabs, column letters, row numbers, merged cells, fills, notes
// on hover (a red corner marks them), links inside the workbook (the summary's 位置) that go to their
// cell, and the selected cell, scrolled into view. Rows and columns are virtualised: only the cells in
// view are in the page, at the sizes the file sets, so a 10,000-row ledger scrolls as a short one and
// every row is reachable.
import * as React from "react";
import type ExcelJS from "exceljs";
import { useVirtualizer, type VirtualItem, type Virtualizer } from "@tanstack/react-virtual";
import { columnLetter, parseA1 } from "../core/address";
import type { CellRange } from "../core/types";
import { cellText } from "../core/text";
import type { XlsxHost } from "../hosts/xlsx/host";
import { toCellValue } from "../hosts/xlsx/grid";
import { observeRectOrScreenful } from "../taskpane/virtual";
import { internalLink, sheetModel, visibleCells, type SheetModel } from "./sheetModel";
import { book as bookOf } from "../app/book";
import type { PageText } from "../app/messages";
import { CellEditor, type CellEditorHandle, type EditCell, type PasteCells } from "./CellEditor";

/** The row numbers' column and the column letters' row. */
const HEADER_W = 40;
const HEADER_H = 22;
const SCREENFUL = observeRectOrScreenful({ width: 1000, height: 700 });

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  if (!note) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** The text a cell shows: its value, with a percentage format applied as Excel would. */
function shownText(cell: ExcelJS.Cell): string {
  const value = toCellValue(cell.value);
  const pct = typeof value === "number" ? /^0(?:\.(0+))?%$/.exec(cell.numFmt ?? "") : null;
  if (pct && typeof value === "number") return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  return cellText(value);
}

function fillColor(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.style?.fill as ExcelJS.FillPattern | undefined;
  const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return argb ? `#${argb.slice(-6)}` : undefined;
}

const JUSTIFY: Record<string, React.CSSProperties["alignItems"]> = { top: "flex-start", middle: "center", bottom: "flex-end" };

/** One cell (a merged area: its top-left cell over the whole area), at its place in its row. */
function Cell({ ws, model, row, col, area, selected, onPick, onOpen, text: words }: { ws: ExcelJS.Worksheet; model: SheetModel; row: number; col: number; area: CellRange | undefined; selected: boolean; onPick: (address: string, link?: { sheet: string; cell: string }) => void; onOpen: (address: string) => void; text: PageText }) {
  const address = `${columnLetter(col)}${row + 1}`;
  const cell = ws.findCell(row + 1, col + 1);
  const right = area?.right ?? col;
  const bottom = area?.bottom ?? row;
  const width = model.colLefts[right + 1]! - model.colLefts[col]!;
  const height = model.rowTops[bottom + 1]! - model.rowTops[row]!;
  const text = cell ? shownText(cell) : "";
  const note = cell ? noteText(cell) : "";
  const link = cell ? internalLink(cell.value) : undefined;
  const align = cell?.alignment;
  const numeric = typeof cell?.value === "number";
  return (
    <div
      role="gridcell"
      data-cell={address}
      className={`cell${selected ? " selected" : ""}${note ? " has-note" : ""}${link ? " link" : ""}`}
      title={note || (link ? words.goTo(`${link.sheet}!${link.cell}`) : undefined)}
      style={{
        left: model.colLefts[col],
        width,
        height,
        background: cell ? fillColor(cell) : undefined,
        fontWeight: cell?.font?.bold ? 600 : undefined,
        alignItems: JUSTIFY[align?.vertical ?? "bottom"] ?? "flex-end",
        justifyContent: align?.horizontal === "center" || align?.horizontal === "centerContinuous" ? "center" : align?.horizontal === "right" || (!align?.horizontal && numeric) ? "flex-end" : "flex-start",
        textAlign: align?.horizontal === "center" ? "center" : align?.horizontal === "right" ? "right" : undefined,
        whiteSpace: align?.wrapText ? "pre-wrap" : "pre",
      }}
      onClick={() => onPick(address, link)}
      onDoubleClick={() => !link && onOpen(address)}
    >
      {text}
    </div>
  );
}

/**
 * `onEdit`: what a person types into a cell goes there (the application layer's editCell); without it
 * the grid is read-only. `onPaste`: where cells pasted into the selected one go (editCells).
 */
export function SheetView({ host, version, text, onEdit, onPaste }: { host: XlsxHost; version: number; text: PageText; onEdit?: EditCell; onPaste?: PasteCells }): React.JSX.Element {
  const ws = host.workbook.getWorksheet(host.active);
  // Sizes and merged areas: once per change of the cells, not per click (a selection is no change).
  const model = React.useMemo(() => (ws ? sheetModel(ws) : undefined), [ws, host.revision]);
  const scroll = React.useRef<HTMLDivElement>(null);
  const grid = useVirtualGrid(model, scroll);
  const remember = useScrollPlaces(scroll, ws?.name);
  const selected = host.selected?.sheet === host.active ? host.selected.cell : undefined;
  useSelectedInView(grid, scroll, model, selected, version);
  const editor = React.useRef<CellEditorHandle>(null);

  if (!ws || !model) return <div />;

  const rowItems = grid.rows.getVirtualItems();
  const colItems = grid.cols.getVirtualItems();
  const totalW = model.colLefts[model.cols]!;
  const totalH = model.rowTops[model.rows]!;
  const pick = (address: string, link?: { sheet: string; cell: string }) => {
    // A link inside the workbook goes to its cell, as a click on it does in Excel.
    if (link && host.workbook.getWorksheet(link.sheet)) void bookOf(host).select(link.sheet, link.cell);
    else void bookOf(host).select(ws.name, address);
    // The same cell clicked again is no new selection: the keyboard is taken here.
    editor.current?.focus();
  };
  const open = (address: string) => editor.current?.edit(address);
  // The virtualisers' items are runs of consecutive rows and columns.
  const drawn =
    rowItems.length && colItems.length
      ? visibleCells(model, { top: rowItems[0]!.index, bottom: rowItems[rowItems.length - 1]!.index, left: colItems[0]!.index, right: colItems[colItems.length - 1]!.index })
      : [];

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minWidth: 0 }}>
      <div ref={scroll} className="sheet-scroll" onScroll={remember} style={{ flex: 1, overflow: "auto", background: "#fff", position: "relative" }}>
        <div className="sheet" data-sheet={ws.name} role="grid" aria-rowcount={model.rows} aria-colcount={model.cols} style={{ width: HEADER_W + totalW, height: HEADER_H + totalH }}>
          <ColumnLetters items={colItems} model={model} />
          <div style={{ display: "flex", width: HEADER_W + totalW, height: totalH }}>
            <RowNumbers items={rowItems} height={totalH} />
            <div className="sheet-cells" style={{ width: totalW, height: totalH }}>
              {drawn.map(({ row: r, cells }) => (
                <div key={r} role="row" aria-rowindex={r + 1} className="sheet-row" style={{ top: model.rowTops[r], height: model.rowHeights[r], width: totalW }}>
                  {cells.map(({ col, area }) => {
                    const address = `${columnLetter(col)}${r + 1}`;
                    return <Cell key={col} ws={ws} model={model} row={r} col={col} area={area} selected={address === selected} onPick={pick} onOpen={open} text={text} />;
                  })}
                </div>
              ))}
              {onEdit && <CellEditor ref={editor} ws={ws} model={model} selected={selected} selection={host.selected} onEdit={onEdit} onPaste={onPaste} onMove={(cell) => void bookOf(host).select(ws.name, cell)} text={text} />}
            </div>
          </div>
        </div>
      </div>
      <SheetTabs host={host} active={ws.name} label={text.sheets} />
    </div>
  );
}

/** The visible sheets' tabs under the grid. */
function SheetTabs({ host, active, label }: { host: XlsxHost; active: string; label: string }) {
  const tabs = host.workbook.worksheets.filter((w) => w.state === "visible");
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((w) => (
        <button key={w.name} role="tab" aria-selected={w.name === active} className={w.name === active ? "tab active" : "tab"} onClick={() => host.activate(w.name)}>
          {w.name}
        </button>
      ))}
    </div>
  );
}

interface VirtualGrid {
  readonly rows: Virtualizer<HTMLDivElement, Element>;
  readonly cols: Virtualizer<HTMLDivElement, Element>;
}

/** The rows and columns in view, at the sizes the model gives them, measured again when it changes. */
function useVirtualGrid(model: SheetModel | undefined, scroll: React.RefObject<HTMLDivElement | null>): VirtualGrid {
  const rows = useVirtualizer({
    count: model?.rows ?? 0,
    getScrollElement: () => scroll.current,
    estimateSize: (i) => model?.rowHeights[i] ?? 20,
    scrollMargin: HEADER_H,
    overscan: 6,
    observeElementRect: SCREENFUL,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: model?.cols ?? 0,
    getScrollElement: () => scroll.current,
    estimateSize: (i) => model?.colWidths[i] ?? 64,
    scrollMargin: HEADER_W,
    overscan: 2,
    observeElementRect: SCREENFUL,
  });
  React.useEffect(() => {
    rows.measure();
    cols.measure();
  }, [model]);
  return { rows, cols };
}

/**
 * Each sheet keeps where it was scrolled to, as in Excel; a sheet shown for the first time (a new
 * summary) opens at its top-left corner, never at the place the sheet before was scrolled to.
 * Returns what to call on scrolling.
 */
function useScrollPlaces(scroll: React.RefObject<HTMLDivElement | null>, name: string | undefined): () => void {
  const positions = React.useRef(new Map<string, { top: number; left: number }>());
  React.useLayoutEffect(() => {
    const el = scroll.current;
    if (!el || name === undefined) return;
    const at = positions.current.get(name) ?? { top: 0, left: 0 };
    el.scrollTop = at.top;
    el.scrollLeft = at.left;
  }, [name]);
  return () => {
    const el = scroll.current;
    if (el && name !== undefined) positions.current.set(name, { top: el.scrollTop, left: el.scrollLeft });
  };
}

/** A cell chosen elsewhere (a finding, a link) is brought into view; one already in view stays put. */
function useSelectedInView({ rows, cols }: VirtualGrid, scroll: React.RefObject<HTMLDivElement | null>, model: SheetModel | undefined, selected: string | undefined, version: number): void {
  React.useEffect(() => {
    const el = scroll.current;
    const at = selected ? parseA1(selected) : undefined;
    if (!el || !at || !model || at.row >= model.rows) return;
    const top = model.rowTops[at.row]!;
    const bottom = model.rowTops[at.row + 1]!;
    if (top < el.scrollTop || bottom > el.scrollTop + el.clientHeight - HEADER_H) rows.scrollToIndex(at.row, { align: "center" });
    const left = model.colLefts[at.col] ?? 0;
    const right = model.colLefts[at.col + 1] ?? left;
    if (left < el.scrollLeft || right > el.scrollLeft + el.clientWidth - HEADER_W) cols.scrollToIndex(at.col, { align: "center" });
  }, [selected, version, model]);
}

/** The column letters' row above the cells (none over a hidden column). */
function ColumnLetters({ items, model }: { items: readonly VirtualItem[]; model: SheetModel }) {
  const totalW = model.colLefts[model.cols]!;
  return (
    <div className="sheet-head" style={{ width: HEADER_W + totalW, height: HEADER_H }}>
      <div className="corner" style={{ width: HEADER_W, height: HEADER_H }} />
      <div style={{ position: "relative", width: totalW, height: HEADER_H }}>
        {items.map((c) =>
          model.colWidths[c.index] ? (
            <div key={c.index} role="columnheader" className="col-letter" style={{ left: c.start - HEADER_W, width: c.size, height: HEADER_H }}>
              {columnLetter(c.index)}
            </div>
          ) : null,
        )}
      </div>
    </div>
  );
}

/** The row numbers' column beside the cells. */
function RowNumbers({ items, height }: { items: readonly VirtualItem[]; height: number }) {
  return (
    <div className="row-numbers" style={{ width: HEADER_W, height }}>
      {items.map((r) => (
        <div key={r.index} role="rowheader" className="row-number" style={{ top: r.start - HEADER_H, height: r.size }}>
          {r.index + 1}
        </div>
      ))}
    </div>
  );
}
