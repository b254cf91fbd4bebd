// What the pane remembers for the person on this machine, never in the workbook (a shared ledger is
// not the place for one person's choices): the page's localStorage, which the Excel, WPS and browser
// panes all have. Where it is unavailable or refuses (a private window, storage turned off, quota),
// the choice lasts as long as the pane, and nothing fails.
const PREFIX = "duban.";

export function remembered(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: string | undefined): void {
  try {
    if (value === undefined) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Not remembered: the pane goes on with the choice in hand.
  }
}
