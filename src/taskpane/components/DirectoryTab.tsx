import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { directoryView } from "../../app";
import type { Pane } from "../pane";
import { addUnitToDirectory, FindingActions } from "./AddToDirectory";

export function DirectoryTab({ pane }: { pane: Pick<Pane, "app" | "t" | "ui" | "lang" | "notify" | "problem" | "outcome" | "setOutcome" | "request" | "select"> }): React.JSX.Element {
  const { app, t, ui, lang, notify, outcome } = pane;
  const [busy, setBusy] = React.useState(false);
  if (!outcome) return <Text>{t("runFirst")}</Text>;
  const view = directoryView(outcome, lang);
  const create = async () => {
    try {
      const n = await app.createDirectory(outcome.result.ledger);
      notify(ui.directoryMade(n), "success");
    } catch (e) {
      notify(pane.problem(e), "error");
    }
  };
  const select = (cell: string) => pane.select(outcome.result.ledger.sheet, cell);
  return (
    <div>
      <Text block weight="semibold">
        {t("directoryInUse")}
      </Text>
      {view.inUse ? (
        <Text block>{view.inUse}</Text>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noDirectory")}</MessageBarBody>
        </MessageBar>
      )}
      {view.propose && (
        <Button appearance="primary" onClick={() => void create()} style={{ marginTop: 8 }}>
          {view.propose}
        </Button>
      )}
      <Text block weight="semibold" style={{ marginTop: 12 }}>
        {view.unknownHeading}
      </Text>
      {view.unknown.map((u) => (
        <div key={u.name}>
          <Text block>
            {ui.labelled(u.name, "")}
            {u.cells.map((c) => (
              <Link key={c} as="button" onClick={() => select(c)} style={{ marginRight: 6 }}>
                {c}
              </Link>
            ))}
          </Text>
          {u.offer && (
            <FindingActions
              ui={ui}
              name={u.name}
              offer={u.offer}
              busy={busy}
              onApply={() => undefined}
              onAdd={(a) => {
                setBusy(true);
                void addUnitToDirectory(pane, u.name, a)
                  .then(async (added) => added && pane.setOutcome(await app.check({ ...pane.request(), mark: outcome.marked > 0 })))
                  .catch((e) => notify(pane.problem(e), "error"))
                  .finally(() => setBusy(false));
              }}
            />
          )}
        </div>
      ))}
    </div>
  );
}
