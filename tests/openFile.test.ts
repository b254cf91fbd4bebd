// Opening a file that is not an .xlsx package: an .xlsx with an open password and an old .xls are both
// OLE compound files, told apart by the streams in their directory, and each gets advice that works.
// The command line, the preview and the offline page (loadXlsx) and returned forms (readFormBytes) open
// files the same way. The files and how they were made: tests/fixtures/workbooks/README.md.
import * as fs from "fs";
import * as path from "path";
import { messageOf, say } from "../src/app";
import { HostError } from "../src/app/port";
import { readFormBytes } from "../src/files/forms";
import { compoundFileKind, compoundFileNames } from "../src/hosts/xlsx/cfb";
import { loadXlsx } from "../src/hosts/xlsx/open";
import { duban } from "./helpers/cli";

const FILES = path.join(__dirname, "fixtures", "workbooks");
const ENCRYPTED = path.join(FILES, "有密码的台账.xlsx");
const OLD_XLS = path.join(FILES, "旧版台账.xls");

async function failure(open: Promise<unknown>): Promise<HostError> {
  const e = await open.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("an .xlsx with an open password", () => {
  test("is told to remove the password, where Excel and WPS keep it, and never to save it as .xlsx again", async () => {
    const e = await failure(loadXlsx(fs.readFileSync(ENCRYPTED), "有密码的台账.xlsx"));
    const zh = say(messageOf(e)!);
    expect(zh).toBe(
      "“有密码的台账.xlsx”无法作为 .xlsx 工作簿打开：文件设有打开密码。请在 Excel 中输入密码打开它，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存（WPS 中为“文件 → 文档加密”）；然后重新打开。",
    );
    expect(zh).not.toMatch(/旧版|\.xls）|另存为/);
    expect(say(messageOf(e)!, "en")).toMatch(/open password.*File → Info → Protect Workbook → Encrypt with Password/);
  });

  test("the command line and a returned form say the same", async () => {
    const r = await duban("check", ENCRYPTED);
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件设有打开密码");
    expect(r.err).not.toContain("旧版");
    const e = await failure(readFormBytes(fs.readFileSync(ENCRYPTED), "区园林局-填报表.xlsx"));
    expect(say(messageOf(e)!)).toMatch(/^“区园林局-填报表.xlsx”无法作为 .xlsx 工作簿打开：文件设有打开密码/);
  });

  test("its directory names the encryption streams ([MS-OFFCRYPTO] 2.3.4)", () => {
    expect(compoundFileNames(fs.readFileSync(ENCRYPTED))).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
  });
});

describe("an old .xls", () => {
  test("saved by LibreOffice as Excel 97–2003 still gets the .xls advice, by its content whatever its name", async () => {
    const bytes = fs.readFileSync(OLD_XLS);
    expect(compoundFileNames(bytes)).toContain("Workbook");
    for (const name of ["旧版台账.xls", "旧版台账.xlsx"]) {
      const e = await failure(loadXlsx(bytes, name));
      expect(say(messageOf(e)!)).toBe(`“${name}”是旧版 Excel（.xls）或 WPS 格式：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再打开。`);
    }
  });
});

test("a compound file cut anywhere is read without an error: encrypted once the EncryptionInfo name is in it", () => {
  const encrypted = fs.readFileSync(ENCRYPTED);
  const xls = fs.readFileSync(OLD_XLS);
  // The directory is the file's second sector (from byte 1024); EncryptionInfo's entry is its second, its name in UTF-16 ends at byte 1182.
  for (let end = 8; end <= encrypted.length; end += 37) {
    expect([end, compoundFileKind(encrypted.subarray(0, end))]).toEqual([end, end >= 1182 ? "encrypted" : "other"]);
  }
  for (let end = 8; end <= xls.length; end += 97) expect(compoundFileKind(xls.subarray(0, end))).toBe("other");
});
