// 边填边查 in WPS 表格: the WPS host tells the pane of the cells people change, from the application's
// SheetChange (Application.ApiEvent), over the fake WPS, which raises SheetChange during every write of
// values as Excel's VBA model raises Worksheet.Change. Never of the add-in's own writes, never of another
// open workbook; and, through the application layer, a progress cell typed over is checked again.
import type ExcelJS from "exceljs";
import { createApp, runCheck, type CellsEdited } from "../src/app";
import { columnLetter } from "../src/core/address";
import { WpsHost } from "../src/hosts/wps/host";
import type { EtApplication, EtRange, EtWorkbook, WpsApiEvent } from "../src/hosts/wps/model";
import { fakeEtApplication, newEtBook, newEtSheet, personInsertsRows, personTypes, type FakeEtBook } from "./fakes/wps";
import { LEDGER_2019, openBook } from "./helpers/cli";
import { etBookOfWorkbook } from "./helpers/model";

const NOV_2019 = new Date(2019, 10, 20);
const HEADER = ["序号", "目标任务", "牵头单位", "三季度进展"];

/** A small ledger in a workbook of its own. */
function smallBook(name = "工作簿1"): FakeEtBook {
  const book = newEtBook([newEtSheet("台账", [HEADER, [1, "新建口袋公园3个。", "区园林局", "已建成2个，完成年度目标的67%。"], [2, "完成改造30个。", "区住更局", "已完成改造18个。"]])]);
  book.name = name;
  return book;
}

/** The host over `books` (the first one active), read once as the pane does, and what its listener is told. */
async function watching(...books: [FakeEtBook, ...FakeEtBook[]]) {
  const et = fakeEtApplication(...books);
  const host = new WpsHost(et);
  await host.read({});
  const told: (CellsEdited | undefined)[] = [];
  const stop = host.watchCells!((edited) => told.push(edited));
  return { et, host, told, stop };
}

describe("the WPS host tells the cells people change", () => {
  test("one SheetChange registration for any number of listeners, removed by its name when the last one stops; nothing after", async () => {
    const book = smallBook();
    const { et, host, told, stop } = await watching(book);
    expect(et.listeners("SheetChange")).toBe(1);
    const other: (CellsEdited | undefined)[] = [];
    const stopOther = host.watchCells!((edited) => other.push(edited));
    // WPS removes by the event's name: a second registration of the host's own could not be told apart.
    expect(et.listeners("SheetChange")).toBe(1);
    personTypes(book, "台账", "D2", "正在推进");
    expect(told).toEqual([{ sheet: "台账", cells: ["$D$2"] }]);
    expect(other).toEqual(told);
    stop();
    stop(); // a second stop does nothing: the other listener still hears
    expect(et.listeners("SheetChange")).toBe(1);
    personTypes(book, "台账", "D3", "暂无");
    expect(told).toHaveLength(1);
    expect(other).toHaveLength(2);
    stopOther();
    expect(et.listeners("SheetChange")).toBe(0);
    personTypes(book, "台账", "D3", "已完成改造20个。");
    expect(other).toHaveLength(2);
    // Registering again after all stopped works.
    const again: (CellsEdited | undefined)[] = [];
    host.watchCells!((edited) => again.push(edited))();
    expect(et.listeners("SheetChange")).toBe(0);
  });

  test("a person's edit is the sheet and the cell as WPS names it, with its $ signs", async () => {
    const book = smallBook();
    const { told } = await watching(book);
    personTypes(book, "台账", "D2", "正在推进");
    expect(told).toEqual([{ sheet: "台账", cells: ["$D$2"] }]);
    expect(book.sheets[0]!.cells.get("2,4")!.value).toBe("正在推进");
  });

  test("the add-in's own write (apply, a values op) is not told, though WPS raised SheetChange for it", async () => {
    const book = smallBook();
    const { et, host, told } = await watching(book);
    // Another callback on the same event sees what WPS raises.
    const raised: string[] = [];
    et.ApiEvent.AddApiEventListener("SheetChange", (_sh, target) => raised.push((target as EtRange).Address()));
    await host.apply([{ op: "values", sheet: "台账", row: 1, col: 3, rows: [["已建成3个。"], ["已完成改造30个。"]] }], "write");
    expect(raised).toEqual(["$D$2:$D$3"]);
    expect(told).toEqual([]);
    // After the write, a person's edit is told again.
    personTypes(book, "台账", "D3", "正在推进");
    expect(told).toEqual([{ sheet: "台账", cells: ["$D$3"] }]);
  });

  test("a paste over many rows is one event over the range: one call", async () => {
    const rows = [HEADER, ...Array.from({ length: 40 }, (_, i) => [i + 1, `任务${i + 1}。`, "区园林局", ""])];
    const book = newEtBook([newEtSheet("台账", rows)]);
    const { told } = await watching(book);
    personTypes(book, "台账", "E5:E40", Array.from({ length: 36 }, () => ["已完成。"]));
    expect(told).toEqual([{ sheet: "台账", cells: ["$E$5:$E$40"] }]);
  });

  test("a change in another open workbook is not told, even while that workbook is the one shown", async () => {
    const mine = smallBook("2019台账.xlsx");
    const theirs = smallBook("另一本.xlsx");
    const { et, told } = await watching(mine, theirs);
    personTypes(theirs, "台账", "D2", "正在推进");
    et.show(theirs);
    personTypes(theirs, "台账", "D3", "正在推进");
    expect(told).toEqual([]);
    // A change in the pane's workbook is told, whichever is shown.
    personTypes(mine, "台账", "D2", "暂无");
    expect(told).toEqual([{ sheet: "台账", cells: ["$D$2"] }]);
  });

  test("rows inserted: SheetChange over whole rows, which cannot say whether they moved: told with nothing, a whole check", async () => {
    const book = smallBook();
    const { told } = await watching(book);
    personInsertsRows(book, "台账", 3, 2);
    expect(book.sheets[0]!.cells.get("5,2")!.value).toBe("完成改造30个。");
    expect(told).toEqual([undefined]);
  });
});

describe("where WPS gives less", () => {
  /** An application whose ApiEvent hands the callback to the test. */
  function stub(active: EtWorkbook | null): { application: EtApplication; raise: (sh: unknown, target: unknown) => void } {
    let callback: ((sh: object, target: object) => void) | undefined;
    const ApiEvent: WpsApiEvent = {
      AddApiEventListener: (_name, cb) => (callback = cb),
      RemoveApiEventListener: () => (callback = undefined),
    };
    return { application: { ActiveWorkbook: active, DisplayAlerts: true, ApiEvent }, raise: (sh, target) => callback?.(sh as object, target as object) };
  }
  const workbook = (name: string) => ({ Name: name, FullName: name }) as EtWorkbook;

  test("a build without Application.ApiEvent: watchCells registers nothing, and stopping does nothing", () => {
    const host = new WpsHost({ ActiveWorkbook: null, DisplayAlerts: true });
    const stop = host.watchCells!(() => {
      throw new Error("never told");
    });
    expect(stop).not.toThrow();
  });

  test("no Parent on the sheet: the active workbook is the sheet's; Address as a string property is taken; a listener that fails does not reach WPS", () => {
    const { application, raise } = stub(workbook("台账.xlsx"));
    const host = new WpsHost(application);
    const told: (CellsEdited | undefined)[] = [];
    host.watchCells!(() => {
      throw new Error("a listener's failure");
    });
    host.watchCells!((edited) => told.push(edited));
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    expect(() => raise({ Name: "台账" }, { Address: "$E$12:$E$40,$G$3" })).not.toThrow();
    expect(told).toEqual([{ sheet: "台账", cells: ["$E$12:$E$40", "$G$3"] }]);
    // Target.Address() failing, or a sheet without a name: a whole check.
    expect(() =>
      raise({ Name: "台账" }, {
        Address: () => {
          throw new Error("RPC failed");
        },
      }),
    ).not.toThrow();
    raise({}, { Address: () => "$A$1" });
    // Whole columns, as whole rows: inserted or cleared, SheetChange does not say.
    raise({ Name: "台账" }, { Address: () => "$E:$F" });
    expect(told).toEqual([{ sheet: "台账", cells: ["$E$12:$E$40", "$G$3"] }, undefined, undefined, undefined]);
    spy.mockRestore();
  });
});

describe("through the application: 边填边查 on the 2019 ledger in WPS", () => {
  let seed: ExcelJS.Workbook;
  beforeAll(async () => {
    seed = await openBook(LEDGER_2019);
  });
  const SHEET = "进展情况";

  test("正在推进 typed into a task's progress cell: told once, re-checked, listed as a placeholder; the check's own marks told nothing", async () => {
    const book = etBookOfWorkbook(seed, SHEET);
    const host = new WpsHost(fakeEtApplication(book));
    const app = createApp({ port: host, today: () => NOV_2019 });
    const told: (CellsEdited | undefined)[] = [];
    const stop = app.cellChanges!((edited) => told.push(edited));
    const last = await app.check();
    expect(last.marked).toBeGreaterThan(0);
    expect(told).toEqual([]);

    const progress = columnLetter(last.result.ledger.columns.find((c) => c.role === "progress")!.col);
    const row = last.result.assessments.find((a) => a.progress === "ok" && !last.result.findings.some((f) => f.row === a.task.row))!.task.row;
    const cell = `${progress}${row}`;
    personTypes(book, SHEET, cell, "正在推进");
    expect(told).toEqual([{ sheet: SHEET, cells: [`$${progress}$${row}`] }]);

    const again = await app.recheck(last, told[0]!.cells);
    expect(again).toMatchObject({ rowsChanged: 1, full: false });
    expect(again.result.findings.filter((f) => f.row === row)).toMatchObject([{ kind: "placeholder-progress", cell, value: "正在推进" }]);
    expect(again.result.findings).toEqual((await runCheck(host, NOV_2019, { mark: false, quarter: last.result.quarter })).result.findings);
    stop();
  });

  test("why whole rows are a whole check: a row inserted among the tasks, re-checked as the rows SheetChange names, puts findings on cells that moved", async () => {
    const book = etBookOfWorkbook(seed, SHEET);
    const host = new WpsHost(fakeEtApplication(book));
    const app = createApp({ port: host, today: () => NOV_2019 });
    const told: (CellsEdited | undefined)[] = [];
    app.cellChanges!((edited) => told.push(edited));
    const last = await runCheck(host, NOV_2019, { mark: false });
    personInsertsRows(book, SHEET, 10);
    expect(told).toEqual([undefined]);
    const whole = await runCheck(host, NOV_2019, { mark: false, quarter: last.result.quarter });
    // What the re-check would give for "$10:$10": the tasks below keep the rows they had.
    const partial = await app.recheck(last, ["$10:$10"]);
    expect(partial.full).toBe(false);
    expect(partial.result.findings.map((f) => f.cell)).not.toEqual(whole.result.findings.map((f) => f.cell));
  });
});
