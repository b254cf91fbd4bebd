import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import { problemOf, summaryFigures, type SummaryMade } from "../../app";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";
import { useStep } from "./useStep";
import { saveFile } from "../files";

export function SummaryTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "request" | "confirm" | "setOutcome" | "shown"> }): React.JSX.Element {
  const { app, t, ui, lang, notify } = pane;
  const step = useStep();
  const busy = step.busy !== undefined;
  const [made, setMade] = React.useState<SummaryMade>();

  const make = (confirm: boolean) => async () => {
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
      throw e;
    }
  };
  // 下载通报: the 通报 as an official document (.docx), from the ledger as it is now; nothing is written.
  const bulletin = (confirm: boolean) => async () => {
    const b = await app.makeBulletin({ ...pane.request(), ...(confirm ? { confirmQuarter: true } : {}) });
    if (confirm) pane.confirm();
    saveFile(await app.bulletinFile(b));
    notify(ui.bulletinDownloaded(b.fileName, b.office.issuer, b.office.districtFrom === "none", !b.office.docNumber), "success");
  };
  const figures = made ? summaryFigures(made, lang) : undefined;
  return (
    <div>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={() => void step.run(t("making"), make(false), { again: make(true) })} disabled={busy}>
          {t("makeSummary")}
        </Button>
        <Button onClick={() => void step.run(t("making"), bulletin(false), { again: bulletin(true) })} disabled={busy}>
          {t("downloadBulletin")}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={step.busy} />}
      {step.error !== undefined && <ProblemBar problem={problemOf(step.error, lang)} confirmLabel={t("useQuarterAnyway")} onConfirm={step.again} busy={busy} />}
      {figures && (
        <div aria-label="summary" style={{ marginTop: 8 }}>
          <Text block weight="semibold">
            {figures.made}
          </Text>
          {figures.lines.map((line) => (
            <Text block key={line}>
              {line}
            </Text>
          ))}
        </div>
      )}
    </div>
  );
}
