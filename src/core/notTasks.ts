// Rows inside a ledger's table that are not tasks: a total row, the sign-off lines below the table
// and notes lines. Counted as tasks they would have no unit and no progress, and lower the
// reporting rate.
import { stripSpaces } from "./text";

/** 合计, 总计, 小计, 共计 — alone or followed by a colon, a bracket or a figure (合计（45项）). */
const TOTAL = /^(合计|总计|小计|共计)(?=$|[:(\d共])/;

/** 填表人：, 审核人：, 联系电话：, 填报日期： … as printed under a table to be signed. */
const SIGN_OFF =
  /^(填表人|填报人|制表人|审核人|审签人|审定人|核稿人|签发人|复核人|负责人|单位负责人|分管领导|分管负责人|主要负责人|联系人|联系电话|电话|手机|填报日期|填表日期|报送日期|制表日期|填报时间|报送时间|日期|填报单位|报送单位|单位\(盖章\)|\(盖章\)|盖章)(?=$|[:\d])/;

/** 备注：…, 说明：…, 注：…, 注1：…, 填报说明：… */
const NOTES = /^(备注|说明|注|附注|注意|填报说明|填表说明|注意事项)[\d①②③④⑤]*:/;

/** The characters these rows open with. */
const FIRST_CHARS = new Set(Array.from("合总小共填制审核签复负单分主联电手日报盖备说注附(（"));

/** True when a row starting with this text (its first cell, or its task cell) is no task. */
export function isNotTaskText(text: string): boolean {
  // Called for every row: most rows open with a 序号 or a task, which none of these words begins.
  if (!text || !FIRST_CHARS.has(text[0]!)) return false;
  // The words that mark such a row open it: a long task text is not folded whole.
  const s = stripSpaces(text.slice(0, 24).normalize("NFKC"));
  return TOTAL.test(s) || SIGN_OFF.test(s) || NOTES.test(s);
}
