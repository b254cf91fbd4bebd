#!/usr/bin/env node
// Entry of the `duban` command: the compiled command-line host (built by `npm install` via `prepare`).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "..", "dist", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error("督办助手尚未构建：请先在项目目录运行 npm install（或 npm run build:cli）。");
  process.exit(2);
}
// A reader that stops early (duban check … | head) is not an error.
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); else throw e; });
require(main).run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
