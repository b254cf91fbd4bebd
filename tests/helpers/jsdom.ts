// What every browser has and jsdom (jest 29) lacks, for the pane's tests: ResizeObserver (Fluent's
// MessageBar and Toaster, and the virtualised lists, watch their size with it) and TextEncoder /
// TextDecoder (the .docx writer uses them). Imported for its effect, before the pane renders.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { configure } from "@testing-library/react";
// Each element's computed style kept until the page changes (getByRole asks for it again and again).
import "./computedStyles";

// findBy… and waitFor wait up to 5 s, not 1: on a 2-core machine running two test files at once, a check
// of the seed ledger and its redraw can take longer than a second; a wait that is met returns at once.
configure({ asyncUtilTimeout: 5000 });

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });

/** The files the pane hands to the browser to download (an anchor's click on a blob: URL), with their names. */
export function catchDownloads(): { name: string; blob: Blob }[] {
  const got: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  Object.assign(URL, { createObjectURL: (b: Blob) => ((last = b), "blob:duban"), revokeObjectURL: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    got.push({ name: this.download, blob: last! });
  });
  return got;
}

// Fluent's styles (Griffel) are thousands of CSS rules, one property each; jsdom matches every rule against
// the element on each getComputedStyle, which Testing Library calls for every candidate of getByRole's
// accessible name: most of a pane test's time. jsdom lays nothing out, and what it reads of a style is
// whether an element is shown (display, visibility: the accessibility tree and the names), so only the
// rules that set those are kept (a Tab's hidden second copy of its label, for one).
const insertRule = CSSStyleSheet.prototype.insertRule;
CSSStyleSheet.prototype.insertRule = function (rule: string, index?: number) {
  return /(^|[{;])\s*(display|visibility)\s*:/.test(rule) ? insertRule.call(this, rule, index) : 0;
};
