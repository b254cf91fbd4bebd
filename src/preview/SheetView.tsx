// A worksheet drawn as a spreadsheet: tabs, column letters, row numbers, merged cells, fills, notes
// on hover (a red corner marks them), and the selected cell, scrolled into view.
import * as React from "react";
import type ExcelJS from "exceljs";
import { columnLetter } from "../core/address";
import { cellText } from "../core/text";
import type { XlsxHost } from "../hosts/xlsx/host";
import { sheetGrid, toCellValue } from "../hosts/xlsx/grid";

/** Rows drawn at most; a larger sheet says so (the check still reads all of it). */
const MAX_ROWS = 2000;
const PX_PER_CHAR = 7.5;

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

export function SheetView({ host, version }: { host: XlsxHost; version: number }): React.JSX.Element {
  const ws = host.workbook.getWorksheet(host.active);
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  const selected = host.selected?.sheet === host.active ? host.selected.cell : undefined;
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [selected, version]);
  const tabs = host.workbook.worksheets.filter((w) => w.state === "visible");
  if (!ws) return <div />;
  const grid = sheetGrid(ws);
  const height = Math.min(grid.rows.length, MAX_ROWS);
  let width = 0;
  for (const r of grid.rows) width = Math.max(width, r.length);
  for (const m of grid.merges) width = Math.max(width, m.right + 1);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of grid.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: Math.min(m.bottom, height - 1) - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const cols = Array.from({ length: width }, (_, c) => Math.round((ws.getColumn(c + 1).width ?? 9) * PX_PER_CHAR));
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minWidth: 0 }}>
      <div className="sheet-scroll" style={{ flex: 1, overflow: "auto", background: "#fff" }}>
        <table className="sheet" data-sheet={ws.name}>
          <colgroup>
            <col style={{ width: 40 }} />
            {cols.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {cols.map((_, c) => (
                <th key={c}>{columnLetter(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: height }, (_, r) => {
              const row = ws.getRow(r + 1);
              return (
                <tr key={r} style={row.height ? { height: row.height * 1.33 } : undefined}>
                  <th>{r + 1}</th>
                  {Array.from({ length: width }, (_, c) => {
                    const key = `${r},${c}`;
                    if (covered.has(key)) return null;
                    const cell = ws.getCell(r + 1, c + 1);
                    const address = `${columnLetter(c)}${r + 1}`;
                    const note = noteText(cell);
                    const span = spans.get(key);
                    const isSelected = address === selected;
                    return (
                      <td
                        key={c}
                        data-cell={address}
                        ref={isSelected ? selectedRef : undefined}
                        className={`${isSelected ? "selected" : ""}${note ? " has-note" : ""}`}
                        title={note || undefined}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        style={{ background: fillColor(cell), fontWeight: cell.font?.bold ? 600 : undefined }}
                        onClick={() => void host.select(ws.name, address)}
                      >
                        {shownText(cell)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {grid.rows.length > MAX_ROWS && <p className="more">这张工作表共 {grid.rows.length} 行，预览只画出前 {MAX_ROWS} 行；检查和汇总仍然包括全部行。</p>}
      </div>
      <div className="tabs" role="tablist" aria-label="工作表">
        {tabs.map((w) => (
          <button key={w.name} role="tab" aria-selected={w.name === ws.name} className={w.name === ws.name ? "tab active" : "tab"} onClick={() => host.activate(w.name)}>
            {w.name}
          </button>
        ))}
      </div>
    </div>
  );
}
