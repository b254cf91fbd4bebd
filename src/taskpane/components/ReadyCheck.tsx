// 提交前检查, in a form 分发 made: the form checked as itself, and under the button either that it is
// ready to save and send back, or its tasks still missing or weak in 检查's words (the same result the
// office's 合并回报 shows for the file). The check is the application layer's (checkBeforeSending).
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { problemOf, readinessText } from "../../app";
import type { Pane } from "../pane";
import { ProblemBar } from "./ProblemBar";
import { useStep } from "./useStep";

export function ReadyCheck({ pane }: { pane: Pick<Pane, "app" | "t" | "lang"> }): React.JSX.Element {
  const { app, t, lang } = pane;
  const step = useStep();
  const [result, setResult] = React.useState<ReturnType<typeof readinessText>>();
  const run = () =>
    void step.run(t("reading"), async () => {
      setResult(undefined);
      const readiness = await app.checkBeforeSending();
      if (readiness) setResult(readinessText(readiness, lang));
    });
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
