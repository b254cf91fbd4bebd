import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { directorySourceName } from "../../app";
import type { Pane } from "../pane";
import { AddToDirectory, addUnitToDirectory } from "./AddToDirectory";

export function DirectoryTab({ pane }: { pane: Pane }): React.JSX.Element {
  const { app, t, lang, notify, outcome } = pane;
  const [busy, setBusy] = React.useState(false);
  if (!outcome) return <Text>{t("runFirst")}</Text>;
  const report = app.directoryReport(outcome);
  const { directory, directorySource } = outcome.workbook;
  const create = async () => {
    try {
      const n = await app.createDirectory(outcome.result.ledger);
      notify(lang === "zh" ? `已创建“部门目录”工作表（${n} 个单位），请核对单位名称、别名和曾用名。` : `Sheet 部门目录 made (${n} units): check the names, aliases and former names.`, "success");
    } catch (e) {
      notify(pane.problem(e), "error");
    }
  };
  const select = (cell: string) => void app.select(outcome.result.ledger.sheet, cell).catch((e) => notify(pane.problem(e), "error"));
  return (
    <div>
      <Text block weight="semibold">
        {t("directoryInUse")}
      </Text>
      {directory && directorySource ? (
        <Text block>
          {directorySourceName(directorySource)}：{directory.size} {lang === "zh" ? "个单位" : "units"}
        </Text>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noDirectory")}</MessageBarBody>
        </MessageBar>
      )}
      {!directory && (
        <Button appearance="primary" onClick={() => void create()} style={{ marginTop: 8 }}>
          {t("makeDirectory")}（{report.proposed.length}）
        </Button>
      )}
      <Text block weight="semibold" style={{ marginTop: 12 }}>
        {t("unknownUnits")}（{report.unknown.length}）
      </Text>
      {report.unknown.map((u) => (
        <div key={u.name}>
          <Text block>
            {u.name}：
            {u.cells.map((c) => (
              <Link key={c} as="button" onClick={() => select(c)} style={{ marginRight: 6 }}>
                {c}
              </Link>
            ))}
          </Text>
          {directorySource?.kind === "workbook" && (
            <AddToDirectory
              pane={pane}
              name={u.name}
              suggestion={u.suggestions[0]}
              busy={busy}
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
