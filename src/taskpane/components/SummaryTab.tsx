import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { defaultQuarter, formatQuarter, parseQuarter, type Quarter } from "../../core";
import { QuarterField } from "./QuarterField";
import type { Summary } from "../../core/summary";
import type { WorkbookHost } from "../../host/types";
import { generateSummary, problemText } from "../session";
import type { WordKey } from "../i18n";

export function SummaryTab({ host, t, today = new Date(), initial }: { host: WorkbookHost; t: (k: WordKey) => string; today?: Date; initial?: Quarter }): React.JSX.Element {
  const [quarter, setQuarter] = React.useState(formatQuarter(initial ?? defaultQuarter(today)));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [made, setMade] = React.useState<{ summary: Summary; sheet: string; replaced: boolean }>();

  const make = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setMade(await generateSummary(host, parseQuarter(quarter)!, today));
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const s = made?.summary;
  return (
    <div>
      <QuarterField label={t("quarter")} value={quarter} onChange={setQuarter} today={today} {...(initial ? { ledgerYear: initial.year } : {})} />
      <Button appearance="primary" onClick={() => void make()} disabled={busy} style={{ marginTop: 8 }}>
        {t("makeSummary")}
      </Button>
      {busy && <Spinner size="tiny" label={t("making")} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {made && s && (
        <div aria-label="summary">
          <Text block weight="semibold">
            已{made.replaced ? "更新" : "生成"}工作表“{made.sheet}”
          </Text>
          <Text block>
            任务 {s.totals.tasks} 项，已报送 {s.totals.reported} 项（{(s.totals.rate * 100).toFixed(1)}%），未报送 {s.totals.missing} 项。
          </Text>
          <Text block>
            已完成 {s.totals.classes["已完成"]}，超进度 {s.totals.classes["超进度"]}，达进度 {s.totals.classes["达进度"]}，欠进度 {s.totals.classes["欠进度"]}，未报送 {s.totals.classes["未报送"]}。
          </Text>
          <Text block>报送截止 {s.due}。</Text>
        </div>
      )}
    </div>
  );
}
