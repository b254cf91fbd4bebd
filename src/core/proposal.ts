// Proposing a department directory from the units a ledger uses, for a person to review:
// spellings of one unit are grouped under one name, and the rest become its aliases.
import { DIRECTORY_SHEET, guessCategory, hasPlacePrefix, normalizeUnitName, writtenShortFor } from "./directory";
import type { SheetLayout } from "./layout";
import { parseUnitCell } from "./units";
import type { Ledger, UnitMention } from "./types";

export interface ProposedUnit {
  /** The fullest spelling found, proposed as the canonical name. */
  readonly name: string;
  /** Other spellings of the same unit found in the ledger. */
  readonly aliases: readonly string[];
  readonly category: string;
  /** How many unit cells name it. */
  readonly count: number;
  /** Where it is used, A1 addresses (the first few). */
  readonly cells: readonly string[];
}

interface Group {
  key: string;
  spellings: Map<string, number>;
  cells: string[];
  count: number;
}

const MAX_CELLS = 5;

export function proposeDirectory(ledger: Ledger): ProposedUnit[] {
  const groups = new Map<string, Group>();
  const add = (u: UnitMention, cell: string) => {
    if (u.collective) return;
    const key = normalizeUnitName(u.name);
    if (!key) return;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, spellings: new Map(), cells: [], count: 0 }));
    g.spellings.set(u.name, (g.spellings.get(u.name) ?? 0) + 1);
    g.count++;
    if (g.cells.length < MAX_CELLS && !g.cells.includes(cell)) g.cells.push(cell);
  };
  for (const t of ledger.tasks) {
    for (const c of [t.lead, t.co]) {
      if (!c?.text) continue;
      const p = parseUnitCell(c.text);
      for (const u of [...p.units, ...p.co]) add(u, c.cell);
    }
  }
  // Fold an abbreviation into the one longer unit it abbreviates (发改局 into 发展和改革局).
  const all = [...groups.values()];
  for (const g of all) {
    const longer = all.filter((o) => o !== g && groups.has(o.key) && writtenShortFor(g.key, o.key));
    if (longer.length !== 1) continue;
    const target = longer[0]!;
    for (const [s, n] of g.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
    target.count += g.count;
    for (const c of g.cells) if (target.cells.length < MAX_CELLS && !target.cells.includes(c)) target.cells.push(c);
    groups.delete(g.key);
  }
  return [...groups.values()]
    .map((g) => {
      // The fullest spelling, written as directories write names: without a place, with the 区 prefix.
      const rank = ([s, n]: [string, number]) => [normalizeUnitName(s).length, hasPlacePrefix(s) ? 0 : 1, /^区/.test(s) ? 1 : 0, s.length, n];
      const spellings = [...g.spellings].sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
        return a[0].localeCompare(b[0], "zh");
      });
      const name = spellings[0]![0];
      return { name, aliases: spellings.slice(1).map(([s]) => s), category: guessCategory(name), count: g.count, cells: g.cells };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh"));
}

/** The proposed directory as a 部门目录 sheet for a person to review (an empty template when there is nothing). */
export function proposalLayout(units: readonly ProposedUnit[]): SheetLayout {
  return {
    name: DIRECTORY_SHEET,
    columns: [
      { header: "单位名称", width: 30 },
      { header: "别名", width: 30 },
      { header: "曾用名", width: 20 },
      { header: "类别", width: 10 },
      { header: "状态", width: 8 },
      { header: "出现次数", width: 10 },
      { header: "出现位置", width: 28 },
    ],
    rows: units.map((u) => [u.name, u.aliases.join("、"), "", u.category, "有效", u.count, u.cells.join("、")]),
  };
}
