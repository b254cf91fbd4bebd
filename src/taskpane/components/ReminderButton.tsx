// 催办 for one unit: its short text to copy into a message, and its 催办单 (.docx) to download.
import * as React from "react";
import { Button, Popover, PopoverSurface, PopoverTrigger, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { reminderLine, type Reminder } from "../../app";
import { makeAndSave } from "../files";
import type { Pane } from "../pane";

const useStyles = makeStyles({
  surface: { maxWidth: "320px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * Copies a text: the Clipboard API where the page may use it, else the selection and the copy
 * command (older web views, and Office panes that do not grant the clipboard).
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: fall back to the selection.
  }
  if (!field) return false;
  field.focus();
  field.select();
  return typeof document.execCommand === "function" && document.execCommand("copy");
}

export function ReminderButton({ pane, reminder }: { pane: Pick<Pane, "app" | "ui" | "lang" | "notify" | "problem">; reminder: Reminder }): React.JSX.Element {
  const styles = useStyles();
  const { app, notify, lang, ui } = pane;
  const field = React.useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = React.useState(false);
  // 已复制 on the button itself for a moment: the popover may cover the pane's toasts.
  const [copied, setCopied] = React.useState(false);
  React.useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    const done = await copyText(reminder.text, field.current);
    setCopied(done);
    notify(done ? ui.copied(reminder.unit) : ui.noClipboard, done ? "success" : "info");
  };
  const download = () => makeAndSave(() => app.reminderFile(reminder), setBusy, (e) => notify(pane.problem(e), "error"));
  return (
    // Fixed to the window: the page around the pane does not scroll (the preview) when the text takes the focus.
    <Popover withArrow positioning={{ position: "below", align: "end", strategy: "fixed" }} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" aria-label={ui.remindUnit(reminder.unit)}>
          {ui.remind}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={ui.remindUnit(reminder.unit)}>
        <Text weight="semibold">{reminderLine(reminder, lang)}</Text>
        <Textarea ref={field} value={reminder.text} readOnly resize="vertical" rows={7} aria-label={ui.reminderText} />
        <div className={styles.actions}>
          <Button size="small" appearance="primary" onClick={() => void copy()} aria-live="polite">
            {copied ? `✓ ${ui.copiedShort}` : ui.copy}
          </Button>
          <Button size="small" onClick={() => void download()} disabled={busy}>
            {ui.downloadReminder}
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
