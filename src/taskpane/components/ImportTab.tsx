import * as React from "react";
import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { IMPORTED_SHEET } from "../../app";
import type { Pane } from "../pane";

/** 从通知导入: paste a notice, see what was read and what to check, create the ledger sheet. */
export function ImportTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, notify } = pane;
  const [text, setText] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const { items } = React.useMemo(() => app.readNotice(text), [app, text]);
  const flagged = items.filter((i) => i.flags.length);
  const create = async () => {
    setBusy(true);
    try {
      const { items: made } = await app.importNotice(text);
      notify(`已创建工作表“${IMPORTED_SHEET}”：${made.length} 项任务。`, "success");
      pane.refresh();
    } catch (e) {
      notify(pane.problem(e), "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Field label={t("pasteNotice")} hint={t("pasteHint")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={8} aria-label={t("pasteNotice")} />
      </Field>
      {text.trim() && (
        <div aria-label="notice-items" style={{ marginTop: 8 }}>
          <Text block weight="semibold">
            识别到 {items.length} 项任务{flagged.length ? `，其中 ${flagged.length} 项需要核对` : ""}
          </Text>
          {flagged.map((i) => (
            <Text block size={200} key={`${i.annex ?? ""}-${i.label}-${i.line}`}>
              第 {i.line} 行 {i.annex !== undefined ? `附件${i.annex} ` : ""}序号{i.label}：{i.flags.join("；")}
            </Text>
          ))}
          {items.slice(0, 5).map((i) => (
            <Text block size={200} key={`p-${i.annex ?? ""}-${i.label}-${i.line}`} style={{ color: "#616161" }}>
              {i.label}. {i.task.slice(0, 30)}
              {i.task.length > 30 ? "…" : ""} —— {i.lead.join("、") || "（无责任单位）"}
            </Text>
          ))}
        </div>
      )}
      <Button appearance="primary" onClick={() => void create()} disabled={busy || items.length === 0} style={{ marginTop: 8 }}>
        {t("createLedger")}
      </Button>
    </div>
  );
}
