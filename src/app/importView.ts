// 导入 as the pane shows a pasted notice: how many items were read and how many to check, the count per
// annex, the items to check first (each with why), then every item on one line (its task cut short, its
// lead units). The pane only draws this; a line selects the item's lines in the pasted text.
import type { NoticeItem } from "../core/notice";
import { annexCountsText, listOf, noticeFlagsText, noticeItemPlace, paneText, type Lang } from "./messages";

/** How much of an item's task its line shows. */
const TASK_SHOWN = 40;

export interface NoticeLine {
  readonly key: string;
  readonly item: NoticeItem;
  readonly text: string;
  /** The item has something to check. */
  readonly flagged: boolean;
}

export interface NoticeView {
  readonly heading: string;
  /** Items per annex, when any were read. */
  readonly annexes?: string;
  /** The items to check, each with where it is and why. */
  readonly flagged: readonly NoticeLine[];
  readonly lines: readonly NoticeLine[];
}

export function noticeView(items: readonly NoticeItem[], lang: Lang): NoticeView {
  const ui = paneText(lang);
  const key = (i: NoticeItem) => `${i.annex ?? ""}-${i.label}-${i.line}`;
  const task = (t: string) => (t.length > TASK_SHOWN ? `${t.slice(0, TASK_SHOWN)}…` : t);
  const flagged = items.filter((i) => i.flags.length);
  return {
    heading: ui.noticeRead(items.length, flagged.length),
    ...(items.length ? { annexes: annexCountsText(items, lang) } : {}),
    flagged: flagged.map((i) => ({ key: `f-${key(i)}`, item: i, text: ui.labelled(noticeItemPlace(i, lang), noticeFlagsText(i.flags, lang)), flagged: true })),
    lines: items.map((i) => ({
      key: `i-${key(i)}`,
      item: i,
      text: `${i.annex !== undefined ? ui.annexPrefix(i.annex) : ""}${i.label}. ${task(i.task)} —— ${listOf(i.lead, lang) || ui.noticeNoUnit}`,
      flagged: i.flags.length > 0,
    })),
  };
}
