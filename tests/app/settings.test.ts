// 设置 over the plain-data port: what is stored in the workbook, what is refused and how it is said,
// and how a stored value that is not valid is read (said, and left out; never cast).
import { parseSettings, saveSettings, SETTING_DEFAULTS, settingsJson, validateSettings, type Settings } from "../../src/app/settings";
import { AppError, problemText } from "../../src/app/messages";
import { openWorkbook } from "../../src/app/workbook";
import { METADATA_SHEET, readMetadata } from "../../src/core/metadata";
import { DESK_LEDGER } from "../helpers/desk";
import { portOf } from "./seeds";

const valid = (key: string, value: unknown) => validateSettings({ [key]: value }).problems.length === 0;

describe("each setting's valid values", () => {
  test("the ledger sheet: a name of 1 to 31 characters, trimmed", () => {
    expect(validateSettings({ ledgerSheet: " 台账 " }).settings).toEqual({ ledgerSheet: "台账" });
    expect(valid("ledgerSheet", "x".repeat(31))).toBe(true);
    expect(valid("ledgerSheet", "x".repeat(32))).toBe(false);
    expect(valid("ledgerSheet", "  ")).toBe(false);
    expect(valid("ledgerSheet", 3)).toBe(false);
  });

  test("the minimum length: a whole number from 0 to 200", () => {
    for (const v of [0, 8, 200]) expect(valid("minProgressLength", v)).toBe(true);
    for (const v of [-1, 201, 8.5, "8"]) expect(valid("minProgressLength", v)).toBe(false);
  });

  test("the similarity: more than 0, at most 1", () => {
    for (const v of [0.01, 0.9, 1]) expect(valid("staleSimilarity", v)).toBe(true);
    for (const v of [0, 1.01, -0.5, Number.NaN, "0.9"]) expect(valid("staleSimilarity", v)).toBe(false);
  });

  test("the header row: a row of the sheet (1 to 1,048,576)", () => {
    for (const v of [1, 1048576]) expect(valid("headerRow", v)).toBe(true);
    for (const v of [0, 1048577, 2.5, "3"]) expect(valid("headerRow", v)).toBe(false);
  });

  test("the district: Han characters ending in 区, 县, 市, 旗, 新区 or 开发区", () => {
    for (const v of ["江汉区", " 江汉区 ", "通山县", "赤壁市", "科尔沁右翼前旗", "武汉经济技术开发区", "长江新区", "伊犁哈萨克·某区"]) expect(valid("district", v)).toBe(true);
    for (const v of ["区", "江汉", "Jianghan区", "江汉区政府", `${"汉".repeat(13)}区`, 5]) expect(valid("district", v)).toBe(false);
    expect(validateSettings({ district: " 江汉区 " }).settings).toEqual({ district: "江汉区" });
  });

  test("the issuer and the 文号: one line of at most 40 characters", () => {
    for (const key of ["issuer", "docNumber"]) {
      expect(valid(key, "江汉区人民政府办公室")).toBe(true);
      expect(valid(key, "x".repeat(40))).toBe(true);
      expect(valid(key, "x".repeat(41))).toBe(false);
      expect(valid(key, "第一行\n第二行")).toBe(false);
      expect(valid(key, "甲\t乙")).toBe(false);
      expect(valid(key, "甲\r乙")).toBe(false);
      expect(valid(key, "   ")).toBe(false);
      expect(valid(key, 1)).toBe(false);
    }
  });

  test("抄送: organs separated by “，”, ending with “。”; what is typed otherwise is made so", () => {
    const copyTo = (v: string) => validateSettings({ copyTo: v }).settings.copyTo;
    const three = "区委办公室，区人大常委会办公室，区政协办公室。";
    expect(copyTo(three)).toBe(three);
    // The final 。 added; 、 , ; ； between names, spaces around them, a leading 抄送： all made so.
    for (const typed of ["区委办公室，区人大常委会办公室，区政协办公室", " 区委办公室、区人大常委会办公室、区政协办公室 ", "区委办公室, 区人大常委会办公室; 区政协办公室", "区委办公室；区人大常委会办公室；区政协办公室。", "抄送：区委办公室，区人大常委会办公室，区政协办公室。", "区委办公室，，区人大常委会办公室，区政协办公室，"])
      expect([typed, copyTo(typed)]).toEqual([typed, three]);
    // 、 beside ， joins organs of one level: kept.
    expect(copyTo("区委办公室，区法院、区检察院")).toBe("区委办公室，区法院、区检察院。");
    expect(copyTo("区委办公室")).toBe("区委办公室。");
    // At most 200 characters, the final 。 counted.
    expect(copyTo(`${"办".repeat(199)}`)).toBe(`${"办".repeat(199)}。`);
    expect(valid("copyTo", "办".repeat(200))).toBe(false);
    for (const v of ["区委办公室\n区政协办公室", "区委办公室\t区政协办公室", "区委办公室。区政协办公室", "主送：区直各单位，抄送：区委办公室", "、区委办公室，区政协办公室", "   ", "。", "，、", 3]) expect([v, valid("copyTo", v)]).toEqual([v, false]);
  });

  test("scoring: the three points, each 0 to 100 with at most one decimal, nothing else", () => {
    expect(validateSettings({ scoring: { reported: 2, missing: 1.5, placeholder: 0 } }).settings).toEqual({ scoring: { reported: 2, missing: 1.5, placeholder: 0 } });
    expect(valid("scoring", { reported: 100, missing: 0, placeholder: 0.1 })).toBe(true);
    for (const v of [
      { reported: 2, missing: 1 },
      { reported: 2, missing: 1, placeholder: 1, bonus: 1 },
      { reported: 101, missing: 1, placeholder: 1 },
      { reported: -1, missing: 1, placeholder: 1 },
      { reported: 1.25, missing: 1, placeholder: 1 },
      { reported: "2", missing: 1, placeholder: 1 },
      [2, 1, 1],
      [],
      "2,1,1",
      5,
    ])
      expect(valid("scoring", v)).toBe(false);
  });

  test("columns: letters by the keys a person may set; an empty set is no setting", () => {
    expect(validateSettings({ columns: { lead: "D", progress3: "AB" } }).settings).toEqual({ columns: { lead: "D", progress3: "AB" } });
    expect(validateSettings({ columns: {} })).toEqual({ settings: {}, problems: [] });
    for (const v of [{ lead: "d" }, { lead: "ABCD" }, { lead: 4 }, { lead: ["D"] }, { leader: "D" }, ["D"], [], "D", 4, true]) expect([v, valid("columns", v)]).toEqual([v, false]);
  });
});

describe("reading what is stored", () => {
  test("the valid values kept; each value that is not valid said, as it was stored, and left out", () => {
    const read = validateSettings({ ledgerSheet: "台账", minProgressLength: 300, columns: { lead: "d" }, issuer: "", headerRow: null, district: "江汉", other: 1 });
    expect(read.settings).toEqual({ ledgerSheet: "台账" });
    expect(read.problems).toEqual([
      { code: "setting-invalid", key: "minProgressLength", value: "300" },
      { code: "setting-invalid", key: "columns", value: '{"lead":"d"}' },
      { code: "setting-invalid", key: "district", value: "江汉" },
    ]);
    expect(problemText(new AppError(read.problems[1] as never))).toBe("工作簿中保存的设置“各列的列字母”是“{\"lead\":\"d\"}”，应为列字母，如 D：本次未采用，请在“设置”页改正。");
  });

  test("what is no settings object at all is unreadable", () => {
    for (const v of [null, 5, "x", [1]]) expect(validateSettings(v)).toEqual({ settings: {}, problems: [{ code: "settings-unreadable" }] });
    expect(parseSettings("{not json")).toEqual({ settings: {}, problems: [{ code: "settings-unreadable" }] });
    expect(parseSettings("[]")).toEqual({ settings: {}, problems: [{ code: "settings-unreadable" }] });
  });

  test("nothing stored is no settings and nothing to say", () => {
    expect(parseSettings(undefined)).toEqual({ settings: {}, problems: [] });
    expect(parseSettings("  ")).toEqual({ settings: {}, problems: [] });
    expect(parseSettings('{"headerRow":3}')).toEqual({ settings: { headerRow: 3 }, problems: [] });
  });

  test("the defaults 设置 shows for an empty field are the engine's", () => {
    expect(SETTING_DEFAULTS).toEqual({ minProgressLength: 8, staleSimilarity: 0.9 });
  });
});

describe("保存设置", () => {
  test("stored in the workbook's metadata sheet, only what is set, in a fixed order; read back the same", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    const settings: Settings = { scoring: { reported: 2, missing: 1, placeholder: 0.5 }, district: " 江汉区 ", headerRow: 2, ledgerSheet: "台账" };
    expect(await saveSettings(port, settings)).toEqual({ ledgerSheet: "台账", headerRow: 2, district: "江汉区", scoring: { reported: 2, missing: 1, placeholder: 0.5 } });
    const meta = readMetadata({ name: METADATA_SHEET, rows: port.rowsOf(port.sheet(METADATA_SHEET)), merges: [] });
    expect(meta.settings).toBe('{"ledgerSheet":"台账","headerRow":2,"district":"江汉区","scoring":{"reported":2,"missing":1,"placeholder":0.5}}');
    expect((await openWorkbook(port)).stored).toEqual({ ledgerSheet: "台账", headerRow: 2, district: "江汉区", scoring: { reported: 2, missing: 1, placeholder: 0.5 } });
  });

  test("an earlier version's store is dropped once the settings are in the workbook", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    port.legacySettings = '{"headerRow":2}';
    await saveSettings(port, { headerRow: 2 });
    expect(port.legacySettings).toBeUndefined();
  });

  test("a value that is not valid is refused before anything is written, saying which and what was expected", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    let e: unknown;
    await saveSettings(port, { minProgressLength: 12, staleSimilarity: 2 }).catch((x) => (e = x));
    expect(e).toMatchObject({ detail: { code: "setting-bad", key: "staleSimilarity", value: "2" } });
    expect(problemText(e)).toBe("“与上季度相似到多少视为照抄”应为0 到 1 之间的小数，如 0.9，收到“2”。");
    expect(port.applied).toEqual([]);
  });

  test("抄送 not valid: refused saying what is expected; stored so, read back, said and left out", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    let e: unknown;
    await saveSettings(port, { issuer: "江汉区人民政府办公室", copyTo: "区委办公室\n区政协办公室" }).catch((x) => (e = x));
    expect(e).toMatchObject({ detail: { code: "setting-bad", key: "copyTo", value: "区委办公室\n区政协办公室" } });
    expect(problemText(e)).toBe("“抄送机关”应为一行，200 字以内，机关名称之间用“，”分隔、以“。”结尾，如“区委办公室，区人大常委会办公室，区政协办公室。”，收到“区委办公室\n区政协办公室”。");
    expect(port.applied).toEqual([]);
    const read = parseSettings(JSON.stringify({ issuer: "江汉区人民政府办公室", copyTo: "x".repeat(201) }));
    expect(read.settings).toEqual({ issuer: "江汉区人民政府办公室" });
    expect(problemText(new AppError(read.problems[0] as never))).toMatch(/^工作簿中保存的设置“抄送机关”是“x{201}”，应为一行，200 字以内，.*请在“设置”页改正。$/);
  });

  test("抄送 stored in the metadata sheet as the 版记 prints it, after the 文号; read back the same", async () => {
    const port = portOf({ 台账: DESK_LEDGER });
    expect(await saveSettings(port, { copyTo: "区委办公室、区政协办公室", docNumber: "某区政办〔2026〕1号" })).toEqual({ docNumber: "某区政办〔2026〕1号", copyTo: "区委办公室，区政协办公室。" });
    const meta = readMetadata({ name: METADATA_SHEET, rows: port.rowsOf(port.sheet(METADATA_SHEET)), merges: [] });
    expect(meta.settings).toBe('{"docNumber":"某区政办〔2026〕1号","copyTo":"区委办公室，区政协办公室。"}');
    expect((await openWorkbook(port)).stored).toEqual({ docNumber: "某区政办〔2026〕1号", copyTo: "区委办公室，区政协办公室。" });
  });

  test("settings that are not an object at all are refused as unreadable", async () => {
    let e: unknown;
    await saveSettings(portOf({ 台账: DESK_LEDGER }), null as never).catch((x) => (e = x));
    expect(e).toMatchObject({ detail: { code: "settings-unreadable" } });
  });

  test("settingsJson: only what is set, in the fixed order", () => {
    expect(settingsJson({ docNumber: "某区政办〔2026〕1号", minProgressLength: 0 })).toBe('{"minProgressLength":0,"docNumber":"某区政办〔2026〕1号"}');
    expect(settingsJson({})).toBe("{}");
  });
});
