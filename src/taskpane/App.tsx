import * as React from "react";
import { FluentProvider, Tab, TabList, Text, Toast, ToastTitle, Toaster, makeStyles, mergeClasses, tokens, useId, useToastController, webLightTheme } from "@fluentui/react-components";
import { daysToDue, dueWords, formatQuarter, parseQuarter, problemText, reportDueDate, type CheckOutcome, type CheckRequest, type DubanApp, type Overview, type Quarter } from "../app";
import { CheckTab } from "./components/CheckTab";
import { DirectoryTab } from "./components/DirectoryTab";
import { DistributeTab } from "./components/DistributeTab";
import { FillTab } from "./components/FillTab";
import { ImportTab } from "./components/ImportTab";
import { QuarterField } from "./components/QuarterField";
import { SettingsTab } from "./components/SettingsTab";
import { SummaryTab } from "./components/SummaryTab";
import type { CheckRequestSource } from "./checkRequests";
import { paneText, words, type Lang } from "./i18n";
import type { CellChanges, Pane } from "./pane";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase, position: "relative", minHeight: "100%", boxSizing: "border-box" },
  quarter: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
  due: { color: tokens.colorNeutralForeground3, paddingBottom: tokens.spacingVerticalXS },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  body: { paddingTop: tokens.spacingVerticalM },
  // Toasts say what happened at the top of the pane as it is scrolled (inside the pane: never over the
  // preview's toolbar; a portal's layer would cover the page), and take no clicks meant for what lies under them.
  toasts: { position: "sticky", top: 0, height: 0, zIndex: 10 },
  toaster: { pointerEvents: "none", "& *": { pointerEvents: "none" } },
});

type TabName = "check" | "fill" | "summary" | "directory" | "import" | "distribute" | "settings";
const QUARTER_TABS: readonly TabName[] = ["check", "fill", "summary", "distribute"];

export interface AppProps {
  app: DubanApp;
  lang: Lang;
  /** Run the check once at start (the pane opened as taskpane.html?run=check). */
  autoRun?: boolean;
  /** Requests to run the check from outside the pane: the ribbon's 检查完整性 in the shared runtime. */
  checkRequests?: CheckRequestSource;
  /**
   * Tells of changes to the workbook made outside the pane (the preview's sheet tabs): the pane reads
   * which sheet is shown again. In Excel and WPS the pane reads it when it takes the focus back.
   */
  workbookChanges?: (listener: () => void) => () => void;
  /** Tells of changes to the workbook's cells made outside the pane (typing in the preview's grid); without it, the host's (app.cellChanges). 填报, 检查 and 提交前检查 follow them. */
  cellChanges?: CellChanges;
}

export function App({ app, lang, autoRun, checkRequests, workbookChanges, cellChanges }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = words(lang);
  const ui = React.useMemo(() => paneText(lang), [lang]);
  const [tab, setTab] = React.useState<TabName>("check");
  const [outcome, setOutcome] = React.useState<CheckOutcome>();
  const [overview, setOverview] = React.useState<Overview>();
  // One quarter for the whole pane: the ledger's default (which follows the ledger) until the person picks another.
  const [picked, setPicked] = React.useState<string>();
  const [confirmed, setConfirmed] = React.useState<string>();
  // Each request to check from outside the pane runs the check once, however often the 检查 tab is shown
  // again: `requestedRuns` counts the requests taken, `startedRuns` those a check was started for.
  const [requestedRuns, setRequestedRuns] = React.useState(autoRun ? 1 : 0);
  const startedRuns = React.useRef(0);
  React.useEffect(
    () =>
      checkRequests?.subscribe(() => {
        if (!checkRequests.take()) return;
        setTab("check");
        setRequestedRuns((n) => n + 1);
      }),
    [checkRequests],
  );
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

  const refresh = React.useCallback(() => {
    app.overview().then(setOverview, () => setOverview(undefined));
  }, [app]);
  React.useEffect(refresh, [refresh]);

  // The sheet the person is looking at, so that what the pane says of it is true now: read again when
  // the pane takes the focus back (the person was working in the sheet), and on a change the host tells.
  const [active, setActive] = React.useState<string>();
  const readActive = React.useCallback(async () => {
    const now = await app.activeSheet();
    if (now !== undefined) setActive(now);
  }, [app]);
  React.useEffect(() => {
    const read = () => void readActive();
    window.addEventListener("focus", read);
    const unsubscribe = workbookChanges?.(read);
    return () => {
      window.removeEventListener("focus", read);
      unsubscribe?.();
    };
  }, [readActive, workbookChanges]);

  const quarterText = picked ?? (overview ? formatQuarter(overview.defaultQuarter) : undefined);
  const quarter: Quarter | undefined = quarterText ? parseQuarter(quarterText) : undefined;
  const request = React.useCallback((): CheckRequest => (quarter ? { quarter, ...(confirmed === formatQuarter(quarter) ? { confirmQuarter: true } : {}) } : {}), [quarter, confirmed]);

  // The preview tells its grid's typing; Excel and WPS tell their change events through the app.
  const changes = cellChanges ?? app.cellChanges;
  // Registered once while the pane is open, whichever tabs follow it (Excel's onChanged is a round trip
  // to register; the tabs come and go), and removed when the pane closes.
  React.useEffect(() => changes?.(() => undefined), [changes]);
  const pane: Pane = {
    app,
    t,
    ui,
    lang,
    notify,
    request,
    confirm: () => quarter && setConfirmed(formatQuarter(quarter)),
    setQuarter: setPicked,
    outcome,
    setOutcome: (o) => {
      setOutcome(o);
      // The check read the ledger: what the pane knows of it is the check's now.
      if (o) {
        setOverview(app.overviewOfCheck(o));
        // A new check read which sheet is shown (the same check, its marks cleared, says nothing new of it).
        if (o.workbook !== outcome?.workbook) setActive(o.workbook.info.active);
      }
    },
    overview,
    refresh,
    active,
    readActive,
    ...(changes ? { cellChanges: changes } : {}),
    shown: setActive,
    select: (sheet, cell) => {
      app.select(sheet, cell).then(
        () => setActive(sheet),
        (e: unknown) => notify(problemText(e, lang), "error"),
      );
    },
    problem: (e) => problemText(e, lang),
  };
  const takeRun = () => {
    if (startedRuns.current >= requestedRuns) return false;
    startedRuns.current = requestedRuns;
    return true;
  };

  return (
    // The pane's own layout is on a box inside the provider: the provider's class goes to its portals
    // too (a popover's), where a full-height box would cover the page.
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div className={styles.root}>
        <div className={styles.toasts}>
          <Toaster toasterId={toaster} position="top-end" inline className={styles.toaster} />
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small">
          <Tab value="check">{t("tabCheck")}</Tab>
          <Tab value="fill">{t("tabFill")}</Tab>
          <Tab value="summary">{t("tabSummary")}</Tab>
          <Tab value="directory">{t("tabDirectory")}</Tab>
          <Tab value="import">{t("tabImport")}</Tab>
          <Tab value="distribute">{t("tabDistribute")}</Tab>
          <Tab value="settings">{t("tabSettings")}</Tab>
        </TabList>
        {QUARTER_TABS.includes(tab) && quarterText && (
          <div className={styles.quarter}>
            <QuarterField
              label={t("quarter")}
              lang={lang}
              value={quarterText}
              onChange={(v) => {
                setPicked(v);
                setOutcome(undefined);
              }}
              today={app.today()}
              {...(overview?.year !== undefined ? { ledgerYear: overview.year } : {})}
            />
            {quarter && (
              <Text size={200} className={mergeClasses(styles.due, daysToDue(quarter, app.today()) < 0 && styles.overdue)} aria-label="due">
                {ui.dueLine(reportDueDate(quarter), dueWords(daysToDue(quarter, app.today()), lang))}
              </Text>
            )}
          </div>
        )}
        <div className={styles.body}>
          {tab === "check" && <CheckTab pane={pane} requestedRuns={requestedRuns} takeRun={takeRun} />}
          {tab === "fill" && <FillTab pane={pane} />}
          {tab === "summary" && <SummaryTab pane={pane} />}
          {tab === "directory" && <DirectoryTab pane={pane} />}
          {tab === "import" && <ImportTab pane={pane} />}
          {tab === "distribute" && <DistributeTab pane={pane} />}
          {tab === "settings" && <SettingsTab pane={pane} />}
        </div>
      </div>
    </FluentProvider>
  );
}
