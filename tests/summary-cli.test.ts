import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { duban, LEDGER_2019, LEDGER_2026, openBook as open, sha, tempDir, writeBook } from "./helpers/cli";

const tmp = tempDir("summary");
const TODAY = ["--today", "2026-11-22"];

/** The rows of the summary table whose header row starts with `first`, as cell values. */
function tableRows(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  let inside = false;
  ws.eachRow((row) => {
    const a = row.getCell(1).value;
    if (a === first) {
      inside = true;
      return;
    }
    if (inside && (a === null || a === undefined || (typeof a === "string" && /^[一二三四五六]、/.test(a)))) inside = false;
    if (inside) rows.push(row);
  });
  return rows;
}

/** Every HYPERLINK formula in a sheet: its cell, the sheet and cell it points at. */
function links(ws: ExcelJS.Worksheet): { at: string; sheet: string; cell: string; text: string }[] {
  const out: { at: string; sheet: string; cell: string; text: string }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v) {
        const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","([^"]*)"\)$/.exec(v.formula);
        expect(m).not.toBeNull();
        out.push({ at: cell.address, sheet: m![1]!.replace(/''/g, "'"), cell: m![2]!, text: m![3]! });
      }
    }),
  );
  return out;
}

describe("duban summary on the 2019 Jianghan ledger, third quarter", () => {
  const out = path.join(tmp, "2019-汇总.xlsx");
  let wb: ExcelJS.Workbook;
  let checked: { findings: { kind: string; cell: string; row: number }[]; counts: Record<string, number> };

  beforeAll(async () => {
    const before = sha(LEDGER_2019);
    const r = await duban("summary", LEDGER_2019, "--quarter", "2019Q3", "-o", out, ...TODAY);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已生成工作表“2019年第三季度汇总”");
    expect(sha(LEDGER_2019)).toBe(before);
    wb = await open(out);
    const c = await duban("check", LEDGER_2019, "--quarter", "2019Q3", "--json");
    checked = JSON.parse(c.out);
  });

  test("adds the summary sheet after the others and a very hidden metadata sheet", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["进展情况", "visible"],
      ["部门目录", "visible"],
      ["2019年第三季度汇总", "visible"],
      ["_督办助手", "veryHidden"],
    ]);
  });

  test("its figures are the check's figures", () => {
    const ws = wb.getWorksheet("2019年第三季度汇总")!;
    const totals = new Map(tableRows(ws, "序").slice(0, 11).map((r) => [r.getCell(2).value, r.getCell(3).value]));
    expect(totals.get("任务总数")).toBe(106);
    expect(totals.get("未报送")).toBe(checked.counts["missing-progress"]);
    expect(totals.get("进展只有套话")).toBe(checked.counts["placeholder-progress"]);
    expect(totals.get("已报送进展")).toBe(106 - checked.counts["missing-progress"]!);
    const unitLinks = links(ws);
    const unitFindings = checked.findings.filter((f) => /unit/.test(f.kind));
    expect(unitLinks).toHaveLength(unitFindings.length);
    // Every link points at the cell (and so the row) of its finding, in order.
    expect(unitLinks.map((l) => l.cell)).toEqual(unitFindings.map((f) => f.cell));
    expect(unitLinks.every((l) => l.sheet === "进展情况" && l.text === `进展情况!${l.cell}`)).toBe(true);
  });

  test("the units are ranked by reporting rate", () => {
    const ws = wb.getWorksheet("2019年第三季度汇总")!;
    const units = tableRows(ws, "排名");
    expect(units.length).toBeGreaterThan(30);
    const rates = units.map((r) => r.getCell(8).value as number);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(units[0]!.getCell(8).numFmt).toBe("0.0%");
  });

  test("marks the cells with findings, with a note saying why, and nothing else", () => {
    const ws = wb.getWorksheet("进展情况")!;
    const cells = [...new Set(checked.findings.map((f) => f.cell))];
    const marked: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.style?.fill as ExcelJS.FillPattern | undefined;
        if (fill?.pattern === "solid" && ["FFFFC7CE", "FFFCD5B4", "FFFFEB9C"].includes(String(fill.fgColor?.argb))) marked.push(cell.address);
      }),
    );
    expect(marked.sort()).toEqual([...cells].sort());
    expect(String(ws.getCell("F3").note)).toMatch(/督办助手：F3 中的“经信局”已更名为“区科技和经济信息化局”/);
  });
});

describe("regenerating, clearing and people's sheets", () => {
  test("a second run replaces the add-in's sheet, and only that", async () => {
    const first = path.join(tmp, "2026-1.xlsx");
    const second = path.join(tmp, "2026-2.xlsx");
    expect((await duban("summary", LEDGER_2026, "--quarter", "2026Q3", "-o", first, ...TODAY)).code).toBe(0);
    const r = await duban("summary", first, "--quarter", "2026Q3", "-o", second, ...TODAY);
    expect(r.out).toContain("已更新工作表“2026年第三季度汇总”");
    const wb = await open(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["2026年责任分解", "部门目录", "2026年第三季度汇总", "_督办助手"]);
    // Every missing item of the 2026 ledger is listed and links to its own row.
    const gaps = links(wb.getWorksheet("2026年第三季度汇总")!);
    expect(gaps).toHaveLength(184);
    expect(gaps[0]).toMatchObject({ sheet: "2026年责任分解", cell: "I3" });
    expect(gaps[183]).toMatchObject({ cell: "I186" });
  });

  test("a person's sheet with the summary's name is left alone; the summary takes another name", async () => {
    const mine = path.join(tmp, "mine.xlsx");
    const wb = await open(LEDGER_2026);
    wb.addWorksheet("2026年第三季度汇总").getCell("A1").value = "我自己的汇总，不要动";
    await wb.xlsx.writeFile(mine);
    const out = path.join(tmp, "mine-out.xlsx");
    const r = await duban("summary", mine, "--quarter", "2026Q3", "-o", out, ...TODAY);
    expect(r.out).toContain("已生成工作表“2026年第三季度汇总(2)”");
    const back = await open(out);
    expect(back.getWorksheet("2026年第三季度汇总")!.getCell("A1").value).toBe("我自己的汇总，不要动");
    expect(back.getWorksheet("2026年第三季度汇总(2)")).toBeDefined();
  });

  test("a summary sheet a person renamed is kept, and the new one's tables get names of their own", async () => {
    const first = path.join(tmp, "renamed-1.xlsx");
    expect((await duban("summary", LEDGER_2026, "--quarter", "2026Q3", "-o", first, ...TODAY)).code).toBe(0);
    const wb = await open(first);
    wb.getWorksheet("2026年第三季度汇总")!.name = "三季度汇总（定稿）";
    await wb.xlsx.writeFile(first);
    const second = path.join(tmp, "renamed-2.xlsx");
    expect((await duban("summary", first, "--quarter", "2026Q3", "-o", second, ...TODAY)).code).toBe(0);
    const back = await open(second);
    expect(back.worksheets.map((w) => w.name)).toContain("三季度汇总（定稿）");
    expect(back.worksheets.map((w) => w.name)).toContain("2026年第三季度汇总");
    const names = back.worksheets.flatMap((w) => Object.keys((w as unknown as { tables: Record<string, unknown> }).tables));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain("Duban2026Q3Units_2");
  });

  test("duban clear restores every marked cell to its original fill and note", async () => {
    // A ledger with fills and notes of its own on cells that get marked.
    const src = await writeBook(
      path.join(tmp, "styled.xlsx"),
      [
        ["序号", "目标任务", "责任单位", "三季度进展"],
        [1, "新建口袋公园3个。", "区园林局", ""],
        [2, "完成老旧小区改造30个。", "区住更局", "正在推进"],
        [3, "新增就业2万人。", "区人力资源局", "新增就业1.6万人，完成全年目标的80%。"],
      ],
      "台账",
      (ws) => {
        ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
        ws.getCell("D2").note = "由区园林局填写";
        ws.getCell("D3").font = { bold: true };
      },
    );

    const marked = path.join(tmp, "styled-marked.xlsx");
    const cleared = path.join(tmp, "styled-cleared.xlsx");
    expect((await duban("summary", src, "--quarter", "2026Q3", "-o", marked)).code).toBe(0);
    const m = await open(marked);
    expect((m.getWorksheet("台账")!.getCell("D2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(JSON.stringify(m.getWorksheet("台账")!.getCell("D2").note)).toMatch(/由区园林局填写.*督办助手：/);
    const r = await duban("clear", marked, "-o", cleared);
    expect(r.out).toContain("已清除 2 个单元格的标记");

    const snapshot = async (file: string) => {
      const s = (await open(file)).getWorksheet("台账")!;
      const cells: unknown[] = [];
      s.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => cells.push([c.address, c.value, c.style.fill ?? null, c.style.font ?? null, c.note ?? null])),
      );
      return cells;
    };
    expect(await snapshot(cleared)).toEqual(await snapshot(src));
    // The metadata keeps the summary sheet it made, and no marks.
    const meta = (await open(cleared)).getWorksheet("_督办助手")!;
    const types: unknown[] = [];
    meta.eachRow((row, n) => n > 1 && types.push(row.getCell(1).value));
    expect(types).toEqual(["summary"]);
  });
});

describe("text from the ledger stays text", () => {
  test("a task or progress beginning with = + - @ never becomes a formula", async () => {
    const src = await writeBook(path.join(tmp, "formulas.xlsx"), [
      ["序号", "目标任务", "责任单位", "二季度进展", "三季度进展"],
      [1, '=HYPERLINK("http://example.invalid","点我")', "区财政局", "", ""],
      [2, "+1新增", "-区商务局", "@SUM(A1:A2)", "@SUM(A1:A2)"],
      [3, "=1+1", "=A1", "", "-"],
    ]);
    const out = path.join(tmp, "formulas-out.xlsx");
    expect((await duban("summary", src, "--quarter", "2026Q3", "-o", out)).code).toBe(0);
    const back = await open(out);
    const sheet = back.getWorksheet("2026年第三季度汇总")!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          expect(String((cell.value as ExcelJS.CellFormulaValue).formula)).toMatch(/^HYPERLINK\("#'台账'!E\d+","台账!E\d+"\)$/);
        } else if (typeof cell.value === "string") texts.push(cell.value);
      }),
    );
    expect(texts).toContain('=HYPERLINK("http://example.invalid","点我")');
    expect(texts).toContain("=1+1");
    expect(texts).toContain("+1新增");
    // The ledger's own cells are still the same text.
    expect(back.getWorksheet("台账")!.getCell("B2").value).toBe('=HYPERLINK("http://example.invalid","点我")');
  });
});

describe("writing the input file", () => {
  test("--in-place writes the input only after the whole result was built: a write that fails half-way leaves it as it was", async () => {
    const copy = path.join(tmp, "inplace.xlsx");
    fs.copyFileSync(LEDGER_2026, copy);
    const before = sha(copy);
    // The disk fills up half-way through the write.
    // The module object itself (a namespace import cannot be spied on).
    const nodeFs = jest.requireActual<typeof fs>("fs");
    const write = nodeFs.writeFileSync;
    const spy = jest.spyOn(nodeFs, "writeFileSync").mockImplementation((file, data, ...rest) => {
      const bytes = data as Uint8Array;
      write(file, bytes.subarray(0, bytes.length >> 1), ...(rest as []));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    const failed = await duban("summary", copy, "--quarter", "2026Q3", "--in-place", ...TODAY);
    spy.mockRestore();
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/写入“.*inplace\.xlsx”失败（ENOSPC: no space left on device）：原文件未改动/);
    expect(sha(copy)).toBe(before);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // Written whole, it is replaced.
    const r = await duban("summary", copy, "--quarter", "2026Q3", "--in-place", ...TODAY);
    expect(r.code).toBe(0);
    expect((await open(copy)).getWorksheet("2026年第三季度汇总")).toBeDefined();
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a workbook with parts the command cannot keep is never written over", async () => {
    const src = path.join(tmp, "with-chart.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(LEDGER_2026));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    fs.writeFileSync(src, await zip.generateAsync({ type: "nodebuffer" }));
    const before = sha(src);
    const r = await duban("summary", src, "--quarter", "2026Q3", "--in-place");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/含有图表，命令行改写时无法保留/);
    expect(sha(src)).toBe(before);
    const o = await duban("summary", src, "--quarter", "2026Q3", "-o", path.join(tmp, "with-chart-out.xlsx"));
    expect(o.code).toBe(0);
    expect(o.err).toMatch(/图表无法由命令行带到新文件中/);
  });

  test("-o and --in-place together, or neither, is a usage error", async () => {
    for (const [args, message] of [
      [["-o", path.join(tmp, "x.xlsx"), "--in-place"], /只能选一个/],
      [[], /需要 -o 指定输出文件/],
      [["-o", LEDGER_2026], /请用 --in-place/],
    ] as const) {
      const r = await duban("summary", LEDGER_2026, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});

test("a ledger sheet renamed between two checks: clearing still gives every cell its own look back", async () => {
  const src = await writeBook(
    path.join(tmp, "renamed-ledger.xlsx"),
    [
      ["序号", "目标任务", "责任单位", "三季度进展"],
      [1, "新建口袋公园3个。", "区园林局", ""],
      [2, "新增就业2万人。", "区人力资源局", "正在推进"],
    ],
    "台账",
    (ws) => {
      ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      ws.getCell("D2").note = "由区园林局填写";
    },
  );
  const first = path.join(tmp, "renamed-ledger-1.xlsx");
  expect((await duban("summary", src, "--quarter", "2026Q3", "-o", first)).code).toBe(0);
  const wb = await open(first);
  wb.getWorksheet("台账")!.name = "2026年台账";
  await wb.xlsx.writeFile(first);
  const second = path.join(tmp, "renamed-ledger-2.xlsx");
  expect((await duban("summary", first, "--quarter", "2026Q3", "-o", second)).code).toBe(0);
  const cleared = path.join(tmp, "renamed-ledger-3.xlsx");
  expect((await duban("clear", second, "-o", cleared)).out).toContain("已清除 2 个单元格的标记");
  const ws = (await open(cleared)).getWorksheet("2026年台账")!;
  expect((ws.getCell("D2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
  expect(ws.getCell("D2").note).toBe("由区园林局填写");
  expect(ws.getCell("D3").fill).toBeUndefined();
  expect(ws.getCell("D3").note).toBeUndefined();
});
