// The changes people make to the workbook's cells, as the host tells them (port.watchCells), shared by
// every part of the pane that follows typing (填报, 检查): the host registers once, when the first listener
// comes, and stops when the last one goes. WPS removes a change listener by the event's name alone
// (ApiEvent.RemoveApiEventListener("SheetChange"), wps-jsapi's index.d.ts), so two registrations of
// ours could not be told apart there; in Excel each registration is a round trip.
import type { CellsChangeListener, WorkbookPort } from "./port";

/** Subscribes to changes of the workbook's cells; returns the way to stop. */
export type CellChanges = (listener: CellsChangeListener) => () => void;

/** One registration with the host for any number of listeners; undefined where the host tells no changes. */
export function sharedCellChanges(port: Pick<WorkbookPort, "watchCells">): CellChanges | undefined {
  const watch = port.watchCells;
  if (!watch) return undefined;
  const listeners = new Set<CellsChangeListener>();
  let stop: (() => void) | undefined;
  return (listener) => {
    // A listener given twice is told twice (each subscription stops on its own).
    const own: CellsChangeListener = (edited) => listener(edited);
    listeners.add(own);
    stop ??= watch((edited) => {
      for (const l of [...listeners]) l(edited);
    });
    return () => {
      if (!listeners.delete(own) || listeners.size > 0) return;
      stop!();
      stop = undefined;
    };
  };
}
