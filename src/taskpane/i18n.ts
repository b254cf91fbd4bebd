// The pane's language: Chinese first, English when Office is in English. Its words and sentences, like
// every other the product says, are the application layer's (src/app/messages.ts).
import type { Lang } from "../app/messages";

export { words, paneText, type Lang, type PaneText, type WordKey } from "../app/messages";

export function languageOf(officeLanguage: string | undefined): Lang {
  return officeLanguage && /^en/i.test(officeLanguage) ? "en" : "zh";
}
