import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DIRECTORY_2019, duban, LEDGER_2019, LEDGER_2026, sha, tempDir, writeBook } from "./helpers/cli";
import { createApp, paneText } from "../src/app";
import { bookOf, DESK_DIRECTORY, DESK_LEDGER } from "./helpers/desk";
import { readDocx } from "./helpers/docx";

const TODAY = ["--today", "2026-11-22"];

async function json(...args: string[]) {
  const r = await duban(...args, "--json");
  return { code: r.code, data: JSON.parse(r.out) };
}

const tmp = tempDir("cli");

describe("duban check on the seed workbooks", () => {
  test("2019 Jianghan: 106 tasks, the old co-unit names reported as renamed", async () => {
    const before = sha(LEDGER_2019);
    const { code, data } = await json("check", LEDGER_2019, ...TODAY);
    expect(code).toBe(1);
    expect(data).toMatchObject({ sheet: "进展情况", headerRow: 2, tasks: 106, quarter: "2019Q4" });
    expect(data.counts).toEqual({
      "missing-unit": 0,
      "unknown-unit": 1,
      "renamed-unit": 47,
      "missing-progress": 0,
      "placeholder-progress": 0,
      "stale-progress": 0,
      "unquantified-progress": 0,
      "overdue": 0,
      "done-unsupported": 0,
    });
    expect(data.findings).toHaveLength(48);
    expect(data.findings).toContainEqual(
      expect.objectContaining({ kind: "renamed-unit", cell: "F3", row: 3, taskNo: "1", value: "城管委", suggestions: ["区城市管理执法局"] }),
    );
    // 环保局 still leads task 11 in the October table: the lead cell is reported too.
    expect(data.findings).toContainEqual(expect.objectContaining({ kind: "renamed-unit", cell: "E14", value: "环保局" }));
    expect(data.findings).toContainEqual(expect.objectContaining({ kind: "unknown-unit", cell: "F90", value: "市红会医院" }));
    expect(sha(LEDGER_2019)).toBe(before); // the input is never written
  });

  test("the directory may come from another workbook, and it is that one which is used", async () => {
    // The seed directory, plus the hospital the ledger's own directory lacks.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(DIRECTORY_2019);
    wb.worksheets[0]!.addRow(["市红会医院", "", "", "医院", "有效"]);
    const other = path.join(tmp, "另一份目录.xlsx");
    await wb.xlsx.writeFile(other);
    const own = (await json("check", LEDGER_2019, ...TODAY)).data;
    const { data } = await json("check", LEDGER_2019, "--directory", other, ...TODAY);
    expect(own.directory).toEqual({ source: "本工作簿“部门目录”工作表", units: 59 });
    expect(data.directory).toEqual({ source: `另一份目录.xlsx / ${wb.worksheets[0]!.name}`, units: 60 });
    expect(own.counts["unknown-unit"]).toBe(1);
    expect(data.counts["unknown-unit"]).toBe(0);
    expect(data.findings).toHaveLength(47);
  });

  test("2026 Jiang'an: 184 tasks, every unit known, no progress yet for the third quarter", async () => {
    const { code, data } = await json("check", LEDGER_2026, ...TODAY);
    expect(code).toBe(1);
    expect(data).toMatchObject({ tasks: 184, quarter: "2026Q3", headerRow: 2 });
    expect(data.counts["missing-progress"]).toBe(184);
    expect(data.findings).toHaveLength(184);
    expect(data.findings[0]).toMatchObject({ kind: "missing-progress", cell: "I3", row: 3, taskNo: "1" });
    expect(data.findings[183]).toMatchObject({ cell: "I186", taskNo: "四-41" });
    // Nobody has written in the third quarter's column: said, as the pane says it.
    expect(data.notes).toContainEqual(expect.stringMatching(/^工作表“[^”]+”的“[^”]+”列全部为空：2026年第三季度的进展可能还没有填报/));
  });

  test("--min-length and --header-row are checked as 设置 checks them, and said as options", async () => {
    for (const [option, value, said] of [
      ["--min-length", "abc", "--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“abc”。"],
      ["--min-length", "201", "--min-length 应为 0 到 200 之间的整数（进展少于这么多字视为套话），收到“201”。"],
      ["--header-row", "0", "--header-row 应为表头所在的行号（正整数），收到“0”。"],
      ["--header-row", "2.5", "--header-row 应为表头所在的行号（正整数），收到“2.5”。"],
    ] as const) {
      const r = await duban("check", LEDGER_2019, option, value, ...TODAY);
      expect(r.code).toBe(2);
      expect(r.err).toContain(said);
    }
    const { data } = await json("check", LEDGER_2019, "--min-length", "0", "--header-row", "2", ...TODAY);
    expect(data.headerRow).toBe(2);
  });

  test("--quarter picks the quarter's own column", async () => {
    const { data } = await json("check", LEDGER_2026, "--quarter", "2026Q1");
    expect(data.quarter).toBe("2026Q1");
    expect(data.findings[0].cell).toBe("G3");
  });

  test("the readable report is grouped by kind, in Chinese", async () => {
    const { code, out } = await duban("check", LEDGER_2019, ...TODAY);
    expect(code).toBe(1);
    expect(out).toContain("【单位已更名或撤销】47 处");
    expect(out).toContain("“城管委”已更名为“区城市管理执法局”");
    expect(out).toContain("共 48 处问题");
  });

  test("a ledger without findings exits 0", async () => {
    const file = await writeBook(path.join(tmp, "clean.xlsx"), [
      ["序号", "目标任务", "责任单位", "三季度进展"],
      [1, "新建口袋公园3个。", "区园林局", "已建成口袋公园2个，第3个完成主体施工。"],
    ]);
    const r = await duban("check", file, "--quarter", "2026Q3");
    expect(r.code).toBe(0);
    expect(r.out).toContain("没有发现问题");
    expect(r.out).toContain("没有部门目录");
  });
});

describe("bad input exits 2 with a message saying what was expected", () => {
  const expectBad = async (args: string[], message: RegExp) => {
    const r = await duban(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  };
  test("a missing file", () => expectBad(["check", path.join(tmp, "没有.xlsx")], /找不到文件/));
  test("a text file", async () => {
    const f = path.join(tmp, "notes.txt");
    fs.writeFileSync(f, "not a workbook");
    await expectBad(["check", f], /不是 \.xlsx 工作簿/);
  });
  test("an old .xls", async () => {
    const f = path.join(tmp, "old.xls");
    fs.writeFileSync(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expectBad(["check", f], /另存为/);
  });
  test("a corrupt .xlsx", async () => {
    const f = path.join(tmp, "broken.xlsx");
    fs.writeFileSync(f, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 1)]));
    await expectBad(["check", f], /无法作为 \.xlsx 工作簿打开/);
  });
  test("a sheet that does not exist", () => expectBad(["check", LEDGER_2019, "--sheet", "汇总"], /没有名为“汇总”的工作表；现有工作表：“进展情况”、“部门目录”/));
  test("no recognisable header", () => expectBad(["check", LEDGER_2019, "--sheet", "部门目录"], /没有找到台账表头/));
  test("a directory without 单位名称", async () => {
    const f = await writeBook(path.join(tmp, "units.xlsx"), [["名字", "电话"], ["区财政局", "123"]], "名单");
    await expectBad(["check", LEDGER_2019, "--directory", f], /没有“单位名称”列/);
  });
  test("a bad quarter", () => expectBad(["check", LEDGER_2019, "--quarter", "三季度"], /2026Q3/));
  test("an unknown command or option", async () => {
    await expectBad(["inspect", LEDGER_2019], /未知命令/);
    await expectBad(["check", LEDGER_2019, "--colour"], /参数有误/);
    await expectBad(["check"], /需要一个 \.xlsx/);
  });
});

describe("duban directory", () => {
  test("proposes a directory from the ledger's units, grouping spellings of one unit", async () => {
    const out = path.join(tmp, "目录.xlsx");
    const r = await duban("directory", LEDGER_2019, "-o", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("部门目录")!;
    expect(ws.getRow(1).values).toEqual([undefined, "单位名称", "别名", "曾用名", "类别", "状态", "出现次数", "出现位置"]);
    const names: string[] = [];
    ws.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
    expect(names).toContain("发展和改革局");
    expect(names).not.toContain("各街道");
    expect(new Set(names).size).toBe(names.length);
    // The proposal can be used as a directory: every unit of the ledger is then known.
    const { data } = await json("check", LEDGER_2019, "--directory", out, ...TODAY);
    expect(data.counts["unknown-unit"]).toBe(0);
  });
  test("refuses to write over its input", async () => {
    const r = await duban("directory", LEDGER_2019, "-o", LEDGER_2019);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能与输入的台账相同/);
  });
});

describe("what the office set once in 设置, read by the command line", () => {
  test("the 抄送 stored with the workbook: `duban settings` lists it, `duban bulletin` prints it in the 版记", async () => {
    // Saved as the pane saves it (typed with 、 and no final 。), then the workbook written to a file.
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    await createApp({ port, today: () => new Date(2026, 9, 20) }).saveSettings({ docNumber: "汉政督〔2026〕3号", copyTo: "区委办公室、区人大常委会办公室、区政协办公室" });
    const book = path.join(tmp, "抄送.xlsx");
    await port.workbook.xlsx.writeFile(book);
    const { data } = await json("settings", book);
    expect(data.settings).toEqual({ docNumber: "汉政督〔2026〕3号", copyTo: "区委办公室，区人大常委会办公室，区政协办公室。" });
    const out = path.join(tmp, "抄送通报.docx");
    const r = await duban("bulletin", book, "--quarter", "2026Q3", "-o", out, "--today", "2026-10-20");
    expect(r.code).toBe(0);
    // One 。 at the end: the setting's, not another from the layout.
    expect((await readDocx(fs.readFileSync(out))).paragraphs.slice(-3)).toEqual(["抄送：区委办公室，区人大常委会办公室，区政协办公室。", "", "江汉区人民政府办公室2026年10月20日印发"]);
  });
});

describe("duban settings", () => {
  test("lists the stored settings in 设置's words, columns and points by their names", async () => {
    const port = bookOf(DESK_LEDGER, DESK_DIRECTORY);
    await createApp({ port, today: () => new Date(2026, 9, 20) }).saveSettings({ minProgressLength: 10, columns: { task: "B", lead: "C" }, scoring: { reported: 10, missing: 5, placeholder: 2 } });
    const book = path.join(tmp, "设置.xlsx");
    await port.workbook.xlsx.writeFile(book);
    const r = await duban("settings", book);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(1).filter(Boolean)).toEqual(["  进展少于多少字视为套话：10", "  各列的列字母：任务 B，牵头（责任）单位 C", "  评分规则：报送得分 10，未报送扣分 5，套话扣分 2"]);
  });
});

describe("duban split", () => {
  test("names the tasks written for no unit, in 分发's words, before the forms it made", async () => {
    const book = path.join(tmp, "无单位.xlsx");
    await bookOf(DESK_LEDGER, DESK_DIRECTORY).workbook.xlsx.writeFile(book);
    const out = path.join(tmp, "无单位-分发");
    const r = await duban("split", book, "--quarter", "2026Q3", "-o", out);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    // 序号6 has neither a lead nor a co-unit: no form carries it.
    const said = lines.indexOf("1 项任务没有责任单位，未分发：序号6");
    expect(said).toBeGreaterThanOrEqual(0);
    expect(lines[said]).toBe(paneText("zh").unassignedTasks(["序号6"]));
    expect(said).toBeLessThan(lines.findIndex((l) => l.startsWith("已为 ")));
    expect(fs.readdirSync(out).length).toBeGreaterThan(0);
  });
});
