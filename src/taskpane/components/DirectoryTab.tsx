import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { proposalLayout } from "../../core/proposal";
import type { WorkbookHost } from "../../host/types";
import { directoryReport, problemText, type CheckOutcome } from "../session";
import type { WordKey } from "../i18n";

export function DirectoryTab({ host, t, outcome, notify }: { host: WorkbookHost; t: (k: WordKey) => string; outcome: CheckOutcome | undefined; notify: (text: string, intent?: "success" | "error" | "info") => void }): React.JSX.Element {
  if (!outcome) return <Text>{t("runFirst")}</Text>;
  const report = directoryReport(outcome);
  const create = async () => {
    try {
      await host.addSheet(proposalLayout(report.proposed));
      notify(`已创建“部门目录”工作表（${report.proposed.length} 个单位），请核对单位名称、别名和曾用名。`, "success");
    } catch (e) {
      notify(problemText(e), "error");
    }
  };
  return (
    <div>
      <Text block weight="semibold">
        {t("directoryInUse")}
      </Text>
      {outcome.directory ? (
        <Text block>
          {outcome.directory.source}：{outcome.directory.size} 个单位
        </Text>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noDirectory")}</MessageBarBody>
        </MessageBar>
      )}
      {!outcome.directory && (
        <Button appearance="primary" onClick={() => void create()} style={{ marginTop: 8 }}>
          {t("makeDirectory")}（{report.proposed.length}）
        </Button>
      )}
      <Text block weight="semibold" style={{ marginTop: 12 }}>
        {t("unknownUnits")}（{report.unknown.length}）
      </Text>
      {report.unknown.map((u) => (
        <Text block key={u.name}>
          {u.name}：
          {u.cells.map((c) => (
            <Link key={c} as="button" onClick={() => void host.select(outcome.result.ledger.sheet, c)} style={{ marginRight: 6 }}>
              {c}
            </Link>
          ))}
        </Text>
      ))}
    </div>
  );
}
