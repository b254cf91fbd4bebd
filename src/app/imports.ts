// 导入: a 责任分解方案 notice, pasted or from a text file, turned into a ledger sheet.
import { book } from "./book";
import { noticeLedgerLayout } from "../core/layout";
import { noticeTitle, parseNotice, type NoticeItem } from "../core/notice";
import { AppError, noticeFlagsText } from "./messages";
import type { WorkbookPort } from "./port";

/** The sheet a notice becomes. */
export const IMPORTED_SHEET = "责任分解台账";

export interface ReadNotice {
  readonly items: readonly NoticeItem[];
  readonly title: string | undefined;
}

/** The items of a notice (to show before anything is written). */
export function readNotice(text: string): ReadNotice {
  return { items: parseNotice(text), title: noticeTitle(text) };
}

/** What the 备注 column of an imported ledger says about an item: its flags, in Chinese as the sheet is. */
export const noticeRemark = (item: NoticeItem): string => noticeFlagsText(item.flags, "zh");

/** Adds the ledger sheet made from a notice (never over an existing sheet). Resolves to what was read. */
export async function importNotice(port: WorkbookPort, text: string, fallbackTitle = "责任分解台账"): Promise<ReadNotice> {
  const notice = readNotice(text);
  if (notice.items.length === 0) throw new AppError({ code: "notice-empty" });
  await book(port).addSheet(noticeLedgerLayout(notice.items, IMPORTED_SHEET, notice.title ?? fallbackTitle, noticeRemark));
  return notice;
}
