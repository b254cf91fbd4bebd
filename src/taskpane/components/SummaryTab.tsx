import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import type { SummaryMade } from "../../app";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";
import { saveFile } from "../files";

export function SummaryTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, lang, notify } = pane;
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
      const hints = [b.office.districtFrom === "none" ? (lang === "zh" ? "台账标题中没有区名，通报中写作“区”" : "no district in the ledger's title") : "", !b.office.docNumber ? (lang === "zh" ? "没有文号" : "no document number") : ""].filter(Boolean);
      notify(
        lang === "zh"
          ? `已下载“${b.fileName}”（${b.office.issuer}）。${hints.length ? `${hints.join("，")}：可在“设置”页填写。` : ""}`
          : `Downloaded ${b.fileName} (${b.office.issuer}).${hints.length ? ` ${hints.join("; ")}: set them in Settings.` : ""}`,
        "success",
      );
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
