// The district a ledger is about, from its title or its sheet's name (2019年江汉区政府工作报告… →
// 江汉区), for the documents that speak for it. Only a name written there is taken: nothing is guessed.

/** A district written in a title: a name ending in 区/县/旗 before 政府/人民政府/《, a figure or the end. */
const DISTRICT = /([\p{Script=Han}]{2,14}?(?:新区|开发区|区|县|旗))(?=人民政府|政府|《|“|"|\d|责任|重点|目标|工作|$)/u;
/** What may stand before the district's name: the year, the province and city, 关于印发. */
const BEFORE = /^.*(?:年|省|市|关于|印发)/u;

export function districtIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = DISTRICT.exec(text.normalize("NFKC").replace(/\s+/g, ""));
  const name = m?.[1]?.replace(BEFORE, "");
  // 区/县 alone, or 各区, is no district.
  return name && name.length >= 2 && !/^(各|本|全)/.test(name) ? name : undefined;
}

/**
 * The office that issues the 通报 and 催办单 when none is set: the district's 人民政府办公室, or
 * 区人民政府办公室 when no district is known (nothing is invented).
 */
export function defaultIssuer(district: string | undefined): string {
  return `${district || "区"}人民政府办公室`;
}
