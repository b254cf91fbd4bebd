// 填报: for the staff of one responsible unit. They choose 本单位 once (remembered on this machine, never
// in the workbook; in a form 分发 made, the form's own unit and no picker), and see its tasks for the
// quarter with what 检查 finds on each and what would pass; a task takes them to its progress cell
// (a click, or ↑↓ and Enter). The ledger is read without marks: nothing is written. The list, the
// count and the choices are the application layer's (fillView).
import * as React from "react";
import { Badge, Button, Combobox, Field, MessageBar, MessageBarActions, MessageBarBody, Option, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { fillUnits, fillView, formatQuarter, listOf, matchingUnits, problemOf, type FillCheck, type FillTask } from "../../app";
import type { Pane } from "../pane";
import { remember, remembered } from "../remembered";
import { FINDING_PLACE } from "./findingRow";
import { ProblemBar } from "./ProblemBar";
import { ReadyCheck } from "./ReadyCheck";
import { useStep } from "./useStep";
import { useFollowTyping } from "../followTyping";

/** Where the person's choices are kept (localStorage, src/taskpane/remembered.ts). */
export const FILL_UNIT_KEY = "fill.unit";
export const FILL_INTRO_KEY = "fill.introDismissed";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap", marginBottom: tokens.spacingVerticalS },
  picker: { flexGrow: 1, minWidth: "12em" },
  other: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  heading: { display: "block", margin: `${tokens.spacingVerticalS} 0` },
  list: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "65vh",
    overflowY: "auto",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  task: {
    display: "block",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    ":hover": { background: tokens.colorNeutralBackground1Hover },
  },
  active: { background: tokens.colorNeutralBackground1Selected, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  place: FINDING_PLACE,
  labels: { display: "inline-flex", gap: tokens.spacingHorizontalXXS, flexWrap: "wrap", verticalAlign: "middle" },
  text: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  hint: { display: "block", color: tokens.colorNeutralForeground2 },
});

export function FillTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "problem" | "refresh" | "outcome" | "setOutcome" | "request" | "confirm" | "select" | "cellChanges"> }): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang } = pane;
  const step = useStep();
  const busy = step.busy !== undefined;
  const [check, setCheck] = React.useState<FillCheck>();
  const [unit, setUnit] = React.useState(() => remembered(FILL_UNIT_KEY));
  const [query, setQuery] = React.useState(unit ?? "");
  const [intro, setIntro] = React.useState(() => remembered(FILL_INTRO_KEY) === undefined);
  const [active, setActive] = React.useState(0);
  const [open, setOpen] = React.useState(false);
  const list = React.useRef<HTMLDivElement>(null);

  /** Reads the ledger (or the open form) for the pane's quarter; nothing is marked or written. */
  const read = (confirm: boolean) => async () => {
    try {
      setCheck(await app.fillCheck({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}) }));
      if (confirm) pane.confirm();
    } catch (e) {
      // A list of an earlier reading would read as this one's.
      setCheck(undefined);
      throw e;
    }
  };
  const run = () => void step.run(t("reading"), read(false), { again: read(true) });
  // Read when the tab opens and when the pane's quarter changes (`request` is made anew at each render).
  const asked = pane.request().quarter;
  React.useEffect(run, [asked ? formatQuarter(asked) : ""]);
  // 填报 follows typing: the rows edited are checked again; any other change reads the ledger again.
  useFollowTyping(app, pane.cellChanges, check, {
    outcomeOf: (c) => c.outcome,
    withOutcome: (c, outcome) => ({ ...c, outcome }),
    readAll: () => app.fillCheck(pane.request()),
    set: setCheck,
    readAgain: run,
  });

  const options = React.useMemo(() => (check && !check.form ? fillUnits(check) : []), [check]);
  const shown = React.useMemo(() => matchingUnits(options, query), [options, query]);
  const view = React.useMemo(() => (check && (check.form || unit) ? fillView(check, unit ?? "", lang) : undefined), [check, unit, lang]);
  const tasks = view?.tasks ?? [];
  const current = Math.min(active, Math.max(tasks.length - 1, 0));

  const choose = (name: string) => {
    setUnit(name);
    setQuery(name);
    setOpen(false);
    setActive(0);
    remember(FILL_UNIT_KEY, name);
  };
  const dismissIntro = () => {
    setIntro(false);
    remember(FILL_INTRO_KEY, "1");
  };
  // 标记本单位问题: only when asked; the office's other marks stay.
  const markUnit = () =>
    view &&
    check &&
    void step.run(
      t("checking"),
      async () => {
        const { cells, inWorkbook } = await app.markUnitFindings(check, view.unit);
        pane.notify(ui.unitMarked(cells, view.unit), "success");
        // 检查's 清除标记 goes by the marks in the workbook: its last check's count, else the overview's.
        if (inWorkbook !== undefined && pane.outcome) pane.setOutcome({ ...pane.outcome, markedInWorkbook: inWorkbook });
        pane.refresh();
      },
      { failed: (e) => pane.notify(pane.problem(e), "error") },
    );
  const go = (task: FillTask) => view && pane.select(view.sheet, task.cell);
  const rowId = (task: FillTask) => `fill-task-${task.key}`;
  const move = (to: number) => {
    const next = Math.max(0, Math.min(tasks.length - 1, to));
    setActive(next);
    const task = tasks[next];
    if (task) document.getElementById(rowId(task))?.scrollIntoView?.({ block: "nearest" });
  };
  // The list is one stop for the keyboard: ↑↓ move through the tasks, Enter goes to the task's cell.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(current + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      move(e.key === "Home" ? 0 : tasks.length - 1);
    } else if (e.key === "Enter" && tasks[current]) {
      e.preventDefault();
      go(tasks[current]);
    }
  };

  return (
    <div>
      {intro && (
        <MessageBar intent="info" layout="multiline" aria-label="fill-intro" style={{ marginBottom: tokens.spacingVerticalS }}>
          <MessageBarBody>
            {[t("fillIntro1"), t("fillIntro2"), t("fillIntro3")].map((line) => (
              <Text block size={200} key={line}>
                {line}
              </Text>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismissIntro}>
              {t("fillIntroDismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.bar}>
        {check && !check.form && (
          <Field label={t("fillUnit")} className={styles.picker}>
            <Combobox
              freeform
              aria-label={t("fillUnit")}
              placeholder={t("fillUnitPlaceholder")}
              value={query}
              selectedOptions={unit ? [unit] : []}
              open={open}
              onOpenChange={(_, d) => setOpen(d.open)}
              // Fluent opens the list on a key that types one character (react-combobox's
              // dropdownKeyActions.js: key.length === 1); Chinese typed through an IME comes as "Process"
              // keys, so the list is opened by the text changing.
              onChange={(e) => {
                setQuery(e.target.value);
                setOpen(true);
              }}
              onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue)}
            >
              {shown.map((o) => (
                <Option key={o.name} value={o.name} text={o.name}>
                  {o.name}
                  {o.names.length > 0 && <span className={styles.other}>{listOf(o.names, lang)}</span>}
                </Option>
              ))}
              {shown.length === 0 && (
                <Option disabled value="" text="">
                  {t("fillNoMatch")}
                </Option>
              )}
            </Combobox>
          </Field>
        )}
        <Button onClick={run} disabled={busy}>
          {t("fillReadAgain")}
        </Button>
        {view && check && (
          <Button onClick={markUnit} disabled={busy || view.pending === 0} title={t("fillMarkUnitTitle")}>
            {t("fillMarkUnit")}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={step.busy} />}
      </div>
      {step.error !== undefined && <ProblemBar problem={problemOf(step.error, lang)} confirmLabel={t("useQuarterAnyway")} onConfirm={step.again} busy={busy} />}
      {check && !view && <Text block>{t("fillChooseUnit")}</Text>}
      {view && (
        <>
          {view.formOf && (
            <Text block size={200} aria-label="fill-form">
              {view.formOf}
            </Text>
          )}
          {check?.form && <ReadyCheck pane={pane} />}
          <Text weight="semibold" className={styles.heading} aria-label="fill-count">
            {view.heading}
          </Text>
          {view.empty && <Text block>{view.empty}</Text>}
          {tasks.length > 0 && (
            <div
              ref={list}
              role="listbox"
              tabIndex={0}
              aria-label={t("fillTasks")}
              aria-activedescendant={tasks[current] ? rowId(tasks[current]) : undefined}
              className={styles.list}
              onKeyDown={onKeyDown}
            >
              {tasks.map((task, i) => (
                <div
                  key={task.key}
                  id={rowId(task)}
                  role="option"
                  aria-selected={i === current}
                  title={task.cell}
                  className={mergeClasses(styles.task, i === current && styles.active)}
                  onClick={() => {
                    setActive(i);
                    list.current?.focus();
                    go(task);
                  }}
                >
                  <span className={styles.place}>{task.place}</span>
                  {task.role === "co" && (
                    <Badge size="small" appearance="outline" color="subtle">
                      {t("fillAsCo")}
                    </Badge>
                  )}{" "}
                  <span className={styles.labels}>
                    {task.reported ? (
                      <Badge size="small" appearance="tint" color="success">
                        {t("fillReported")}
                      </Badge>
                    ) : null}
                    {task.labels.map((l) => (
                      <Badge key={l.kind} size="small" appearance="tint" color={l.tone}>
                        {l.name}
                      </Badge>
                    ))}
                  </span>
                  <Text size={200} className={styles.text}>
                    {task.task}
                  </Text>
                  {task.hints.map((h) => (
                    <Text size={200} className={styles.hint} key={h}>
                      {h}
                    </Text>
                  ))}
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
