import * as React from "react";
import { Button, Field, Link, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { IMPORTED_SHEET, lineSpan, noticeView, type NoticeItem } from "../../app";
import type { Pane } from "../pane";

const useStyles = makeStyles({
  // Every item is listed; a long notice scrolls inside the list, not the pane.
  list: { maxHeight: "260px", overflowY: "auto", marginTop: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  item: { display: "block", padding: `${tokens.spacingVerticalXXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, textAlign: "left" },
  flagged: { color: tokens.colorPaletteDarkOrangeForeground1 },
  plain: { color: tokens.colorNeutralForeground2 },
});

/** 从通知导入: paste a notice, see every item read and what to check, create the ledger sheet. */
export function ImportTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "problem" | "refresh"> }): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify } = pane;
  const [text, setText] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const { items } = React.useMemo(() => app.readNotice(text), [app, text]);
  const view = React.useMemo(() => noticeView(items, lang), [items, lang]);
  const create = async () => {
    setBusy(true);
    try {
      const { items: made } = await app.importNotice(text);
      notify(ui.noticeImported(IMPORTED_SHEET, made.length), "success");
      pane.refresh();
    } catch (e) {
      notify(pane.problem(e), "error");
    } finally {
      setBusy(false);
    }
  };
  // Selects the item's lines in the pasted text (focus first, so that the text area scrolls to them).
  const show = (i: NoticeItem) => {
    const el = area.current;
    if (!el) return;
    const { start, end } = lineSpan(el.value, i.line, i.lastLine);
    el.focus();
    el.setSelectionRange(start, end);
  };
  return (
    <div>
      <Field label={t("pasteNotice")} hint={t("pasteHint")}>
        <Textarea ref={area} value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={8} aria-label={t("pasteNotice")} />
      </Field>
      {text.trim() && (
        <div aria-label="notice-items" style={{ marginTop: 8 }}>
          <Text block weight="semibold">
            {view.heading}
          </Text>
          {view.annexes && (
            <Text block size={200}>
              {view.annexes}
            </Text>
          )}
          {view.flagged.map((l) => (
            <Link as="button" key={l.key} className={mergeClasses(styles.item, styles.flagged)} onClick={() => show(l.item)}>
              {l.text}
            </Link>
          ))}
          {view.lines.length > 0 && (
            <div className={styles.list} role="list" aria-label="notice-item-list">
              {view.lines.map((l) => (
                <div role="listitem" key={l.key}>
                  <Link as="button" className={mergeClasses(styles.item, l.flagged ? styles.flagged : styles.plain)} onClick={() => show(l.item)}>
                    {l.text}
                  </Link>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
      <Button appearance="primary" onClick={() => void create()} disabled={busy || items.length === 0} style={{ marginTop: 8 }}>
        {t("createLedger")}
      </Button>
    </div>
  );
}
