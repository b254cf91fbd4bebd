// Every host gives the same right answer: on the seed workbooks, the command line, the application
// layer over the .xlsx host (the preview's), over the Office host (a fake Excel) and over the WPS host
// (a fake WPS 表格) give the same
// findings, the same summary figures, and read the same settings from the same workbook.
import ExcelJS from "exceljs";
import * as path from "path";
import { createApp, type WorkbookPort } from "../src/app";
import { OfficeHost } from "../src/hosts/office/host";
import { formFiles } from "../src/files/forms";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { WpsHost } from "../src/hosts/wps/host";
import { fakeRun } from "./fakes/excel";
import { fakeEtApplication } from "./fakes/wps";
import { duban, LEDGER_2019, LEDGER_2026, openBook, tempDir } from "./helpers/cli";
import { etBookOfWorkbook, fakeModelOfWorkbook } from "./helpers/model";

const TODAY = new Date(2026, 10, 22);
const appOf = (port: WorkbookPort) => createApp({ port, today: () => TODAY, forms: async () => formFiles });

/** The same workbook behind each host: the .xlsx host over it, and a fake Excel holding its cells. */
async function hosts(file: string): Promise<{ xlsx: XlsxHost; excel: OfficeHost; wps: WpsHost }> {
  const xlsx = new XlsxHost(await openBook(file));
  const excel = new OfficeHost(fakeRun(fakeModelOfWorkbook(await openBook(file), xlsx.active)).run, { mergedAreas: true, rangeAreas: true, notes: true });
  const et = fakeEtApplication(etBookOfWorkbook(await openBook(file), xlsx.active));
  return { xlsx, excel, wps: new WpsHost(et) };
}

describe.each([
  ["2019 Jianghan", LEDGER_2019, "2019Q3"],
  ["2026 Jiang'an", LEDGER_2026, "2026Q1"],
])("%s", (_, file, quarter) => {
  test("the same findings, in the same order, with the same sentences, by default and for a chosen quarter", async () => {
    const { xlsx, excel, wps } = await hosts(file);
    for (const args of [[], ["--quarter", quarter]]) {
      const cli = JSON.parse((await duban("check", file, "--json", "--today", "2026-11-22", ...args)).out);
      const request = args.length ? { quarter: { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(5)) as 1 | 2 | 3 | 4 } } : {};
      const viaXlsx = await appOf(xlsx).check({ ...request, mark: false });
      const viaExcel = await appOf(excel).check({ ...request, mark: false });
      const viaWps = await appOf(wps).check({ ...request, mark: false });
      expect(viaWps.result.findings).toEqual(viaXlsx.result.findings);
      expect(viaWps.result.notes).toEqual(viaXlsx.result.notes);
      expect(`${viaXlsx.result.quarter.year}Q${viaXlsx.result.quarter.q}`).toBe(cli.quarter);
      expect(viaExcel.result.quarter).toEqual(viaXlsx.result.quarter);
      expect(viaXlsx.result.findings).toEqual(viaExcel.result.findings);
      expect(viaXlsx.result.findings.map((f) => [f.kind, f.cell, f.value ?? null])).toEqual(cli.findings.map((f: { kind: string; cell: string; value?: string }) => [f.kind, f.cell, f.value ?? null]));
      expect(viaXlsx.result.ledger.tasks).toHaveLength(cli.tasks);
    }
  });

  test("the same summary figures: the command's sheet, and the pane's in both hosts", async () => {
    const { xlsx, excel, wps } = await hosts(file);
    const q = { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(5)) as 1 | 2 | 3 | 4 };
    const a = await appOf(xlsx).makeSummary({ quarter: q });
    const c = await appOf(wps).makeSummary({ quarter: q });
    expect(c.summary).toEqual(a.summary);
    expect(c.outcome.marked).toBe(a.outcome.marked);
    const b = await appOf(excel).makeSummary({ quarter: q });
    expect(b.summary.totals).toEqual(a.summary.totals);
    expect(b.summary.units).toEqual(a.summary.units);
    expect(b.summary.categories).toEqual(a.summary.categories);
    expect(b.sheet).toBe(a.sheet);
    expect(b.outcome.marked).toBe(a.outcome.marked);
    // The command writes the same figures into its sheet.
    const out = path.join(tempDir("parity"), "汇总.xlsx");
    await duban("summary", file, "--quarter", quarter, "-o", out, "--today", "2026-11-22");
    const ws = (await openBook(out)).getWorksheet(a.sheet)!;
    const figure = (label: string) => {
      let v: unknown;
      ws.eachRow((row) => row.getCell(2).value === label && v === undefined && (v = row.getCell(3).value));
      return v;
    };
    expect(figure("任务总数")).toBe(a.summary.totals.tasks);
    expect(figure("已报送进展")).toBe(a.summary.totals.reported);
    expect(figure("欠进度")).toBe(a.summary.totals.classes["欠进度"]);
  });
});

test("settings saved by the command line's host (or the preview) are the settings Excel reads, and the check follows them", async () => {
  const wb = await openBook(LEDGER_2026);
  // A second sheet copied from the ledger, chosen in 设置 as the ledger, with a lower placeholder length.
  const source = wb.worksheets[0]!;
  const copy = wb.addWorksheet("副本");
  source.eachRow((row, n) => (copy.getRow(n).values = row.values as ExcelJS.CellValue[]));
  const xlsx = new XlsxHost(wb);
  const settings = { ledgerSheet: "副本", minProgressLength: 3 };
  expect(await appOf(xlsx).saveSettings(settings)).toEqual(settings);
  const dir = tempDir("parity-settings");
  const file = path.join(dir, "设置过的台账.xlsx");
  await wb.xlsx.writeFile(file);

  // Excel opens the file: the same settings, the same ledger sheet, the same findings.
  const excel = new OfficeHost(fakeRun(fakeModelOfWorkbook(await openBook(file), source.name)).run, { mergedAreas: true, rangeAreas: true, notes: true });
  const viaExcel = await appOf(excel).check({ mark: false });
  expect(viaExcel.workbook.stored).toEqual(settings);
  expect(viaExcel.result.ledger.sheet).toBe("副本");
  const viaFile = JSON.parse((await duban("check", file, "--json", "--today", "2026-11-22")).out);
  expect(viaFile.sheet).toBe("副本");
  expect(viaExcel.result.findings.map((f) => f.cell)).toEqual(viaFile.findings.map((f: { cell: string }) => f.cell));
  expect(JSON.parse((await duban("settings", file, "--json")).out).settings).toEqual(settings);
});

test("a hidden 原责任单位 beside the live 责任单位: Excel checks the same column as the file's reader, and says which", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2026年台账");
  ws.addRows([
    ["序号", "目标任务", "原责任单位", "责任单位", "三季度进展"],
    [1, "新建口袋公园3个。", "区园林局", "", "建成口袋公园2个，第3个完成主体施工。"],
    [2, "新增就业2万人。", "", "区人社局", "新增就业1.6万人。"],
  ]);
  ws.getColumn(3).hidden = true;
  const file = path.join(tempDir("parity-hidden"), "台账.xlsx");
  await wb.xlsx.writeFile(file);
  const { xlsx, excel, wps } = await hosts(file);
  const q = { quarter: { year: 2026, q: 3 as const }, mark: false };
  const a = await appOf(xlsx).check(q);
  const b = await appOf(excel).check(q);
  const c = await appOf(wps).check(q);
  expect(c.result.findings).toEqual(a.result.findings);
  expect(c.result.notes).toEqual(a.result.notes);
  // The live column D is read: task 1 has no unit there.
  expect(b.result.findings.map((f) => `${f.kind}@${f.cell}`)).toEqual(["missing-unit@D2"]);
  expect(b.result.findings).toEqual(a.result.findings);
  expect(b.result.notes).toEqual(a.result.notes);
  expect(b.result.notes).toContainEqual(expect.objectContaining({ code: "unit-column-chosen", column: "D" }));
});
