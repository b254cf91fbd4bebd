import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatQuarter, quarterLabel, quarterShortLabel } from "../../core/quarter";
import type { Quarter } from "../../core/types";
import { mergedText, suggestedChoices, type FormsPlan, type MergePlan, type UndoneWrites } from "../../app";
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
  const { app, t, notify } = pane;
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
      notify(`已在台账中改正 ${cells} 个单元格的单位名称。`, "success");
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
      notify(mergedText(done), "success");
    });
  const undo = () =>
    step(t("writing"), async () => {
      const undone: UndoneWrites | undefined = await app.undoMerge();
      setWritten(undefined);
      pane.refresh();
      if (!undone) return notify("没有可以撤销的合并。", "info");
      notify(`已撤销“${undone.label}”：${undone.restored} 个单元格恢复原样${undone.kept.length ? `；${undone.kept.length} 个单元格在合并后又被修改过，保留现状（${undone.kept.slice(0, 5).join("、")}${undone.kept.length > 5 ? "…" : ""}）` : ""}。`, "success");
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
          <Unresolved plan={forms} included={included} busy={!!busy} onCorrect={(choices) => void correct(forms, choices)} onInclude={include} />
        )}
        {forms && (
          <>
            <Text block>
              {quarterLabel(forms.quarter)}：{forms.tasks} 项任务，分发给 {forms.forms.length} 个责任单位。各单位只填写“{quarterShortLabel(forms.quarter.q)}进展”一列。
            </Text>
            <div className={styles.list} aria-label="forms">
              {forms.forms.map((f) => (
                <div key={f.unit} className={styles.unit}>
                  <Text size={200} className={styles.unitName} truncate wrap={false} title={f.unit}>
                    {f.unit}
                  </Text>
                  <Text size={200} className={styles.count}>
                    {f.rows.length} 项（牵头 {leads(forms, f.unit)}）
                  </Text>
                  <Button size="small" appearance="subtle" onClick={() => void download(forms, f.unit)} disabled={!!busy} aria-label={`下载 ${f.unit}`}>
                    {t("download")}
                  </Button>
                  {app.canOpenWorkbook && (
                    <Button size="small" appearance="subtle" onClick={() => void open(forms, f.unit)} disabled={!!busy} aria-label={`打开 ${f.unit}`}>
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

/** The units no form can reach yet, first: each with its suggestions, and the choice to confirm it is real. */
function Unresolved({ plan, included, busy, onCorrect, onInclude }: { plan: FormsPlan; included: readonly string[]; busy: boolean; onCorrect: (choices: ReadonlyMap<string, string>) => void; onInclude: (unit: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const pending = plan.unresolved.filter((u) => !included.includes(u.name));
  const why = { unknown: "不在部门目录中", ambiguous: "是几个单位共用的简称", abolished: "已撤销，无承接单位" } as const;
  return (
    <div aria-label="unresolved" className={styles.section}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>部门目录中找不到 {pending.length} 个单位，暂未为其生成填报表（这些任务发不出去）：请改为目录中的名称，或确认是真实单位后再生成。</MessageBarBody>
      </MessageBar>
      {pending.map((u) => (
        <div key={u.name} className={styles.unresolved}>
          <Text block size={200}>
            “{u.name}”{why[u.reason]}，写在 {u.places.slice(0, 4).map((p) => p.cell).join("、")}
            {u.places.length > 4 ? ` 等 ${u.places.length} 处` : ""}
          </Text>
          <div className={styles.bar}>
            {u.suggestions.map((s) => (
              <Button key={s} size="small" appearance="outline" disabled={busy} onClick={() => onCorrect(new Map([[u.name, s]]))}>
                改为：{s}
              </Button>
            ))}
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onInclude(u.name)}>
              是真实单位，仍生成
            </Button>
          </div>
        </div>
      ))}
      {pending.some((u) => u.suggestions.length) && (
        <Button size="small" disabled={busy} onClick={() => onCorrect(suggestedChoices(pending))}>
          全部应用（改为第一个建议）
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
