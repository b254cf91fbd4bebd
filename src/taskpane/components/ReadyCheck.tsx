// 提交前检查, in a form 分发 made: the form checked as itself, and under the button either that it is
// ready to save and send back, or its tasks still missing or weak in 检查's words (the same result the
// office's 合并回报 shows for the file). The check is the application layer's (checkBeforeSending).
// Once shown, the result follows the person's typing in the form (pane.cellChanges): it is checked
// again quietly, RECHECK_DELAY_MS after the last change, so that it never says what the form no longer holds.
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { problemOf, readinessText, type DubanApp, type Readiness } from "../../app";
import type { CellChanges, Pane } from "../pane";
import { RECHECK_DELAY_MS, useAfterChanges } from "../followTyping";
import { ProblemBar } from "./ProblemBar";
import { useStep } from "./useStep";

export function ReadyCheck({ pane }: { pane: Pick<Pane, "app" | "t" | "lang" | "cellChanges"> }): React.JSX.Element {
  const { app, t, lang } = pane;
  const step = useStep();
  const [readiness, setReadiness] = React.useState<Readiness | undefined>();
  const run = () =>
    void step.run(t("reading"), async () => {
      setReadiness(undefined);
      setReadiness(await app.checkBeforeSending());
    });
  useReadinessFollowsChanges(app, pane.cellChanges, { shown: readiness, busy: step.busy !== undefined, set: setReadiness, runAsButton: run });
  const result = readiness && readinessText(readiness, lang);
  return (
    <div aria-label="ready-check" style={{ margin: `${tokens.spacingVerticalS} 0` }}>
      <Button appearance="primary" onClick={run} disabled={step.busy !== undefined}>
        {t("fillCheckBeforeSending")}
      </Button>
      {step.error !== undefined && <ProblemBar problem={problemOf(step.error, lang)} confirmLabel={t("useQuarterAnyway")} onConfirm={step.again} busy={step.busy !== undefined} />}
      {result && (
        <MessageBar intent={result.ready ? "success" : "warning"} layout="multiline" aria-label="ready-result" style={{ marginTop: tokens.spacingVerticalS }}>
          <MessageBarBody>
            <Text block weight="semibold">
              {result.head}
            </Text>
            {result.items.map((item) => (
              <Text block size={200} key={item}>
                {item}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The result shown, and how the component shows another or runs its button. */
interface Following {
  readonly shown: Readiness | undefined;
  /** The button's own check is running. */
  readonly busy: boolean;
  readonly set: (r: Readiness | undefined) => void;
  readonly runAsButton: () => void;
}

/**
 * While a result is shown, a change to the cells checks the form again, quietly (no spinner), once for
 * a burst of changes (a paste); a change while it checks brings one more check after it. A check that
 * fails is run again as the button runs it, which says what went wrong.
 */
function useReadinessFollowsChanges(app: DubanApp, cellChanges: CellChanges | undefined, state: Following): void {
  const latest = React.useRef(state);
  latest.current = state;
  useAfterChanges(cellChanges, async (_, live) => {
    // The button's own check may have read the form before the change: this one comes after it.
    while (latest.current.busy && live()) await new Promise((r) => setTimeout(r, RECHECK_DELAY_MS));
    // Nothing shown (not asked yet, or no form): nothing to keep up to date.
    if (!live() || latest.current.shown === undefined) return;
    try {
      const next = await app.checkBeforeSending();
      if (live()) latest.current.set(next);
    } catch {
      if (live()) latest.current.runAsButton();
    }
  });
}
