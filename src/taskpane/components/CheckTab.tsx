import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FINDING_KINDS, kindLabel, quarterLabel, type Finding, type FindingKind } from "../../core";
import type { WorkbookHost } from "../../host/types";
import { applyAll, applySuggestion, groupFindings, problemText, runCheck, type CheckOutcome } from "../session";
import type { WordKey } from "../i18n";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", marginBottom: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", margin: `${tokens.spacingVerticalS} 0` },
  finding: { display: "block", padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  where: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS },
  suggestions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXXS },
});

/** How many findings of one kind the list shows at most (the rest are on the sheet's marks). */
const SHOWN = 200;
const FIXABLE: readonly FindingKind[] = ["unknown-unit", "renamed-unit"];

export interface CheckTabProps {
  host: WorkbookHost;
  t: (k: WordKey) => string;
  outcome: CheckOutcome | undefined;
  setOutcome: (o: CheckOutcome | undefined) => void;
  notify: (text: string, intent?: "success" | "error" | "info") => void;
  autoRun?: boolean;
  today?: Date;
}

export function CheckTab({ host, t, outcome, setOutcome, notify, autoRun, today }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();

  const run = React.useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await runCheck(host, today ? { today } : {}));
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }, [host, setOutcome, today]);

  React.useEffect(() => {
    if (autoRun) void run();
  }, [autoRun, run]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      notify(done, "success");
      await run();
    } catch (e) {
      notify(problemText(e), "error");
      setBusy(false);
    }
  };

  /** Clears the marks and keeps the list (checking again would mark the cells again). */
  const clear = async () => {
    setBusy(true);
    try {
      const n = await host.clearMarks();
      notify(`已清除 ${n} 个单元格的标记，恢复为原来的样子。`, "success");
      if (outcome) setOutcome({ ...outcome, marked: 0 });
    } catch (e) {
      notify(problemText(e), "error");
    } finally {
      setBusy(false);
    }
  };

  const findings = outcome?.result.findings ?? [];
  const groups = groupFindings(findings);
  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t("runCheck")}
        </Button>
        <Button onClick={() => void clear()} disabled={busy || !outcome}>
          {t("clearMarks")}
        </Button>
        {busy && <Spinner size="tiny" label={t("checking")} />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <Text block size={200}>
            工作表“{outcome.result.ledger.sheet}” · 表头第 {outcome.result.ledger.headerRow} 行 · 任务 {outcome.result.ledger.tasks.length} 项 ·{" "}
            {quarterLabel(outcome.result.quarter)} · {t("marked")} {outcome.marked} {t("cells")}
          </Text>
          {[...(outcome.snapshot.notes ?? []), ...outcome.result.notes].map((n) => (
            <MessageBar key={n} intent="warning">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          <div className={styles.counts} aria-label="counts">
            {FINDING_KINDS.filter((k) => groups.has(k.kind)).map((k) => (
              <Badge key={k.kind} appearance="tint" color={k.kind === "missing-progress" ? "danger" : FIXABLE.includes(k.kind) || k.kind === "missing-unit" ? "warning" : "informative"}>
                {k.label} {groups.get(k.kind)!.length}
              </Badge>
            ))}
          </div>
          {findings.length === 0 && <Text>{t("noFindings")}</Text>}
          <Accordion multiple collapsible defaultOpenItems={[...groups.keys()].slice(0, 1)}>
            {[...groups].map(([kind, list]) => (
              <AccordionItem key={kind} value={kind}>
                <AccordionHeader>
                  {kindLabel(kind)}（{list.length}）
                </AccordionHeader>
                <AccordionPanel>
                  {FIXABLE.includes(kind) && list.some((f) => f.suggestions?.length) && (
                    <Button size="small" onClick={() => void act(() => applyAll(host, outcome, kind), `${t("applyAll")}：${kindLabel(kind)}`)} disabled={busy}>
                      {t("applyAll")}
                    </Button>
                  )}
                  {list.slice(0, SHOWN).map((f) => (
                    <FindingRow key={`${f.kind}${f.cell}${f.value ?? ""}`} f={f} busy={busy} t={t} onSelect={() => void host.select(outcome.result.ledger.sheet, f.cell).catch((e) => notify(problemText(e), "error"))} onApply={(name) => void act(() => applySuggestion(host, outcome, f, name), `${f.cell}：${f.value} → ${name}`)} />
                  ))}
                  {list.length > SHOWN && <Text size={200}>…… 另有 {list.length - SHOWN} 处，已在台账上标出。</Text>}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
    </div>
  );
}

function FindingRow({ f, busy, t, onSelect, onApply }: { f: Finding; busy: boolean; t: (k: WordKey) => string; onSelect: () => void; onApply: (name: string) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.finding}>
      <Link as="button" onClick={onSelect} title={f.cell}>
        <span className={styles.where}>
          {f.taskNo ? `序号${f.taskNo}` : `第${f.row}行`} · {f.cell}
        </span>
      </Link>
      <Text size={200}>{f.message}</Text>
      {FIXABLE.includes(f.kind) && f.suggestions && f.suggestions.length > 0 && (
        <div className={styles.suggestions}>
          {f.suggestions.map((s) => (
            <Button key={s} size="small" appearance="outline" disabled={busy} onClick={() => onApply(s)}>
              {t("apply")}：{s}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
