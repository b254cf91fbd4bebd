// Opening the bytes of a workbook a person chose (command line, preview, task pane), with a message
// for what is not an .xlsx workbook.
import ExcelJS from "exceljs";
import { HostError } from "../../app/port";
import { compoundFileKind, isCompoundFile } from "./cfb";

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Loads an .xlsx from its bytes; `name` is the file's name, for the messages. Bytes that are not an .xlsx throw HostError. */
export async function loadXlsx(bytes: ArrayBuffer | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const head = bytes instanceof Uint8Array ? bytes.subarray(0, 8) : new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  const ext = extensionOf(name);
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b;
  const all = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const isOle = isCompoundFile(head);
  // An .xlsx with an open password is a compound file too; saving it "as .xlsx" would keep the password.
  if (isOle && compoundFileKind(all) === "encrypted") {
    throw new HostError({ code: "file-corrupt", name, reason: "encrypted: an EncryptionInfo stream, an open password ([MS-OFFCRYPTO] 2.3.4)" });
  }
  if (isOle || ext === ".xls" || ext === ".et") {
    throw new HostError({ code: "file-old-format", name });
  }
  if (!isZip) throw new HostError({ code: "file-not-xlsx", name, ext });
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS expands a validation into every cell it covers: a whole column (G:G) is a million cells, the
    // whole sheet (A1:XFD1048576) never finishes (exceljs/exceljs#1842). Nothing here reads them; a file
    // written back gets the original XML again (keepWhatExcelJsDrops, src/hosts/xlsx/preserve.ts).
    // ignoreNodes is ExcelJS's own option for this (its README, "Reading XLSX").
    await wb.xlsx.load(bytes as ArrayBuffer, { ignoreNodes: ["dataValidations"] });
  } catch (e) {
    throw new HostError({ code: "file-corrupt", name, reason: (e as Error).message }, e);
  }
  return wb;
}
