// 兼容性自检 in 设置: runs the port's contract on this workbook (src/app/selfTest.ts) and shows the report,
// each step passed or not, to copy in one click and send back.
import * as React from "react";
import { Button, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { selfTestText, type SelfTestReport } from "../../app";
import type { Pane } from "../pane";
import { copyText } from "./ReminderButton";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export function SelfTest({ pane }: { pane: Pick<Pane, "app" | "ui" | "lang" | "notify"> }): React.JSX.Element {
  const styles = useStyles();
  const { app, ui, lang, notify } = pane;
  const [busy, setBusy] = React.useState(false);
  const [report, setReport] = React.useState<SelfTestReport>();
  const field = React.useRef<HTMLTextAreaElement>(null);
  const text = report ? selfTestText(report, lang) : "";
  const run = async () => {
    setBusy(true);
    try {
      setReport(await app.selfTest());
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    const done = await copyText(text, field.current);
    notify(done ? ui.selfTestCopied : ui.noClipboard, done ? "success" : "info");
  };
  const [head, ...lines] = text.split("\n");
  return (
    <section className={styles.section} aria-label={ui.selfTest}>
      <Text weight="semibold">{ui.selfTest}</Text>
      <Text size={200} className={styles.muted}>
        {ui.selfTestHint}
      </Text>
      <div className={styles.bar}>
        <Button onClick={() => void run()} disabled={busy}>
          {ui.selfTest}
        </Button>
        {report && (
          <Button appearance="primary" onClick={() => void copy()}>
            {ui.copy}
          </Button>
        )}
        {busy && <Spinner size="tiny" />}
      </div>
      {report && (
        <>
          <Text weight="semibold" className={report.failed ? styles.failed : undefined} aria-label="self-test-result">
            {head}
          </Text>
          <Textarea ref={field} value={text} readOnly resize="vertical" rows={Math.min(12, lines.length + 1)} aria-label={ui.selfTestReport} />
        </>
      )}
    </section>
  );
}
