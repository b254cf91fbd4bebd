import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  BULLETIN_CLASSES,
  checkNotes,
  emptyQuarterNote,
  findingOffer,
  findingsByKind,
  findingText,
  fixableCount,
  FIXABLE_KINDS,
  kindName,
  parseQuarter,
  say,
  taskClasses,
  taskFinder,
  taskShortName,
  type BulletinClass,
  type DirectoryAddition,
  type Finding,
  type FindingKind,
  type FindingOffer,
  type Quarter,
  type TaskClass,
  type UnitFix,
} from "../../app";
import type { Pane } from "../pane";
import { FINDING_PLACE, FINDING_ROW } from "./findingRow";
import { ByUnitView } from "./ByUnitView";
import { ProblemBar } from "./ProblemBar";
import { TaskClassLegend, TaskClassMark } from "./TaskClass";
import { ReminderButton } from "./ReminderButton";
import { addUnitToDirectory, FindingActions } from "./AddToDirectory";
import { makeAndSave } from "../files";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", marginBottom: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
  finding: {
    ...FINDING_ROW,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  where: FINDING_PLACE,
  unit: { color: tokens.colorNeutralForeground3 },
});

/** How many findings of one kind the list shows at most (the rest are on the sheet's marks). */
const SHOWN = 200;

export interface CheckTabProps {
  pane: Pane;
  /** How many requests to check came from outside the pane (the ribbon); a new one runs the check. */
  requestedRuns: number;
  /** Takes the requests not yet answered: true when a check should run for them. */
  takeRun: () => boolean;
}

export function CheckTab({ pane, requestedRuns, takeRun }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify, outcome, setOutcome } = pane;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // 按类型 (the kinds, as the marks are coloured) or 按单位 (whom to call).
  const [view, setView] = React.useState<"kind" | "unit">("kind");
  // The kinds opened in 按类型, kept while 按单位 is shown and across checks (undefined: the first kind).
  const [openKinds, setOpenKinds] = React.useState<readonly FindingKind[]>();
  const list = React.useRef<HTMLDivElement>(null);

  /** Checks the ledger for the pane's quarter, or for `quarter` (which becomes the pane's). */
  const run = async (confirm = false, quarter?: Quarter) => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await app.check({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}), ...(quarter ? { quarter } : {}) }));
      if (confirm) pane.confirm();
    } catch (e) {
      // Results of an earlier check would read as this one's: they go.
      setOutcome(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  React.useEffect(() => {
    // A request from the ribbon, when the tab opens or while it is shown; one that comes while the pane is
    // busy (a check, 应用, 清除标记) runs once that is done, so the check reads the ledger as it is then.
    if (!busy && takeRun()) void run();
    // (`run` is new on each render: the requests and the pane's work decide when this runs.)
  }, [requestedRuns, busy]);

  const fix = async (fixes: readonly UnitFix[], done: (made: number) => string) => {
    if (!outcome) return;
    setBusy(true);
    try {
      notify(done(await app.applyFixes(outcome, fixes)), "success");
      await run();
    } catch (e) {
      notify(pane.problem(e), "error");
      setBusy(false);
    } finally {
      // The button pressed is gone with the finding it fixed: keep the keyboard in the list.
      list.current?.focus();
    }
  };

  // 应用: one suggested name put in one cell.
  const applyOne = (f: Finding, name: string) => void fix([{ finding: f, name }], () => `${f.cell}：${f.value} → ${name}`);

  // 加入目录: the unit goes into the 部门目录, then the ledger is checked again against it.
  const addUnit = async (name: string, addition: DirectoryAddition) => {
    setBusy(true);
    const added = await addUnitToDirectory(pane, name, addition);
    if (added) await run();
    else setBusy(false);
    list.current?.focus();
  };

  const clear = async () => {
    setBusy(true);
    try {
      const n = await app.clearMarks();
      // What the pane says of the sheet shown must be true now (the person may have gone to the ledger).
      await pane.readActive();
      notify(ui.marksCleared(n), "success");
      if (outcome) setOutcome({ ...outcome, marked: 0, markedInWorkbook: 0 });
      else pane.refresh();
    } catch (e) {
      notify(pane.problem(e), "error");
    } finally {
      setBusy(false);
    }
  };

  const findings = outcome?.result.findings ?? [];
  const groups = React.useMemo(() => findingsByKind(outcome?.result.findings ?? []), [outcome]);
  const taskAt = React.useMemo(() => taskFinder(outcome?.result.ledger.tasks ?? []), [outcome]);
  const offerOf = (f: Finding) => findingOffer(f, outcome?.workbook.directory);
  // Each task's class for the quarter, as the summary computes it: a colour before its findings.
  const classes = React.useMemo(() => (outcome ? taskClasses(outcome) : new Map<number, TaskClass>()), [outcome]);
  const classCounts = React.useMemo(() => {
    const counts = Object.fromEntries(BULLETIN_CLASSES.map((c) => [c, 0])) as Record<BulletinClass, number>;
    for (const c of classes.values()) counts[c.taskClass]++;
    return counts;
  }, [classes]);
  // 催办: the units with missing or weak progress on the tasks they lead.
  const reminders = React.useMemo(() => (outcome && view === "unit" ? app.reminders(outcome) : []), [app, outcome, view]);
  const reminderOf = React.useMemo(() => new Map(reminders.map((r) => [r.unit, r])), [reminders]);
  const downloadReminders = () => makeAndSave(() => app.remindersZipFile(reminders), setBusy, (e) => notify(pane.problem(e), "error"));
  const markOf = (f: Finding) => {
    const c = f.field === "progress" ? classes.get(f.row) : undefined;
    return c ? <TaskClassMark taskClass={c.taskClass} reason={c.reason} lang={lang} /> : null;
  };
  const marked = outcome?.markedInWorkbook ?? pane.overview?.marked ?? 0;
  const select = (cell: string) => {
    if (outcome) pane.select(outcome.result.ledger.sheet, cell);
  };
  const notes = outcome ? checkNotes(outcome, pane.active).map((m) => say(m, lang)) : [];
  // The quarter's own column wholly empty: said above the findings, with the quarter before to check instead.
  const empty = outcome ? emptyQuarterNote(outcome.result.ledger, outcome.result.quarter) : undefined;
  const instead = empty?.previous !== undefined ? parseQuarter(empty.previous) : undefined;
  const checkInstead = (q: Quarter, text: string) => {
    pane.setQuarter(text);
    void run(false, q);
  };
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t("runCheck")}
        </Button>
        <Button onClick={() => void clear()} disabled={busy || marked === 0} title={marked === 0 ? t("nothingMarked") : undefined}>
          {t("clearMarks")}
        </Button>
        {busy && <Spinner size="tiny" label={t("checking")} />}
      </div>
      {error !== undefined && <ProblemBar pane={pane} error={error} onConfirm={() => void run(true)} busy={busy} />}
      {outcome && (
        <>
          <Text block size={200}>
            {ui.checkedLine(outcome.result.ledger.sheet, outcome.result.ledger.headerRow, outcome.result.ledger.tasks.length, outcome.marked)}
          </Text>
          {notes.map((n) => (
            <MessageBar key={n} intent="warning">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {empty && (
            <MessageBar intent="warning" layout="multiline" aria-label="quarter-empty">
              <MessageBarBody>{say(empty, lang)}</MessageBarBody>
              {instead && empty.previous !== undefined && (
                <MessageBarActions>
                  <Button size="small" onClick={() => checkInstead(instead, empty.previous!)} disabled={busy}>
                    {ui.checkQuarterInstead(instead)}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {findings.length > 0 && (
            <Text block size={200} aria-label="findings-total">
              {ui.findingsTotal(findings.length)}
            </Text>
          )}
          <div className={styles.counts} aria-label="counts">
            {groups.map(({ kind, findings: list }) => (
              <Badge key={kind} appearance="tint" color={kind === "missing-progress" ? "danger" : FIXABLE_KINDS.includes(kind) || kind === "missing-unit" ? "warning" : "informative"}>
                {kindName(kind, lang)} {list.length}
              </Badge>
            ))}
          </div>
          {findings.length === 0 && <Text>{t("noFindings")}</Text>}
          <TaskClassLegend lang={lang} counts={classCounts} />
          {findings.length > 0 && (
            <TabList size="small" appearance="subtle" selectedValue={view} onTabSelect={(_, d) => setView(d.value as "kind" | "unit")} aria-label={ui.listBy}>
              <Tab value="kind">{t("byKind")}</Tab>
              <Tab value="unit">{t("byUnit")}</Tab>
            </TabList>
          )}
          {findings.length > 0 && view === "unit" && (
            <>
              {reminders.length > 0 && (
                <div className={styles.bar} style={{ marginTop: tokens.spacingVerticalS }}>
                  <Button size="small" onClick={() => void downloadReminders()} disabled={busy}>
                    {ui.allReminders(reminders.length)}
                  </Button>
                </div>
              )}
              <ByUnitView
                pane={pane}
                outcome={outcome}
                onSelect={select}
                itemMark={(i) => markOf(i.finding)}
                unitActions={(g) => {
                  const r = reminderOf.get(g.unit);
                  return r ? <ReminderButton pane={pane} reminder={r} /> : null;
                }}
                itemActions={(i, g) =>
                  // A unit's name as written (its own group's): the same offer as in 按类型, the correction first.
                  i.finding.field !== "progress" && g.unit ? (
                    <FindingActions
                      pane={pane}
                      name={i.finding.value}
                      offer={offerOf(i.finding)}
                      busy={busy}
                      onApply={(name) => applyOne(i.finding, name)}
                      onAdd={(a) => i.finding.value !== undefined && void addUnit(i.finding.value, a)}
                    />
                  ) : null
                }
              />
            </>
          )}
          {view === "kind" && (
            <div ref={list} tabIndex={-1} aria-label="findings">
              <Accordion
                multiple
                collapsible
                openItems={[...(openKinds ?? groups.slice(0, 1).map((g) => g.kind))]}
                onToggle={(_, d) => setOpenKinds(d.openItems as FindingKind[])}
              >
                {groups.map(({ kind, findings: items }) => {
                  const fixable = FIXABLE_KINDS.includes(kind) ? fixableCount(outcome, kind) : 0;
                  return (
                    <AccordionItem key={kind} value={kind}>
                      <AccordionHeader>{ui.counted(kindName(kind, lang), items.length)}</AccordionHeader>
                      <AccordionPanel>
                        {fixable > 0 && (
                          <Button size="small" onClick={() => void fix(app.fixesOfKind(outcome, kind), (made) => ui.appliedAll(kindName(kind, lang), made))} disabled={busy}>
                            {ui.applyAllCount(fixable)}
                          </Button>
                        )}
                        {items.slice(0, SHOWN).map((f) => (
                          <FindingRow
                            key={`${f.kind}${f.cell}${f.value ?? ""}`}
                            pane={pane}
                            f={f}
                            offer={offerOf(f)}
                            lead={taskAt(f.row)?.lead?.text}
                            busy={busy}
                            mark={markOf(f)}
                            onSelect={() => select(f.cell)}
                            onApply={(name) => applyOne(f, name)}
                            onAdd={(a) => f.value !== undefined && void addUnit(f.value, a)}
                          />
                        ))}
                        {items.length > SHOWN && <Text size={200}>{ui.moreFindings(items.length - SHOWN)}</Text>}
                      </AccordionPanel>
                    </AccordionItem>
                  );
                })}
              </Accordion>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function FindingRow({ pane, f, offer, lead, busy, mark, onSelect, onApply, onAdd }: { pane: Pane; f: Finding; offer: FindingOffer; lead: string | undefined; busy: boolean; mark: React.ReactNode; onSelect: () => void; onApply: (name: string) => void; onAdd: (addition: DirectoryAddition) => void }) {
  const styles = useStyles();
  const { ui, lang } = pane;
  const label = taskShortName(f.taskNo, f.row, lang);
  const unit = lead?.replace(/\s+/g, " ").trim();
  return (
    <div>
      <button type="button" className={styles.finding} onClick={onSelect} title={f.cell}>
        <Text size={200} className={styles.where}>
          {mark}
          {label} · {f.cell}
        </Text>
        {unit && f.field === "progress" && (
          <Text size={200} className={styles.unit}>
            {ui.leadUnitIs(unit.length > 24 ? `${unit.slice(0, 24)}…` : unit)}
          </Text>
        )}
        <Text block size={200}>
          {findingText(f, lang, true)}
        </Text>
      </button>
      <FindingActions pane={pane} name={f.value} offer={offer} busy={busy} onApply={onApply} onAdd={onAdd} />
    </div>
  );
}
