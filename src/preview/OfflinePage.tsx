// The offline page (dist/web/督办助手.html, opened from a USB stick or a shared folder): the same page
// as the preview, the person's own workbook first; the example ledger is inside the file and opens
// only when asked.
import * as React from "react";
import sampleDataUrl from "@seeds/2019江汉区政府工作报告责任分解台账.xlsx";
import { PreviewPage, type Sample } from "./PreviewPage";

/** The bytes of a base64 data: URL (no fetch: the page's policy allows no request at all). */
function bytesOfDataUrl(url: string): ArrayBuffer {
  const binary = atob(url.slice(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

const sample: Sample = { name: "2019江汉区政府工作报告责任分解台账（示例）.xlsx", bytes: async () => bytesOfDataUrl(sampleDataUrl) };

export function OfflinePage(): React.JSX.Element {
  return <PreviewPage sample={sample} openSample="on-request" page="offline" />;
}
