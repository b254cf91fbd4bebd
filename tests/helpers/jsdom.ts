// What every browser has and jsdom (jest 29) lacks, for the pane's tests: ResizeObserver (Fluent's
// MessageBar and Toaster, and the virtualised lists, watch their size with it) and TextEncoder /
// TextDecoder (the .docx writer uses them). Imported for its effect, before the pane renders.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

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
