// Data validations as office templates carry them: a dropdown on whole columns, one on the whole
// sheet, and an x14 one whose list is on another sheet. ExcelJS would expand them cell by cell when it
// writes them too (exceljs/exceljs#1842), so they are put into the sheet's XML of a built ledger.
import JSZip from "jszip";

const XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";

/** The <dataValidations> element as Excel writes it (its own revision ids on each validation). */
export const WHOLE_VALIDATIONS =
  '<dataValidations count="4">' +
  '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="J:J" xr:uid="{2B7D9E10-0000-4000-8000-000000000001}"><formula1>"推进中,已完成,未启动"</formula1></dataValidation>' +
  '<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="G1:I1048576" xr:uid="{2B7D9E10-0000-4000-8000-000000000002}"><formula1>"推进中,已完成"</formula1></dataValidation>' +
  '<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="字数过多" error="进展不超过2000字" sqref="A1:XFD1048576" xr:uid="{2B7D9E10-0000-4000-8000-000000000003}"><formula1>2000</formula1></dataValidation>' +
  '<dataValidation allowBlank="1" showInputMessage="1" promptTitle="责任单位" prompt="请按部门目录填写" sqref="D1:E1048576 F3:F1048576" xr:uid="{2B7D9E10-0000-4000-8000-000000000004}"/>' +
  "</dataValidations>";

/** An x14 validation (a list on another sheet), in the worksheet's extLst. */
export const X14_VALIDATIONS =
  '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{2B7D9E10-0000-4000-8000-000000000005}"><x14:formula1><xm:f>单位!$A$1:$A$40</xm:f></x14:formula1><xm:sqref>D3:D1048576</xm:sqref></x14:dataValidation>' +
  "</x14:dataValidations></ext>";

/** The ledger's bytes with the validations above on its first sheet, its root declaring xr as Excel does. */
export async function withWholeValidations(bytes: Uint8Array, part = "xl/worksheets/sheet1.xml"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = await zip.file(part)!.async("string");
  const dressed = sheet
    .replace(/mc:Ignorable="x14ac"/, `mc:Ignorable="x14ac xr" xmlns:xr="${XR}"`)
    .replace(/<pageMargins\b/, `${WHOLE_VALIDATIONS}<pageMargins`)
    .replace(/<\/worksheet>$/, `<extLst>${X14_VALIDATIONS}</extLst></worksheet>`);
  if (!dressed.includes(WHOLE_VALIDATIONS) || !dressed.includes(X14_VALIDATIONS) || !dressed.includes("xmlns:xr=")) throw new Error(`${part}: not as ExcelJS writes a sheet`);
  zip.file(part, dressed);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
