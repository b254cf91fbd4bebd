import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { batchLabelText, distributeView, mergedText, problemOf, type FormsPlan, type FormsView, type MergePlan, type MergeView, type PaneText, type UndoneWrites, type WordKey } from "../../app";
import { readFileBytes, saveFile, toBase64 } from "../files";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";
import { useStep } from "./useStep";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalM },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
  list: { maxHeight: "260px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke3}`, borderRadius: tokens.borderRadiusMedium },
  unit: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  unitName: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  count: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", flexShrink: 0 },
  unresolved: { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
});

/** 分发 and 合并回报: one form per responsible unit, and the returned forms merged back into the ledger. */
export function DistributeTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "request" | "confirm" | "overview" | "refresh"> }): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify } = pane;
  const step = useStep();
  const busy = step.busy !== undefined;
  const [formsPlan, setForms] = React.useState<FormsPlan>();
  const [mergePlan, setMerge] = React.useState<MergePlan>();
  const [written, setWritten] = React.useState<MergePlan>();
  // Units the person confirmed are real although the directory lacks them: they get a form.
  const [included, setIncluded] = React.useState<readonly string[]>([]);
  const files = React.useRef<HTMLInputElement>(null);
  const request = pane.request();
  const view = distributeView({
    lang,
    ...(request.quarter ? { quarter: request.quarter } : {}),
    ...(formsPlan ? { forms: formsPlan } : {}),
    ...(mergePlan ? { merge: mergePlan } : {}),
    ...(written ? { written } : {}),
    included,
    ...(pane.overview?.lastMerge ? { lastMerge: pane.overview.lastMerge } : {}),
  });

  const makeForms = (includeUnknown = included) =>
    step.run(t("making"), async () => setForms(await app.planForms({ ...request, includeUnknown })), {
      again: async () => setForms(await app.planForms({ ...request, includeUnknown, confirmQuarter: true })),
    });
  const include = (unit: string) => {
    const next = [...included, unit];
    setIncluded(next);
    void makeForms(next);
  };
  const correct = (plan: FormsPlan, choices: ReadonlyMap<string, string>) =>
    step.run(t("writing"), async () => {
      const cells = await app.correctUnits(plan, choices);
      notify(ui.unitsCorrected(cells), "success");
      setForms(await app.planForms({ ...request, includeUnknown: included, confirmQuarter: true }));
    });
  const download = (plan: FormsPlan, unit?: string) =>
    step.run(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit);
      saveFile(form ? await app.formFile(form) : await app.formsZipFile(plan));
    });
  const open = (plan: FormsPlan, unit: string) =>
    step.run(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit)!;
      await app.openWorkbook(toBase64((await app.formFile(form)).bytes));
    });

  const readFiles = async (list: FileList) => {
    const chosen = await Promise.all(Array.from(list).map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) })));
    let returned: Awaited<ReturnType<typeof app.readReturnFiles>> | undefined;
    const plan = async (confirmQuarter: boolean) => {
      returned ??= await app.readReturnFiles(chosen);
      setMerge(await app.planMerge(returned, { ...request, ...(confirmQuarter ? { confirmQuarter } : {}) }));
    };
    await step.run(
      t("reading"),
      async () => {
        setWritten(undefined);
        await plan(false);
      },
      { again: () => plan(true) },
    );
  };
  const write = (plan: MergePlan) =>
    step.run(t("writing"), async () => {
      const done = await app.writeMerge(plan);
      setMerge(undefined);
      setWritten(done);
      pane.refresh();
      notify(mergedText(done, lang), "success");
    });
  const undo = () =>
    step.run(t("writing"), async () => {
      const undone: UndoneWrites | undefined = await app.undoMerge();
      setWritten(undefined);
      pane.refresh();
      if (!undone) return notify(ui.nothingToUndo, "info");
      notify(ui.mergeUndone(batchLabelText(undone.label, lang), undone.restored, undone.kept), "success");
    });

  const confirmAndRetry = () => {
    pane.confirm();
    step.again();
  };
  const forms = view.forms;
  const merge = view.merge;
  return (
    <div>
      {busy && <Spinner size="tiny" label={step.busy} />}
      {step.error !== undefined && <ProblemBar problem={problemOf(step.error, lang)} confirmLabel={t("useQuarterAnyway")} onConfirm={confirmAndRetry} busy={busy} />}

      <section className={styles.section} aria-label={t("distribute")}>
        <SectionTitle title={t("distribute")} hint={t("distributeHint")} />
        <div className={styles.bar}>
          <Button appearance="primary" onClick={() => void makeForms(included)} disabled={busy}>
            {t("makeForms")}
          </Button>
          {forms && (
            <Button onClick={() => void download(forms.plan)} disabled={busy}>
              {t("downloadAll")}
            </Button>
          )}
        </div>
        {forms?.unassignedText && (
          <MessageBar intent="warning" layout="multiline" aria-label="unassigned" className={styles.section}>
            <MessageBarBody>{forms.unassignedText}</MessageBarBody>
          </MessageBar>
        )}
        {forms && forms.pending.length > 0 && <Unresolved forms={forms} busy={busy} ui={ui} onCorrect={(choices) => void correct(forms.plan, choices)} onInclude={include} />}
        {forms && <FormList forms={forms} busy={busy} t={t} canOpen={app.canOpenWorkbook} onDownload={(unit) => void download(forms.plan, unit)} onOpen={(unit) => void open(forms.plan, unit)} />}
      </section>

      <Divider className={styles.section} />

      <section className={styles.section} aria-label={t("mergeReturns")}>
        <SectionTitle title={t("mergeReturns")} hint={t("mergeHint")} />
        <input
          ref={files}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("chooseReturns")}
          style={{ display: "none" }}
          onChange={(e) => {
            if (e.target.files?.length) void readFiles(e.target.files);
            e.target.value = "";
          }}
        />
        <div className={styles.bar}>
          <Button appearance={forms ? "secondary" : "primary"} onClick={() => files.current?.click()} disabled={busy}>
            {t("chooseReturns")}
          </Button>
          {view.undo && (
            <Button onClick={() => void undo()} disabled={busy}>
              {view.undo}
            </Button>
          )}
        </div>
        {merge && (
          <div aria-label="merge-plan">
            <Text block>{merge.text}</Text>
            <MergeSections merge={merge} />
            <div className={styles.bar}>
              <Button appearance="primary" onClick={() => void write(merge.plan)} disabled={busy || !merge.canWrite}>
                {merge.write}
              </Button>
              <Button onClick={() => setMerge(undefined)} disabled={busy}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
        {view.written && (
          <div aria-label="merge-done">
            <MessageBar intent="success">
              <MessageBarBody>
                {view.written.text}
                {t("afterMerge")}
              </MessageBarBody>
            </MessageBar>
            <MergeSections merge={view.written} />
          </div>
        )}
      </section>
    </div>
  );
}

/** The forms made, one line per unit: its tasks, and 下载 (and 打开 where the host opens a workbook). */
function FormList({ forms, busy, t, canOpen, onDownload, onOpen }: { forms: FormsView; busy: boolean; t: (key: WordKey) => string; canOpen: boolean; onDownload: (unit: string) => void; onOpen: (unit: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Text block>{forms.made}</Text>
      <div className={styles.list} aria-label="forms">
        {forms.units.map((f) => (
          <div key={f.unit} className={styles.unit}>
            <Text size={200} className={styles.unitName} truncate wrap={false} title={f.unit}>
              {f.unit}
            </Text>
            <Text size={200} className={styles.count}>
              {f.rows}
            </Text>
            <Button size="small" appearance="subtle" onClick={() => onDownload(f.unit)} disabled={busy} aria-label={f.downloadLabel}>
              {t("download")}
            </Button>
            {canOpen && (
              <Button size="small" appearance="subtle" onClick={() => onOpen(f.unit)} disabled={busy} aria-label={f.openLabel}>
                {t("openForm")}
              </Button>
            )}
          </div>
        ))}
      </div>
      {canOpen && (
        <Text block size={200} className={styles.muted}>
          {t("openHint")}
        </Text>
      )}
    </>
  );
}

/** The units no form can reach yet, first: each with its suggestions, and the choice to confirm it is real. */
function Unresolved({ forms, busy, ui, onCorrect, onInclude }: { forms: FormsView; busy: boolean; ui: PaneText; onCorrect: (choices: ReadonlyMap<string, string>) => void; onInclude: (unit: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div aria-label="unresolved" className={styles.section}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{forms.pendingText}</MessageBarBody>
      </MessageBar>
      {forms.pending.map((u) => (
        <div key={u.name} className={styles.unresolved}>
          <Text block size={200}>
            {u.text}
          </Text>
          <div className={styles.bar}>
            {u.changes.map((c) => (
              <Button key={c.name} size="small" appearance="outline" disabled={busy} onClick={() => onCorrect(new Map([[u.name, c.name]]))}>
                {c.label}
              </Button>
            ))}
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onInclude(u.name)}>
              {ui.includeAnyway}
            </Button>
          </div>
        </div>
      ))}
      {forms.applyAll && (
        <Button size="small" disabled={busy} onClick={() => onCorrect(forms.applyAll!)}>
          {ui.applyAllFirst}
        </Button>
      )}
    </div>
  );
}

function SectionTitle({ title, hint }: { title: string; hint: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Text block weight="semibold">
        {title}
      </Text>
      <Text block size={200} className={styles.muted}>
        {hint}
      </Text>
    </>
  );
}

function MergeSections({ merge }: { merge: MergeView }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {merge.sections.map((s) => (
        <div key={s.title} className={styles.section}>
          <Text block weight="semibold" size={200}>
            {s.title}
          </Text>
          {s.items.map((item, i) => (
            <Text block size={200} key={i}>
              {item}
            </Text>
          ))}
          {s.more && (
            <Text block size={200} className={styles.muted}>
              {s.more}
            </Text>
          )}
        </div>
      ))}
    </>
  );
}
