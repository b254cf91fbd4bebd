import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const SCHEMA = path.join(ROOT, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");

test("manifest.xml validates against the add-in manifest schema (xmllint)", () => {
  const out = execFileSync("xmllint", ["--noout", "--schema", SCHEMA, path.join(ROOT, "manifest.xml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(out).toBe("");
});

test("every URL in manifest.xml is https", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const urls = [...xml.matchAll(/DefaultValue="(\w+:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
  expect(urls.length).toBeGreaterThan(3);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("LibreOffice opens the seed workbooks and prints them to PDF", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lo-"));
  const seeds = fs.readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".xlsx"));
  expect(seeds.length).toBe(3);
  // A private profile, so a LibreOffice already running for the user does not take the job.
  execFileSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, ...seeds.map((f) => path.join(ROOT, "seeds", f))], {
    stdio: "ignore",
    timeout: 170000,
  });
  for (const f of seeds) {
    const pdf = path.join(out, f.replace(/\.xlsx$/, ".pdf"));
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }
});
