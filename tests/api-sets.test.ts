// The fake Excel's requirement sets against Microsoft's: every member of Excel's object model the Office
// host's code reaches (found by the TypeScript checker, through the types of @types/office-js) that is newer
// than the oldest Excel the add-in meets must be checked by the fake as office.js checks it (API_MEMBERS),
// or be reached only through a member that is; and the sets are the typings' own annotations.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { API_MEMBERS, covers, EVENT_FIELDS, EXCEL_VERSIONS } from "./fakes/excel";
import { excelApiSet, excelApiSets } from "./fakes/apiSets";

const HOST = path.join(__dirname, "..", "src", "hosts", "office");
const OLDEST = EXCEL_VERSIONS[0];

/**
 * Classes the host reaches only through a member the fake checks: office.js checks the member that leads
 * to them, not theirs again (PageLayout through Worksheet.pageLayout …).
 */
const REACHED_THROUGH: Readonly<Record<string, (typeof API_MEMBERS)[number]>> = {
  PageLayout: "Worksheet.pageLayout",
  HeaderFooterGroup: "Worksheet.pageLayout",
  HeaderFooter: "Worksheet.pageLayout",
  NoteCollection: "Worksheet.notes",
  Note: "Worksheet.notes",
  CommentCollection: "Worksheet.comments",
  Comment: "Worksheet.comments",
  RangeAreas: "Range.getSpecialCellsOrNullObject",
  SettingCollection: "Workbook.settings",
  Setting: "Workbook.settings",
  WorkbookProtection: "Workbook.protection",
  WorksheetFreezePanes: "Worksheet.freezePanes",
  WorksheetProtection: "Worksheet.protection",
};

/** Each `Class.member` of the Excel namespace the host's code reaches, with its API set (undefined: none annotated). */
function membersUsed(): Map<string, string | undefined> {
  const files = fs.readdirSync(HOST).filter((f) => f.endsWith(".ts")).map((f) => path.join(HOST, f));
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ["office-js"], skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Map<string, string | undefined>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      const declaration = symbol?.declarations?.[0];
      const owner = declaration?.parent;
      if (declaration && owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name && /@types[\\/]office-js/.test(declaration.getSourceFile().fileName)) {
        const namespaces: string[] = [];
        for (let p: ts.Node | undefined = owner.parent; p; p = p.parent) if (ts.isModuleDeclaration(p)) namespaces.unshift(p.name.text);
        if (namespaces.join(".") === "Excel") used.set(`${owner.name.text}.${symbol!.name}`, /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(declaration.getFullText())?.[1]);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(program.getSourceFile(f)!);
  return used;
}

test("the fake checks each member it lists at the requirement set Microsoft's typings give it", () => {
  expect(excelApiSets().size).toBeGreaterThan(1000);
  for (const member of API_MEMBERS) expect(excelApiSet(member)).toMatch(/^1\.\d+$/);
  // Spot checks against Microsoft's requirement-set pages.
  expect(excelApiSet("Range.getMergedAreasOrNullObject")).toBe("1.13");
  expect(excelApiSet("Worksheet.notes")).toBe("1.18");
  expect(excelApiSet("RangeFill.pattern")).toBe("1.9");
  expect(() => excelApiSet("Range.noSuchMember")).toThrow(/describes no Range.noSuchMember/);
});

test("every member the Office host reaches that is newer than the oldest Excel it meets is checked by the fake, or reached through one that is", () => {
  const used = membersUsed();
  // The checker sees the host's calls: the ones the fake checks are among them.
  expect(used.get("Range.getMergedAreasOrNullObject")).toBe("1.13");
  const unchecked: string[] = [];
  for (const [member, set] of used) {
    if (!set || covers(OLDEST, set)) continue;
    if ((API_MEMBERS as readonly string[]).includes(member)) {
      expect(excelApiSet(member)).toBe(set);
      continue;
    }
    // A field of event arguments: no call office.js checks, absent where Excel is older (the fake leaves it out).
    if ((EVENT_FIELDS as readonly string[]).includes(member)) {
      expect(excelApiSet(member)).toBe(set);
      continue;
    }
    const through = REACHED_THROUGH[member.split(".")[0]!];
    if (through && covers(excelApiSet(through), set)) continue;
    unchecked.push(`${member} (ExcelApi ${set})`);
  }
  expect(unchecked).toEqual([]);
});
