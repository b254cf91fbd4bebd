import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import type { SummaryMade } from "../../app";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";
import { saveFile } from "../files";

export function SummaryTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, ui, notify } = pane;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [made, setMade] = React.useState<SummaryMade>();

  // What 仍按此季度 runs again: the last action (生成汇总 or 下载通报).
  const last = React.useRef<(confirm: boolean) => Promise<void>>(async () => undefined);
  const make = async (confirm = false) => {
    last.current = make;
    setBusy(true);
    setError(undefined);
    try {
      const done = await app.makeSummary({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}) });
      if (confirm) pane.confirm();
      setMade(done);
      // The summary checked and marked the ledger: that is the pane's check now.
      pane.setOutcome(done.outcome);
      // And it shows the new sheet.
      pane.shown(done.sheet);
    } catch (e) {
      setMade(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // 下载通报: the 通报 as an official document (.docx), from the ledger as it is now; nothing is written.
  const bulletin = async (confirm = false) => {
    last.current = bulletin;
    setBusy(true);
    setError(undefined);
    try {
      const b = await app.makeBulletin({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}) });
      if (confirm) pane.confirm();
      saveFile(await app.bulletinFile(b));
      notify(ui.bulletinDownloaded(b.fileName, b.office.issuer, b.office.districtFrom === "none", !b.office.docNumber), "success");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const s = made?.summary;
  return (
    <div>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={() => void make()} disabled={busy}>
          {t("makeSummary")}
        </Button>
        <Button onClick={() => void bulletin()} disabled={busy}>
          {t("downloadBulletin")}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t("making")} />}
      {error !== undefined && <ProblemBar pane={pane} error={error} onConfirm={() => void last.current(true)} busy={busy} />}
      {made && s && (
        <div aria-label="summary" style={{ marginTop: 8 }}>
          <Text block weight="semibold">
            {ui.summaryMade(made.sheet, made.replaced)}
          </Text>
          <Text block>{ui.summaryTotals(s.totals.tasks, s.totals.reported, s.totals.rate, s.totals.missing)}</Text>
          <Text block>{ui.summaryClasses(s.totals.classes)}</Text>
          <Text block>{ui.summarySource(made.outcome.result.ledger.sheet, s.due)}</Text>
        </div>
      )}
    </div>
  );
}
