// The add-in's pages built once for a browser test, served on a free port of this machine, and
// Debian's Chromium started with the flags a closed network needs.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".xlsx": "application/octet-stream", ".png": "image/png", ".map": "application/json" };

export interface Served {
  /** The folder the build wrote (addin/, web/, wps/). */
  readonly dist: string;
  /** The folder the add-in's pages were built into (served). */
  readonly out: string;
  /** http://127.0.0.1:port */
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function serveBuild(prefix: string): Promise<Served> {
  // E2E_DIST: a build made before (npm run build -- --env dist=DIR), to rerun a test without building again.
  const dist = process.env.E2E_DIST ?? fs.mkdtempSync(path.join(os.tmpdir(), `duban-e2e-${prefix}-`));
  if (!process.env.E2E_DIST) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", `dist=${dist}`], { cwd: ROOT, stdio: "ignore" });
  const out = path.join(dist, "addin");
  const server = http.createServer((req, res) => {
    const file = path.join(out, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!file.startsWith(out) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    dist,
    out,
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
