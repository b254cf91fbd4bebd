// 边填边查 in Excel: the Office host tells the pane of the cells a person changes, from Excel's change
// events (WorksheetCollection.onChanged from ExcelApi 1.9, Worksheet.onChanged on each sheet in Office
// 2019's 1.7), over the fake Excel, which raises WorksheetChanged after every sync that wrote values, as
// Excel does. Never of the add-in's own writes (triggerSource "ThisLocalAddin" from 1.14; below it, its
// own batches tell); and, through the application layer, a progress cell typed over is checked again.
import { createApp, runCheck, type CellsEdited } from "../src/app";
import { columnLetter } from "../src/core/address";
import { OWN_WRITE_GRACE_MS } from "../src/hosts/office/changes";
import { OfficeHost } from "../src/hosts/office/host";
import { covers, EXCEL_VERSIONS, fakeRun, newSheet, type FakeWorkbookModel } from "./fakes/excel";
import { officeJsRun } from "./fakes/officeRuntime";
import { LEDGER_2019 } from "./helpers/cli";
import { fakeModelOf } from "./helpers/model";

const NOV_2019 = new Date(2019, 10, 20);
const HEADER = ["序号", "目标任务", "牵头单位", "三季度进展"];

/** A small ledger and a directory beside it. */
function smallModel(): FakeWorkbookModel {
  return {
    sheets: [
      newSheet("台账", [HEADER, [1, "新建口袋公园3个。", "区园林局", "已建成2个，完成年度目标的67%。"], [2, "完成改造30个。", "区住更局", "已完成改造18个。"]]),
      newSheet("部门目录", [["单位"], ["区园林局"], ["区住更局"]]),
    ],
    active: "台账",
    settings: new Map(),
  };
}

/** Until what is under way (a registration, its removal) has been carried out: a turn of the event loop. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

// The clock the host reads for its own writes' grace (Date.now), moved on by `pass`.
let shift = 0;
const pass = (ms: number) => void (shift += ms);
beforeEach(() => {
  shift = 0;
  const now = Date.now.bind(Date);
  jest.spyOn(Date, "now").mockImplementation(() => now() + shift);
});
afterEach(() => jest.restoreAllMocks());

/** The host over `model` as Excel `version`, read once as the pane does, and what its listener is told. */
async function watching(version: string, model = smallModel()) {
  const fake = fakeRun(model, { version });
  const host = new OfficeHost(fake.run, fake.support);
  await host.read({});
  const told: (CellsEdited | undefined)[] = [];
  const stop = host.watchCells((edited) => told.push(edited));
  await settled();
  return { fake, host, told, stop, model };
}

describe.each(EXCEL_VERSIONS)("ExcelApi %s: the Office host tells the cells a person changes", (version) => {
  const collection = covers(version, "1.9");
  const triggerSource = covers(version, "1.14");

  test(`registered in one run (${collection ? "one handler on the workbook's sheets" : "a handler on each sheet"}), removed at stop; nothing after`, async () => {
    const { fake, told, stop, model } = await watching(version);
    const run = fake.runs.at(-1)!;
    expect(run.ops.filter((o) => o === "onChanged.add()")).toHaveLength(collection ? 1 : 2);
    // On 1.7 the sheets are loaded first: two syncs.
    expect(run.syncs).toBe(collection ? 1 : 2);
    expect(fake.changeHandlers.map((h) => h.on)).toEqual(collection ? ["workbook"] : model.sheets.map((s) => s.id));
    stop();
    await settled();
    expect(fake.changeHandlers).toEqual([]);
    // Removed on the context it was added in.
    expect(fake.runs.at(-1)).toBe(run);
    expect(run.ops.filter((o) => o === "onChanged.remove()")).toHaveLength(collection ? 1 : 2);
    await fake.personEdits("台账", "D2", [["正在推进"]]);
    expect(told).toEqual([]);
    stop();
  });

  test("a person's edit: the sheet's name and the cell, as Excel gives it; a co-author's (source Remote) too", async () => {
    const { fake, told, model } = await watching(version);
    await fake.personEdits("台账", "D2", [["正在推进"]]);
    await fake.personEdits("部门目录", "A4", [["区城管局"]], "Remote");
    expect(told).toEqual([
      { sheet: "台账", cells: ["D2"] },
      { sheet: "部门目录", cells: ["A4"] },
    ]);
    expect(model.handlerErrors ?? []).toEqual([]);
  });

  test("the sheet renamed since registration: told under its name now", async () => {
    const { fake, host, told } = await watching(version);
    await host.apply([{ op: "renameSheet", from: "台账", to: "2019台账" }], "write");
    pass(OWN_WRITE_GRACE_MS + 1);
    await fake.personEdits("2019台账", "D3", [["暂无"]]);
    expect(told).toEqual([{ sheet: "2019台账", cells: ["D3"] }]);
  });

  test("a multi-row paste is one event, one call", async () => {
    const { fake, told } = await watching(version, { ...smallModel(), sheets: [newSheet("台账", [HEADER]), newSheet("部门目录", [["单位"]])] });
    await fake.personEdits("台账", "E5:E40", Array.from({ length: 36 }, () => ["暂无"]));
    expect(told).toEqual([{ sheet: "台账", cells: ["E5:E40"] }]);
  });

  test("a row inserted: told with no cells (a whole check)", async () => {
    const { fake, told } = await watching(version);
    await fake.personInserts("台账", "3:3");
    expect(told).toEqual([undefined]);
  });

  test("the add-in's own write of values raises events that are not told", async () => {
    const { fake, host, told, model } = await watching(version);
    await host.apply([{ op: "values", sheet: "台账", row: 1, col: 3, rows: [["已建成3个，完成年度目标。"]] }], "write");
    await fake.delivered();
    // Excel did raise the event (the fake, as Excel): the host left it out.
    expect(model.deliveries!.length).toBeGreaterThan(0);
    expect(told).toEqual([]);
    // A person's edit right after: from 1.14 Excel says who made it; below it, an event within the
    // grace after the add-in's write is taken for the write's.
    await fake.personEdits("台账", "D3", [["暂无"]]);
    expect(told).toEqual(triggerSource ? [{ sheet: "台账", cells: ["D3"] }] : []);
    pass(OWN_WRITE_GRACE_MS + 1);
    await fake.personEdits("台账", "D3", [["正在推进"]]);
    expect(told.at(-1)).toEqual({ sheet: "台账", cells: ["D3"] });
  });
});

describe("the Office host, when something goes wrong", () => {
  test("stopped before its registration is done: removed once it is, and nothing told", async () => {
    const fake = fakeRun(smallModel(), { version: "1.18" });
    const host = new OfficeHost(fake.run, fake.support);
    const told: (CellsEdited | undefined)[] = [];
    const stop = host.watchCells((edited) => told.push(edited));
    stop();
    await settled();
    expect(fake.ops).toEqual(expect.arrayContaining(["onChanged.add()", "onChanged.remove()"]));
    expect(fake.changeHandlers).toEqual([]);
    await fake.personEdits("台账", "D2", [["正在推进"]]);
    expect(told).toEqual([]);
  });

  test("a registration that fails is logged, and nothing more: no events, stop does nothing", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    const fake = fakeRun(smallModel(), { version: "1.9" });
    fake.failNextAt(1);
    const host = new OfficeHost(fake.run, fake.support);
    const told: (CellsEdited | undefined)[] = [];
    const stop = host.watchCells((edited) => told.push(edited));
    await settled();
    expect(spy).toHaveBeenCalledWith("督办助手：监视单元格变化 失败", "GeneralException", expect.any(String), undefined);
    expect(fake.changeHandlers).toEqual([]);
    await fake.personEdits("台账", "D2", [["正在推进"]]);
    expect(told).toEqual([]);
    const runs = fake.runs.length;
    expect(() => stop()).not.toThrow();
    await settled();
    expect(fake.runs.length).toBe(runs);
  });

  test("a listener that throws, or a sheet gone before its name is asked: nothing escapes the handler", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    const model = smallModel();
    const fake = fakeRun(model, { version: "1.18" });
    const host = new OfficeHost(fake.run, fake.support);
    host.watchCells(() => {
      throw new Error("the pane failed");
    });
    const told: (CellsEdited | undefined)[] = [];
    host.watchCells((edited) => told.push(edited));
    await settled();
    await fake.personEdits("台账", "D2", [["正在推进"]]);
    expect(model.handlerErrors ?? []).toEqual([]);
    expect(spy).toHaveBeenCalled();
    expect(told).toEqual([{ sheet: "台账", cells: ["D2"] }]);
    // The sheet deleted between the edit and the lookup of its name: told with no cells.
    const directory = model.sheets[1]!;
    const edit = fake.personEdits("部门目录", "A2", [["区城管局"]]);
    model.sheets.splice(1, 1);
    await edit;
    expect(told.at(-1)).toBeUndefined();
    expect(told).toHaveLength(2);
    expect(directory.name).toBe("部门目录");
  });

  test("the registration's request weighs what office.js posts for it", async () => {
    // Microsoft's office.js (the Excel on the web runtime) builds it: _RegisterDataChangedEvent on the
    // collection and a trace marker.
    const real = officeJsRun();
    const support = { mergedAreas: true, rangeAreas: true, notes: false, collectionEvents: true };
    new OfficeHost(real.run, support).watchCells(() => {});
    const fake = fakeRun(smallModel());
    new OfficeHost(fake.run, support).watchCells(() => {});
    await settled();
    await settled();
    expect(real.bodies[0]).toContain('"Name":"_RegisterDataChangedEvent"');
    expect(real.bodies[0]).toContain('"Name":"Trace"');
    expect(fake.requests).toEqual(real.requests);
  });
});

describe.each(["1.7", "1.18"])("ExcelApi %s, through the application: 边填边查 on the 2019 ledger", (version) => {
  const SHEET = "进展情况";

  test("正在推进 typed into a task's progress cell: told once, re-checked, listed as a placeholder; the check's own writes told nothing", async () => {
    const fake = fakeRun(await fakeModelOf(LEDGER_2019, SHEET), { version });
    const host = new OfficeHost(fake.run, fake.support);
    const app = createApp({ port: host, today: () => NOV_2019 });
    const told: (CellsEdited | undefined)[] = [];
    const stop = app.cellChanges!((edited) => told.push(edited));
    const last = await app.check();
    await fake.delivered();
    expect(last.marked).toBeGreaterThan(0);
    expect(told).toEqual([]);

    pass(OWN_WRITE_GRACE_MS + 1);
    const progress = columnLetter(last.result.ledger.columns.find((c) => c.role === "progress")!.col);
    const row = last.result.assessments.find((a) => a.progress === "ok" && !last.result.findings.some((f) => f.row === a.task.row))!.task.row;
    const cell = `${progress}${row}`;
    await fake.personEdits(SHEET, cell, [["正在推进"]]);
    expect(told).toEqual([{ sheet: SHEET, cells: [cell] }]);

    const again = await app.recheck(last, told[0]!.cells);
    expect(again).toMatchObject({ rowsChanged: 1, full: false });
    expect(again.result.findings.filter((f) => f.row === row)).toMatchObject([{ kind: "placeholder-progress", cell, value: "正在推进" }]);
    expect(again.result.findings).toEqual((await runCheck(host, NOV_2019, { mark: false, quarter: last.result.quarter })).result.findings);
    stop();
    await settled();
    expect(fake.changeHandlers).toEqual([]);
  }, 30000);
});
