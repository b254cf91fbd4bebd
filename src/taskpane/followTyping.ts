// A tab follows typing: a change to the cells made outside the pane (pane.cellChanges: the preview's
// grid, Excel's and WPS's change events) checks the ledger again, quietly (no spinner),
// RECHECK_DELAY_MS after the last change. Cells edited on the ledger the tab shows are checked again by
// their rows alone (app.recheck); any other change (rows inserted, another sheet, cells not told) by the
// tab's whole reading. A change while a check runs starts no second one over it: one more check follows
// it. A check that fails is run again as the tab's own button runs it, which says what went wrong.
import * as React from "react";
import type { CellsEdited, CheckOutcome, DubanApp, RecheckOutcome } from "../app";
import type { CellChanges } from "./pane";

/** How long a tab waits after a cell changes before checking again: the changes of a paste come as one. */
export const RECHECK_DELAY_MS = 100;

/** What a tab shows, and how it is read again. */
export interface Following<S> {
  /** The check a state was made from. */
  readonly outcomeOf: (state: S) => CheckOutcome;
  /** The state with the rows edited checked again. */
  readonly withOutcome: (state: S, outcome: RecheckOutcome) => S;
  /** The tab's whole reading, quietly (after a change that was no edit in place). */
  readonly readAll: () => Promise<S>;
  /** Shows a state. */
  readonly set: (state: S) => void;
  /** Reads again as the tab's own button does, saying what went wrong. */
  readonly readAgain: () => void;
}

/** Follows the changes `cellChanges` tells while `state` is shown (nothing before a first reading). */
export function useFollowTyping<S>(app: DubanApp, cellChanges: CellChanges | undefined, state: S | undefined, following: Following<S>): void {
  // The tab's state and reading as of the last render, for a change that comes later.
  const latest = React.useRef({ state, following });
  latest.current = { state, following };
  React.useEffect(() => {
    if (!cellChanges) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let pending = false;
    let live = true;
    // The cells edited since the last check, or "all" when a change did not say where it was.
    let edited: CellsEdited | "all" | undefined;
    const checkAgain = async (changed: typeof edited): Promise<S | undefined> => {
      const { state: last, following: f } = latest.current;
      if (last === undefined) return undefined;
      const outcome = f.outcomeOf(last);
      if (changed && changed !== "all" && changed.sheet === outcome.workbook.ledger.name) return f.withOutcome(last, await app.recheck(outcome, changed.cells));
      return f.readAll();
    };
    const recheck = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      const changed = edited;
      edited = undefined;
      try {
        const next = await checkAgain(changed);
        if (next !== undefined) {
          // The next re-check starts from this one, even before the tab has drawn it.
          latest.current = { ...latest.current, state: next };
          if (live) latest.current.following.set(next);
        }
      } catch {
        if (live) latest.current.following.readAgain();
      } finally {
        running = false;
        if (pending && live) {
          pending = false;
          void recheck();
        }
      }
    };
    const off = cellChanges((told) => {
      if (!told || edited === "all" || (edited && edited.sheet !== told.sheet)) edited = "all";
      else edited = { sheet: told.sheet, cells: [...(edited?.cells ?? []), ...told.cells] };
      clearTimeout(timer);
      timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [app, cellChanges]);
}
