// Opening the bytes of a workbook a person chose (command line, preview, task pane), with a message
// for what is not an .xlsx workbook.
import ExcelJS from "exceljs";
import { HostError } from "../../app/port";

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Loads an .xlsx from its bytes; `name` is the file's name, for the messages. Bytes that are not an .xlsx throw HostError. */
export async function loadXlsx(bytes: ArrayBuffer | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const head = bytes instanceof Uint8Array ? bytes.subarray(0, 8) : new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  const ext = extensionOf(name);
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b;
  const isOle = head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isOle || ext === ".xls" || ext === ".et") {
    throw new HostError({ code: "file-old-format", name });
  }
  if (!isZip) throw new HostError({ code: "file-not-xlsx", name, ext });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch (e) {
    throw new HostError({ code: "file-corrupt", name, reason: (e as Error).message }, e);
  }
  return wb;
}
