// The WPS add-in's ribbon callbacks (ribbon.xml names them). WPS 表格 opens the add-in's index.html hidden
// at start; index.html loads main.js and main.js loads this script, as the wpsjs et template loads its
// js/ribbon.js (tests/fixtures/wpsjs-et/, tests/wps-package.test.ts). 打开督办助手 shows the task pane
// (made once with CreateTaskPane); 检查完整性 shows it with the check running: a new pane starts it from
// its address (?run=check), an open one is told through PluginStorage, which the add-in's pages share.
// WPS 加载项: ribbon.xml callbacks, CreateTaskPane, GetTaskPane, PluginStorage
// (https://qn.cache.wpscdn.cn/encs/doc/office_v19/index.htm; the wpsjs 2.2.3 et template, js/ribbon.js).
// Compiled to ES5 (webpack.config.js): the buttons work in any engine a WPS build has, and open the pane,
// where webview-check.js says what to do when the engine cannot run the pane's script.
import { wpsApplication, type WpsGlobals } from "../../hosts/wps/application";
import { WPS_RUN_KEY, type WpsAddinApplication } from "../../hosts/wps/model";

const PANE_KEY = "duban.taskpane";
/** msoCTPDockPositionRight (https://learn.microsoft.com/office/vba/api/office.msoctpdockposition; the template's js/util.js, WPS_Enum). */
const DOCK_RIGHT = 2;

interface RibbonControl {
  readonly Id: string;
}

/** WPS's Application, or in older builds what `wps` gives (src/hosts/wps/application.ts). */
function application(): WpsAddinApplication {
  const app = wpsApplication(window as unknown as WpsGlobals);
  if (!app) throw new Error("duban: this page has neither WPS's Application nor wps");
  return app;
}

/** The folder of this page (the add-in's folder), ending in "/". */
function baseUrl(): string {
  const href = window.location.href.split(/[?#]/)[0]!;
  return href.slice(0, href.lastIndexOf("/") + 1);
}

/** Shows the pane, making it the first time; `check` runs 检查完整性 in it. */
export function showPane(app: WpsAddinApplication, check: boolean): void {
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (check) app.PluginStorage.setItem(WPS_RUN_KEY, String(Date.now()));
  if (typeof id === "number" || (typeof id === "string" && id !== "")) {
    app.GetTaskPane(Number(id)).Visible = true;
    return;
  }
  const pane = app.CreateTaskPane(`${baseUrl()}taskpane.html${check ? "?run=check" : ""}`, "督办助手");
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    if (control.Id === "dubanCheck") showPane(application(), true);
    else if (control.Id === "dubanOpen") showPane(application(), false);
    return true;
  },
  GetImage(): string {
    return "images/icon-32.png";
  },
};

// WPS calls the callbacks by the names ribbon.xml gives them, on this page's window (as the template's
// function declarations are). Object.keys, not Object.assign: ES5.
Object.keys(ribbon).forEach((name) => {
  (window as unknown as Record<string, unknown>)[name] = ribbon[name as keyof typeof ribbon];
});
