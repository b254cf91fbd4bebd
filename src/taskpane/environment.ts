// Where the pane's page runs: in Excel (office.js has defined `Office`), in WPS 表格 (WPS gives an
// add-in's pages `wps` and an `Application` with the add-in's PluginStorage), or in a browser on its
// own (the offline page). Read from the page's globals, nothing else.
export type PaneEnvironment = "office" | "wps" | "page";

export interface PaneGlobals {
  readonly Office?: unknown;
  readonly wps?: unknown;
  readonly Application?: unknown;
}

export function paneEnvironment(g: PaneGlobals): PaneEnvironment {
  const app = g.Application;
  if (g.wps !== undefined || (typeof app === "object" && app !== null && "PluginStorage" in app && "ActiveWorkbook" in app)) return "wps";
  if (typeof g.Office === "object" && g.Office !== null && typeof (g.Office as { onReady?: unknown }).onReady === "function") return "office";
  return "page";
}
