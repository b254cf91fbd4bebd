// Forms that reach real units: units the directory does not resolve get no form until a person
// corrects the ledger or confirms them; each form carries its return date, the sign-off blanks and
// the progress column highlighted, and is read back with who filled it.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { AppError, createApp, HostError, notReturnText, readReturnFiles, type FormFiles } from "../src/app";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { checkLedger, readDirectory, readLedger } from "../src/core";
import { INPUT_FILL } from "../src/core/layout";
import { mergeReturns, NotAReturn, returnLayouts, splitLedger, suggestedChoices, unitCorrections } from "../src/core/returns";
import type { CellValue } from "../src/core/types";
import { formFiles, formWorkbook, readFormBytes } from "../src/files/forms";
import { duban, tempDir } from "./helpers/cli";
import { grid } from "./helpers/grid";
import { CUMULATIVE_DIRECTORY, cumulativeCell, cumulativeLedger } from "./helpers/cumulative";

const Q1 = { year: 2026, q: 1 as const };

/** A directory with an alias two units share (区城管局). */
const DIRECTORY_ROWS: CellValue[][] = [
  ["单位名称", "简称", "曾用名", "类别", "状态"],
  ["区卫生健康局", "区卫健局", "区卫计委", "部门", "有效"],
  ["区发展和改革局", "区发改局", "", "部门", "有效"],
  ["区商务局", "", "", "部门", "有效"],
  ["区教育局", "", "", "部门", "有效"],
  ["区城市管理执法局", "区城管局", "", "部门", "有效"],
  ["区城市更新中心", "区城管局", "", "事业单位", "有效"],
];
const directory = readDirectory(grid(DIRECTORY_ROWS, [], "部门目录"));

/** A ledger with a typo (区卫键局), a section label in a unit cell (综合协调组), and an alias two units share (区城管局). */
const rows: CellValue[][] = [
  ["序号", "目标任务", "牵头单位", "配合单位", "一季度进展"],
  [1, "新建社区卫生服务中心2个。", "区卫键局", "区发改局", ""],
  [2, "举办促消费活动12场。", "区商务局、综合协调组", "", ""],
  [3, "新建学校1所。", "区教育局", "区卫键局", ""],
  [4, "整治背街小巷50条。", "区城管局", "", ""],
  [5, "完成家庭医生签约10万人。", "区卫计委", "", ""],
];

describe("split: units the directory does not resolve", () => {
  const ledger = readLedger(grid(rows));
  const split = splitLedger(ledger, directory, Q1);

  test("get no form; they are listed with their suggestions and every place they are written", () => {
    expect(split.forms.map((f) => f.unit)).toEqual(["区发展和改革局", "区教育局", "区商务局", "区卫生健康局"].sort((a, b) => a.localeCompare(b, "zh")));
    expect(split.unresolved).toEqual([
      {
        name: "区卫键局",
        reason: "unknown",
        suggestions: ["区卫生健康局"],
        places: [
          { cell: "C2", row: 2, no: "1", role: "牵头" },
          { cell: "D4", row: 4, no: "3", role: "配合" },
        ],
      },
      { name: "综合协调组", reason: "unknown", suggestions: [], places: [{ cell: "C3", row: 3, no: "2", role: "牵头" }] },
      { name: "区城管局", reason: "ambiguous", suggestions: ["区城市管理执法局", "区城市更新中心"], places: [{ cell: "C5", row: 5, no: "4", role: "牵头" }] },
    ]);
    // A former name is no problem: the form goes to the unit under its current name.
    expect(split.forms.find((f) => f.unit === "区卫生健康局")!.rows.map((r) => r.no)).toEqual(["5"]);
  });

  test("a unit the person confirms gets its form under the name as written; the others still wait", () => {
    const confirmed = splitLedger(ledger, directory, Q1, { includeUnknown: ["综合协调组"] });
    expect(confirmed.forms.find((f) => f.unit === "综合协调组")!.rows.map((r) => [r.no, r.role])).toEqual([["2", "牵头"]]);
    expect(confirmed.unresolved.map((u) => u.name)).toEqual(["区卫键局", "区城管局"]);
  });

  test("全部应用: the ledger's cells corrected to the first suggestions, then every row reaches a unit that answers", () => {
    const edits = unitCorrections(ledger, split.unresolved, suggestedChoices(split.unresolved));
    expect(edits).toEqual([
      { cell: "C2", row: 2, text: "区卫生健康局" },
      { cell: "D4", row: 4, text: "区卫生健康局" },
      { cell: "C5", row: 5, text: "区城市管理执法局" },
    ]);
    const fixed = rows.map((r) => [...r]);
    for (const e of edits) fixed[e.row - 1]![e.cell.startsWith("C") ? 2 : 3] = e.text;
    const again = splitLedger(readLedger(grid(fixed)), directory, Q1);
    expect(again.unresolved.map((u) => u.name)).toEqual(["综合协调组"]);
    const health = again.forms.find((f) => f.unit === "区卫生健康局")!;
    expect(health.rows.map((r) => [r.no, r.role])).toEqual([["1", "牵头"], ["3", "配合"], ["5", "牵头"]]);
    // The unit answers, and the merge takes its answer as the responsible unit's.
    const answered = { ...health, rows: health.rows.map((r) => ({ ...r, progress: "已完成年度目标的25%。" })) };
    const merged = mergeReturns(readLedger(grid(fixed)), directory, [answered], Q1);
    expect(merged.report.notResponsible).toEqual([]);
    expect(merged.edits.map((e) => e.cell)).toEqual(["E2", "E4", "E6"]);
  });

  test("without a directory every unit is its own, and none is unresolved", () => {
    const plain = splitLedger(ledger, undefined, Q1);
    expect(plain.unresolved).toEqual([]);
    expect(plain.forms.map((f) => f.unit)).toContain("区卫键局");
  });
});

describe("the form a unit fills in", () => {
  const ledger = readLedger(grid(rows));
  const form = splitLedger(ledger, directory, Q1).forms.find((f) => f.unit === "区卫生健康局")!;

  test("carries the quarter's return date and the sign-off blanks", () => {
    const [sheet] = returnLayouts(form);
    expect(sheet!.title).toBe("区卫生健康局 2026年第一季度进展填报");
    expect(sheet!.subtitle).toMatch(/^请于2026年4月10日前报送。只填写黄色的“一季度进展”一列和表尾的单位负责人、填报人、联系电话/);
    expect(returnLayouts({ ...form, quarter: { year: 2026, q: 4 } })[0]!.subtitle).toMatch(/^请于2027年1月10日前报送/);
    expect(sheet!.below![0]!.map((c) => c.text)).toEqual(["单位负责人：", "", "填报人：", "", "联系电话：", ""]);
  });

  test("in the workbook: the progress column highlighted and open, the blanks open, the rest locked", async () => {
    const ws = (await formWorkbook(form)).getWorksheet("进展填报")!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("I2")).toBe(`FF${INPUT_FILL}`);
    expect(fill("I3")).toBe(`FF${INPUT_FILL}`);
    expect(fill("H3")).toBeUndefined();
    expect(ws.getCell("I3").protection).toMatchObject({ locked: false });
    // The sign-off line, one blank row below the table: 单位负责人 A:B | C, 填报人 D | E:F, 联系电话 G:H | I.
    const foot = 2 + form.rows.length + 2;
    expect(["A", "D", "G"].map((c) => ws.getCell(`${c}${foot}`).value)).toEqual(["单位负责人：", "填报人：", "联系电话："]);
    for (const c of ["C", "E", "F", "I"]) {
      expect(ws.getCell(`${c}${foot}`).protection).toMatchObject({ locked: false });
      expect(fill(`${c}${foot}`)).toBe(`FF${INPUT_FILL}`);
    }
    for (const c of ["A", "D", "G", "H"]) expect(ws.getCell(`${c}${foot}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`B${foot + 1}`).value).toBeNull();
  });

  test("a filled-in form is read back with who filled it, and its sign-off line is no task", async () => {
    const wb = await formWorkbook(form);
    const ws = wb.getWorksheet("进展填报")!;
    const foot = 2 + form.rows.length + 2;
    ws.getCell("I3").value = "签约家庭医生8.2万人，完成年度目标的82%。";
    ws.getCell(`C${foot}`).value = "王五";
    ws.getCell(`E${foot}`).value = "张三";
    ws.getCell(`I${foot}`).value = "027-12345678";
    const back = await readFormBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "回报.xlsx");
    expect(back.contact).toEqual({ filledBy: "张三", phone: "027-12345678", head: "王五" });
    expect(back.rows.map((r) => r.no)).toEqual(["5"]);
    const merged = mergeReturns(ledger, directory, [back], Q1);
    expect(merged.report.unmatched).toEqual([]);
    expect(merged.edits).toEqual([{ cell: "E6", row: 6, text: "签约家庭医生8.2万人，完成年度目标的82%。" }]);
  });

  test("a form whose protection was lifted and whose label cell holds the name reads the name", async () => {
    const wb = await formWorkbook(form);
    const ws = wb.getWorksheet("进展填报")!;
    const foot = 2 + form.rows.length + 2;
    ws.getCell(`D${foot}`).value = "填报人：李四";
    const back = await readFormBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "回报.xlsx");
    expect(back.contact).toEqual({ filledBy: "李四", phone: "", head: "" });
  });
});

describe("a file that is not a form is said by code, never as the files' own sentence", () => {
  const form = splitLedger(readLedger(grid(rows)), directory, Q1).forms[0]!;
  const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

  test("the form maker throws NotAReturn with its code, and the .xlsx host's HostError for a file it cannot open", async () => {
    const unmarked = new ExcelJS.Workbook();
    unmarked.addWorksheet("Sheet1").addRow(["序号"]);
    const unmarkedError = await readFormBytes(await bytesOf(unmarked), "台账.xlsx").catch((e: unknown) => e);
    expect(unmarkedError).toBeInstanceOf(NotAReturn);
    expect((unmarkedError as NotAReturn).detail).toEqual({ code: "return-unmarked" });
    expect([(unmarkedError as NotAReturn).name, (unmarkedError as NotAReturn).message]).toEqual(["NotAReturn", "return-unmarked"]);
    const lost = await formWorkbook(form);
    lost.getWorksheet("进展填报")!.getCell("I2").value = "备注";
    const lostError = await readFormBytes(await bytesOf(lost), "回报.xlsx").catch((e: unknown) => e);
    expect(lostError).toBeInstanceOf(NotAReturn);
    expect((lostError as NotAReturn).detail).toEqual({ code: "return-no-column", key: "督办键", progress: "一季度进展" });
    const notXlsx = await readFormBytes(new TextEncoder().encode("x"), "说明.txt").catch((e: unknown) => e);
    expect(notXlsx).toBeInstanceOf(HostError);
    expect((notXlsx as HostError).detail).toEqual({ code: "file-not-xlsx", name: "说明.txt", ext: ".txt" });
    const corrupt = await readFormBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), "坏.xlsx").catch((e: unknown) => e);
    expect((corrupt as HostError).detail).toMatchObject({ code: "file-corrupt", name: "坏.xlsx" });
  });

  test("the application layer keeps the codes, and says them in either language, naming the file", async () => {
    const unmarked = new ExcelJS.Workbook();
    unmarked.addWorksheet("Sheet1").addRow(["序号"]);
    const returned = await readReturnFiles(formFiles, [
      { name: "台账.xlsx", bytes: await bytesOf(unmarked) },
      { name: "说明.txt", bytes: new TextEncoder().encode("x") },
      { name: "好.xlsx", bytes: await bytesOf(await formWorkbook(form)) },
    ]);
    expect(returned.returns.map((r) => r.unit)).toEqual([form.unit]);
    expect(returned.notReturns).toEqual([
      { file: "台账.xlsx", why: { code: "return-unmarked" } },
      { file: "说明.txt", why: { code: "file-not-xlsx", name: "说明.txt", ext: ".txt" } },
    ]);
    expect(returned.notReturns.map((n) => notReturnText(n))).toEqual([
      "“台账.xlsx”：不是督办助手分发的填报表（缺少“进展填报”工作表或其标识）",
      "“说明.txt”不是 .xlsx 工作簿（扩展名为 .txt）：应为用 Excel 或 WPS 保存的 .xlsx 文件。",
    ]);
    expect(returned.notReturns.map((n) => notReturnText(n, "en"))).toEqual([
      '"台账.xlsx": not a form the add-in sent (it has no form sheet, or no mark of one)',
      '"说明.txt" is not an .xlsx workbook (its extension is .txt): expected an .xlsx file saved by Excel or WPS.',
    ]);
  });

  test("a file that could not be read (file-unreadable) is kept by its code and named; an error without a message is thrown", async () => {
    // Files read only (none opened as a workbook too), whose reading fails with `e`.
    const { open: _open, ...readOnly } = formFiles;
    const failing = (e: unknown): FormFiles => ({ ...readOnly, read: async () => Promise.reject(e) });
    const unreadable = await readReturnFiles(failing(new AppError({ code: "file-unreadable", reason: "busy" })), [{ name: "回报.xlsx", bytes: new Uint8Array() }]);
    expect(unreadable.notReturns).toEqual([{ file: "回报.xlsx", why: { code: "file-unreadable", reason: "busy" } }]);
    expect(notReturnText(unreadable.notReturns[0]!)).toBe("“回报.xlsx”：文件读取失败：busy。请确认文件没有被其他程序占用后重试。");
    expect(notReturnText(unreadable.notReturns[0]!, "en")).toBe('"回报.xlsx": The file could not be read (busy): make sure no other program holds it, then try again.');
    await expect(readReturnFiles(failing(new Error("bug")), [{ name: "回报.xlsx", bytes: new Uint8Array() }])).rejects.toThrow("bug");
  });
});

describe("duban split and the 分发 use case, over a workbook with such units", () => {
  const book = async () => {
    const dir = tempDir("split-unresolved");
    const file = path.join(dir, "台账.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("2026年台账").addRows(rows);
    wb.addWorksheet("部门目录").addRows(DIRECTORY_ROWS);
    await wb.xlsx.writeFile(file);
    return { dir, file };
  };

  test("the command lists them first, with suggestions and cells, and makes no form for them until confirmed", async () => {
    const { dir, file } = await book();
    const out = path.join(dir, "分发");
    const r = await duban("split", file, "--quarter", "2026Q1", "-o", out);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("【部门目录中找不到的单位】3 个，未生成填报表（这些任务发不出去）：");
    expect(lines[1]).toBe("  “区卫键局”不在部门目录中，写在 C2（序号1）、D4（序号3）；可能是“区卫生健康局”");
    expect(lines[3]).toBe("  “区城管局”是几个单位共用的简称，写在 C5（序号4）；可能是“区城市管理执法局”“区城市更新中心”");
    expect(r.out).toContain("已为 4 个责任单位生成");
    expect(fs.readdirSync(out).some((f) => f.startsWith("区卫键局"))).toBe(false);

    const confirmed = await duban("split", file, "--quarter", "2026Q1", "-o", out, "--include-unknown", "综合协调组");
    expect(confirmed.out).toContain("【部门目录中找不到的单位】2 个");
    expect(confirmed.out).toContain("已为 5 个责任单位生成");
    expect(fs.readdirSync(out)).toContain("综合协调组-2026Q1进展填报.xlsx");
  });

  test("全部应用 in the pane's use case corrects the ledger's cells, and the forms then reach the units", async () => {
    const { file } = await book();
    const port = new XlsxHost(await new ExcelJS.Workbook().xlsx.readFile(file));
    const app = createApp({ port, today: () => new Date(2026, 10, 22), forms: async () => formFiles });
    const plan = await app.planForms({ quarter: Q1 });
    expect(plan.unresolved.map((u) => u.name)).toEqual(["区卫键局", "综合协调组", "区城管局"]);
    const changed = await app.correctUnits(plan, suggestedChoices(plan.unresolved));
    expect(changed).toBe(3); // C2, D4 (区卫键局) and C5 (区城管局); 综合协调组 has no suggestion
    const ws = port.workbook.getWorksheet("2026年台账")!;
    expect([ws.getCell("C2").value, ws.getCell("D4").value, ws.getCell("C5").value]).toEqual(["区卫生健康局", "区卫生健康局", "区城市管理执法局"]);
    const again = await app.planForms({ quarter: Q1 });
    expect(again.unresolved.map((u) => u.name)).toEqual(["综合协调组"]);
    expect(again.forms.find((f) => f.unit === "区卫生健康局")!.rows.map((r) => r.no)).toEqual(["1", "3", "5"]);
  });
});

test("a unit noted （配合） in the lead cell gets the task on its form as a co-unit, and its return is merged as a contribution; a city unit gets none and waits for nobody", () => {
  const ledger = readLedger(
    grid([
      ["序号", "目标任务", "牵头单位", "配合单位", "一季度进展"],
      [1, "举办促消费活动12场。", "区商务局、区教育局（配合）", "市红会医院", ""],
    ]),
  );
  const { forms, unresolved } = splitLedger(ledger, directory, Q1);
  expect(forms.map((f) => [f.unit, f.rows.map((r) => r.role)])).toEqual([
    ["区教育局", ["配合"]],
    ["区商务局", ["牵头"]],
  ]);
  expect(unresolved).toEqual([]);
  const education = forms.find((f) => f.unit === "区教育局")!;
  const { edits, report } = mergeReturns(ledger, directory, [{ ...education, rows: education.rows.map((r) => ({ ...r, progress: "已开展校园消费宣传2场。" })) }], Q1);
  expect(report.notResponsible).toEqual([]);
  // A co-unit's text goes in as its contribution, labelled; the lead has still not answered.
  expect(edits).toEqual([{ cell: "E2", row: 2, text: "【区教育局（配合）】已开展校园消费宣传2场。" }]);
  expect(report.contributions).toEqual([{ unit: "区教育局", no: "1", row: 2, cell: "E2" }]);
  expect(report.unanswered.map((u) => u.no)).toEqual(["1"]);
});

describe("a ledger whose one progress column accumulates the quarters", () => {
  const Q3 = { year: 2026, q: 3 as const };
  const parks = readDirectory(grid(CUMULATIVE_DIRECTORY, [], "部门目录"));
  const [q1, q2] = ["完成5个公园的设计方案。", "开工3个，完成投资600万元。"];

  test("the form shows what each cell holds before the quarter, and asks for the quarter's part only", () => {
    const form = splitLedger(readLedger(grid(cumulativeLedger("quarter"))), parks, Q3).forms.find((f) => f.unit === "区园林局")!;
    expect(form.cumulative).toBe(true);
    expect(form.rows.map((r) => [r.no, r.previous, r.progress])).toEqual([
      ["1", "一季度：完成全部8处驿站的选址。\n二季度：开工建设6个，完成投资300万元。", "正在推进"],
      ["2", `一季度：${q1}\n二季度：${q2}`, ""],
    ]);
    const [sheet] = returnLayouts(form);
    expect(sheet!.columns.map((c) => c.header).slice(7, 9)).toEqual(["此前各季度进展", "三季度进展"]);
    expect(sheet!.subtitle).toContain("“三季度进展”只写本季度的新进展，合并时接在其后。");
  });

  test.each(["quarter", "month", "asof"] as const)("labelled by %s: the returned part is added to the cell with its label, or replaces the quarter's part it had", async (style) => {
    const ledger = readLedger(grid(cumulativeLedger(style)));
    const form = splitLedger(ledger, parks, Q3).forms.find((f) => f.unit === "区园林局")!;
    const wb = await formWorkbook(form);
    const ws = wb.getWorksheet("进展填报")!;
    ws.getCell("I3").value = "建成驿站4个，完成投资520万元。";
    ws.getCell("I4").value = "建成口袋公园2个，其余3个完成主体施工。";
    const back = await readFormBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "回报.xlsx");
    const { edits, report } = mergeReturns(ledger, parks, [back], Q3);
    expect(edits).toEqual([
      { cell: "E3", row: 3, text: cumulativeCell(style, ["完成全部8处驿站的选址。", "开工建设6个，完成投资300万元。", "建成驿站4个，完成投资520万元。"]) },
      { cell: "E4", row: 4, text: cumulativeCell(style, [q1, q2, "建成口袋公园2个，其余3个完成主体施工。"]) },
    ]);
    // What the quarter's part said before is kept in the report; the earlier parts are not "replaced".
    expect(report.replaced).toEqual([{ cell: "E3", no: "1", old: "正在推进" }]);
    expect(report.unanswered).toEqual([]);
    // Checked again, the merged cells pass; the third task's copy of the second quarter is still found.
    const merged = cumulativeLedger(style).map((r, i) => (i === 2 || i === 3 ? [...r.slice(0, 4), edits[i - 2]!.text] : r));
    expect(checkLedger(readLedger(grid(merged)), parks, { quarter: Q3 }).findings.map((f) => [f.cell, f.kind])).toEqual([["E5", "stale-progress"]]);
  });

  test("a co-unit's part is its labelled contribution in the quarter's part; the quarter stays 未填进展 until the lead answers", () => {
    const rows = (third?: string) => [
      ["序号", "目标任务", "牵头单位", "进展情况"],
      [1, "新建口袋公园5个。", "区园林局、区城管局（配合）", cumulativeCell("quarter", ["完成5个公园的设计方案。", "开工3个，完成投资600万元。", third])],
    ];
    const ledger = readLedger(grid(rows()));
    const { forms } = splitLedger(ledger, undefined, Q3);
    const co = forms.find((f) => f.unit === "区城管局")!;
    const { edits, report } = mergeReturns(ledger, undefined, [{ ...co, rows: co.rows.map((r) => ({ ...r, progress: "清理场地2处。" })) }], Q3);
    const contribution = "【区城管局（配合）】清理场地2处。";
    expect(edits).toEqual([{ cell: "D2", row: 2, text: cumulativeCell("quarter", ["完成5个公园的设计方案。", "开工3个，完成投资600万元。", contribution]) }]);
    expect(report.unanswered.map((u) => u.no)).toEqual(["1"]);
    const kinds = (third: string) => checkLedger(readLedger(grid(rows(third))), undefined, { quarter: Q3 }).findings.map((f) => [f.cell, f.kind]);
    expect(kinds(contribution)).toEqual([["D2", "missing-progress"]]);
    const merged = readLedger(grid(rows(contribution)));
    const lead = splitLedger(merged, undefined, Q3).forms.find((f) => f.unit === "区园林局")!;
    const answered = mergeReturns(merged, undefined, [{ ...lead, rows: lead.rows.map((r) => ({ ...r, progress: "建成口袋公园2个。" })) }], Q3);
    const both = `建成口袋公园2个。\n${contribution}`;
    expect(answered.edits).toEqual([{ cell: "D2", row: 2, text: cumulativeCell("quarter", ["完成5个公园的设计方案。", "开工3个，完成投资600万元。", both]) }]);
    expect(kinds(both)).toEqual([]);
  });

  test("a one-column ledger without labels is written whole, as before", () => {
    const plain = readLedger(grid([["序号", "目标任务", "牵头单位", "进展情况"], [1, "新建口袋公园5个。", "区园林局", "正在推进"]]));
    const form = splitLedger(plain, parks, Q3).forms[0]!;
    expect(form.cumulative).toBeUndefined();
    expect(returnLayouts(form)[0]!.columns[7]!.header).toBe("上季度进展");
    expect(form.rows[0]).toMatchObject({ previous: "", progress: "正在推进" });
    const back = { ...form, rows: [{ ...form.rows[0]!, progress: "建成口袋公园2个。" }] };
    expect(mergeReturns(plain, parks, [back], Q3).edits).toEqual([{ cell: "D2", row: 2, text: "建成口袋公园2个。" }]);
  });
});
