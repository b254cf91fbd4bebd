// A unit's form as 分发 makes it, filled in as the unit would: each task row of its sheet 进展填报 (from
// row 3) handed to `fill` with its 序号, to write what the unit wrote.
import ExcelJS from "exceljs";
import type { DubanApp } from "../../src/app";
import type { Quarter } from "../../src/core/types";

export async function filledForm(app: DubanApp, quarter: Quarter, unit: string, fill: (no: string, row: ExcelJS.Row) => void, name = `${unit}-回报.xlsx`): Promise<{ name: string; bytes: Uint8Array }> {
  const plan = await app.planForms({ quarter });
  const file = await app.formFile(plan.forms.find((f) => f.unit === unit)!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  wb.getWorksheet("进展填报")!.eachRow((row, n) => {
    if (n >= 3) fill(String(row.getCell(1).value), row);
  });
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}
