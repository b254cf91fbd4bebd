// 按单位 as the pane shows it: the rows of the list (each unit's header, then its findings unless folded),
// what the filters offer, and what the list counts. The grouping and filtering are byUnit.ts's; the pane
// only draws these rows, in a virtualised list.
import { FINDING_KINDS } from "../core/check";
import type { FindingKind } from "../core/types";
import { filterUnitFindings, unitFindingsCount, type UnitFilter, type UnitFindingItem, type UnitFindings } from "./byUnit";
import { kindName, noUnitName, paneText, taskShortName, type Lang } from "./messages";

/** A unit's header in the list: its name, and what its badges say. */
export interface UnitHeaderRow {
  readonly kind: "unit";
  readonly key: string;
  readonly group: UnitFindings;
  readonly open: boolean;
  readonly label: string;
  /** "不在目录", for a unit the directory does not list. */
  readonly notListed?: string;
  /** "牵头 3" and "配合 2", when there are any. */
  readonly lead?: string;
  readonly co?: string;
}

/** A finding under its unit. */
export interface UnitItemRow {
  readonly kind: "item";
  readonly key: string;
  readonly group: UnitFindings;
  readonly item: UnitFindingItem;
  /** The task and the cell: 第12项 · F14. */
  readonly place: string;
  readonly kindName: string;
  /** "（配合）" when the unit only co-owns the task. */
  readonly role?: string;
}

export type UnitRow = UnitHeaderRow | UnitItemRow;

export interface UnitsView {
  readonly rows: readonly UnitRow[];
  /** What the list holds: units, findings (each once) and entries. */
  readonly count: string;
  /** The units to choose from, by name (the tasks without a unit last), after 全部单位. */
  readonly units: readonly { readonly value: string; readonly label: string }[];
  readonly allUnits: string;
  /** The kinds the check found, in report order. */
  readonly kinds: readonly { readonly kind: FindingKind; readonly name: string }[];
}

const collator = new Intl.Collator("zh");

/** The list of 按单位 for the filters chosen, with the units in `folded` showing their header only. */
export function unitsView(groups: readonly UnitFindings[], filter: UnitFilter, folded: ReadonlySet<string>, lang: Lang): UnitsView {
  const ui = paneText(lang);
  const label = (g: UnitFindings) => g.unit || noUnitName(lang);
  const shown = filterUnitFindings(groups, filter);
  const rows: UnitRow[] = [];
  for (const group of shown) {
    const open = !folded.has(group.unit);
    rows.push({
      kind: "unit",
      key: `u:${group.unit}`,
      group,
      open,
      label: label(group),
      ...(group.known ? {} : { notListed: ui.notListed }),
      ...(group.lead > 0 ? { lead: ui.leadCount(group.lead) } : {}),
      ...(group.co > 0 ? { co: ui.coCount(group.co) } : {}),
    });
    if (!open) continue;
    for (const item of group.items) {
      const f = item.finding;
      rows.push({
        kind: "item",
        key: `f:${group.unit}:${f.kind}:${f.cell}:${f.value ?? ""}`,
        group,
        item,
        place: `${taskShortName(f.taskNo, f.row, lang)} · ${f.cell}`,
        kindName: kindName(f.kind, lang),
        ...(item.role === "co" ? { role: ui.asCoUnit } : {}),
      });
    }
  }
  const count = unitFindingsCount(shown);
  const units = [...groups].sort((a, b) => (a.unit && b.unit ? collator.compare(a.unit, b.unit) : a.unit ? -1 : 1)).map((g) => ({ value: g.unit, label: label(g) }));
  const kinds = FINDING_KINDS.filter((k) => groups.some((g) => g.items.some((i) => i.finding.kind === k.kind))).map((k) => ({ kind: k.kind, name: kindName(k.kind, lang) }));
  return { rows, count: ui.unitsAndFindings(count.units, count.findings, count.listed), units, allUnits: ui.allUnits(groups.length), kinds };
}

/** Folds a unit that is open, opens one that is folded. */
export function toggled(folded: ReadonlySet<string>, unit: string): ReadonlySet<string> {
  const next = new Set(folded);
  if (next.has(unit)) next.delete(unit);
  else next.add(unit);
  return next;
}
