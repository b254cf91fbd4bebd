// manifest.xml without other programs (xmllint validation runs in tests/tools).
import * as fs from "fs";
import * as path from "path";

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
  expect(xml).toContain("taskpane.html?run=check");
  expect(xml).toMatch(/<bt:Override Locale="en-US" Value="Check completeness"\/>/);
});
