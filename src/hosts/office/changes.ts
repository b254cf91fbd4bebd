// 边填边查 in Excel: the changes a person makes to the cells, as Excel's change events tell them
// (port.watchCells). Handlers are added in one Excel.run and take effect at its sync; they are removed
// in an Excel.run on the context they were added in ("Remove event handlers using the remove method
// with the same RequestContext": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events,
// and OfficeExtension.EventHandlerResult: https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult).
import type { CellsChangeListener } from "../../app/port";
import type { ApiSupport, ExcelRun } from "./support";

/**
 * How long after one of the host's own writes an event without a triggerSource is still taken to be
 * of that write. Excel sends change events after the sync that made the change, as messages of their
 * own (office.js's GenericEventRegistration._handleRichApiMessage), and when they come is not
 * documented: a write's events may arrive after its Excel.run has returned. Half a second covers that;
 * a person's edit within it is missed, and the next one is told.
 */
export const OWN_WRITE_GRACE_MS = 500;

/**
 * The host's own write batches, for Excel below ExcelApi 1.14, whose change events do not say who
 * made the change (no triggerSource): an event that comes while one runs, or within
 * OWN_WRITE_GRACE_MS after it ended, is taken to be the add-in's own.
 */
export class OwnWrites {
  private running = 0;
  private endedAt = -Infinity;

  /** Runs a write of the host's own. */
  async during<T>(write: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await write();
    } finally {
      this.running--;
      this.endedAt = Date.now();
    }
  }

  /** Whether a change told now may be one of the host's own writes. */
  get recent(): boolean {
    return this.running > 0 || Date.now() - this.endedAt < OWN_WRITE_GRACE_MS;
  }
}

type Registration = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/** Logs a failure of the watching, as the host logs its failures; nothing is shown (typing is followed, or not). */
function logged(what: string, e: unknown): void {
  const err = e as { code?: string; message?: string; debugInfo?: unknown } | undefined;
  console.error(`督办助手：${what} 失败`, err?.code, err?.message, err?.debugInfo);
}

/**
 * Tells `listener` of the changes a person makes to the workbook's cells; returns the way to stop.
 * With ExcelApi 1.9, one handler on the workbook's sheets (WorksheetCollection.onChanged); below it
 * (Office 2019 has 1.7 and 1.8), one on each sheet there is at registration (Worksheet.onChanged,
 * ExcelApi 1.7): a sheet added later is not watched there. A registration that fails is logged, and
 * nothing is told.
 */
export function watchChanges(excelRun: ExcelRun, options: Excel.RunOptions, support: ApiSupport, own: OwnWrites, listener: CellsChangeListener): () => void {
  let stopped = false;
  const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // office.js catches what a handler throws and only logs it (EventHandlers.fireEvent); nothing
    // of ours should get that far.
    try {
      if (!stopped) await told(event);
    } catch (e) {
      logged("单元格变化", e);
    }
  };

  const told = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // The add-in's own write: said by Excel from ExcelApi 1.14 ("ThisLocalAddin",
    // https://learn.microsoft.com/javascript/api/excel/excel.eventtriggersource); below it the event
    // has no triggerSource (office.js copies it from Excel's message: Worksheet_Changed_EventArgsTransform),
    // and the host's own batches tell. A co-author's edit in Excel on the web (source "Remote") is a
    // change to the ledger like any other, and is told.
    const trigger: string | undefined = event.triggerSource;
    if (trigger === "ThisLocalAddin") return;
    if (trigger === undefined && own.recent) return;
    // Values edited in place; anything else (rows, columns or cells inserted or deleted, "Unknown")
    // may have moved cells: told without cells, for a whole check
    // (https://learn.microsoft.com/javascript/api/excel/excel.datachangetype).
    if (event.changeType !== "RangeEdited") return listener();
    const sheet = await nameOf(event.worksheetId);
    if (stopped) return;
    listener(sheet === undefined ? undefined : { sheet, cells: [event.address] });
  };

  // The sheet's name is asked for each edit (one round trip, at a person's pace) rather than kept from
  // the registration: a sheet renamed since would be told under its old name. A sheet that cannot be
  // found (deleted since) is told without cells. getItemOrNullObject takes a sheet's name or its id.
  const nameOf = async (worksheetId: string): Promise<string | undefined> => {
    try {
      return await excelRun(options, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(worksheetId).load("name");
        await context.sync();
        return sheet.isNullObject ? undefined : sheet.name;
      });
    } catch (e) {
      logged("读取变化所在的工作表", e);
      return undefined;
    }
  };

  // Handlers are registered with Excel at the sync that sends them (office.js: GenericEventHandlers.add).
  const registered: Promise<Registration[]> = excelRun(options, async (context) => {
    const handlers: Registration[] = [];
    if (support.collectionEvents) {
      handlers.push(context.workbook.worksheets.onChanged.add(handler));
    } else {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      for (const sheet of sheets.items) handlers.push(sheet.onChanged.add(handler));
    }
    await context.sync();
    return handlers;
  }).catch((e: unknown) => {
    logged("监视单元格变化", e);
    return [];
  });

  return () => {
    if (stopped) return;
    stopped = true;
    // Removed once registered (a registration still on its way is waited for); in an Excel.run on the
    // context they were added in: `previousObjects` is how office.js's Excel.run(context, batch) is
    // given with options (ClientRequestContext._runBatchCommon takes the context from it).
    void registered.then(async (handlers) => {
      if (!handlers.length) return;
      try {
        await excelRun({ ...options, previousObjects: handlers[0]!.context }, async (context) => {
          for (const h of handlers) h.remove();
          await context.sync();
        });
      } catch (e) {
        logged("停止监视单元格变化", e);
      }
    });
  };
}
