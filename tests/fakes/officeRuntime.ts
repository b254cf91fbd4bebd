// Microsoft's own office.js, run in node to see the request bodies it would post: the Excel on the web
// runtime of @microsoft/office-js (dist/excel-web-16.00.debug.js), only its request-building part —
// the OfficeExtension core (ClientRequestContext, ClientRequest, ObjectPathFactory, ActionFactory),
// OfficeCore and the Excel classes — in a sandbox with no Office host. Its transport is replaced by
// one that keeps each body, serialised as office.js serialises it before it posts it
// (RichApiMessageUtility.buildMessageArrayForIRequestExecutor: `JSON.stringify(requestMessage.Body)`),
// and answers every request with no results. So it grounds the fake Excel's request bytes
// (./officeRequest.ts) for writes; nothing read can be resolved through it.
import { readFileSync } from "fs";
import * as vm from "vm";
import type { ExcelRun } from "../../src/hosts/office/support";

const RUNTIME = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

/** The runtime's lines from the OfficeExtension core to the end of the Excel namespace (before them, OSF's host plumbing; after, custom functions). */
function requestBuildingPart(source: string): string {
  const lines = source.split(/\r?\n/);
  const core = lines.indexOf("(function (OfficeExtension_1) {");
  // From the `__extends` helper the TypeScript output defines just before the core.
  const from = lines.lastIndexOf("var __extends = (this && this.__extends) || (function () {", core);
  const to = lines.indexOf('var _EndExcel = "_EndExcel";');
  if (core < 0 || from < 0 || to < core) throw new Error(`${RUNTIME}: the OfficeExtension core or the Excel namespace was not found`);
  return lines.slice(from, to + 1).join("\n");
}

let script: vm.Script | undefined;

interface Runtime {
  Excel: { run: (options: unknown, batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> };
  OfficeExtension: { SessionBase: { _overrideSession?: unknown }; Utility: { _createPromiseFromResult(v: unknown): unknown }; _testSetRichApiMessageReadyImpl(impl: () => unknown): void };
}

/** An `Excel.run` of the real office.js whose requests are kept, as the UTF-8 bytes of the bodies it posts (and the bodies). */
export function officeJsRun(): { run: ExcelRun; bodies: string[]; requests: number[] } {
  script ??= new vm.Script(`${requestBuildingPart(readFileSync(RUNTIME, "utf8"))}\n;this.Excel = Excel; this.OfficeExtension = OfficeExtension;`, { filename: RUNTIME });
  // No `Office` global: CommonUtility.isSetSupported answers true for every requirement set.
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, Promise, navigator: { userAgent: "node" } };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  script.runInContext(sandbox);
  const { Excel, OfficeExtension } = sandbox as unknown as Runtime;
  const bodies: string[] = [];
  // Event handlers' messages need Office's host (OSF) to be listened for; the runtime's own test hook
  // says they are (GenericEventRegistration._testReadyImpl), so that an event handler's add is sent.
  OfficeExtension._testSetRichApiMessageReadyImpl(() => OfficeExtension.Utility._createPromiseFromResult(null));
  // A session every RequestContext takes (SessionBase._overrideSession), with its own request executor.
  OfficeExtension.SessionBase._overrideSession = {
    _resolveRequestUrlAndHeaderInfo: () => OfficeExtension.Utility._createPromiseFromResult({ url: "http://document.localhost/", headers: {} }),
    _createRequestExecutorOrNull: () => ({
      executeAsync(_customData: unknown, _flags: number, message: { Body: unknown }) {
        bodies.push(JSON.stringify(message.Body));
        return Promise.resolve({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: [] } });
      },
    }),
  };
  const run = (<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(options, batch)) as ExcelRun;
  return {
    run,
    bodies,
    get requests() {
      return bodies.map((b) => Buffer.byteLength(b, "utf8"));
    },
  };
}
