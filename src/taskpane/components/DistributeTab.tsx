import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { batchLabelText, formatQuarter, mergedText, mergeReportSections, suggestedChoices, unresolvedWhy, type FormsPlan, type Lang, type MergePlan, type PaneText, type Quarter, type UndoneWrites } from "../../app";
import { readFileBytes, saveFile, toBase64 } from "../files";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";

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

/** Items of a report section shown at most; the rest are counted. */
const SHOWN = 8;

/** 分发 and 合并回报: one form per responsible unit, and the returned forms merged back into the ledger. */
export function DistributeTab({ pane }: { pane: Pane }): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify } = pane;
  const [busy, setBusy] = React.useState<string>();
  const [error, setError] = React.useState<unknown>();
  const [formsPlan, setForms] = React.useState<FormsPlan>();
  const [mergePlan, setMerge] = React.useState<MergePlan>();
  const [written, setWritten] = React.useState<MergePlan>();
  // Units the person confirmed are real although the directory lacks them: they get a form.
  const [included, setIncluded] = React.useState<readonly string[]>([]);
  const files = React.useRef<HTMLInputElement>(null);
  const undoable = pane.overview?.lastMerge;
  const request = pane.request();
  // Plans made for another quarter than the one chosen now are not shown.
  const current = <T extends { quarter: Quarter }>(plan: T | undefined) => (plan && (!request.quarter || formatQuarter(plan.quarter) === formatQuarter(request.quarter)) ? plan : undefined);
  const forms = current(formsPlan);
  const merge = current(mergePlan);

  const step = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const again = React.useRef<() => Promise<void>>(undefined);
  const confirmAndRetry = () => {
    pane.confirm();
    const retry = again.current;
    if (retry) void step(t("making"), retry);
  };

  const makeForms = (includeUnknown = included) =>
    step(t("making"), async () => {
      again.current = async () => setForms(await app.planForms({ ...request, includeUnknown, confirmQuarter: true }));
      setForms(await app.planForms({ ...request, includeUnknown }));
    });
  const include = (unit: string) => {
    const next = [...included, unit];
    setIncluded(next);
    void makeForms(next);
  };
  const correct = (plan: FormsPlan, choices: ReadonlyMap<string, string>) =>
    step(t("writing"), async () => {
      const cells = await app.correctUnits(plan, choices);
      notify(ui.unitsCorrected(cells), "success");
      setForms(await app.planForms({ ...request, includeUnknown: included, confirmQuarter: true }));
    });
  const download = (plan: FormsPlan, unit?: string) =>
    step(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit);
      saveFile(form ? await app.formFile(form) : await app.formsZipFile(plan));
    });
  const open = (plan: FormsPlan, unit: string) =>
    step(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit)!;
      await app.openWorkbook(toBase64((await app.formFile(form)).bytes));
    });

  const readFiles = (list: FileList) =>
    step(t("reading"), async () => {
      const chosen = await Promise.all(Array.from(list).map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) })));
      setWritten(undefined);
      const returned = await app.readReturnFiles(chosen);
      again.current = async () => setMerge(await app.planMerge(returned, { ...request, confirmQuarter: true }));
      setMerge(await app.planMerge(returned, request));
    });
  const write = (plan: MergePlan) =>
    step(t("writing"), async () => {
      const done = await app.writeMerge(plan);
      setMerge(undefined);
      setWritten(done);
      pane.refresh();
      notify(mergedText(done, lang), "success");
    });
  const undo = () =>
    step(t("writing"), async () => {
      const undone: UndoneWrites | undefined = await app.undoMerge();
      setWritten(undefined);
      pane.refresh();
      if (!undone) return notify(ui.nothingToUndo, "info");
      notify(ui.mergeUndone(batchLabelText(undone.label, lang), undone.restored, undone.kept), "success");
    });

  const leads = (plan: FormsPlan, unit: string) => plan.forms.find((f) => f.unit === unit)!.rows.filter((r) => r.role === "牵头").length;

  return (
    <div>
      {busy && <Spinner size="tiny" label={busy} />}
      {error !== undefined && <ProblemBar pane={pane} error={error} onConfirm={confirmAndRetry} busy={!!busy} />}

      <section className={styles.section} aria-label={t("distribute")}>
        <SectionTitle title={t("distribute")} hint={t("distributeHint")} />
        <div className={styles.bar}>
          <Button appearance="primary" onClick={() => void makeForms(included)} disabled={!!busy}>
            {t("makeForms")}
          </Button>
          {forms && (
            <Button onClick={() => void download(forms)} disabled={!!busy}>
              {t("downloadAll")}
            </Button>
          )}
        </div>
        {forms && forms.unresolved.some((u) => !included.includes(u.name)) && (
          <Unresolved plan={forms} included={included} busy={!!busy} ui={ui} lang={lang} onCorrect={(choices) => void correct(forms, choices)} onInclude={include} />
        )}
        {forms && (
          <>
            <Text block>{ui.formsMade(forms.quarter, forms.tasks, forms.forms.length)}</Text>
            <div className={styles.list} aria-label="forms">
              {forms.forms.map((f) => (
                <div key={f.unit} className={styles.unit}>
                  <Text size={200} className={styles.unitName} truncate wrap={false} title={f.unit}>
                    {f.unit}
                  </Text>
                  <Text size={200} className={styles.count}>
                    {ui.formRows(f.rows.length, leads(forms, f.unit))}
                  </Text>
                  <Button size="small" appearance="subtle" onClick={() => void download(forms, f.unit)} disabled={!!busy} aria-label={ui.downloadUnit(f.unit)}>
                    {t("download")}
                  </Button>
                  {app.canOpenWorkbook && (
                    <Button size="small" appearance="subtle" onClick={() => void open(forms, f.unit)} disabled={!!busy} aria-label={ui.openUnit(f.unit)}>
                      {t("openForm")}
                    </Button>
                  )}
                </div>
              ))}
            </div>
            {app.canOpenWorkbook && (
              <Text block size={200} className={styles.muted}>
                {t("openHint")}
              </Text>
            )}
          </>
        )}
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
          <Button appearance={forms ? "secondary" : "primary"} onClick={() => files.current?.click()} disabled={!!busy}>
            {t("chooseReturns")}
          </Button>
          {undoable && !merge && (
            <Button onClick={() => void undo()} disabled={!!busy}>
              {ui.undoMergeOf(batchLabelText(undoable.label, lang), undoable.cells)}
            </Button>
          )}
        </div>
        {merge && (
          <div aria-label="merge-plan">
            <Text block>{ui.mergePlanned(merge.returns.map((r) => r.unit), merge.edits.length)}</Text>
            <MergeSections plan={merge} ui={ui} lang={lang} />
            <div className={styles.bar}>
              <Button appearance="primary" onClick={() => void write(merge)} disabled={!!busy || merge.edits.length === 0}>
                {ui.writeMergeCells(merge.edits.length)}
              </Button>
              <Button onClick={() => setMerge(undefined)} disabled={!!busy}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
        {written && (
          <div aria-label="merge-done">
            <MessageBar intent="success">
              <MessageBarBody>
                {mergedText(written, lang)}
                {t("afterMerge")}
              </MessageBarBody>
            </MessageBar>
            <MergeSections plan={written} ui={ui} lang={lang} />
          </div>
        )}
      </section>
    </div>
  );
}

/** The units no form can reach yet, first: each with its suggestions, and the choice to confirm it is real. */
function Unresolved({ plan, included, busy, ui, lang, onCorrect, onInclude }: { plan: FormsPlan; included: readonly string[]; busy: boolean; ui: PaneText; lang: Lang; onCorrect: (choices: ReadonlyMap<string, string>) => void; onInclude: (unit: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const pending = plan.unresolved.filter((u) => !included.includes(u.name));
  return (
    <div aria-label="unresolved" className={styles.section}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{ui.unresolvedUnits(pending.length)}</MessageBarBody>
      </MessageBar>
      {pending.map((u) => (
        <div key={u.name} className={styles.unresolved}>
          <Text block size={200}>
            {ui.unresolvedUnit(u.name, unresolvedWhy(u.reason, lang), u.places.map((p) => p.cell), u.places.length)}
          </Text>
          <div className={styles.bar}>
            {u.suggestions.map((s) => (
              <Button key={s} size="small" appearance="outline" disabled={busy} onClick={() => onCorrect(new Map([[u.name, s]]))}>
                {ui.changeTo(s)}
              </Button>
            ))}
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onInclude(u.name)}>
              {ui.includeAnyway}
            </Button>
          </div>
        </div>
      ))}
      {pending.some((u) => u.suggestions.length) && (
        <Button size="small" disabled={busy} onClick={() => onCorrect(suggestedChoices(pending))}>
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

function MergeSections({ plan, ui, lang }: { plan: MergePlan; ui: PaneText; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {mergeReportSections(plan, lang).map((s) => (
        <div key={s.title} className={styles.section}>
          <Text block weight="semibold" size={200}>
            {ui.sectionHead(s.title, s.items.length)}
          </Text>
          {s.items.slice(0, SHOWN).map((item, i) => (
            <Text block size={200} key={i}>
              {item}
            </Text>
          ))}
          {s.items.length > SHOWN && (
            <Text block size={200} className={styles.muted}>
              {ui.moreItems(s.items.length - SHOWN)}
            </Text>
          )}
        </div>
      ))}
    </>
  );
}
