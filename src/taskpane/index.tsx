// The pane's entry: it starts in the right host by itself. In Excel, the Office host over Office.js;
// in WPS 表格, the WPS host over its object model; in a browser on its own, the offline page (a workbook
// from the person's disk beside the same pane, ExcelJS in a script of its own).
// In Excel the page is also the add-in's shared runtime (manifest.xml's <Runtimes> and <FunctionFile>):
// the ribbon's 检查完整性 is registered here, as the page loads.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createApp, type DocumentFiles, type FormFiles } from "../app";
import { registerCheckCommand, type TakeCommand } from "../commands/checkCommand";
import { apiSupport, OfficeHost } from "../hosts/office/host";
import { WpsHost } from "../hosts/wps/host";
import { wpsApplication, type WpsGlobals } from "../hosts/wps/application";
import { WPS_RUN_KEY, type WpsAddinApplication } from "../hosts/wps/model";
import { App } from "./App";
import { CheckRequests } from "./checkRequests";
import { withoutDownloads } from "./files";
import { paneEnvironment } from "./environment";
import { languageOf } from "./i18n";

// The forms (ExcelJS) and the documents (docx) are separate scripts, fetched the first time one is made or read.
const forms = async (): Promise<FormFiles> => (await import(/* webpackChunkName: "forms" */ "../files/forms")).formFiles;
const documents = async (): Promise<DocumentFiles> => (await import(/* webpackChunkName: "documents" */ "../files/documents")).documentFiles;
const checkRequests = new CheckRequests();
// A pane opened by the ribbon as taskpane.html?run=check: a manifest deployed before the shared
// runtime, or WPS's 检查完整性 making the pane.
const openedToCheck = () => new URLSearchParams(window.location.search).get("run") === "check";
const root = () => createRoot(document.getElementById("root")!);

function startOffice(): void {
  // Before Office.onReady: a press of the button may be what started this runtime, and Office calls the
  // command as soon as the page has loaded.
  // webview-check.js registered the command as the page began to load, and hands it over with the presses waiting.
  const take = (window as { dubanCommand?: TakeCommand }).dubanCommand;
  registerCheckCommand(Office, checkRequests, new URL("help.html", window.location.href).href, typeof take === "function" ? take : undefined);
  Office.onReady(() => {
    const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
    const canCreateWorkbook = supports("1.8") && typeof Excel.createWorkbook === "function";
    // Excel for Mac's pane saves no download (files.ts): the pane offers what works there instead.
    if (Office.context.platform === Office.PlatformType.Mac) withoutDownloads(canCreateWorkbook);
    // What Excel has and what the loaded office.js has, both: a local copy may be older than Excel.
    const port = new OfficeHost(
      (options, batch) => Excel.run(options, batch),
      apiSupport(supports, Excel, Office.context.platform === Office.PlatformType.OfficeOnline),
      canCreateWorkbook ? (base64) => Excel.createWorkbook(base64) : undefined,
    );
    const about = () => {
      const d = Office.context.diagnostics;
      // The requirement sets this Excel has, for 兼容性自检's report.
      const apiSets = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`).filter(supports);
      return { host: "Excel", version: d.version, platform: String(d.platform), apiSets: apiSets.map((v) => `ExcelApi ${v}`) };
    };
    const app = createApp({ port, today: () => new Date(), forms, documents, now: () => performance.now(), about });
    if (openedToCheck()) checkRequests.request();
    root().render(<App app={app} lang={languageOf(Office.context.displayLanguage)} checkRequests={checkRequests} />);
  });
}

/** In WPS: the ribbon's 检查完整性 on an open pane leaves a new value under WPS_RUN_KEY; each is a request to check. */
function watchWpsRuns(application: WpsAddinApplication): void {
  let seen = application.PluginStorage.getItem(WPS_RUN_KEY);
  setInterval(() => {
    const now = application.PluginStorage.getItem(WPS_RUN_KEY);
    if (now === seen) return;
    seen = now;
    checkRequests.request();
  }, 700);
}

function startWps(): void {
  // window.Application, or in older builds wps.EtApplication() and wps.* (application.ts).
  const application = wpsApplication(window as unknown as WpsGlobals)!;
  const build = (application as { Build?: unknown }).Build;
  const about = () => ({ host: "WPS 表格", ...(build !== undefined ? { version: String(build) } : {}), platform: navigator.userAgent });
  const app = createApp({ port: new WpsHost(application), today: () => new Date(), forms, documents, now: () => performance.now(), about });
  if (openedToCheck()) checkRequests.request();
  watchWpsRuns(application);
  root().render(<App app={app} lang="zh" checkRequests={checkRequests} />);
}

async function startPage(): Promise<void> {
  const { OfflinePage } = await import(/* webpackChunkName: "page" */ "../preview/OfflinePage");
  root().render(<OfflinePage />);
}

const environment = paneEnvironment(window as unknown as Parameters<typeof paneEnvironment>[0]);
if (environment === "office") startOffice();
else if (environment === "wps") startWps();
else void startPage();
