// The task pane's entry in Excel: check which API sets this Excel has, make the Office host, show the pane.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeHost, WEB_PAYLOAD_LIMIT } from "../host/office";
import { App } from "./App";
import { languageOf } from "./i18n";

Office.onReady(() => {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  const host = new OfficeHost((batch) => Excel.run(batch), {
    mergedAreas: supports("1.13"),
    rangeAreas: supports("1.9"),
    notes: supports("1.18"),
    ...(Office.context.platform === Office.PlatformType.OfficeOnline ? { payloadLimit: WEB_PAYLOAD_LIMIT } : {}),
  }, supports("1.8") ? (base64) => Excel.createWorkbook(base64) : undefined);
  const autoRun = new URLSearchParams(window.location.search).get("run") === "check";
  createRoot(document.getElementById("root")!).render(<App host={host} lang={languageOf(Office.context.displayLanguage)} autoRun={autoRun} />);
});
