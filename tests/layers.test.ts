// The layers, as the build keeps them: the engine imports only itself; the application layer only the
// engine; each host only the engine, the application layer (its port) and itself; the user
// interfaces reach hosts only where they are put together (their entry files); nothing in src/
// imports tests/. Every import of every source file is read with TypeScript's own scanner.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
const SRC = path.join(ROOT, "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

/** The layer a file is in: core, app, hosts/office, hosts/xlsx, hosts/wps, taskpane, preview, cli, commands, scripts. */
function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel[0] === "hosts" ? `hosts/${rel[1]}` : rel[0]!;
}

/** Where each layer may import from (other than itself and npm packages). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  app: ["core"],
  "hosts/office": ["core", "app"],
  "hosts/xlsx": ["core", "app"],
  "hosts/wps": ["core", "app"],
  taskpane: ["core", "app"],
  preview: ["core", "app", "taskpane", "hosts/xlsx"],
  cli: ["core", "app", "hosts/xlsx"],
  commands: ["core", "app"],
  scripts: ["core", "app", "hosts/xlsx", "cli"],
};

/** Entry files that put a user interface together over its host. */
const COMPOSITION_ROOTS: Record<string, readonly string[]> = {
  // The pane's page starts in Office, WPS or the offline page (preview), and is also the shared runtime
  // of the Office ribbon's commands.
  "taskpane/index.tsx": ["hosts/office", "hosts/xlsx", "hosts/wps", "preview", "commands"],
  "commands/wps/ribbon.ts": ["hosts/wps"],
};

/** The packages each layer may use: the engine and the application layer stay free of the DOM, Office and files. */
const PACKAGES: Record<string, RegExp> = {
  core: /^fastest-levenshtein$/,
  app: /^$/,
};

interface Import {
  readonly file: string;
  readonly spec: string;
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((i) => ({ file, spec: i.fileName }));
}

/** What is wrong with an import of `file` (a path under src/), or undefined when it is in reach. */
function problem(file: string, spec: string): string | undefined {
  const from = layerOf(file);
  const rel = path.relative(SRC, file).split(path.sep).join("/");
  if (!spec.startsWith(".")) {
    const allowed = PACKAGES[from];
    return allowed && !allowed.test(spec) ? `${rel} uses the package ${spec}` : undefined;
  }
  const target = path.resolve(path.dirname(file), spec);
  if (!target.startsWith(SRC + path.sep)) return `${rel} imports ${path.relative(ROOT, target)}, outside src/`;
  const to = layerOf(target);
  if (to === from || (ALLOWED[from] ?? []).includes(to) || (COMPOSITION_ROOTS[rel] ?? []).includes(to)) return undefined;
  return `${rel} (${from}) imports ${spec} (${to})`;
}

test("every import stays within its layer's reach", () => {
  const all = files(SRC).flatMap(importsOf);
  expect(all.length).toBeGreaterThan(200);
  expect(all.map((i) => problem(i.file, i.spec)).filter(Boolean)).toEqual([]);
});

test("the rule can fail: a host reached from a pane component, the engine reaching up, src reaching into tests, a host into another", () => {
  const at = (file: string) => path.join(SRC, file);
  expect(problem(at("taskpane/components/CheckTab.tsx"), "../../hosts/office/host")).toMatch(/imports/);
  expect(problem(at("core/check.ts"), "../app/messages")).toMatch(/imports/);
  expect(problem(at("core/check.ts"), "exceljs")).toMatch(/uses the package/);
  expect(problem(at("app/check.ts"), "react")).toMatch(/uses the package/);
  expect(problem(at("cli/main.ts"), "../../tests/fakes/excel")).toMatch(/outside src/);
  expect(problem(at("hosts/office/host.ts"), "../xlsx/grid")).toMatch(/imports/);
  expect(problem(at("taskpane/index.tsx"), "../hosts/office/host")).toBeUndefined();
  expect(problem(at("app/check.ts"), "../core/check")).toBeUndefined();
});
