// What went wrong, as the pane says it: the sentence, and whether it is a question rather than an error
// (a quarter outside the ledger's year, which the person may confirm and go on with).
import { messageOf, problemText, type Lang } from "./messages";

export interface Problem {
  readonly text: string;
  /** The person may go on (仍按此季度): the step is run again with the quarter confirmed. */
  readonly confirmable: boolean;
}

export function problemOf(e: unknown, lang: Lang): Problem {
  return { text: problemText(e, lang), confirmable: messageOf(e)?.code === "quarter-outside-year" };
}
