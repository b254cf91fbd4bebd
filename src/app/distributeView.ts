// 分发 and 合并回报 as the pane shows them: the forms made (each unit's line), the units no form reaches yet
// with what to do about each, what a merge would write or wrote (its report, a few items per section, the
// rest counted), and the last merge to undo. Plans made for another quarter than the one chosen now are
// not shown. The pane only draws this.
import { formatQuarter } from "../core/quarter";
import { suggestedChoices } from "../core/returns";
import type { Quarter } from "../core/types";
import type { FormsPlan, MergePlan } from "./forms";
import { batchLabelText, mergedText, mergeReportSections, paneText, taskShortName, unresolvedWhy, type Lang } from "./messages";

/** Items of a report section shown at most; the rest are counted. */
export const SECTION_SHOWN = 8;

export interface FormLine {
  readonly unit: string;
  /** Its tasks, and how many it leads. */
  readonly rows: string;
  readonly downloadLabel: string;
  readonly openLabel: string;
}

/** A unit written in the ledger that no form reaches yet, and what the person may do. */
export interface PendingUnit {
  readonly name: string;
  /** Why, and where it is written. */
  readonly text: string;
  /** Names to change it to, with their buttons' labels. */
  readonly changes: readonly { readonly name: string; readonly label: string }[];
}

export interface FormsView {
  readonly plan: FormsPlan;
  readonly made: string;
  readonly units: readonly FormLine[];
  /** Units the person has not yet confirmed or corrected: said first. */
  readonly pending: readonly PendingUnit[];
  readonly pendingText?: string;
  /** Tasks with no unit written, which no form carries: "2 项任务没有责任单位，未分发：序号12、第40行". */
  readonly unassignedText?: string;
  /** 全部应用: each pending unit with a suggestion, to its first. */
  readonly applyAll?: ReadonlyMap<string, string>;
}

export interface ReportSectionView {
  readonly title: string;
  readonly items: readonly string[];
  readonly more?: string;
}

export interface MergeView {
  readonly plan: MergePlan;
  /** "将合并 3 个单位的回报……" before writing; what was written after. */
  readonly text: string;
  readonly sections: readonly ReportSectionView[];
  /** The button that writes it, and whether there is anything to write. */
  readonly write: string;
  readonly canWrite: boolean;
}

export interface DistributeView {
  readonly forms?: FormsView;
  /** A merge read and not yet written. */
  readonly merge?: MergeView;
  /** The merge just written. */
  readonly written?: MergeView;
  /** The last merge, to undo (not offered while a merge is being planned). */
  readonly undo?: string;
}

export interface DistributeState {
  readonly lang: Lang;
  /** The quarter chosen now (undefined: the ledger's). */
  readonly quarter?: Quarter;
  readonly forms?: FormsPlan;
  readonly merge?: MergePlan;
  readonly written?: MergePlan;
  /** Units the person confirmed are real although the directory lacks them. */
  readonly included: readonly string[];
  readonly lastMerge?: { readonly label: string; readonly cells: number };
}

function sections(plan: MergePlan, lang: Lang): ReportSectionView[] {
  const ui = paneText(lang);
  return mergeReportSections(plan, lang).map((s) => ({
    title: ui.sectionHead(s.title, s.items.length),
    items: s.items.slice(0, SECTION_SHOWN),
    ...(s.items.length > SECTION_SHOWN ? { more: ui.moreItems(s.items.length - SECTION_SHOWN) } : {}),
  }));
}

function formsView(plan: FormsPlan, included: readonly string[], lang: Lang): FormsView {
  const ui = paneText(lang);
  const unresolved = plan.unresolved.filter((u) => !included.includes(u.name));
  const pending = unresolved.map((u) => ({
    name: u.name,
    text: ui.unresolvedUnit(u.name, unresolvedWhy(u.reason, lang), u.places.map((p) => p.cell), u.places.length),
    changes: u.suggestions.map((s) => ({ name: s, label: ui.changeTo(s) })),
  }));
  return {
    plan,
    made: ui.formsMade(plan.quarter, plan.tasks, plan.forms.length),
    units: plan.forms.map((f) => ({
      unit: f.unit,
      rows: ui.formRows(f.rows.length, f.rows.filter((r) => r.role === "牵头").length),
      downloadLabel: ui.downloadUnit(f.unit),
      openLabel: ui.openUnit(f.unit),
    })),
    pending,
    ...(pending.length ? { pendingText: ui.unresolvedUnits(pending.length) } : {}),
    ...(plan.unassigned.length ? { unassignedText: ui.unassignedTasks(plan.unassigned.map((t) => taskShortName(t.no, t.row, lang))) } : {}),
    ...(unresolved.some((u) => u.suggestions.length) ? { applyAll: suggestedChoices(unresolved) } : {}),
  };
}

export function distributeView(state: DistributeState): DistributeView {
  const { lang, quarter } = state;
  const ui = paneText(lang);
  // A plan made for another quarter than the one chosen now is not shown.
  const current = <T extends { quarter: Quarter }>(plan: T | undefined) => (plan && (!quarter || formatQuarter(plan.quarter) === formatQuarter(quarter)) ? plan : undefined);
  const forms = current(state.forms);
  const merge = current(state.merge);
  const written = state.written;
  return {
    ...(forms ? { forms: formsView(forms, state.included, lang) } : {}),
    ...(merge
      ? {
          merge: {
            plan: merge,
            text: ui.mergePlanned(merge.returns.map((r) => r.unit), merge.edits.length),
            sections: sections(merge, lang),
            write: ui.writeMergeCells(merge.edits.length),
            canWrite: merge.edits.length > 0,
          },
        }
      : {}),
    ...(written ? { written: { plan: written, text: mergedText(written, lang), sections: sections(written, lang), write: ui.writeMergeCells(0), canWrite: false } } : {}),
    ...(state.lastMerge && !merge ? { undo: ui.undoMergeOf(batchLabelText(state.lastMerge.label, lang), state.lastMerge.cells) } : {}),
  };
}
