// Requests to run the check that come from outside the pane: the ribbon's 检查完整性 (in the shared
// runtime, src/commands/checkCommand.ts) and a page opened as taskpane.html?run=check (a manifest
// deployed before the shared runtime). Each request is taken once, so a tab shown again never
// repeats a check; requests made while one is waiting are answered by one check.

export interface CheckRequestSource {
  /** Whether a request is waiting; taking it clears it. */
  take(): boolean;
  /** Calls `listener` on each new request, and at once when one is already waiting; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export class CheckRequests implements CheckRequestSource {
  private waiting = false;
  private readonly listeners = new Set<() => void>();

  /** Asks the pane to run the check (the pane may not be shown yet: the request waits for it). */
  request(): void {
    this.waiting = true;
    for (const listener of [...this.listeners]) listener();
  }

  take(): boolean {
    const waiting = this.waiting;
    this.waiting = false;
    return waiting;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.waiting) listener();
    return () => {
      this.listeners.delete(listener);
    };
  }
}
