/** @jest-environment jsdom */
// The pane starts in the right host by itself, and the WPS ribbon's two buttons: 打开督办助手 makes the
// task pane once and shows it again; 检查完整性 makes it with the check running, or asks an open one.
import { showPane } from "../src/commands/wps/ribbon";
import { WPS_RUN_KEY, type WpsAddinApplication, type WpsTaskPane } from "../src/hosts/wps/model";
import { paneEnvironment } from "../src/taskpane/environment";

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
