// 目录 over the plain-data port: the units the directory does not know (with the cells that name
// them), a directory proposed from the ledger's units, and 加入目录 (a unit of its own, or another name
// of one listed) written into the 部门目录 cells a person can see and take back.
import { addToDirectory, createDirectory, directoryReport } from "../../src/app/directory";
import { runCheck } from "../../src/app/check";
import { problemText } from "../../src/app/messages";
import { DIRECTORY_SHEET } from "../../src/core/directory";
import type { Finding } from "../../src/core/types";
import { DESK_DIRECTORY, DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019, type SheetsPort } from "./seeds";

const NOV_2019 = new Date(2019, 10, 20);
const Q3 = { year: 2026, q: 3 as const };
const OCT_20 = new Date(2026, 9, 20);
const text = (port: SheetsPort, cell: string) => port.cell(DIRECTORY_SHEET, cell).value;

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    return problemText(e);
  }
  throw new Error("expected a failure");
}

describe("the units the directory does not know", () => {
  test("each once, with every cell that names it and the directory's suggestions; never a former name, nor an alias units share", async () => {
    const ledger = [
      ...DESK_LEDGER,
      [8, "整治占道经营。", "区卫键局", "区城管", "", "", "完成整治120处。"],
      [9, "建设智慧停车场。", "区停车办", "", "", "", "建成2个。"],
    ];
    const directory = [...DESK_DIRECTORY, ["区城市管理委员会", "区城管", "", "部门", "有效"]];
    directory[3] = ["区城市管理执法局", "区城管", "区城管委", "部门", "有效"];
    const outcome = await runCheck(portOf({ 台账: ledger, 部门目录: directory }), OCT_20, { quarter: Q3, mark: false });
    expect(directoryReport(outcome).unknown).toEqual([
      { name: "区卫键局", cells: ["C7", "C10"], suggestions: ["区卫生健康局"] },
      { name: "区停车办", cells: ["C11"], suggestions: [] },
    ]);
  });

  test("a finding that names no unit, or has no suggestions list at all", async () => {
    const outcome = await runCheck(portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY }), OCT_20, { quarter: Q3, mark: false });
    const unknown = outcome.result.findings.find((f) => f.kind === "unknown-unit")!;
    const { value: _v, ...nameless } = unknown;
    const { suggestions: _s, ...bare } = unknown;
    const more = { ...outcome, result: { ...outcome.result, findings: [nameless as Finding, bare as Finding] } };
    expect(directoryReport(more).unknown).toEqual([{ name: "区卫键局", cells: ["C7"], suggestions: [] }]);
  });

  test("the 2019 ledger: one unit not listed, and a directory proposed from every unit it names", async () => {
    const outcome = await runCheck(await seedPort(SEED_2019), NOV_2019, { mark: false });
    const report = directoryReport(outcome);
    expect(report.unknown).toEqual([{ name: "市红会医院", cells: ["F90"], suggestions: [] }]);
    expect(report.proposed.length).toBeGreaterThan(40);
    expect(report.proposed.map((u) => u.name)).toContain("财政局");
  });
});

describe("创建目录", () => {
  test("a 部门目录 sheet proposed from the ledger's units, each once with where it appears; the next check reads it", async () => {
    const port = await seedPort(SEED_2019, ["进展情况"]);
    const outcome = await runCheck(port, NOV_2019, { mark: false });
    expect(outcome.workbook.directory).toBeUndefined();
    const units = await createDirectory(port, outcome.result.ledger);
    expect(units).toBe(directoryReport(outcome).proposed.length);
    const rows = port.rowsOf(port.sheet(DIRECTORY_SHEET));
    expect(rows[0]).toEqual(["单位名称", "别名", "曾用名", "类别", "状态", "出现次数", "出现位置"]);
    expect(rows).toHaveLength(units + 1);
    const again = await runCheck(port, NOV_2019, { mark: false });
    expect(again.workbook.directory?.entries).toHaveLength(units);
    expect(again.result.findings.filter((f) => f.kind === "unknown-unit")).toEqual([]);
  });

  test("never over a sheet of that name", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const outcome = await runCheck(port, OCT_20, { quarter: Q3, mark: false });
    expect(await failure(createDirectory(port, outcome.result.ledger))).toBe("已有名为“部门目录”的工作表：督办助手不会覆盖它。若要重新生成，请先把它改名或删除。");
    expect(port.rowsOf(port.sheet(DIRECTORY_SHEET))).toEqual(DESK_DIRECTORY.map((r) => r.map((v) => (v === "" ? null : v))));
  });
});

describe("加入目录", () => {
  test("a unit of its own: below the last unit, 有效 in the 状态 column; the next check knows it", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    const added = await addToDirectory(port, " 区卫键局 ", { as: "unit" });
    expect(added).toStrictEqual({ name: "区卫键局", as: "unit", cells: ["部门目录!A7", "部门目录!E7"] });
    expect([text(port, "A7"), text(port, "E7")]).toEqual(["区卫键局", "有效"]);
    const outcome = await runCheck(port, OCT_20, { quarter: Q3, mark: false });
    expect(outcome.result.findings.filter((f) => f.kind === "unknown-unit")).toEqual([]);
  });

  test("a unit of its own in a directory without a 状态 column: the name alone", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: [["单位名称", "别名"], ["区财政局", ""], [], ["区商务局"]] });
    expect((await addToDirectory(port, "区卫键局", { as: "unit" })).cells).toEqual(["部门目录!A5"]);
    expect(text(port, "A5")).toBe("区卫键局");
  });

  test("another name of a unit listed: added to its 别名, after those it has", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: DESK_DIRECTORY });
    expect(await addToDirectory(port, "区卫键局", { as: "alias", of: "区卫生健康局" })).toEqual({ name: "区卫键局", as: "alias", of: "区卫生健康局", cells: ["部门目录!B5"] });
    expect(text(port, "B5")).toBe("区卫健局、区卫键局");
    expect(await addToDirectory(port, "区财局", { as: "alias", of: "区财政局" })).toMatchObject({ cells: ["部门目录!B2"] });
    expect(text(port, "B2")).toBe("区财局");
    // What the 别名 cell holds is trimmed: spaces alone are nothing.
    port.cell(DIRECTORY_SHEET, "B6").value = "  ";
    await addToDirectory(port, "区商务委", { as: "alias", of: "区商务局" });
    expect(text(port, "B6")).toBe("区商务委");
    port.cell(DIRECTORY_SHEET, "B4").value = "区城管局 ";
    await addToDirectory(port, "区城管执法局", { as: "alias", of: "区城市管理执法局" });
    expect(text(port, "B4")).toBe("区城管局、区城管执法局");
    // A name typed with a space in it is one name: written without it, as the directory would split it there.
    expect(await addToDirectory(port, " 区卫 健委\u3000", { as: "alias", of: "区卫生健康局" })).toMatchObject({ name: "区卫健委" });
    expect(text(port, "B5")).toBe("区卫健局、区卫键局、区卫健委");
  });

  test("a directory with no 别名 column gets one after its last column, its header row where the header is", async () => {
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: [["部门目录（2026年）"], ["单位名称", "类别"], ["区财政局", "部门"]] });
    expect((await addToDirectory(port, "区财局", { as: "alias", of: "区财政局" })).cells).toEqual(["部门目录!C2", "部门目录!C3"]);
    expect([text(port, "C2"), text(port, "C3")]).toEqual(["别名", "区财局"]);
  });

  test("refused: a name the directory finds already, an alias of a unit not listed or abolished, a workbook without a 部门目录", async () => {
    const directory = [...DESK_DIRECTORY, ["区城管委员会", "", "", "部门", "撤销"]];
    const port = portOf({ 台账: DESK_LEDGER, 部门目录: directory });
    expect(await failure(addToDirectory(port, "区发改局", { as: "unit" }))).toBe("“区发改局”已在部门目录中（可能刚被加入）：请重新检查。");
    expect(await failure(addToDirectory(port, "区城管", { as: "alias", of: "区城管委员会" }))).toBe("部门目录中没有有效的单位“区城管委员会”：无法把别名加到它名下，请重新检查。");
    expect(await failure(addToDirectory(port, "区城管", { as: "alias", of: "区城管局" }))).toContain("“区城管局”");
    expect(port.applied).toEqual([]);
    expect(await failure(addToDirectory(portOf({ 台账: DESK_LEDGER }), "区卫键局", { as: "unit" }))).toBe("本工作簿没有“部门目录”工作表：请先在“目录”页创建目录，再加入单位。");
  });
});
