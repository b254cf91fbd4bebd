// The preview page's entry (npm start): the add-in's pane beside a workbook, without Excel, the
// sample ledger opened at start from the server beside the page.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { PreviewPage, type Sample } from "./PreviewPage";

const sample: Sample = {
  name: "2019江汉区政府工作报告责任分解台账.xlsx",
  bytes: (text) => fetch("sample.xlsx").then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(text.exampleUnreadable(r.status))))),
};

createRoot(document.getElementById("root")!).render(<PreviewPage sample={sample} openSample="at-start" />);
