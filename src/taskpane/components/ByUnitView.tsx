// 按单位: the findings grouped by responsible unit, with a search box and filters, in a virtualised
// list (only the rows in view are in the page), so that every finding of a 10,000-task ledger is
// reachable. The rows, the filters' choices and the count are the application layer's (unitsView).
import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Badge, Field, SearchBox, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { paneText, toggled, unitsView, type FindingKind, type Lang, type UnitFindingItem, type UnitFindings, type UnitOrder } from "../../app";
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

export interface ByUnitProps {
  /** The findings by unit (findingsByUnit of the check). */
  readonly groups: readonly UnitFindings[];
  readonly lang: Lang;
  readonly onSelect: (cell: string) => void;
  /** What a unit's header offers besides folding (催办, 加入目录), drawn by the tab. */
  readonly unitActions?: (group: UnitFindings) => React.ReactNode;
  /** What a finding offers besides selecting its cell. */
  readonly itemActions?: (item: UnitFindingItem, group: UnitFindings) => React.ReactNode;
  /** A mark before a finding (its task's class). */
  readonly itemMark?: (item: UnitFindingItem) => React.ReactNode;
}

export function ByUnitView({ groups, lang, onSelect, unitActions, itemActions, itemMark }: ByUnitProps): React.JSX.Element {
  const styles = useStyles();
  const ui = paneText(lang);
  const [text, setText] = React.useState("");
  const [unit, setUnit] = React.useState<string>();
  const [kind, setKind] = React.useState<FindingKind>();
  const [order, setOrder] = React.useState<UnitOrder>("count");
  const [folded, setFolded] = React.useState<ReadonlySet<string>>(new Set());
  const view = React.useMemo(
    () => unitsView(groups, { text, order, ...(unit !== undefined ? { unit } : {}), ...(kind ? { kind } : {}) }, folded, lang),
    [groups, text, unit, kind, order, folded, lang],
  );
  const rows = view.rows;
  const scroll = React.useRef<HTMLDivElement>(null);
  const estimate = (i: number) => (rows[i]?.kind === "unit" ? 34 : 50);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroll.current,
    estimateSize: (i) => estimate(i),
    measureElement: measureOrEstimate((i) => estimate(i)),
    getItemKey: (i) => rows[i]!.key,
    overscan: 12,
    observeElementRect: SCREENFUL,
  });

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
            <option value="*">{view.allUnits}</option>
            {view.units.map((u) => (
              <option key={u.value} value={`=${u.value}`}>
                {u.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={ui.problem} size="small">
          <Select size="small" value={kind ?? ""} onChange={(_, d) => setKind((d.value || undefined) as FindingKind | undefined)}>
            <option value="">{ui.allProblems}</option>
            {view.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.name}
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
          {view.count}
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
                    <button type="button" className={styles.unit} aria-expanded={row.open} onClick={() => setFolded(toggled(folded, row.group.unit))} title={row.label}>
                      <span aria-hidden>{row.open ? "▾" : "▸"}</span>
                      <span className={styles.unitName}>{row.label}</span>
                      {row.notListed && (
                        <Badge size="small" appearance="tint" color="warning">
                          {row.notListed}
                        </Badge>
                      )}
                      {row.lead && (
                        <Badge size="small" appearance="filled" color="danger">
                          {row.lead}
                        </Badge>
                      )}
                      {row.co && (
                        <Badge size="small" appearance="tint" color="informative">
                          {row.co}
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
                        {row.place}
                      </Text>
                      <Text size={200}>{row.kindName}</Text>
                      {row.role && (
                        <Text size={200} className={styles.muted}>
                          {row.role}
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
