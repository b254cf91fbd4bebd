// The application layer as tests use it: a workbook opened through a port, marks as the check makes
// them, and the sentence an error says to the person.
import { markNote, openWorkbook, problemText, type WorkbookPort } from "../../src/app";
import { markPlan } from "../../src/core/marks";
import type { CheckResult } from "../../src/core/types";

/** The ledger and directory of a workbook, read as every use case reads them. */
export async function opened(port: WorkbookPort) {
  return openWorkbook(port);
}

/** The marks a check writes (with their notes, in Chinese). */
export const marksOf = (result: CheckResult) => markPlan(result, markNote);

/** The error a call throws (the test fails when it throws none). */
export function errorOf(work: () => unknown): unknown {
  try {
    work();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** Resolves to the sentence the person is told when `work` fails (and fails the test when it does not). */
export async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    return problemText(e);
  }
  throw new Error("expected a failure");
}
