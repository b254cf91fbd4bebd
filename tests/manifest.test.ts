// manifest.xml without other programs (xmllint validation runs in tests/tools).
import * as fs from "fs";
import * as path from "path";
import { CHECK_ACTION } from "../src/commands/checkCommand";

const xml = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");

test("every resid names a defined resource", () => {
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
  expect(used.length).toBeGreaterThan(10);
  for (const r of used) expect(defined).toContain(r);
});

test("every URL is https, and every icon it names is in src/assets", () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  for (const icon of xml.matchAll(/assets\/(icon-\d+\.png)/g)) expect(fs.existsSync(path.join(__dirname, "..", "src", "assets", icon[1]!))).toBe(true);
});

test("a ribbon group 督办助手 on the Home tab with 检查完整性 and 打开督办助手", () => {
  expect(xml).toMatch(/<OfficeTab id="TabHome">\s*<Group id="Duban.Group">/);
  expect(xml).toContain('<bt:String id="CheckButton.Label" DefaultValue="检查完整性">');
  expect(xml).toContain('<bt:String id="OpenButton.Label" DefaultValue="打开督办助手">');
  expect(xml).toMatch(/<bt:Override Locale="en-US" Value="Check completeness"\/>/);
});

/** A control of the ribbon by its id: its markup. */
const control = (id: string) => new RegExp(`<Control xsi:type="Button" id="${id}">([\\s\\S]*?)</Control>`).exec(xml)?.[1] ?? "";

test("检查完整性 is a command (the function the pane's page registers); 打开督办助手 shows the pane", () => {
  expect(control("Duban.CheckButton")).toMatch(new RegExp(`<Action xsi:type="ExecuteFunction">\\s*<FunctionName>${CHECK_ACTION}</FunctionName>`));
  expect(control("Duban.OpenButton")).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Duban.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
});

test("one shared runtime, kept while Excel runs: the runtime, the function file and the one pane share a resid, the pane's page", () => {
  const runtimes = [...xml.matchAll(/<Runtime resid="([^"]+)" lifetime="([^"]+)"\/>/g)];
  expect(runtimes.map((r) => [r[1], r[2]])).toEqual([["Taskpane.Url", "long"]]);
  // Inside the Workbook host, before its form factor (where Microsoft's schema puts it).
  expect(xml).toMatch(/<Host xsi:type="Workbook">\s*(<!--[\s\S]*?-->\s*)?<Runtimes>[\s\S]*<\/Runtimes>\s*<DesktopFormFactor>/);
  expect(/<FunctionFile resid="([^"]+)"\/>/.exec(xml)?.[1]).toBe("Taskpane.Url");
  // A shared runtime has one task pane: every ShowTaskpane opens the same one, from the runtime's page.
  const panes = [...xml.matchAll(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>([^<]+)<\/TaskpaneId>\s*<SourceLocation resid="([^"]+)"\/>/g)];
  expect(panes.length).toBeGreaterThan(0);
  for (const p of panes) expect([p[1], p[2]]).toEqual(["Duban.Taskpane", "Taskpane.Url"]);
  expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
  // Not required of the Excel: without it the add-in is still listed, and its pane works or says why not.
  expect(/<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)![0]).not.toContain("SharedRuntime");
});

test("SupportUrl and the Get Started page's 'learn more' point at the help page shipped in src/help", () => {
  expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
  expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help.html"/>');
  expect(fs.existsSync(path.join(__dirname, "..", "src", "help", "help.html"))).toBe(true);
});
