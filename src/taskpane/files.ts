// Handing a file to the person from a web page: a download (Excel on the web and on Windows, the
// preview), or Base64 for Excel to open as a new workbook (where a pane cannot download, as on a Mac).
import { AppError } from "../app/messages";

export interface FileToSave {
  readonly name: string;
  readonly bytes: Uint8Array | ArrayBuffer;
}

const TYPES: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Starts the browser's download of the file. */
export function saveFile(file: FileToSave): void {
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
