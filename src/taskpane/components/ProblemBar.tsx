import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Problem } from "../../app";

/**
 * What went wrong, said for the person. A quarter outside the ledger's year is a question, not an
 * error: the bar offers to go on with it.
 */
export function ProblemBar({ problem, confirmLabel, onConfirm, busy }: { problem: Problem; confirmLabel: string; onConfirm: () => void; busy: boolean }): React.JSX.Element {
  return (
    <MessageBar intent={problem.confirmable ? "warning" : "error"} layout="multiline">
      <MessageBarBody>{problem.text}</MessageBarBody>
      {problem.confirmable && (
        <MessageBarActions>
          <Button size="small" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
