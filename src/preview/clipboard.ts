// What Excel and WPS put on the clipboard as text/plain when cells are copied: rows on lines, cells
// separated by tabs. A cell whose text holds a tab, a line break or a quote comes quoted ("…", with ""
// for a quote), so that it stays one cell; the copy ends with a line break, which is no further row.
import { columnLetter, parseA1 } from "../core/address";

/** The rows of cells a copied text holds (one cell for a text with neither tab nor line break). */
export function clipboardRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  // At the start of a cell, a quote opens a quoted field; anywhere else it is a character.
  let start = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (start && ch === '"') {
      const end = closingQuote(text, i + 1);
      if (end < 0) {
        // Never closed: the quote was the text's own (a cell that begins with "), as Excel reads it.
        cell += ch;
        i++;
        start = false;
        continue;
      }
      cell += text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      start = false;
    } else if (ch === "\t") {
      row.push(cell);
      cell = "";
      i++;
      start = true;
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      start = true;
    } else {
      cell += ch;
      i++;
      start = false;
    }
  }
  // The last line, unless the text ended with a line break (as a copy does).
  if (!start || row.length || cell !== "" || rows.length === 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The index of the quote that closes a quoted field opened before `from` ("" is a quote inside it), or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  return -1;
}

/** The area rows pasted from `topLeft` cover, in A1 form ("E5:F9"; one cell: "E5"). */
export function pastedArea(topLeft: string, rows: readonly (readonly string[])[]): string {
  const at = parseA1(topLeft);
  if (!at) return topLeft;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const bottomRight = `${columnLetter(at.col + width - 1)}${at.row + Math.max(1, rows.length)}`;
  return bottomRight === topLeft ? topLeft : `${topLeft}:${bottomRight}`;
}
