import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { directorySourceName } from "../../app";
import type { Pane } from "../pane";
import { addUnitToDirectory, FindingActions } from "./AddToDirectory";

export function DirectoryTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, ui, lang, notify, outcome } = pane;
  const [busy, setBusy] = React.useState(false);
  if (!outcome) return <Text>{t("runFirst")}</Text>;
  const report = app.directoryReport(outcome);
  const { directory, directorySource } = outcome.workbook;
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
      {directory && directorySource ? (
        <Text block>
          {ui.directoryUnits(directorySourceName(directorySource, lang), directory.size)}
        </Text>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noDirectory")}</MessageBarBody>
        </MessageBar>
      )}
      {!directory && (
        <Button appearance="primary" onClick={() => void create()} style={{ marginTop: 8 }}>
          {ui.counted(t("makeDirectory"), report.proposed.length)}
        </Button>
      )}
      <Text block weight="semibold" style={{ marginTop: 12 }}>
        {ui.counted(t("unknownUnits"), report.unknown.length)}
      </Text>
      {report.unknown.map((u) => (
        <div key={u.name}>
          <Text block>
            {ui.labelled(u.name, "")}
            {u.cells.map((c) => (
              <Link key={c} as="button" onClick={() => select(c)} style={{ marginRight: 6 }}>
                {c}
              </Link>
            ))}
          </Text>
          {directorySource?.kind === "workbook" && (
            <FindingActions
              pane={pane}
              name={u.name}
              // Here only the directory is taught; the names are corrected from the check's list.
              offer={{ corrections: [], typo: false, addToDirectory: true, ...(u.suggestions[0] !== undefined ? { aliasOf: u.suggestions[0] } : {}) }}
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
