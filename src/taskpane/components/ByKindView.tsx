// 按类型: the findings in groups by kind, as the marks are coloured, each group headed by its count, with
// 全部应用 where a suggested name corrects them; each finding selects its cell and offers what it can
// (checkView computes all of it).
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DirectoryAddition, Finding, FindingItem, FindingKind, KindSection, PaneText, TaskClass } from "../../app";
import { FINDING_PLACE, FINDING_ROW } from "./findingRow";
import { FindingActions } from "./AddToDirectory";

const useStyles = makeStyles({
  finding: {
    ...FINDING_ROW,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  where: FINDING_PLACE,
  unit: { color: tokens.colorNeutralForeground3 },
});

export interface ByKindProps {
  readonly kinds: readonly KindSection[];
  /** The kinds opened. */
  readonly open: readonly FindingKind[];
  readonly onToggle: (open: FindingKind[]) => void;
  readonly ui: PaneText;
  readonly busy: boolean;
  /** The mark of a task's class, before a finding on its progress. */
  readonly classMark: (c: TaskClass | undefined) => React.ReactNode;
  readonly onSelect: (cell: string) => void;
  readonly onApply: (f: Finding, name: string) => void;
  readonly onApplyAll: (kind: KindSection) => void;
  readonly onAdd: (name: string, addition: DirectoryAddition) => void;
}

/** The list takes the keyboard back (its ref) when the finding whose button was pressed is gone. */
export const ByKindView = React.forwardRef<HTMLDivElement, ByKindProps>(function ByKindView({ kinds, open, onToggle, ui, busy, classMark, onSelect, onApply, onApplyAll, onAdd }, ref) {
  return (
    <div ref={ref} tabIndex={-1} aria-label="findings">
      <Accordion multiple collapsible openItems={[...open]} onToggle={(_, d) => onToggle(d.openItems as FindingKind[])}>
        {kinds.map((k) => (
          <AccordionItem key={k.kind} value={k.kind}>
            <AccordionHeader>{k.heading}</AccordionHeader>
            <AccordionPanel>
              {k.applyAll && (
                <Button size="small" onClick={() => onApplyAll(k)} disabled={busy}>
                  {k.applyAll}
                </Button>
              )}
              {k.items.map((item) => (
                <FindingRow
                  key={item.key}
                  ui={ui}
                  item={item}
                  busy={busy}
                  mark={classMark(item.taskClass)}
                  onSelect={() => onSelect(item.finding.cell)}
                  onApply={(name) => onApply(item.finding, name)}
                  onAdd={(a) => item.finding.value !== undefined && onAdd(item.finding.value, a)}
                />
              ))}
              {k.more && <Text size={200}>{k.more}</Text>}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
});

function FindingRow({ ui, item, busy, mark, onSelect, onApply, onAdd }: { ui: PaneText; item: FindingItem; busy: boolean; mark: React.ReactNode; onSelect: () => void; onApply: (name: string) => void; onAdd: (addition: DirectoryAddition) => void }) {
  const styles = useStyles();
  return (
    <div>
      <button type="button" className={styles.finding} onClick={onSelect} title={item.finding.cell}>
        <Text size={200} className={styles.where}>
          {mark}
          {item.place}
        </Text>
        {item.lead && (
          <Text size={200} className={styles.unit}>
            {item.lead}
          </Text>
        )}
        <Text block size={200}>
          {item.text}
        </Text>
      </button>
      <FindingActions ui={ui} name={item.finding.value} offer={item.offer} busy={busy} onApply={onApply} onAdd={onAdd} />
    </div>
  );
}
