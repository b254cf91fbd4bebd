// One step of a tab at a time: what it is doing (for the spinner and the disabled buttons), what went
// wrong (for the ProblemBar), and the step to run again once the person confirms a quarter outside the
// ledger's year (仍按此季度).
import * as React from "react";

export interface Step {
  /** What the tab is doing now (the spinner's label); undefined when idle. */
  readonly busy: string | undefined;
  /** The last step's error, shown until the next step starts. */
  readonly error: unknown;
  /**
   * Runs `work`, busy with `label`. A failure is kept as `error` (or handed to `failed`, which then
   * says it some other way: a toast); `again` is what 仍按此季度 runs, with the quarter confirmed.
   */
  readonly run: (label: string, work: () => Promise<void>, options?: StepOptions) => Promise<void>;
  /** Runs the last step's `again`, if it had one. */
  readonly again: () => void;
}

export interface StepOptions {
  readonly again?: () => Promise<void>;
  readonly failed?: (e: unknown) => void;
}

export function useStep(): Step {
  const [busy, setBusy] = React.useState<string>();
  const [error, setError] = React.useState<unknown>();
  const last = React.useRef<{ label: string; again?: () => Promise<void> }>(undefined);
  const run = async (label: string, work: () => Promise<void>, options: StepOptions = {}) => {
    last.current = { label, ...(options.again ? { again: options.again } : {}) };
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      if (options.failed) options.failed(e);
      else setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const again = () => {
    const step = last.current;
    if (step?.again) void run(step.label, step.again, { again: step.again });
  };
  return { busy, error, run, again };
}
