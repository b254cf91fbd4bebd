/** @jest-environment jsdom */
// The pane starts in the right host by itself, and the WPS ribbon's two buttons: 打开督办助手 makes the
// task pane once and shows it again; 检查完整性 makes it with the check running, or asks an open one.
// WPS's API where the page finds it: window.Application, or in older builds wps.* (wps.EtApplication(),
// wps.PluginStorage, wps.CreateTaskPane, wps.GetTaskPane). The package as WPS loads it: tests/wps-package.test.ts.
import { book as bookOf } from "../src/app/book";
import { showPane } from "../src/commands/wps/ribbon";
import { wpsApplication } from "../src/hosts/wps/application";
import { WpsHost } from "../src/hosts/wps/host";
import { WPS_RUN_KEY, type WpsAddinApplication, type WpsTaskPane } from "../src/hosts/wps/model";
import { paneEnvironment } from "../src/taskpane/environment";
import { etCell, fakeEtApplication, newEtBook, newEtSheet } from "./fakes/wps";

test("the pane's environment: Office where office.js is, WPS where WPS gives its Application, else the offline page", () => {
  expect(paneEnvironment({ Office: { onReady: () => undefined } })).toBe("office");
  expect(paneEnvironment({ wps: {}, Application: {} })).toBe("wps");
  expect(paneEnvironment({ Application: { ActiveWorkbook: null, PluginStorage: {} } })).toBe("wps");
  expect(paneEnvironment({})).toBe("page");
  // A page's own `Application` that is not WPS's is not taken for it.
  expect(paneEnvironment({ Application: { name: "x" } })).toBe("page");
});

function fakeAddin() {
  const storage = new Map<string, unknown>();
  const panes: (WpsTaskPane & { url: string })[] = [];
  const app: WpsAddinApplication = {
    ActiveWorkbook: null,
    DisplayAlerts: true,
    PluginStorage: { getItem: (k) => storage.get(k), setItem: (k, v) => void storage.set(k, v) },
    CreateTaskPane: (url) => {
      const pane = { ID: panes.length + 1, Visible: false, DockPosition: 0, Width: 0, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id) => panes[id - 1]!,
  };
  return { app, panes, storage };
}

test("打开督办助手 makes the task pane once, on the right, and shows it again after it was closed", () => {
  const { app, panes } = fakeAddin();
  showPane(app, false);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
  expect(panes[0]!.url).toMatch(/\/taskpane\.html$/);
  panes[0]!.Visible = false;
  showPane(app, false);
  expect(panes).toHaveLength(1);
  expect(panes[0]!.Visible).toBe(true);
});

test("检查完整性 opens the pane with the check running, or tells an open pane to run it again", async () => {
  const { app, panes, storage } = fakeAddin();
  showPane(app, true);
  expect(panes[0]!.url).toMatch(/\/taskpane\.html\?run=check$/);
  const first = storage.get(WPS_RUN_KEY);
  await new Promise((r) => setTimeout(r, 2));
  showPane(app, true);
  expect(panes).toHaveLength(1);
  expect(storage.get(WPS_RUN_KEY)).not.toBe(first);
});

/** WPS's add-in services as older builds give them on `wps` (wps-jsapi's index.d.ts), over a map and a list of panes. */
function legacyServices() {
  const { app, panes, storage } = fakeAddin();
  return { panes, storage, PluginStorage: app.PluginStorage, CreateTaskPane: app.CreateTaskPane, GetTaskPane: app.GetTaskPane };
}

test("current builds: window.Application, which has the object model and the add-in's services, is taken as it is", () => {
  const { app } = fakeAddin();
  expect(wpsApplication({ Application: app, wps: {} })).toBe(app);
});

test("older builds, with only wps: the workbook from wps.EtApplication(), the pane and storage from wps.*, and the WPS host works over them", async () => {
  const first = newEtBook([newEtSheet("台账", [["序号", "工作任务"], [1, "推进老旧小区改造"]])]);
  const second = newEtBook([newEtSheet("另一本", [["x"]])]);
  const et = fakeEtApplication(first, second);
  let asked = 0;
  const { panes, ...wps } = legacyServices();
  const app = wpsApplication({ wps: { ...wps, EtApplication: () => (asked++, et) } })!;
  expect(app).toBeDefined();
  // The object model is asked for when first used, and kept.
  expect(asked).toBe(0);
  const [read] = await bookOf(new WpsHost(app)).readSheets([{ name: "台账" }]);
  expect(read!.grid.rows[1]).toEqual([1, "推进老旧小区改造"]);
  expect(asked).toBe(1);
  // ActiveWorkbook is read at each use: the workbook active now.
  et.show(second);
  expect(app.ActiveWorkbook!.Worksheets.Item(1).Name).toBe("另一本");
  // DisplayAlerts goes through to WPS, and a write is made with WPS's confirmations off.
  et.show(first);
  await new WpsHost(app).apply([{ op: "values", sheet: "台账", row: 1, col: 1, rows: [["已开工"]] }], "write");
  expect(etCell(first.sheets[0]!, "B2").value).toBe("已开工");
  app.DisplayAlerts = false;
  expect(et.DisplayAlerts).toBe(false);
  // The pane is made and shown with wps.CreateTaskPane, the request to check left in wps.PluginStorage.
  showPane(app, true);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
  expect(wps.storage.get(WPS_RUN_KEY)).toEqual(expect.any(String));
});

test("a build whose Application has the object model only: the add-in's services are taken from wps", () => {
  const et = fakeEtApplication(newEtBook([newEtSheet("台账")]));
  const { panes, ...wps } = legacyServices();
  const app = wpsApplication({ Application: et, wps })!;
  expect(app.ActiveWorkbook).toBe(et.ActiveWorkbook);
  // Its events too: the host's SheetChange is registered on them.
  expect(app.ApiEvent).toBe(et.ApiEvent);
  showPane(app, false);
  expect(panes).toHaveLength(1);
});

test("a page with neither (a browser), or with a wps that has no API, has no WPS application", () => {
  expect(wpsApplication({})).toBeUndefined();
  expect(wpsApplication({ wps: {} })).toBeUndefined();
  expect(wpsApplication({ Application: { name: "x" } })).toBeUndefined();
  const { storage: _, panes: __, ...services } = legacyServices();
  // The services without an object model are not WPS 表格.
  expect(wpsApplication({ wps: services })).toBeUndefined();
});

test("older builds give the application's events as wps.ApiEvent; a build without them has none", () => {
  const et = fakeEtApplication(newEtBook([newEtSheet("台账")]));
  const { panes: _panes, ...wps } = legacyServices();
  const events = { AddApiEventListener: () => undefined, RemoveApiEventListener: () => undefined };
  expect(wpsApplication({ wps: { ...wps, ApiEvent: events, EtApplication: () => et } })!.ApiEvent).toBe(events);
  expect(wpsApplication({ wps: { ...wps, EtApplication: () => et } })!.ApiEvent).toBeUndefined();
});
