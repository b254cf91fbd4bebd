// Reading cells' looks (fill, note) and contents (formula, number format, value) through Office.js,
// queued into one request (or as many as Excel on the web's 5 MB responses need).
import { a1, parseA1 } from "../../core/address";
import type { CellContent, CellLook, CellsRequest, Fill } from "../../core/ops";
import type { Batch } from "./batch";
import { WORST_CELL_BYTES, rangeOfAddress } from "./grids";
import type { ApiSupport } from "./support";

/** Fill properties of ExcelApi 1.9 and later; before, only the colour. */
const RICH_FILL = "color,pattern,patternColor,tintAndShade,patternTintAndShade";
/**
 * Bytes a cell's look may take: in the request, about 1,100 as office.js serialises it (the range, its
 * format and fill, the note, each an object path with its actions and loads: measured against office.js's
 * own serialiser, tests/fakes/officeRequest.ts); in the response its fill and a note taken to be short,
 * or, when a first try was too large for Excel on the web, a note as long as the add-in's longest (a
 * mark's note under a person's own), in UTF-8.
 */
const LOOK_BYTES = 1200;
const ROOMY_LOOK_BYTES = LOOK_BYTES + 3 * 2000;
/** Bytes a cell's content may take in a response: its formula and its value, both long at worst. */
const CONTENT_BYTES = 2 * WORST_CELL_BYTES + 200;

interface SheetLooks {
  readonly fills: Map<string, Excel.RangeFill>;
  readonly notes: Map<string, Excel.Note>;
  /** Where this Excel has notes: the sheet's threaded comments (a cell holds one or a note, not both). */
  readonly comments?: Excel.CommentCollection;
}

export interface QueuedCells {
  readonly looks: Map<string, SheetLooks>;
  readonly contents: Map<string, Map<string, Excel.Range>>;
}

/** "$b$2" → "B2", to match a comment's location to a cell asked. */
function normal(cell: string): string {
  const p = parseA1(cell);
  return p ? a1(p.row, p.col) : cell;
}

/** Queues the looks and contents asked, of the sheets that `exists` (the others are left out). */
export async function queueCells(batch: Batch, context: Excel.RequestContext, support: ApiSupport, looks: readonly CellsRequest[], contents: readonly CellsRequest[], exists: (sheet: string) => boolean, roomy = false): Promise<QueuedCells> {
  const out: QueuedCells = { looks: new Map(), contents: new Map() };
  const fillProps = support.rangeAreas ? RICH_FILL : "color";
  for (const q of looks) {
    if (!exists(q.sheet)) continue;
    const ws = context.workbook.worksheets.getItem(q.sheet);
    let sheet = out.looks.get(q.sheet);
    if (!sheet) {
      // Threaded comments (ExcelApi 1.10) matter only where notes can be written (ExcelApi 1.18).
      sheet = { fills: new Map(), notes: new Map(), ...(support.notes ? { comments: ws.comments.load("items/id") } : {}) };
      out.looks.set(q.sheet, sheet);
    }
    const s = sheet;
    for (const cell of q.cells) {
      if (s.fills.has(cell)) continue;
      await batch.add(roomy ? ROOMY_LOOK_BYTES : LOOK_BYTES, () => {
        s.fills.set(cell, ws.getRange(cell).format.fill.load(fillProps));
        if (support.notes) s.notes.set(cell, ws.notes.getItemOrNullObject(cell).load("content"));
      });
    }
  }
  for (const q of contents) {
    if (!exists(q.sheet)) continue;
    const ws = context.workbook.worksheets.getItem(q.sheet);
    const sheet = out.contents.get(q.sheet) ?? new Map<string, Excel.Range>();
    out.contents.set(q.sheet, sheet);
    for (const cell of q.cells) {
      if (!sheet.has(cell)) await batch.add(CONTENT_BYTES, () => sheet.set(cell, ws.getRange(cell).load("formulas,numberFormat,values")));
    }
  }
  return out;
}

/**
 * A fill as Office.js reports it, without the fields it reports as null. "No fill" is `pattern`
 * "None", or, as real Excel reports it, `pattern` null with `tintAndShade` null: a cell filled white
 * has a number there (https://github.com/OfficeDev/office-js/issues/4900; its colour is "#FFFFFF"
 * either way: https://github.com/OfficeDev/office-js/issues/6218). Before ExcelApi 1.9 there is only
 * the colour, and white is taken for no fill.
 */
export function fillOf(f: Excel.RangeFill, rich: boolean): Fill | null {
  const color = f.color ?? "#FFFFFF";
  if (!rich) return color.toUpperCase() === "#FFFFFF" ? null : { color };
  const pattern = f.pattern as string | null | undefined;
  if (pattern === "None" || ((pattern === null || pattern === undefined) && (f.tintAndShade === null || f.tintAndShade === undefined))) return null;
  const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
  return {
    color,
    ...(present(pattern) ? { pattern } : {}),
    ...(present(f.patternColor) ? { patternColor: f.patternColor } : {}),
    ...(present(f.tintAndShade) ? { tintAndShade: f.tintAndShade } : {}),
    ...(present(f.patternTintAndShade) ? { patternTintAndShade: f.patternTintAndShade } : {}),
  };
}

/**
 * The looks and contents queued and synced, by sheet then cell. Where a sheet has threaded comments,
 * their cells are found in one more sync (a cell with one takes no note).
 */
export async function resolveCells(context: Excel.RequestContext, support: ApiSupport, q: QueuedCells): Promise<{ looks: Map<string, Map<string, CellLook>>; contents: Map<string, Map<string, CellContent>> }> {
  const locations = new Map<string, Excel.Range[]>();
  for (const [sheet, s] of q.looks) {
    const items = s.comments?.items ?? [];
    if (items.length) locations.set(sheet, items.map((c) => c.getLocation().load("address")));
  }
  if (locations.size) await context.sync();
  const looks = new Map<string, Map<string, CellLook>>();
  for (const [sheet, s] of q.looks) {
    const commented = new Set((locations.get(sheet) ?? []).map((l) => rangeOfAddress(l.address)).flatMap((r) => (r ? [a1(r.top, r.left)] : [])));
    const out = new Map<string, CellLook>();
    for (const [cell, fill] of s.fills) {
      const n = s.notes.get(cell);
      const note = support.notes && n ? (n.isNullObject ? null : String(n.content)) : undefined;
      out.set(cell, { fill: fillOf(fill, support.rangeAreas), note, noteWritable: support.notes && !commented.has(normal(cell)) });
    }
    looks.set(sheet, out);
  }
  const contents = new Map<string, Map<string, CellContent>>();
  for (const [sheet, cells] of q.contents) {
    const out = new Map<string, CellContent>();
    for (const [cell, r] of cells) out.set(cell, { formula: r.formulas[0]![0] as string | number | boolean, numberFormat: String(r.numberFormat[0]![0]), text: String(r.values[0]![0] ?? "") });
    contents.set(sheet, out);
  }
  return { looks, contents };
}
