// Lints several texts, each as a file of the repository, with the lint configuration that `npm run lint`
// uses: ESLint's own engine, as its command line runs `--stdin --stdin-filename` (ESLint.lintText with a
// filePath), but started once for all of them. Reads [{ file, code }] as JSON on stdin; writes each
// text's problems as JSON, in order. Run from the repository's root.
import process from "node:process";
import { ESLint } from "eslint";

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8").on("data", (d) => (text += d)).on("end", () => resolve(text));
});
const eslint = new ESLint({ overrideConfigFile: "tests/lint/eslint.config.mjs" });
const out = [];
for (const { file, code } of JSON.parse(input)) out.push((await eslint.lintText(code, { filePath: file }))[0].messages);
process.stdout.write(JSON.stringify(out));
