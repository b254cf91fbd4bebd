// Typing into the selected cell, as in Excel: a character replaces the cell's content and opens the
// editor; F2 or a double-click edits the text it has; Enter commits and goes down a row (Shift+Enter
// up, Tab right), Esc cancels, Alt+Enter breaks the line, Delete empties the cell; the arrows move the
// selection. One textarea, always over the selected cell and holding the focus, takes the keys: it is
// invisible until something is typed, so that a Chinese input method composes in it from the first
// key (a key typed through one comes as "Process", with no character to start an editor from).
// Ctrl+V on a selected cell pastes as Excel does: copied cells (tab-separated rows) go into the cells
// from the selected one rightwards and downwards; while a cell is edited, the text goes into the editor.
import * as React from "react";
import type ExcelJS from "exceljs";
import { columnLetter, parseA1 } from "../core/address";
import { cellText } from "../core/text";
import { toCellValue } from "../hosts/xlsx/grid";
import type { PageText } from "../app/messages";
import type { SheetModel } from "./sheetModel";
import { clipboardRows } from "./clipboard";

/** Writes what was typed into a cell (the application layer's editCell); "" empties it. */
export type EditCell = (sheet: string, cell: string, typed: string) => Promise<void>;

/** Writes pasted rows from a cell on (the application layer's editCells), in one write. */
export type PasteCells = (sheet: string, topLeft: string, rows: readonly (readonly string[])[]) => Promise<void>;

export interface CellEditorHandle {
  /** Opens the editor on a cell with the text it has (a double-click). */
  edit(cell: string): void;
  /** Takes the keyboard (the cell was clicked). */
  focus(): void;
}

interface Props {
  readonly ws: ExcelJS.Worksheet;
  readonly model: SheetModel;
  /** The selected cell on this sheet, if any. */
  readonly selected: string | undefined;
  /** Changes each time a cell is selected (by a click, the pane, the keyboard): the editor takes the keyboard then. */
  readonly selection: unknown;
  readonly onEdit: EditCell;
  /** Where a paste into the selected cell goes; without it, the pasted text opens the editor. */
  readonly onPaste?: PasteCells;
  /** Selects a cell (the keyboard moved). */
  readonly onMove: (cell: string) => void;
  readonly text: PageText;
}

interface Editing {
  readonly sheet: string;
  readonly cell: string;
  /** The text the cell had: committing it unchanged writes nothing. */
  readonly before: string;
}

/** The text a cell holds for editing (a number as its digits, not as formatted). */
function editText(ws: ExcelJS.Worksheet, address: string): string {
  const at = parseA1(address);
  const cell = at ? ws.findCell(at.row + 1, at.col + 1) : undefined;
  return cell ? cellText(toCellValue(cell.value)) : "";
}

/** The area a cell is drawn over: its merged area, or itself (0-based). */
function areaOf(model: SheetModel, row: number, col: number) {
  return model.mergeAt(row, col) ?? { top: row, left: col, bottom: row, right: col };
}

/** The cell one step from `address` (down, up, right, left), past a merged area and hidden columns, as Excel moves; the area's top-left cell when it lands in one. */
export function stepFrom(model: SheetModel, address: string, rows: number, cols: number): string {
  const at = parseA1(address);
  if (!at) return address;
  const here = areaOf(model, at.row, at.col);
  let row = rows > 0 ? here.bottom + 1 : rows < 0 ? here.top - 1 : at.row;
  let col = cols > 0 ? here.right + 1 : cols < 0 ? here.left - 1 : at.col;
  while (cols !== 0 && col >= 0 && col < model.cols && model.colWidths[col] === 0) col += Math.sign(cols);
  row = Math.max(0, Math.min(model.rows - 1, row));
  col = Math.max(0, Math.min(model.cols - 1, col));
  if (model.colWidths[col] === 0) return address;
  const there = areaOf(model, row, col);
  return `${columnLetter(there.left)}${there.top + 1}`;
}

export const CellEditor = React.forwardRef<CellEditorHandle, Props>(function CellEditor({ ws, model, selected, selection, onEdit, onPaste, onMove, text }, ref) {
  const area = React.useRef<HTMLTextAreaElement>(null);
  const [editing, setEditing] = React.useState<Editing>();
  const [draft, setDraft] = React.useState("");
  // Read by the handlers of the same tick (a blur right after Enter sees the edit already closed).
  const open = React.useRef<Editing>(undefined);
  const composing = React.useRef(false);

  const start = (cell: string, initial: string) => {
    const e = { sheet: ws.name, cell, before: editText(ws, cell) };
    open.current = e;
    setEditing(e);
    setDraft(initial);
  };
  const close = () => {
    open.current = undefined;
    setEditing(undefined);
    setDraft("");
  };
  const commit = (typed: string, move?: [number, number]) => {
    const e = open.current;
    if (!e) return;
    close();
    const write = typed === e.before ? Promise.resolve() : onEdit(e.sheet, e.cell, typed);
    // The selection moves once the cell is written, so that the grid never shows the next cell selected over the old text.
    if (move) void write.then(() => onMove(stepFrom(model, e.cell, move[0], move[1])));
  };
  const focus = () => area.current?.focus({ preventScroll: true });

  React.useImperativeHandle(ref, () => ({
    edit: (cell) => {
      start(cell, editText(ws, cell));
      focus();
    },
    focus,
  }));
  // A cell selected elsewhere (a click, the pane's task, a finding) takes the typing that follows.
  React.useEffect(() => {
    if (selected) focus();
  }, [selection]);

  const at = parseA1(editing?.cell ?? selected ?? "");
  if (!at || at.row >= model.rows || at.col >= model.cols) return null;
  const box = areaOf(model, at.row, at.col);
  const left = model.colLefts[box.left]!;
  const top = model.rowTops[box.top]!;
  const width = model.colLefts[box.right + 1]! - left;
  const height = model.rowTops[box.bottom + 1]! - top;

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // A key that ends or steps a Chinese input method's composition belongs to it (keyCode 229: Chrome's "Process").
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    const cell = editing?.cell ?? selected;
    if (!cell) return;
    if (editing) {
      if (e.key === "Enter" && e.altKey) {
        // A line break inside the cell, as Alt+Enter in Excel.
        e.preventDefault();
        const el = e.currentTarget;
        el.setRangeText("\n", el.selectionStart, el.selectionEnd, "end");
        setDraft(el.value);
      } else if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        commit(e.currentTarget.value, e.key === "Tab" ? [0, e.shiftKey ? -1 : 1] : [e.shiftKey ? -1 : 1, 0]);
      } else if (e.key === "Escape") {
        e.preventDefault();
        close();
      }
      return;
    }
    const steps: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1], Enter: [e.shiftKey ? -1 : 1, 0], Tab: [0, e.shiftKey ? -1 : 1] };
    const step = steps[e.key];
    if (step && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      onMove(stepFrom(model, cell, step[0], step[1]));
    } else if (e.key === "F2") {
      e.preventDefault();
      start(cell, editText(ws, cell));
    } else if (e.key === "Delete") {
      e.preventDefault();
      start(cell, "");
      commit("");
    } else if (e.key === "Backspace") {
      e.preventDefault();
      start(cell, "");
    }
  };

  const onPasteText = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    // While a cell is edited, the text goes into the editor as the browser puts it.
    if (open.current || !selected || !onPaste) return;
    const pasted = e.clipboardData.getData("text/plain");
    if (pasted === "") return;
    e.preventDefault();
    void onPaste(ws.name, selected, clipboardRows(pasted));
  };

  return (
    <textarea
      ref={area}
      className={editing ? "cell-editor editing" : "cell-editor"}
      aria-label={text.cellEditor(editing?.cell ?? selected ?? "")}
      spellCheck={false}
      value={editing ? draft : ""}
      style={{ left, top, minWidth: width, width: editing ? Math.max(width, 200) : width, height: editing ? Math.max(height, 56) : height }}
      onChange={(e) => {
        // The first character typed (or the first composed) replaces the cell's content.
        if (!open.current && selected) start(selected, e.target.value);
        else setDraft(e.target.value);
      }}
      onKeyDown={onKeyDown}
      onPaste={onPasteText}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => (composing.current = false)}
      onBlur={(e) => commit(e.currentTarget.value)}
    />
  );
});
