// The forms sent to the responsible units and read back, as .xlsx bytes: the same files from the
// command line, the task pane and the preview.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HostError, type FormFiles } from "../../app/port";
import { say } from "../../app/messages";
import { layoutOps } from "../../core/drawing";
import { formatQuarter } from "../../core/quarter";
import { NotAReturn, readReturn, RETURN_MARKER_SHEET, RETURN_SHEET, returnLayouts, type UnitReturn } from "../../core/returns";
import { sheetGrid } from "./grid";
import { XlsxHost } from "./host";
import { loadXlsx } from "./open";

/** A unit's form's file name: the characters Windows refuses in names replaced. */
export function formFileName(form: UnitReturn): string {
  return `${form.unit.replace(/[\\/:*?"<>|]/g, "_")}-${formatQuarter(form.quarter)}进展填报.xlsx`;
}

/** The workbook a unit fills in, drawn through the port as every host draws a layout. */
export async function formWorkbook(form: UnitReturn): Promise<ExcelJS.Workbook> {
  const host = new XlsxHost(new ExcelJS.Workbook());
  for (const layout of returnLayouts(form)) await host.apply(layoutOps(layout), "add-sheet");
  return host.workbook;
}

export async function formBytes(form: UnitReturn): Promise<Uint8Array> {
  return new Uint8Array(await (await formWorkbook(form)).xlsx.writeBuffer());
}

/** Every unit's form in one .zip (stored, not compressed again: .xlsx files are zips already). */
export async function formsZip(forms: readonly UnitReturn[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const form of forms) zip.file(formFileName(form), await formBytes(form));
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** A filled-in form, read from its workbook (NotAReturn when it is not one). */
export function readFormWorkbook(wb: ExcelJS.Workbook): UnitReturn {
  const form = wb.getWorksheet(RETURN_SHEET);
  const marker = wb.getWorksheet(RETURN_MARKER_SHEET);
  return readReturn(form ? sheetGrid(form) : undefined, marker ? sheetGrid(marker) : undefined);
}

/** A returned file read from its bytes; anything that is not a form throws NotAReturn saying why, naming the file. */
export async function readFormBytes(bytes: ArrayBuffer | Uint8Array, name: string): Promise<UnitReturn> {
  try {
    return readFormWorkbook(await loadXlsx(bytes, name));
  } catch (e) {
    if (e instanceof HostError) throw new NotAReturn(say(e.detail));
    if (e instanceof NotAReturn) throw new NotAReturn(`“${name}”：${e.message}`);
    throw e;
  }
}

/** The forms as the application layer's port. */
export const formFiles: FormFiles = { fileName: formFileName, bytes: formBytes, zip: formsZip, read: readFormBytes };
