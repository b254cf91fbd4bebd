// Opening the bytes of a workbook a person chose (command line, preview, task pane), with a message
// in Chinese for what is not an .xlsx workbook.
import ExcelJS from "exceljs";

/** Bytes that are not an .xlsx workbook; the message says what to do. */
export class NotXlsx extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotXlsx";
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** Loads an .xlsx from its bytes; `name` is the file's name, for the messages. */
export async function loadXlsx(bytes: ArrayBuffer | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const head = bytes instanceof Uint8Array ? bytes.subarray(0, 8) : new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  const ext = extensionOf(name);
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b;
  const isOle = head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isOle || ext === ".xls" || ext === ".et") {
    throw new NotXlsx(`“${name}”是旧版 Excel（.xls）或 WPS 格式：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再打开。`);
  }
  if (!isZip) throw new NotXlsx(`“${name}”不是 .xlsx 工作簿${ext ? `（扩展名为 ${ext}）` : ""}：应为用 Excel 或 WPS 保存的 .xlsx 文件。`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch (e) {
    throw new NotXlsx(`“${name}”无法作为 .xlsx 工作簿打开（文件可能已损坏或不完整）：${(e as Error).message}`);
  }
  return wb;
}
