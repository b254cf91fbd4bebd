// The task pane's entry in Excel: check which API sets this Excel has, make the Office host and the
// application over it, show the pane. The page is also the add-in's shared runtime (manifest.xml's
// <Runtimes> and <FunctionFile>): the ribbon's 检查完整性 is registered here, as the page loads.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createApp } from "../app";
import { registerCheckCommand } from "../commands/checkCommand";
import { apiSupport, OfficeHost } from "../hosts/office/host";
import { App } from "./App";
import { CheckRequests } from "./checkRequests";
import { languageOf } from "./i18n";

const checkRequests = new CheckRequests();
// Before Office.onReady: a press of the button may be what started this runtime, and Office calls the
// command as soon as the page has loaded.
registerCheckCommand(Office, checkRequests, new URL("help.html", window.location.href).href);

Office.onReady(() => {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  // What Excel has and what the loaded office.js has, both: a local copy may be older than Excel.
  const port = new OfficeHost(
    (options, batch) => Excel.run(options, batch),
    apiSupport(supports, Excel, Office.context.platform === Office.PlatformType.OfficeOnline),
    supports("1.8") && typeof Excel.createWorkbook === "function" ? (base64) => Excel.createWorkbook(base64) : undefined,
  );
  // The forms (ExcelJS) are a separate script, fetched the first time a form is made or read.
  const app = createApp({ port, today: () => new Date(), forms: async () => (await import(/* webpackChunkName: "forms" */ "../hosts/xlsx/forms")).formFiles });
  // A manifest deployed before the shared runtime opens the pane as taskpane.html?run=check.
  if (new URLSearchParams(window.location.search).get("run") === "check") checkRequests.request();
  createRoot(document.getElementById("root")!).render(<App app={app} lang={languageOf(Office.context.displayLanguage)} checkRequests={checkRequests} />);
});
