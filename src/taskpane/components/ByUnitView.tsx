// 按单位: the findings grouped by responsible unit, with a search box and filters, in a virtualised
// list (only the rows in view are in the page), so that every finding of a 10,000-task ledger is
// reachable. The grouping and the filters are the application layer's (findingsByUnit).
import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Badge, Field, SearchBox, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { filterUnitFindings, FINDING_KINDS, findingsByUnit, kindName, noUnitName, taskShortName, unitFindingsCount, type CheckOutcome, type FindingKind, type UnitFindingItem, type UnitFindings, type UnitOrder } from "../../app";
import type { Pane } from "../pane";
import { FINDING_PLACE, FINDING_ROW } from "./findingRow";
import { measureOrEstimate, observeRectOrScreenful } from "../virtual";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  search: { gridColumn: "1 / span 2" },
  scroll: { height: "60vh", minHeight: "240px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke3}`, borderRadius: tokens.borderRadiusMedium, position: "relative" },
  unit: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground3,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  unitName: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  item: {
    ...FINDING_ROW,
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  where: FINDING_PLACE,
  muted: { color: tokens.colorNeutralForeground3 },
  task: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

const SCREENFUL = observeRectOrScreenful({ width: 360, height: 480 });

type Row = { readonly kind: "unit"; readonly group: UnitFindings; readonly open: boolean } | { readonly kind: "item"; readonly group: UnitFindings; readonly item: UnitFindingItem };

/** The rows of the list: each unit's header, then its findings unless it is folded. */
function rowsOf(groups: readonly UnitFindings[], folded: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    const open = !folded.has(group.unit);
    rows.push({ kind: "unit", group, open });
    if (open) for (const item of group.items) rows.push({ kind: "item", group, item });
  }
  return rows;
}

export interface ByUnitProps {
  readonly pane: Pane;
  readonly outcome: CheckOutcome;
  readonly onSelect: (cell: string) => void;
  /** What a unit's header offers besides folding (催办, 加入目录), drawn by the tab. */
  readonly unitActions?: (group: UnitFindings) => React.ReactNode;
  /** What a finding offers besides selecting its cell. */
  readonly itemActions?: (item: UnitFindingItem, group: UnitFindings) => React.ReactNode;
  /** A mark before a finding (its task's class). */
  readonly itemMark?: (item: UnitFindingItem) => React.ReactNode;
}

export function ByUnitView({ pane, outcome, onSelect, unitActions, itemActions, itemMark }: ByUnitProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, ui } = pane;
  const groups = React.useMemo(() => findingsByUnit(outcome), [outcome]);
  const [text, setText] = React.useState("");
  const [unit, setUnit] = React.useState<string>();
  const [kind, setKind] = React.useState<FindingKind>();
  const [order, setOrder] = React.useState<UnitOrder>("count");
  const [folded, setFolded] = React.useState<ReadonlySet<string>>(new Set());
  const shown = React.useMemo(
    () => filterUnitFindings(groups, { text, order, ...(unit !== undefined ? { unit } : {}), ...(kind ? { kind } : {}) }),
    [groups, text, unit, kind, order],
  );
  const rows = React.useMemo(() => rowsOf(shown, folded), [shown, folded]);
  const scroll = React.useRef<HTMLDivElement>(null);
  const estimate = (i: number) => (rows[i]?.kind === "unit" ? 34 : 50);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroll.current,
    estimateSize: (i) => estimate(i),
    measureElement: measureOrEstimate((i) => estimate(i)),
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.kind === "unit" ? `u:${r.group.unit}` : `f:${r.group.unit}:${r.item.finding.kind}:${r.item.finding.cell}:${r.item.finding.value ?? ""}`;
    },
    overscan: 12,
    observeElementRect: SCREENFUL,
  });
  const toggle = (name: string) => {
    const next = new Set(folded);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setFolded(next);
  };
  const count = React.useMemo(() => unitFindingsCount(shown), [shown]);
  const unitLabel = (g: UnitFindings) => g.unit || noUnitName(lang);
  const usedKinds = FINDING_KINDS.filter((k) => groups.some((g) => g.items.some((i) => i.finding.kind === k.kind)));

  return (
    <div aria-label="by-unit">
      <div className={styles.filters}>
        <SearchBox
          className={styles.search}
          aria-label={ui.searchUnits}
          placeholder={ui.searchUnits}
          value={text}
          onChange={(_, d) => setText(d.value)}
          size="small"
        />
        <Field label={ui.unit} size="small">
          <Select size="small" value={unit === undefined ? "*" : `=${unit}`} onChange={(_, d) => setUnit(d.value === "*" ? undefined : d.value.slice(1))}>
            <option value="*">{ui.allUnits(groups.length)}</option>
            {[...groups].sort((a, b) => (a.unit && b.unit ? a.unit.localeCompare(b.unit, "zh") : a.unit ? -1 : 1)).map((g) => (
              <option key={g.unit} value={`=${g.unit}`}>
                {unitLabel(g)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={ui.problem} size="small">
          <Select size="small" value={kind ?? ""} onChange={(_, d) => setKind((d.value || undefined) as FindingKind | undefined)}>
            <option value="">{ui.allProblems}</option>
            {usedKinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {kindName(k.kind, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={ui.order} size="small">
          <Select size="small" value={order} onChange={(_, d) => setOrder(d.value as UnitOrder)}>
            <option value="count">{ui.byCount}</option>
            <option value="name">{ui.byName}</option>
          </Select>
        </Field>
        <Text size={200} className={styles.muted} style={{ alignSelf: "end" }} aria-label="by-unit-count">
          {ui.unitsAndFindings(count.units, count.findings, count.listed)}
        </Text>
      </div>
      <div ref={scroll} className={styles.scroll} role="list" aria-label={ui.findingsByUnit}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative", width: "100%" }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            return (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} role="listitem" style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${v.start}px)` }}>
                {row.kind === "unit" ? (
                  <div style={{ display: "flex", alignItems: "center", background: tokens.colorNeutralBackground3 }}>
                    <button type="button" className={styles.unit} aria-expanded={row.open} onClick={() => toggle(row.group.unit)} title={unitLabel(row.group)}>
                      <span aria-hidden>{row.open ? "▾" : "▸"}</span>
                      <span className={styles.unitName}>{unitLabel(row.group)}</span>
                      {!row.group.known && (
                        <Badge size="small" appearance="tint" color="warning">
                          {ui.notListed}
                        </Badge>
                      )}
                      {row.group.lead > 0 && (
                        <Badge size="small" appearance="filled" color="danger">
                          {ui.leadCount(row.group.lead)}
                        </Badge>
                      )}
                      {row.group.co > 0 && (
                        <Badge size="small" appearance="tint" color="informative">
                          {ui.coCount(row.group.co)}
                        </Badge>
                      )}
                    </button>
                    {unitActions?.(row.group)}
                  </div>
                ) : (
                  <div>
                    <button type="button" className={styles.item} onClick={() => onSelect(row.item.finding.cell)} title={row.item.finding.cell}>
                      <Text size={200} className={styles.where}>
                        {itemMark?.(row.item)}
                        {taskShortName(row.item.finding.taskNo, row.item.finding.row, lang)} · {row.item.finding.cell}
                      </Text>
                      <Text size={200}>{kindName(row.item.finding.kind, lang)}</Text>
                      {row.item.role === "co" && (
                        <Text size={200} className={styles.muted}>
                          {ui.asCoUnit}
                        </Text>
                      )}
                      <Text size={200} className={mergeClasses(styles.task, styles.muted)}>
                        {row.item.task}
                      </Text>
                    </button>
                    {itemActions?.(row.item, row.group)}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
