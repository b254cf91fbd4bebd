// The forms sent to the responsible units and read back, as .xlsx bytes: the same files from the
// command line, the task pane and the preview. Drawn through the .xlsx host, as every host draws a
// layout; a file that is not a form is said by code (NotAReturn's, or the host's HostError for a file
// it cannot open), never as a sentence: the application layer renders it (src/app/messages.ts).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { FormFiles, WorkbookPort } from "../app/port";
import { layoutOps } from "../core/drawing";
import { formatQuarter } from "../core/quarter";
import { readReturn, RETURN_MARKER_SHEET, RETURN_SHEET, returnLayouts, type UnitReturn } from "../core/returns";
import { sheetGrid } from "../hosts/xlsx/grid";
import { XlsxHost } from "../hosts/xlsx/host";
import { loadXlsx } from "../hosts/xlsx/open";

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

/**
 * A returned file read from its bytes. A workbook that is not a form throws NotAReturn with its code;
 * a file that is not an .xlsx workbook at all, the .xlsx host's HostError (file-not-xlsx, file-corrupt …).
 */
export async function readFormBytes(bytes: ArrayBuffer | Uint8Array, name: string): Promise<UnitReturn> {
  return readFormWorkbook(await loadXlsx(bytes, name));
}

/** A returned file read, and the same workbook as a port of its own (the .xlsx host), for its 提交前检查: parsed once. */
export async function openFormBytes(bytes: ArrayBuffer | Uint8Array, name: string): Promise<{ form: UnitReturn; workbook: WorkbookPort }> {
  const wb = await loadXlsx(bytes, name);
  return { form: readFormWorkbook(wb), workbook: new XlsxHost(wb) };
}

/** The forms as the application layer's port (and a returned one opened as a workbook). */
export const formFiles: FormFiles = { fileName: formFileName, bytes: formBytes, zip: formsZip, read: readFormBytes, open: openFormBytes };
