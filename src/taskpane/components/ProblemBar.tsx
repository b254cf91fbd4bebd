import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { messageOf } from "../../app";
import type { Pane } from "../pane";

/**
 * What went wrong, said for the person. A quarter outside the ledger's year is a question, not an
 * error: the bar offers to go on with it.
 */
export function ProblemBar({ pane, error, onConfirm, busy }: { pane: Pane; error: unknown; onConfirm: () => void; busy: boolean }): React.JSX.Element {
  const confirmable = messageOf(error)?.code === "quarter-outside-year";
  return (
    <MessageBar intent={confirmable ? "warning" : "error"} layout="multiline">
      <MessageBarBody>{pane.problem(error)}</MessageBarBody>
      {confirmable && (
        <MessageBarActions>
          <Button size="small" onClick={onConfirm} disabled={busy}>
            {pane.t("useQuarterAnyway")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
