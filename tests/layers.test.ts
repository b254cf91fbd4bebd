// The layers, as the build keeps them: the engine imports only itself; the application layer only the
// engine; the pane only the application layer; each host only the port (src/app/port.ts, and the types
// of src/app/messages.ts), the engine's instruction set and small pure helpers (ops, records, address,
// text, types, metadata), and itself; the files outside the workbook (src/files: the forms' .xlsx and the
// documents' .docx) the engine, the application layer and the .xlsx host; the user interfaces reach
// hosts and files only where they are put together (their entry files); nothing in src/ imports core's
// barrel (src/core/index.ts, the tests' short way in) or tests/. Every import of every source file is
// read with TypeScript's own scanner.
import * as fs from "fs";
import * as os from "os";
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

/** The layer a file is in: core, app, hosts/office, hosts/xlsx, hosts/wps, files, taskpane, preview, cli, commands, scripts. */
function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel[0] === "hosts" ? `hosts/${rel[1]}` : rel[0]!;
}

/** The module an import reaches inside its layer, without the extension: "ops", "port"; a folder is its "index". */
function moduleOf(target: string): string {
  const layerDir = path.join(SRC, ...layerOf(target).split("/"));
  const isFolder = fs.existsSync(target) && fs.statSync(target).isDirectory();
  const rel = path.relative(layerDir, isFolder ? path.join(target, "index") : target).split(path.sep).join("/");
  return rel.replace(/\.(ts|tsx|js)$/, "");
}

/** Where each layer may import from (other than itself and npm packages). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  app: ["core"],
  "hosts/office": ["core", "app"],
  "hosts/xlsx": ["core", "app"],
  "hosts/wps": ["core", "app"],
  // The forms' .xlsx files are drawn through the .xlsx host.
  files: ["core", "app", "hosts/xlsx"],
  taskpane: ["app"],
  preview: ["core", "app", "taskpane", "hosts/xlsx", "files"],
  cli: ["core", "app", "hosts/xlsx", "files"],
  commands: ["core", "app"],
  scripts: ["core", "app", "hosts/xlsx", "cli", "files"],
};

/** Which modules of a layer another may reach, where not all: `modules` wholly, `types` for their types only. */
interface Reach {
  readonly modules: readonly string[];
  readonly types?: readonly string[];
}

/**
 * A host interprets the port and decides nothing: from the application layer it takes the port (and the
 * messages' types), from the engine the instruction set and small pure helpers, never a procedure or a
 * rule (drawing, layout, marks, markNotes, summary, returns, document …).
 */
const HOST_REACH: Record<string, Reach> = {
  app: { modules: ["port"], types: ["messages"] },
  // metadata: the metadata sheet's name.
  core: { modules: ["ops", "records", "address", "text", "types", "metadata"] },
};

const REACH: Record<string, Record<string, Reach>> = {
  "hosts/office": HOST_REACH,
  "hosts/xlsx": HOST_REACH,
  "hosts/wps": HOST_REACH,
};

/** Entry files that put a user interface together over its host. */
const COMPOSITION_ROOTS: Record<string, readonly string[]> = {
  // The pane's page starts in Office, WPS or the offline page (preview), and is also the shared runtime
  // of the Office ribbon's commands; it loads the forms' and documents' files when first needed.
  "taskpane/index.tsx": ["hosts/office", "hosts/xlsx", "hosts/wps", "preview", "commands", "files"],
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
  /** Only types are taken (`import type`, or every name marked `type`): nothing of it runs. */
  readonly typeOnly: boolean;
}

/** How many of a file's imports of each specifier take types only. */
function typeOnlyCounts(source: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of source.statements) {
    let typeOnly = false;
    if (ts.isImportDeclaration(s) && s.importClause) {
      const c = s.importClause;
      const named = c.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      typeOnly = c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly));
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier) {
      typeOnly = s.isTypeOnly || (!!s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.length > 0 && s.exportClause.elements.every((e) => e.isTypeOnly));
    } else continue;
    const spec = ((s as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier as ts.StringLiteral).text;
    if (typeOnly) counts.set(spec, (counts.get(spec) ?? 0) + 1);
  }
  return counts;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, "utf8");
  const found = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
  const typeOnly = typeOnlyCounts(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  // A specifier is taken for types only when every import of it is (a dynamic import never is).
  return found.map((spec) => ({ file, spec, typeOnly: (typeOnly.get(spec) ?? 0) === found.filter((s) => s === spec).length }));
}

/** What is wrong with an import of `file` (a path under src/), or undefined when it is in reach. */
function problem(file: string, spec: string, typeOnly = false): string | undefined {
  const from = layerOf(file);
  const rel = path.relative(SRC, file).split(path.sep).join("/");
  if (!spec.startsWith(".")) {
    const allowed = PACKAGES[from];
    return allowed && !allowed.test(spec) ? `${rel} uses the package ${spec}` : undefined;
  }
  const target = path.resolve(path.dirname(file), spec);
  if (!target.startsWith(SRC + path.sep)) return `${rel} imports ${path.relative(ROOT, target)}, outside src/`;
  const to = layerOf(target);
  const module = moduleOf(target);
  if (to === "core" && module === "index" && from !== "core") return `${rel} imports core's barrel (${spec}): import the engine's modules by name`;
  if (to === from) return undefined;
  if (!(ALLOWED[from] ?? []).includes(to) && !(COMPOSITION_ROOTS[rel] ?? []).includes(to)) return `${rel} (${from}) imports ${spec} (${to})`;
  const reach = REACH[from]?.[to];
  if (!reach || reach.modules.includes(module) || (typeOnly && reach.types?.includes(module))) return undefined;
  return `${rel} (${from}) imports ${spec}: from ${to} only ${[...reach.modules, ...(reach.types ?? []).map((t) => `${t} (types)`)].join(", ")}`;
}

test("every import stays within its layer's reach", () => {
  const all = files(SRC).flatMap(importsOf);
  expect(all.length).toBeGreaterThan(200);
  expect(all.map((i) => problem(i.file, i.spec, i.typeOnly)).filter(Boolean)).toEqual([]);
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

test("the rule can fail: the pane reaching the engine", () => {
  const at = (file: string) => path.join(SRC, file);
  expect(problem(at("taskpane/components/CheckTab.tsx"), "../../core/check")).toMatch(/\(taskpane\) imports .* \(core\)/);
  expect(problem(at("taskpane/App.tsx"), "../core/types", true)).toMatch(/\(core\)/);
  expect(problem(at("taskpane/components/CheckTab.tsx"), "../../app")).toBeUndefined();
  expect(problem(at("taskpane/files.ts"), "../app/messages")).toBeUndefined();
});

test("the rule can fail: a host taking a procedure or a rule, not the port and the instruction set", () => {
  const at = (file: string) => path.join(SRC, file);
  // Procedures and rules of the engine and the application layer.
  for (const spec of ["../../core/drawing", "../../core/layout", "../../core/marks", "../../core/markNotes", "../../core/summary", "../../core/returns", "../../core/document"])
    expect(problem(at("hosts/xlsx/host.ts"), spec)).toMatch(/only ops, records, address, text, types, metadata$/);
  expect(problem(at("hosts/office/host.ts"), "../../app/book")).toMatch(/from app only port, messages \(types\)/);
  expect(problem(at("hosts/wps/host.ts"), "../../app")).toMatch(/from app only/);
  // The messages' types, yes; their functions (sentences), no.
  expect(problem(at("hosts/wps/host.ts"), "../../app/messages", true)).toBeUndefined();
  expect(problem(at("hosts/wps/host.ts"), "../../app/messages")).toMatch(/from app only/);
  // The port and the instruction set.
  expect(problem(at("hosts/office/host.ts"), "../../app/port")).toBeUndefined();
  for (const spec of ["../../core/ops", "../../core/records", "../../core/address", "../../core/text", "../../core/types", "../../core/metadata"]) expect(problem(at("hosts/wps/cells.ts"), spec)).toBeUndefined();
  // The rule is the hosts': the application layer and the files take any module of the engine.
  expect(problem(at("app/book.ts"), "../core/drawing")).toBeUndefined();
  expect(problem(at("files/forms.ts"), "../core/drawing")).toBeUndefined();
});

test("the rule can fail: core's barrel imported from src/, the files adapter out of reach", () => {
  const at = (file: string) => path.join(SRC, file);
  expect(problem(at("hosts/xlsx/grid.ts"), "../../core", true)).toMatch(/core's barrel/);
  expect(problem(at("cli/main.ts"), "../core/index")).toMatch(/core's barrel/);
  expect(problem(at("app/check.ts"), "../core")).toMatch(/core's barrel/);
  expect(problem(at("core/check.ts"), "./index")).toBeUndefined();
  // The files adapter: drawn through the .xlsx host, loaded by the entry files, the command line and the preview.
  expect(problem(at("files/forms.ts"), "../hosts/xlsx/host")).toBeUndefined();
  expect(problem(at("files/forms.ts"), "../hosts/office/host")).toMatch(/imports/);
  expect(problem(at("files/forms.ts"), "../taskpane/files")).toMatch(/imports/);
  expect(problem(at("hosts/xlsx/host.ts"), "../../files/forms")).toMatch(/imports/);
  expect(problem(at("app/forms.ts"), "../files/forms")).toMatch(/imports/);
  expect(problem(at("taskpane/components/DistributeTab.tsx"), "../../files/forms")).toMatch(/imports/);
  expect(problem(at("taskpane/index.tsx"), "../files/forms")).toBeUndefined();
  expect(problem(at("cli/main.ts"), "../files/documents")).toBeUndefined();
  expect(problem(at("preview/PreviewPage.tsx"), "../files/forms")).toBeUndefined();
});

test("an import taken for types only is told from one that runs", () => {
  const kinds = (text: string) => [...typeOnlyCounts(ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, false))];
  expect(kinds('import type { A } from "./a"; import { type B, type C } from "./b"; export type { D } from "./d";')).toEqual([["./a", 1], ["./b", 1], ["./d", 1]]);
  expect(kinds('import { A, type B } from "./a"; import * as X from "./x"; import "./y"; export { Z } from "./z";')).toEqual([]);
  // Every import of the specifier must be for types only.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
  const file = path.join(dir, "f.ts");
  fs.writeFileSync(file, 'import type { A } from "./a";\nconst b = () => import("./a");\nimport type { C } from "./c";\n');
  expect(importsOf(file).map((i) => [i.spec, i.typeOnly])).toEqual([["./a", false], ["./a", false], ["./c", true]]);
  fs.rmSync(dir, { recursive: true });
});
