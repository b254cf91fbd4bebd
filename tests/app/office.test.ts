// Who the 通报 and 催办单 speak for: the district, the issuing office and the 文号 set in 设置, else the
// district the ledger's title or sheet name names, with its 人民政府办公室; nothing invented.
import { issuingOffice } from "../../src/app/office";
import { ledgerOf, runCheck } from "../../src/app/check";
import { openWorkbook } from "../../src/app/workbook";
import { DESK_LEDGER } from "../helpers/desk";
import { portOf, seedPort, SEED_2019, SEED_2026 } from "./seeds";

const ledgerIn = async (spec: Parameters<typeof portOf>[0]) => ledgerOf(await openWorkbook(portOf(spec)));
const UNTITLED = DESK_LEDGER.slice(1);

test("the seed ledgers: the district each title names, and its office", async () => {
  const o2019 = await runCheck(await seedPort(SEED_2019), new Date(2019, 10, 20), { mark: false });
  expect(issuingOffice({}, o2019.result.ledger)).toEqual({ district: "江汉区", issuer: "江汉区人民政府办公室", districtFrom: "ledger" });
  const o2026 = await runCheck(await seedPort(SEED_2026), new Date(2026, 10, 20), { mark: false });
  expect(issuingOffice({}, o2026.result.ledger)).toEqual({ district: "江岸区", issuer: "江岸区人民政府办公室", districtFrom: "ledger" });
});

test("the sheet's name when the title names none", async () => {
  expect(issuingOffice({}, await ledgerIn({ 江夏区2026年台账: UNTITLED }))).toEqual({ district: "江夏区", issuer: "江夏区人民政府办公室", districtFrom: "ledger" });
  // The title first.
  expect(issuingOffice({}, await ledgerIn({ 江夏区2026年台账: DESK_LEDGER })).district).toBe("江汉区");
});

test("what 设置 says, over the ledger: the district, the office and the 文号", async () => {
  const ledger = await ledgerIn({ 台账: DESK_LEDGER });
  expect(issuingOffice({ district: "江岸区" }, ledger)).toEqual({ district: "江岸区", issuer: "江岸区人民政府办公室", districtFrom: "settings" });
  expect(issuingOffice({ issuer: "区政府督查室", docNumber: "江汉督〔2026〕3号" }, ledger)).toEqual({ district: "江汉区", issuer: "区政府督查室", docNumber: "江汉督〔2026〕3号", districtFrom: "ledger" });
});

test("no district anywhere: none, and the office is the bare 区人民政府办公室", async () => {
  const office = issuingOffice({}, await ledgerIn({ 台账: UNTITLED }));
  expect(office).toEqual({ district: "", issuer: "区人民政府办公室", districtFrom: "none" });
});
