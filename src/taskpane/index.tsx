// The pane's entry: it starts in the right host by itself. In Excel, the Office host over Office.js;
// in WPS 表格, the WPS host over its object model; in a browser on its own, the offline page (a workbook
// from the person's disk beside the same pane, ExcelJS in a script of its own).
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createApp, type FormFiles } from "../app";
import { OfficeHost, WEB_PAYLOAD_LIMIT } from "../hosts/office/host";
import { WpsHost } from "../hosts/wps/host";
import { WPS_RUN_KEY, type WpsAddinApplication } from "../hosts/wps/model";
import { App } from "./App";
import { paneEnvironment } from "./environment";
import { languageOf } from "./i18n";

// The forms (ExcelJS) are a separate script, fetched the first time a form is made or read.
const forms = async (): Promise<FormFiles> => (await import(/* webpackChunkName: "forms" */ "../hosts/xlsx/forms")).formFiles;
const autoRun = new URLSearchParams(window.location.search).get("run") === "check";
const root = () => createRoot(document.getElementById("root")!);

function startOffice(): void {
  Office.onReady(() => {
    const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
    const port = new OfficeHost(
      (batch) => Excel.run(batch),
      {
        mergedAreas: supports("1.13"),
        rangeAreas: supports("1.9"),
        notes: supports("1.18"),
        ...(Office.context.platform === Office.PlatformType.OfficeOnline ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
      },
      supports("1.8") ? (base64) => Excel.createWorkbook(base64) : undefined,
    );
    const app = createApp({ port, today: () => new Date(), forms });
    root().render(<App app={app} lang={languageOf(Office.context.displayLanguage)} autoRun={autoRun} />);
  });
}

/** In WPS: the ribbon's 检查完整性 on an open pane leaves a new value under WPS_RUN_KEY; the pane checks again. */
function WpsPane({ application }: { application: WpsAddinApplication }): React.JSX.Element {
  const app = React.useMemo(() => createApp({ port: new WpsHost(application), today: () => new Date(), forms }), [application]);
  const [runs, setRuns] = React.useState(0);
  React.useEffect(() => {
    let seen = application.PluginStorage.getItem(WPS_RUN_KEY);
    const timer = setInterval(() => {
      const now = application.PluginStorage.getItem(WPS_RUN_KEY);
      if (now !== seen) {
        seen = now;
        setRuns((n) => n + 1);
      }
    }, 700);
    return () => clearInterval(timer);
  }, [application]);
  return <App key={runs} app={app} lang="zh" autoRun={autoRun || runs > 0} />;
}

function startWps(): void {
  const application = (window as unknown as { Application: WpsAddinApplication }).Application;
  root().render(<WpsPane application={application} />);
}

async function startPage(): Promise<void> {
  const { OfflinePage } = await import(/* webpackChunkName: "page" */ "../preview/OfflinePage");
  root().render(<OfflinePage />);
}

const environment = paneEnvironment(window as unknown as Parameters<typeof paneEnvironment>[0]);
if (environment === "office") startOffice();
else if (environment === "wps") startWps();
else void startPage();
