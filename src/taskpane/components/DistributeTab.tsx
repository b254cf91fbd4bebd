import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { defaultQuarter, formatQuarter, parseQuarter, quarterLabel, quarterShortLabel, type Quarter } from "../../core";
import type { UndoneWrites, WorkbookHost } from "../../host/types";
import { formFile, formsZipFile, lastWrites, mergedText, mergeLabel, planForms, planMerge, readReturnFiles, writeMerge, type FormsPlan, type MergePlan } from "../distribution";
import { readFileBytes, saveFile, toBase64 } from "../files";
import { problemText } from "../session";
import type { WordKey } from "../i18n";
import { QuarterField } from "./QuarterField";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalM },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
  list: { maxHeight: "260px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke3}`, borderRadius: tokens.borderRadiusMedium },
  unit: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  unitName: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  count: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", flexShrink: 0 },
});

/** Items of a report section shown at most; the rest are counted. */
const SHOWN = 8;

type Notify = (text: string, intent?: "success" | "error" | "info") => void;

/** 分发 and 合并回报: one form per responsible unit, and the returned forms merged back into the ledger. */
export function DistributeTab({ host, t, notify, today = new Date(), initial }: { host: WorkbookHost; t: (k: WordKey) => string; notify: Notify; today?: Date; initial?: Quarter }): React.JSX.Element {
  const styles = useStyles();
  const [quarter, setQuarter] = React.useState(formatQuarter(initial ?? defaultQuarter(today)));
  const [busy, setBusy] = React.useState<string>();
  const [error, setError] = React.useState<string>();
  const [forms, setForms] = React.useState<FormsPlan>();
  const [merge, setMerge] = React.useState<MergePlan>();
  const [written, setWritten] = React.useState<MergePlan>();
  const [undoable, setUndoable] = React.useState<{ label: string; cells: number }>();
  const files = React.useRef<HTMLInputElement>(null);
  const q = parseQuarter(quarter)!;

  // The workbook remembers the last merge: offer to undo it, even after the pane was closed.
  React.useEffect(() => {
    let live = true;
    host.read().then(
      (s) => live && setUndoable(lastWrites(s)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const step = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const chooseQuarter = (value: string) => {
    setQuarter(value);
    setForms(undefined);
    setMerge(undefined);
  };

  const makeForms = () => step(t("making"), async () => setForms(await planForms(host, q)));
  const download = (plan: FormsPlan, unit?: string) =>
    step(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit);
      saveFile(form ? await formFile(form) : await formsZipFile(plan));
    });
  const open = (plan: FormsPlan, unit: string) =>
    step(t("making"), async () => {
      const form = plan.forms.find((f) => f.unit === unit)!;
      await host.openWorkbook!(toBase64((await formFile(form)).bytes));
    });

  const readFiles = (list: FileList) =>
    step(t("reading"), async () => {
      const chosen = await Promise.all(Array.from(list).map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) })));
      setWritten(undefined);
      setMerge(await planMerge(host, await readReturnFiles(chosen), q));
    });
  const write = (plan: MergePlan) =>
    step(t("writing"), async () => {
      const done = await writeMerge(host, plan);
      setMerge(undefined);
      setWritten(done);
      if (done.edits.length) setUndoable({ label: mergeLabel(done.quarter), cells: done.edits.length });
      notify(mergedText(done), "success");
    });
  const undo = () =>
    step(t("writing"), async () => {
      const undone: UndoneWrites | undefined = await host.undoWrites();
      setUndoable(undefined);
      setWritten(undefined);
      if (!undone) return notify("没有可以撤销的合并。", "info");
      notify(`已撤销“${undone.label}”：${undone.restored} 个单元格恢复原样${undone.kept.length ? `；${undone.kept.length} 个单元格在合并后又被修改过，保留现状（${undone.kept.slice(0, 5).join("、")}${undone.kept.length > 5 ? "…" : ""}）` : ""}。`, "success");
    });

  const leads = (plan: FormsPlan, unit: string) => plan.forms.find((f) => f.unit === unit)!.rows.filter((r) => r.role === "牵头").length;

  return (
    <div>
      <QuarterField label={t("quarter")} value={quarter} onChange={chooseQuarter} today={today} {...(initial ? { ledgerYear: initial.year } : {})} />
      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-label={t("distribute")}>
        <SectionTitle title={t("distribute")} hint={t("distributeHint")} />
        <div className={styles.bar}>
          <Button appearance="primary" onClick={() => void makeForms()} disabled={!!busy}>
            {t("makeForms")}
          </Button>
          {forms && (
            <Button onClick={() => void download(forms)} disabled={!!busy}>
              {t("downloadAll")}
            </Button>
          )}
        </div>
        {forms && (
          <>
            <Text block>
              {quarterLabel(forms.quarter)}：{forms.tasks} 项任务，分发给 {forms.forms.length} 个责任单位。各单位只填写“{quarterShortLabel(forms.quarter.q)}进展”一列。
            </Text>
            <div className={styles.list} aria-label="forms">
              {forms.forms.map((f) => (
                <div key={f.unit} className={styles.unit}>
                  <Text className={styles.unitName} truncate wrap={false} title={f.unit}>
                    {f.unit}
                  </Text>
                  <Text size={200} className={styles.count}>
                    {f.rows.length} 项（牵头 {leads(forms, f.unit)}）
                  </Text>
                  <Button size="small" appearance="subtle" onClick={() => void download(forms, f.unit)} disabled={!!busy} aria-label={`下载 ${f.unit}`}>
                    {t("download")}
                  </Button>
                  {host.openWorkbook && (
                    <Button size="small" appearance="subtle" onClick={() => void open(forms, f.unit)} disabled={!!busy} aria-label={`打开 ${f.unit}`}>
                      {t("openForm")}
                    </Button>
                  )}
                </div>
              ))}
            </div>
            {host.openWorkbook && (
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
              {t("undoMerge")}（{undoable.label}，{undoable.cells} 个单元格）
            </Button>
          )}
        </div>
        {merge && (
          <div aria-label="merge-plan">
            <Text block>
              {merge.returns.length} 份填报表（{merge.returns.map((r) => r.unit).join("、") || "无"}），将写入 {merge.edits.length} 个单元格。
            </Text>
            <MergeSections plan={merge} />
            <div className={styles.bar}>
              <Button appearance="primary" onClick={() => void write(merge)} disabled={!!busy || merge.edits.length === 0}>
                {t("writeMerge")}（{merge.edits.length} 个单元格）
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
                {mergedText(written)}
                {t("afterMerge")}
              </MessageBarBody>
            </MessageBar>
            <MergeSections plan={written} />
          </div>
        )}
      </section>
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

function MergeSections({ plan }: { plan: MergePlan }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {plan.sections.map((s) => (
        <div key={s.title} className={styles.section}>
          <Text block weight="semibold" size={200}>
            【{s.title}】{s.items.length} 项
          </Text>
          {s.items.slice(0, SHOWN).map((item, i) => (
            <Text block size={200} key={i}>
              {item}
            </Text>
          ))}
          {s.items.length > SHOWN && (
            <Text block size={200} className={styles.muted}>
              …另有 {s.items.length - SHOWN} 项
            </Text>
          )}
        </div>
      ))}
    </>
  );
}
