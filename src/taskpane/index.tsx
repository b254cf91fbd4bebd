// The task pane's entry in Excel: check which API sets this Excel has, make the Office host and the
// application over it, show the pane.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createApp } from "../app";
import { OfficeHost, WEB_PAYLOAD_LIMIT } from "../hosts/office/host";
import { App } from "./App";
import { languageOf } from "./i18n";

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
  // The forms (ExcelJS) and the documents (docx) are separate scripts, fetched the first time one is made or read.
  const app = createApp({
    port,
    today: () => new Date(),
    forms: async () => (await import(/* webpackChunkName: "forms" */ "../hosts/xlsx/forms")).formFiles,
    documents: async () => (await import(/* webpackChunkName: "documents" */ "../hosts/xlsx/documents")).documentFiles,
  });
  const autoRun = new URLSearchParams(window.location.search).get("run") === "check";
  createRoot(document.getElementById("root")!).render(<App app={app} lang={languageOf(Office.context.displayLanguage)} autoRun={autoRun} />);
});
