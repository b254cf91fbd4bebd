// ESLint over the add-in's sources: `npm run lint` (CI runs it), `eslint -c tests/lint/eslint.config.mjs src`.
// A light rule set: ESLint's and typescript-eslint's recommended rules (no type-aware ones; `npm run typecheck`
// is strict already), and Microsoft's rules for Office.js code from eslint-plugin-office-addins, at the levels of
// that plugin's own recommended set: load a property before reading it, sync after load and before read, no
// sync in a loop, no empty or navigational load, Office.onReady rather than Office.initialize, isNullObject
// for *OrNullObject results. The plugin's recommended set itself is not used: it also turns Prettier's
// formatting into errors, which this project does not use.
import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const OFFICE_ADDINS_RULES = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const readonly = (names) => Object.fromEntries(names.map((n) => [n, "readonly"]));

/** The code that drives Excel through Office.js; elsewhere (ExcelJS in the .xlsx host, the preview) the plugin's
 * rules would take ExcelJS's cells and rows for Office.js proxies. */
const OFFICE_JS_CODE = ["src/hosts/office/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"];

const TYPESCRIPT = ["**/*.{ts,tsx}"];
// A name starting with _ is unused on purpose (for (const _ of s) counts code points); so is a caught error
// (ES5 has no catch without one).
const UNUSED = { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" };

export default defineConfig(
  js.configs.recommended,
  // TypeScript's parser and rules for TypeScript only: the JavaScript files keep ESLint's own parser and its ecmaVersion.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TYPESCRIPT })),
  {
    files: TYPESCRIPT,
    rules: { "@typescript-eslint/no-unused-vars": ["error", UNUSED] },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    rules: { "no-unused-vars": ["error", UNUSED] },
  },
  {
    rules: {
      // A comment may show the character it is about (the full-width space that separates units).
      "no-irregular-whitespace": ["error", { skipComments: true }],
    },
  },
  {
    files: OFFICE_JS_CODE,
    plugins: { "office-addins": officeAddins },
    rules: OFFICE_ADDINS_RULES,
  },
  {
    // The pages' first script runs in Internet Explorer's engine: ES5, a classic script (tests/webview-check.test.ts).
    files: ["src/taskpane/webview-check.js", "src/commands/wps/main.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: readonly(["window", "document", "navigator"]) },
  },
  {
    // The `duban` command's entry and the build's webpack plugin: CommonJS for Node.
    files: ["src/cli/bin.js", "src/scripts/cspByHash.js"],
    languageOptions: { sourceType: "commonjs", globals: readonly(["require", "module", "process", "__dirname", "console"]) },
  },
);
