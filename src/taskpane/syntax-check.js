// The probe webview-check.js loads before the pane's script (data-probe). It holds the newest syntax the pane's
// script uses: ES2022, the target TypeScript compiles the pane to (tsconfig.json) and the newest the bundled
// packages ship (class fields and private members, a class static block, ??=). An engine that cannot parse it
// cannot parse the pane either: the flag below is never set, and webview-check.js says what to do instead of
// leaving the pane blank. Chromium parses it from version 94, Safari from 16.4, Firefox from 93.
// Shipped as written, never minified or transpiled (that would change the syntax it tests): tests/webview-check.test.ts
// checks that it needs ES2022 and that the build copies it as it is.
/* global window */
class DubanSyntaxCheck {
  static ready = false;
  #count;
  static {
    DubanSyntaxCheck.ready = true;
  }
  next() {
    this.#count ??= 0;
    return ++this.#count;
  }
}
window.dubanSyntaxCheck = DubanSyntaxCheck.ready && new DubanSyntaxCheck().next() === 1;
