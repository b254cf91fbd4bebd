import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import type { SummaryMade } from "../../app";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";

export function SummaryTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, lang } = pane;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [made, setMade] = React.useState<SummaryMade>();

  const make = async (confirm = false) => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await app.makeSummary({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}) });
      if (confirm) pane.confirm();
      setMade(done);
      // The summary checked and marked the ledger: that is the pane's check now.
      pane.setOutcome(done.outcome);
    } catch (e) {
      setMade(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const s = made?.summary;
  return (
    <div>
      <Button appearance="primary" onClick={() => void make()} disabled={busy}>
        {t("makeSummary")}
      </Button>
      {busy && <Spinner size="tiny" label={t("making")} />}
      {error !== undefined && <ProblemBar pane={pane} error={error} onConfirm={() => void make(true)} busy={busy} />}
      {made && s && (
        <div aria-label="summary" style={{ marginTop: 8 }}>
          <Text block weight="semibold">
            {lang === "zh" ? `已${made.replaced ? "更新" : "生成"}工作表“${made.sheet}”` : `${made.replaced ? "Updated" : "Made"} sheet "${made.sheet}"`}
          </Text>
          <Text block>
            {lang === "zh"
              ? `任务 ${s.totals.tasks} 项，已报送 ${s.totals.reported} 项（${(s.totals.rate * 100).toFixed(1)}%），未报送 ${s.totals.missing} 项。`
              : `${s.totals.tasks} tasks, ${s.totals.reported} reported (${(s.totals.rate * 100).toFixed(1)}%), ${s.totals.missing} not reported.`}
          </Text>
          <Text block>
            已完成 {s.totals.classes["已完成"]}，超进度 {s.totals.classes["超进度"]}，达进度 {s.totals.classes["达进度"]}，欠进度 {s.totals.classes["欠进度"]}，未报送 {s.totals.classes["未报送"]}。
          </Text>
          <Text block>{lang === "zh" ? `数据来源：工作表“${made.outcome.result.ledger.sheet}”。报送截止 ${s.due}。` : `From sheet "${made.outcome.result.ledger.sheet}". Due ${s.due}.`}</Text>
        </div>
      )}
    </div>
  );
}
