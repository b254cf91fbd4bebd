import * as React from "react";
import { FluentProvider, Tab, TabList, Toast, ToastTitle, Toaster, makeStyles, tokens, useId, useToastController, webLightTheme } from "@fluentui/react-components";
import type { WorkbookHost } from "../host/types";
import { CheckTab } from "./components/CheckTab";
import { DirectoryTab } from "./components/DirectoryTab";
import { DistributeTab } from "./components/DistributeTab";
import { ImportTab } from "./components/ImportTab";
import { SettingsTab } from "./components/SettingsTab";
import { SummaryTab } from "./components/SummaryTab";
import { words, type Lang } from "./i18n";
import type { CheckOutcome } from "./session";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase },
  body: { paddingTop: tokens.spacingVerticalM },
});

type TabName = "check" | "summary" | "directory" | "import" | "distribute" | "settings";

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** Run the check at once (the ribbon's 检查完整性 button). */
  autoRun?: boolean;
  /** Today's date, for tests. */
  today?: Date;
}

export function App({ host, lang, autoRun, today }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = words(lang);
  const [tab, setTab] = React.useState<TabName>("check");
  const [outcome, setOutcome] = React.useState<CheckOutcome>();
  const toaster = useId("toaster");
  const { dispatchToast } = useToastController(toaster);
  const notify = React.useCallback(
    (text: string, intent: "success" | "error" | "info" = "info") =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === "error" ? 8000 : 3000 },
      ),
    [dispatchToast],
  );
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <Toaster toasterId={toaster} position="top" />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small">
        <Tab value="check">{t("tabCheck")}</Tab>
        <Tab value="summary">{t("tabSummary")}</Tab>
        <Tab value="directory">{t("tabDirectory")}</Tab>
        <Tab value="import">{t("tabImport")}</Tab>
        <Tab value="distribute">{t("tabDistribute")}</Tab>
        <Tab value="settings">{t("tabSettings")}</Tab>
      </TabList>
      <div className={styles.body}>
        {tab === "check" && <CheckTab host={host} t={t} outcome={outcome} setOutcome={setOutcome} notify={notify} autoRun={autoRun} {...(today ? { today } : {})} />}
        {tab === "summary" && <SummaryTab host={host} t={t} {...(today ? { today } : {})} {...(outcome ? { initial: outcome.result.quarter } : {})} />}
        {tab === "directory" && <DirectoryTab host={host} t={t} outcome={outcome} notify={notify} />}
        {tab === "import" && <ImportTab host={host} t={t} notify={notify} />}
        {tab === "distribute" && <DistributeTab host={host} t={t} notify={notify} {...(today ? { today } : {})} {...(outcome ? { initial: outcome.result.quarter } : {})} />}
        {tab === "settings" && <SettingsTab host={host} t={t} outcome={outcome} notify={notify} />}
      </div>
    </FluentProvider>
  );
}
