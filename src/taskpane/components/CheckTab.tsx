import * as React from "react";
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { checkView, findingClass, findingsByUnit, problemOf, type DirectoryAddition, type FindingItem, type FindingKind, type Quarter, type TaskClass, type UnitFix } from "../../app";
import type { Pane } from "../pane";
import { ByKindView } from "./ByKindView";
import { ByUnitView } from "./ByUnitView";
import { ProblemBar } from "./ProblemBar";
import { TaskClassLegend, TaskClassMark } from "./TaskClass";
import { ReminderButton } from "./ReminderButton";
import { addUnitToDirectory, FindingActions } from "./AddToDirectory";
import { useStep } from "./useStep";
import { useFollowTyping } from "../followTyping";
import { saveFile } from "../files";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", marginBottom: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
});

export interface CheckTabProps {
  pane: Omit<Pane, "shown">;
  /** How many requests to check came from outside the pane (the ribbon); a new one runs the check. */
  requestedRuns: number;
  /** Takes the requests not yet answered: true when a check should run for them. */
  takeRun: () => boolean;
}

export function CheckTab({ pane, requestedRuns, takeRun }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify, outcome, setOutcome } = pane;
  const step = useStep();
  const busy = step.busy !== undefined;
  // 按类型 (the kinds, as the marks are coloured) or 按单位 (whom to call).
  const [view, setView] = React.useState<"kind" | "unit">("kind");
  // The kinds opened in 按类型, kept while 按单位 is shown and across checks (undefined: the first kind).
  const [openKinds, setOpenKinds] = React.useState<readonly FindingKind[]>();
  const list = React.useRef<HTMLDivElement>(null);
  const failed = (e: unknown) => notify(pane.problem(e), "error");

  /** Checks the ledger for the pane's quarter, or for `quarter` (which becomes the pane's). */
  const check = async (confirm: boolean, quarter?: Quarter) => {
    try {
      setOutcome(await app.check({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}), ...(quarter ? { quarter } : {}) }));
      if (confirm) pane.confirm();
    } catch (e) {
      // Results of an earlier check would read as this one's: they go.
      setOutcome(undefined);
      throw e;
    }
  };
  const run = (quarter?: Quarter) => step.run(t("checking"), () => check(false, quarter), { again: () => check(true, quarter) });

  // The findings follow typing (填报's own staff, or the office mending a cell): the rows edited are
  // checked again, nothing is marked; the marks of the last check stay until 检查完整性 is pressed again.
  const checkUnmarked = async () => {
    const again = await app.check({ ...pane.request(), sheet: outcome!.workbook.ledger.name, mark: false });
    return { ...again, marked: outcome!.marked };
  };
  useFollowTyping(app, pane.cellChanges, outcome, {
    outcomeOf: (o) => o,
    withOutcome: (_, o) => o,
    readAll: checkUnmarked,
    set: setOutcome,
    // A failure is said as a check's is, and the findings of before go (they would read as now's).
    readAgain: () =>
      void step.run(t("checking"), async () => {
        try {
          setOutcome(await checkUnmarked());
        } catch (e) {
          setOutcome(undefined);
          throw e;
        }
      }),
  });

  React.useEffect(() => {
    // A request from the ribbon, when the tab opens or while it is shown; one that comes while the pane is
    // busy (a check, 应用, 清除标记) runs once that is done, so the check reads the ledger as it is then.
    if (!busy && takeRun()) void run();
    // (`run` is new on each render: the requests and the pane's work decide when this runs.)
  }, [requestedRuns, busy]);

  // 应用 / 全部应用: the names put in their cells, then the ledger checked again.
  const fix = (fixes: readonly UnitFix[], done: (made: number) => string) =>
    outcome &&
    step.run(
      t("checking"),
      async () => {
        notify(done(await app.applyFixes(outcome, fixes)), "success");
        await check(false);
        // The button pressed is gone with the finding it fixed: keep the keyboard in the list.
        list.current?.focus();
      },
      { failed },
    );
  const applyOne = (f: FindingItem["finding"], name: string) => void fix([{ finding: f, name }], () => ui.appliedOne(f.cell, f.value ?? "", name));

  // 加入目录: the unit goes into the 部门目录, then the ledger is checked again against it.
  const addUnit = (name: string, addition: DirectoryAddition) =>
    void step.run(t("checking"), async () => {
      if (await addUnitToDirectory(pane, name, addition)) await check(false);
      list.current?.focus();
    });

  const clear = () =>
    void step.run(
      t("checking"),
      async () => {
        const n = await app.clearMarks();
        // What the pane says of the sheet shown must be true now (the person may have gone to the ledger).
        await pane.readActive();
        notify(ui.marksCleared(n), "success");
        if (outcome) setOutcome({ ...outcome, marked: 0, markedInWorkbook: 0 });
        else pane.refresh();
      },
      { failed },
    );

  const page = React.useMemo(() => (outcome ? checkView(outcome, { lang, ...(pane.active !== undefined ? { active: pane.active } : {}) }) : undefined), [outcome, lang, pane.active]);
  const groups = React.useMemo(() => (outcome && view === "unit" ? findingsByUnit(outcome) : []), [outcome, view]);
  // 催办: the units with missing or weak progress on the tasks they lead.
  const reminders = React.useMemo(() => (outcome && view === "unit" ? app.reminders(outcome) : []), [app, outcome, view]);
  // A unit's 催办, under its own name and under each name the ledger writes for it that the directory lacks.
  const reminderOf = React.useMemo(() => new Map(reminders.flatMap((r) => [[r.unit, r] as const, ...r.readAs.map((a) => [a.written, r] as const)])), [reminders]);
  // Names the directory lacks that stand for no clear unit: no 催办单 goes to them; the office checks them.
  const toCheck = React.useMemo(() => (outcome && view === "unit" ? app.namesToCheck(outcome) : []), [app, outcome, view]);
  const downloadReminders = () => step.run(t("making"), async () => saveFile(await app.remindersZipFile(reminders, toCheck)), { failed });
  const marked = outcome?.markedInWorkbook ?? pane.overview?.marked ?? 0;
  const select = (cell: string) => {
    if (outcome) pane.select(outcome.result.ledger.sheet, cell);
  };
  const checkInstead = (q: Quarter, text: string) => {
    pane.setQuarter(text);
    void run(q);
  };
  const classMark = (c: TaskClass | undefined) => (c ? <TaskClassMark taskClass={c.taskClass} reason={c.reason} lang={lang} /> : null);
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t("runCheck")}
        </Button>
        <Button onClick={clear} disabled={busy || marked === 0} title={marked === 0 ? t("nothingMarked") : undefined}>
          {t("clearMarks")}
        </Button>
        {busy && <Spinner size="tiny" label={step.busy} />}
      </div>
      {step.error !== undefined && <ProblemBar problem={problemOf(step.error, lang)} confirmLabel={t("useQuarterAnyway")} onConfirm={step.again} busy={busy} />}
      {outcome && page && (
        <>
          <Text block size={200}>
            {page.checked}
          </Text>
          {page.notes.map((n) => (
            <MessageBar key={n} intent="warning">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {page.empty && (
            <MessageBar intent="warning" layout="multiline" aria-label="quarter-empty">
              <MessageBarBody>{page.empty.text}</MessageBarBody>
              {page.empty.instead && (
                <MessageBarActions>
                  <Button size="small" onClick={() => checkInstead(page.empty!.instead!.quarter, page.empty!.instead!.text)} disabled={busy}>
                    {page.empty.instead.label}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {page.totalText && (
            <Text block size={200} aria-label="findings-total">
              {page.totalText}
            </Text>
          )}
          <div className={styles.counts} aria-label="counts">
            {page.kinds.map((k) => (
              <Badge key={k.kind} appearance="tint" color={k.tone}>
                {k.name} {k.count}
              </Badge>
            ))}
          </div>
          {page.total === 0 && <Text>{t("noFindings")}</Text>}
          <TaskClassLegend lang={lang} counts={page.classCounts} />
          {page.total > 0 && (
            <TabList size="small" appearance="subtle" selectedValue={view} onTabSelect={(_, d) => setView(d.value as "kind" | "unit")} aria-label={ui.listBy}>
              <Tab value="kind">{t("byKind")}</Tab>
              <Tab value="unit">{t("byUnit")}</Tab>
            </TabList>
          )}
          {page.total > 0 && view === "unit" && (
            <>
              {reminders.length > 0 && (
                <div className={styles.bar} style={{ marginTop: tokens.spacingVerticalS }}>
                  <Button size="small" onClick={() => void downloadReminders()} disabled={busy}>
                    {ui.allReminders(reminders.length)}
                  </Button>
                </div>
              )}
              {toCheck.length > 0 && (
                <MessageBar intent="warning" layout="multiline" aria-label="names-to-check">
                  <MessageBarBody>{ui.namesToCheck(toCheck.map((n) => n.name))}</MessageBarBody>
                </MessageBar>
              )}
              <ByUnitView
                groups={groups}
                lang={lang}
                onSelect={select}
                itemMark={(i) => classMark(findingClass(page.classes, i.finding))}
                unitActions={(g) => {
                  const r = reminderOf.get(g.unit);
                  return r ? <ReminderButton pane={pane} reminder={r} /> : null;
                }}
                itemActions={(i, g) =>
                  // A unit's name as written (its own group's): the same offer as in 按类型, the correction first.
                  i.finding.field !== "progress" && g.unit ? (
                    <FindingActions
                      ui={ui}
                      name={i.finding.value}
                      offer={page.offerOf(i.finding)}
                      busy={busy}
                      onApply={(name) => applyOne(i.finding, name)}
                      onAdd={(a) => i.finding.value !== undefined && addUnit(i.finding.value, a)}
                    />
                  ) : null
                }
              />
            </>
          )}
          {view === "kind" && (
            <ByKindView
              ref={list}
              kinds={page.kinds}
              open={openKinds ?? page.kinds.slice(0, 1).map((k) => k.kind)}
              onToggle={setOpenKinds}
              ui={ui}
              busy={busy}
              classMark={classMark}
              onSelect={select}
              onApply={applyOne}
              onApplyAll={(k) => void fix(app.fixesOfKind(outcome, k.kind), (made) => ui.appliedAll(k.name, made))}
              onAdd={addUnit}
            />
          )}
        </>
      )}
    </div>
  );
}
