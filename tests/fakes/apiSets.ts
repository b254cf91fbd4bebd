// The ExcelApi requirement set of each member of Excel's object model, as Microsoft's typings annotate it:
// `[Api set: ExcelApi 1.13]` in the doc comment of each member of the classes of `declare namespace Excel`
// in @types/office-js's index.d.ts (the same annotations learn.microsoft.com's reference is made from). The
// fake Excel takes the requirement set of each member it checks from here, never from a table of its own.
import * as fs from "fs";

let sets: Map<string, string> | undefined;

/** Every `Class.member` of the Excel namespace (its interfaces for loading and setting left out) with its API set. */
export function excelApiSets(): ReadonlyMap<string, string> {
  if (sets) return sets;
  const text = fs.readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const start = text.indexOf("declare namespace Excel {");
  const body = text.slice(start, text.indexOf("\n    namespace Interfaces {", start));
  sets = new Map();
  let owner: string | undefined;
  let doc = "";
  for (const line of body.split("\n")) {
    const declared = /^ {4}(?:abstract )?(?:class|interface) (\w+)/.exec(line);
    if (declared) {
      owner = declared[1];
      doc = "";
    } else if (/^ {4}\}/.test(line)) owner = undefined;
    else if (!owner) continue;
    else if (/^\s*\/\*\*/.test(line)) doc = line;
    else if (/^\s*\*/.test(line)) doc += `\n${line}`;
    else {
      const member = /^ {8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
      const set = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(doc);
      if (member && set && !sets.has(`${owner}.${member[1]}`)) sets.set(`${owner}.${member[1]}`, set[1]!);
      doc = "";
    }
  }
  return sets;
}

/** The requirement set of `Class.member`, as the typings annotate it; an error for a member they do not describe. */
export function excelApiSet(member: string): string {
  const set = excelApiSets().get(member);
  if (!set) throw new Error(`@types/office-js describes no ${member} with an ExcelApi set`);
  return set;
}
