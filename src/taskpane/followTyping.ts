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
  useAfterChanges(cellChanges, async (changed, live) => {
    const { state: last, following: f } = latest.current;
    if (last === undefined) return;
    try {
      const outcome = f.outcomeOf(last);
      const next = changed !== "all" && changed.sheet === outcome.workbook.ledger.name ? f.withOutcome(last, await app.recheck(outcome, changed.cells)) : await f.readAll();
      // The next re-check starts from this one, even before the tab has drawn it.
      latest.current = { ...latest.current, state: next };
      if (live()) latest.current.following.set(next);
    } catch {
      if (live()) latest.current.following.readAgain();
    }
  });
}

/**
 * Runs `again` RECHECK_DELAY_MS after the last change `cellChanges` tells (a burst of changes, a paste,
 * is one run), never one run over another: a change while it runs brings one more run after it. `again`
 * is given the cells changed since the last run ("all" when a change did not say where it was, or came
 * from two sheets), and whether the component is still shown.
 */
export function useAfterChanges(cellChanges: CellChanges | undefined, again: (changed: CellsEdited | "all", live: () => boolean) => Promise<void>): void {
  const latest = React.useRef(again);
  latest.current = again;
  React.useEffect(() => {
    if (!cellChanges) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let pending = false;
    let live = true;
    let edited: CellsEdited | "all" | undefined;
    const run = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      const changed = edited ?? "all";
      edited = undefined;
      try {
        await latest.current(changed, () => live);
      } finally {
        running = false;
        if (pending && live) {
          pending = false;
          void run();
        }
      }
    };
    const off = cellChanges((told) => {
      if (!told || edited === "all" || (edited && edited.sheet !== told.sheet)) edited = "all";
      else edited = { sheet: told.sheet, cells: [...(edited?.cells ?? []), ...told.cells] };
      clearTimeout(timer);
      timer = setTimeout(() => void run(), RECHECK_DELAY_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [cellChanges]);
}
