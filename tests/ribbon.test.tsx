/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The ribbon's 检查完整性 as a command in the shared runtime (src/commands/checkCommand.ts), over a fake of
// office.js that does what Microsoft's reference says: Office.actions.associate (the command's id and its
// function), Office.addin.showAsTaskpane (a Promise; SharedRuntime 1.1, "Show or hide the task pane of your
// Office Add-in"), Office.context.requirements.isSetSupported, Office.context.ui.displayDialogAsync (an
// AsyncResult with status "succeeded" and the Dialog, whose DialogEventReceived fires when the person closes
// it), and the event whose completed() ends a command. Then the pane over the 2019 seed ledger, pressed
// from the ribbon: each press checks the ledger as it is then, once.
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApp } from "../src/app";
import { CHECK_ACTION, NO_SHARED_RUNTIME_SECTION, registerCheckCommand, type CommandOffice } from "../src/commands/checkCommand";
import { XlsxHost } from "../src/hosts/xlsx/host";
import { formFiles } from "../src/files/forms";
import { App } from "../src/taskpane/App";
import { CheckRequests } from "../src/taskpane/checkRequests";
import { LEDGER_2019, openBook } from "./helpers/cli";
import "./helpers/jsdom";

const HELP = "https://duban.test.gov.cn/addin/help.html";
const TODAY = new Date(2026, 10, 22);

interface FakeDialog {
  url: string;
  close(): void;
}

/** office.js as far as the command uses it, in an Excel with or without SharedRuntime 1.1. */
function fakeOffice(options: { sharedRuntime: boolean; showFails?: boolean; dialogFails?: boolean }) {
  const commands = new Map<string, (event: Office.AddinCommands.Event) => void>();
  const log: string[] = [];
  const dialogs: FakeDialog[] = [];
  const office: CommandOffice = {
    actions: {
      associate: (id, action) => {
        log.push(`associate ${id}`);
        commands.set(id, action);
      },
    },
    addin: {
      showAsTaskpane: async () => {
        log.push("showAsTaskpane");
        if (options.showFails) throw new Error("The task pane could not be shown");
      },
    },
    context: {
      requirements: { isSetSupported: (name, version = "1.1") => name === "SharedRuntime" && options.sharedRuntime && Number(version) <= 1.2 },
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          log.push(`dialog ${url}`);
          if (options.dialogFails) return callback({ status: "failed", error: { code: 12007 } } as unknown as Office.AsyncResult<Office.Dialog>);
          const handlers: Array<() => void> = [];
          dialogs.push({ url, close: () => handlers.forEach((h) => h()) });
          const dialog = { addEventHandler: (type: string, handler: () => void) => type === "dialogEventReceived" && handlers.push(handler) };
          callback({ status: "succeeded", value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" as unknown as Office.AsyncResultStatus },
    EventType: { DialogEventReceived: "dialogEventReceived" as unknown as Office.EventType },
  };
  /** Presses the button: Office calls the command with a new event; resolves once the command has completed. */
  const press = async () => {
    const command = commands.get(CHECK_ACTION);
    if (!command) throw new Error(`no command ${CHECK_ACTION}`);
    let completed!: () => void;
    const done = new Promise<void>((resolve) => (completed = resolve));
    command({ completed: () => (log.push("completed"), completed()), source: { id: "Duban.CheckButton" } } as unknown as Office.AddinCommands.Event);
    return done;
  };
  return { office, log, dialogs, press };
}

/** The pane's requests, with a record of each one made. */
function requestsLogged(log: string[]) {
  const requests = new CheckRequests();
  const request = requests.request.bind(requests);
  requests.request = () => {
    log.push("request");
    request();
  };
  return requests;
}

describe("the command", () => {
  test("is registered under the manifest's FunctionName", () => {
    const { office, log } = fakeOffice({ sharedRuntime: true });
    registerCheckCommand(office, new CheckRequests(), HELP);
    expect(log).toEqual([`associate ${CHECK_ACTION}`]);
    const manifest = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
    expect(manifest).toContain(`<FunctionName>${CHECK_ACTION}</FunctionName>`);
  });

  test("taken over from the page's first script, which registered it: no second registration, and a press waiting there runs the check", async () => {
    const { office, log } = fakeOffice({ sharedRuntime: true });
    const requests = requestsLogged(log);
    let handler: ((event: Office.AddinCommands.Event) => void) | undefined;
    registerCheckCommand(office, requests, HELP, (h) => (handler = h));
    expect(log).toEqual([]);
    await new Promise<void>((done) => handler!({ completed: () => (log.push("completed"), done()) } as unknown as Office.AddinCommands.Event));
    expect(log).toEqual(["showAsTaskpane", "request", "completed"]);
    expect(requests.take()).toBe(true);
  });

  test("every action that shows the pane names its TaskpaneId: the shared runtime has one pane, and an action without it opens another (Microsoft, \"Configure your Office Add-in to use a shared runtime\")", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
    const shows = manifest.match(/<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/g) ?? [];
    expect(shows.length).toBeGreaterThan(0);
    for (const action of shows) expect(action).toMatch(/<TaskpaneId>Duban\.Taskpane<\/TaskpaneId>/);
  });

  test("with a shared runtime: shows the pane, asks it to check, then completes; every press again", async () => {
    const { office, log, press } = fakeOffice({ sharedRuntime: true });
    const requests = requestsLogged(log);
    registerCheckCommand(office, requests, HELP);
    await press();
    expect(log.slice(1)).toEqual(["showAsTaskpane", "request", "completed"]);
    expect(requests.take()).toBe(true);
    expect(requests.take()).toBe(false);
    await press();
    expect(log.slice(4)).toEqual(["showAsTaskpane", "request", "completed"]);
    expect(requests.take()).toBe(true);
  });

  test("when the pane cannot be shown, the check is still asked for and the command completes", async () => {
    const { office, log, press } = fakeOffice({ sharedRuntime: true, showFails: true });
    registerCheckCommand(office, requestsLogged(log), HELP);
    await press();
    expect(log.slice(1)).toEqual(["showAsTaskpane", "request", "completed"]);
  });

  test("without SharedRuntime 1.1: no pane to show, no check; the help page's section in a dialog, completed when it is closed", async () => {
    const { office, log, dialogs, press } = fakeOffice({ sharedRuntime: false });
    const requests = requestsLogged(log);
    registerCheckCommand(office, requests, `${HELP}#buttons`);
    const pressed = press();
    await Promise.resolve();
    expect(log.slice(1)).toEqual([`dialog ${HELP}#${NO_SHARED_RUNTIME_SECTION}`]);
    dialogs[0]!.close();
    await pressed;
    expect(log.slice(1)).toEqual([`dialog ${HELP}#${NO_SHARED_RUNTIME_SECTION}`, "completed"]);
    expect(requests.take()).toBe(false);
    // The section is on the help page.
    const help = fs.readFileSync(path.join(__dirname, "..", "src", "help", "help.html"), "utf8");
    expect(help).toContain(`id="${NO_SHARED_RUNTIME_SECTION}"`);
  });

  test("without SharedRuntime 1.1 and a dialog Office refuses: the command completes at once", async () => {
    const { office, log, press } = fakeOffice({ sharedRuntime: false, dialogFails: true });
    registerCheckCommand(office, requestsLogged(log), HELP);
    await press();
    expect(log.slice(1)).toEqual([`dialog ${HELP}#${NO_SHARED_RUNTIME_SECTION}`, "completed"]);
  });
});

describe("the pane, pressed from the ribbon", () => {
  let host: XlsxHost;
  beforeEach(async () => {
    host = new XlsxHost(await openBook(LEDGER_2019));
  });
  const appOf = () => createApp({ port: host, today: () => TODAY, forms: async () => formFiles });
  const renamedCount = () => within(screen.getByLabelText("counts")).getByText(/^单位已更名或撤销 \d+$/).textContent;

  test("each press checks the ledger as it is then: the pane already open, a fix made in between", async () => {
    const { office, press } = fakeOffice({ sharedRuntime: true });
    const requests = new CheckRequests();
    registerCheckCommand(office, requests, HELP);
    const app = appOf();
    const check = jest.spyOn(app, "check");
    render(<App app={app} lang="zh" checkRequests={requests} />);
    await act(press);
    await screen.findByText(/任务 106 项/);
    expect(renamedCount()).toBe("单位已更名或撤销 47");
    // Someone corrects a unit in Excel; the next press sees it.
    const f3 = host.workbook.getWorksheet("进展情况")!.getCell("F3");
    f3.value = String(f3.value).replace("经信局", "区科技和经济信息化局");
    await act(press);
    await waitFor(() => expect(renamedCount()).toBe("单位已更名或撤销 46"));
    expect(check).toHaveBeenCalledTimes(2);
  });

  test("a press before the pane is there runs one check when it comes; showing the 检查 tab again repeats none", async () => {
    const { office, press } = fakeOffice({ sharedRuntime: true });
    const requests = new CheckRequests();
    registerCheckCommand(office, requests, HELP);
    await press();
    const app = appOf();
    const check = jest.spyOn(app, "check");
    render(<App app={app} lang="zh" checkRequests={requests} />);
    await screen.findByText(/任务 106 项/);
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(check).toHaveBeenCalledTimes(1);
  });

  test("a press while another tab is shown brings the 检查 tab with the check", async () => {
    const { office, press } = fakeOffice({ sharedRuntime: true });
    const requests = new CheckRequests();
    registerCheckCommand(office, requests, HELP);
    render(<App app={appOf()} lang="zh" checkRequests={requests} />);
    fireEvent.click(screen.getByRole("tab", { name: "目录" }));
    expect(screen.queryByRole("button", { name: "检查完整性" })).toBeNull();
    await act(press);
    await screen.findByText(/任务 106 项/);
    expect(screen.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true");
  });

  test("presses during a check are answered by one more check once it is done", async () => {
    const { office, press } = fakeOffice({ sharedRuntime: true });
    const requests = new CheckRequests();
    registerCheckCommand(office, requests, HELP);
    const app = appOf();
    const original = app.check.bind(app);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first check waits until the test lets it go, as a slow Excel would.
    const check = jest.spyOn(app, "check").mockImplementation(async (request) => {
      if (check.mock.calls.length === 1) await held;
      return original(request);
    });
    render(<App app={app} lang="zh" checkRequests={requests} />);
    await act(press);
    await waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    await act(async () => {
      await press();
      await press();
    });
    expect(check).toHaveBeenCalledTimes(1);
    release();
    await waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    await screen.findByText(/任务 106 项/);
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(check).toHaveBeenCalledTimes(2);
  });
});
