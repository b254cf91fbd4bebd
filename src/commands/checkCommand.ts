// The ribbon's 检查完整性 as a command (ExecuteFunction in manifest.xml). Where Office runs the ribbon's
// functions and the pane in one runtime (SharedRuntime 1.1, declared by the manifest's <Runtimes>), a
// press shows the pane and asks it to check: again on every press, with the pane already open or not
// yet loaded (the request waits for it). Microsoft's guidance: "Configure your Office Add-in to use a
// shared runtime" and "Show or hide the task pane of your Office Add-in" (Office.addin.showAsTaskpane).
//
// Where Office has no shared runtime (Office 2019, Microsoft 365 before version 2002, Excel for Mac
// before 16.35), it runs the function in a page of its own, which cannot show the pane: Office.addin
// is part of SharedRuntime 1.1. There the command opens the help page's section on this in a dialog,
// which says to use 打开督办助手 and how to get a newer Office.

/** The command's id: the FunctionName of the 检查完整性 button in manifest.xml. */
export const CHECK_ACTION = "checkCompleteness";

/** The help page's section that the command shows where it cannot show the pane. */
export const NO_SHARED_RUNTIME_SECTION = "old-office";

/** What the command uses of office.js (the global `Office` in Excel; a fake in the tests). */
export interface CommandOffice {
  readonly actions: { associate(actionId: string, action: (event: Office.AddinCommands.Event) => void): void };
  readonly addin?: { showAsTaskpane(): Promise<void> };
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: { displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void): void };
  };
  readonly AsyncResultStatus: { readonly Succeeded: Office.AsyncResultStatus };
  readonly EventType: { readonly DialogEventReceived: Office.EventType };
}

/** Where the check is asked for: the pane's requests (src/taskpane/checkRequests.ts). */
export interface CheckRequester {
  request(): void;
}

/**
 * How the page's first script (webview-check.js) hands the command over: it registered 检查完整性 as the
 * page began to load, and keeps the presses made before the pane's script was ready (office-js #5176).
 */
export type TakeCommand = (handler: (event: Office.AddinCommands.Event) => void) => void;

/**
 * Registers 检查完整性: through the page's first script where it registered the command already (and the
 * presses waiting are run now), else with Office directly. Call it as the page loads. `helpPage` is the
 * help page's address (help.html).
 */
export function registerCheckCommand(office: CommandOffice, pane: CheckRequester, helpPage: string, take?: TakeCommand): void {
  const handler = (event: Office.AddinCommands.Event) => void checkCompleteness(office, pane, helpPage, event);
  if (take) take(handler);
  else office.actions.associate(CHECK_ACTION, handler);
}

/** One press of 检查完整性. Office waits for `event.completed()` before the button can run again. */
export async function checkCompleteness(office: CommandOffice, pane: CheckRequester, helpPage: string, event: Office.AddinCommands.Event): Promise<void> {
  if (!office.addin || !office.context.requirements.isSetSupported("SharedRuntime", "1.1")) {
    explainInDialog(office, `${helpPage.split("#")[0]}#${NO_SHARED_RUNTIME_SECTION}`, () => event.completed());
    return;
  }
  try {
    await office.addin.showAsTaskpane();
  } catch {
    // Shown or not, the pane is this runtime's page: it still checks, and its marks show on the sheet.
  } finally {
    pane.request();
    event.completed();
  }
}

/** Shows `url` in a dialog; `done` once the person closes it, or at once when Office cannot open it. */
function explainInDialog(office: CommandOffice, url: string, done: () => void): void {
  try {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 40, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) return done();
      // The command's page hosts the dialog: the command ends when the person closes it.
      result.value.addEventHandler(office.EventType.DialogEventReceived, () => done());
    });
  } catch {
    done();
  }
}
