import * as React from "react";
import { Button, Field, Link, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { annexCountsText, IMPORTED_SHEET, lineSpan, listOf, noticeFlagsText, noticeItemPlace, type NoticeItem } from "../../app";
import type { Pane } from "../pane";

const useStyles = makeStyles({
  // Every item is listed; a long notice scrolls inside the list, not the pane.
  list: { maxHeight: "260px", overflowY: "auto", marginTop: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  item: { display: "block", padding: `${tokens.spacingVerticalXXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, textAlign: "left" },
  flagged: { color: tokens.colorPaletteDarkOrangeForeground1 },
  plain: { color: tokens.colorNeutralForeground2 },
});

const key = (i: NoticeItem) => `${i.annex ?? ""}-${i.label}-${i.line}`;

/** 从通知导入: paste a notice, see every item read and what to check, create the ledger sheet. */
export function ImportTab({ pane }: { pane: Pane }): React.JSX.Element {
  const styles = useStyles();
  const { app, t, ui, lang, notify } = pane;
  const [text, setText] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const { items } = React.useMemo(() => app.readNotice(text), [app, text]);
  const flagged = items.filter((i) => i.flags.length);
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
            {ui.noticeRead(items.length, flagged.length)}
          </Text>
          {items.length > 0 && (
            <Text block size={200}>
              {annexCountsText(items, lang)}
            </Text>
          )}
          {flagged.map((i) => (
            <Link as="button" key={`f-${key(i)}`} className={mergeClasses(styles.item, styles.flagged)} onClick={() => show(i)}>
              {ui.labelled(noticeItemPlace(i, lang), noticeFlagsText(i.flags, lang))}
            </Link>
          ))}
          {items.length > 0 && (
            <div className={styles.list} role="list" aria-label="notice-item-list">
              {items.map((i) => (
                <div role="listitem" key={`i-${key(i)}`}>
                  <Link as="button" className={mergeClasses(styles.item, i.flags.length ? styles.flagged : styles.plain)} onClick={() => show(i)}>
                    {i.annex !== undefined ? ui.annexPrefix(i.annex) : ""}
                    {i.label}. {i.task.length > 40 ? `${i.task.slice(0, 40)}…` : i.task} —— {listOf(i.lead, lang) || ui.noticeNoUnit}
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
