// Handing a file to the person from a web page: a download (Excel on the web and on Windows, the
// preview), or Base64 for Excel to open as a new workbook (where a pane cannot download, as on a Mac).
import { AppError, type DownloadKind } from "../app/messages";

export interface FileToSave {
  readonly name: string;
  readonly bytes: Uint8Array | ArrayBuffer;
}

const TYPES: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * Whether the pane can save a download. Excel for Mac's pane (WKWebView) saves nothing from a link
 * with `download` and says nothing either (https://github.com/OfficeDev/office-js/issues/2700,
 * closed "by design"; https://github.com/OfficeDev/office-js/issues/3385): the entry turns downloads
 * off there (`withoutDownloads`), and every save says what works instead of claiming success.
 */
let downloads = true;
/** Where downloads save nothing: whether the pane can open a form as a new workbook instead (ExcelApi 1.8). */
let canOpenWorkbook = false;

/** The pane runs where a download saves nothing (Excel for Mac); `canOpen`: it can open a workbook there. */
export function withoutDownloads(canOpen: boolean): void {
  downloads = false;
  canOpenWorkbook = canOpen;
}

/** What a file the pane makes is, told by its name as src/app names it. */
function kindOf(name: string): DownloadKind {
  const lower = name.toLowerCase();
  if (lower.endsWith(".xlsx")) return "form";
  if (lower.endsWith(".zip")) return name.includes("催办单") ? "reminders" : "forms";
  return name.includes("催办单") ? "reminder" : "bulletin";
}

/** Starts the browser's download of the file; where the pane cannot download, an AppError saying what works instead. */
export function saveFile(file: FileToSave): void {
  if (!downloads) throw new AppError({ code: "download-unavailable", file: file.name, kind: kindOf(file.name), canOpen: canOpenWorkbook });
  const ext = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: TYPES[ext] ?? "application/octet-stream" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Makes a file and starts its download, busy meanwhile; a failure is handed to `failed` (the pane
 * says it), never thrown.
 */
export async function makeAndSave(make: () => Promise<FileToSave>, setBusy: (busy: boolean) => void, failed: (e: unknown) => void): Promise<void> {
  setBusy(true);
  try {
    saveFile(await make());
  } catch (e) {
    failed(e);
  } finally {
    setBusy(false);
  }
}

/** The bytes as Base64 (in pieces: a spread of a whole file would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A chosen file's bytes (FileReader: every web view an Office pane runs in has it). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(new AppError({ code: "file-unreadable", reason: reader.error?.message ?? "" }));
    reader.readAsArrayBuffer(file);
  });
}
