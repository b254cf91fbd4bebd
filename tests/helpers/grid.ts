// Building sheet grids for tests the way a host hands them to the engine.
import { parseRange } from "../../src/core";
import type { CellValue, SheetGrid } from "../../src/core";

/** A grid from rows of values; `merges` as A1 ranges ("B3:B6"). Cells inside a merge other than its top-left are emptied. */
export function grid(rows: CellValue[][], merges: string[] = [], name = "台账"): SheetGrid {
  const ranges = merges.map((m) => {
    const r = parseRange(m);
    if (!r) throw new Error(`bad range ${m}`);
    return r;
  });
  const copy = rows.map((r) => [...r]);
  for (const m of ranges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && copy[r]) copy[r]![c] = null;
    }
  }
  return { name, rows: copy, merges: ranges };
}
