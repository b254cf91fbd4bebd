// Where a WPS add-in's page finds WPS 表格. Current builds give each page `window.Application`: the
// spreadsheet's object model with the add-in's services on it (PluginStorage, CreateTaskPane,
// GetTaskPane), as the wpsjs 2.2.3 et template's js/ribbon.js uses them (tests/fixtures/wpsjs-et/).
// Older builds give only `wps`: the object model from wps.EtApplication() and the services as
// wps.PluginStorage, wps.CreateTaskPane and wps.GetTaskPane (Kingsoft's wps-jsapi 1.0.5, src/index.d.ts,
// `declare namespace wps`; the earlier wpsjs templates call `wps.EtApplication().ActiveWorkbook`). Each
// part is taken from Application where it is there, else from wps.
// Compiled to ES5 for the ribbon's script (webpack.config.js): no syntax or library newer than ES5 here.
import type { EtApplication, WpsAddinApplication, WpsApiEvent } from "./model";

/** The page's globals WPS may define. */
export interface WpsGlobals {
  readonly Application?: unknown;
  readonly wps?: unknown;
}

/** `wps` as older builds give it (wps-jsapi's index.d.ts). */
interface WpsNamespace {
  EtApplication?(): EtApplication;
  readonly PluginStorage?: WpsAddinApplication["PluginStorage"];
  CreateTaskPane?(url: string, title?: string): ReturnType<WpsAddinApplication["CreateTaskPane"]>;
  GetTaskPane?(id: number): ReturnType<WpsAddinApplication["GetTaskPane"]>;
  /** The application's events (wps.ApiEvent in wps-jsapi's index.d.ts). */
  readonly ApiEvent?: WpsApiEvent;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * WPS's Application with the add-in's services, from `window.Application` or, in older builds, from `wps`;
 * undefined where the page has neither (a browser, or a WPS that gives this page no API).
 */
export function wpsApplication(g: WpsGlobals): WpsAddinApplication | undefined {
  const own = isObject(g.Application) ? (g.Application as Partial<WpsAddinApplication>) : undefined;
  const wps = isObject(g.wps) ? (g.wps as WpsNamespace) : undefined;
  // Current builds: Application is all of it, taken as it is.
  if (own && "ActiveWorkbook" in own && own.PluginStorage && typeof own.CreateTaskPane === "function" && typeof own.GetTaskPane === "function") return own as WpsAddinApplication;
  const storage = own?.PluginStorage ?? wps?.PluginStorage;
  const create = typeof own?.CreateTaskPane === "function" ? own.CreateTaskPane.bind(own) : typeof wps?.CreateTaskPane === "function" ? wps.CreateTaskPane.bind(wps) : undefined;
  const get = typeof own?.GetTaskPane === "function" ? own.GetTaskPane.bind(own) : typeof wps?.GetTaskPane === "function" ? wps.GetTaskPane.bind(wps) : undefined;
  const hasModel = (own && "ActiveWorkbook" in own) || typeof wps?.EtApplication === "function";
  if (!storage || !create || !get || !hasModel) return undefined;
  let model: EtApplication | undefined;
  // The object model is asked for when first used (the ribbon's page never uses it), then kept.
  const et = (): EtApplication => (model ??= own && "ActiveWorkbook" in own ? (own as EtApplication) : wps!.EtApplication!());
  // SheetChange, where the build has it (the host tells no changes without it).
  const events = own?.ApiEvent ?? wps?.ApiEvent;
  // Read through at each use, as the host reads Application: ActiveWorkbook is the workbook active now.
  return {
    ...(events ? { ApiEvent: events } : {}),
    get ActiveWorkbook() {
      return et().ActiveWorkbook;
    },
    get ActiveWindow() {
      return et().ActiveWindow;
    },
    get DisplayAlerts() {
      return et().DisplayAlerts;
    },
    set DisplayAlerts(on: boolean) {
      et().DisplayAlerts = on;
    },
    PluginStorage: storage,
    CreateTaskPane: create,
    GetTaskPane: get,
  };
}
