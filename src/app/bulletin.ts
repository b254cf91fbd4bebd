// 通报 as an official document: the quarter's summary said as the supervision office sends it upward
// and to the units — the office's mark and 文号, the figures, who has not reported, what is asked of
// the units, the signature and the date; the ranking and the tasks still to report (each once, with all
// its problems) as its annexes.
import { asOfWords, documentDate, type DocAnnex, type DocBlock, type OfficialDocument } from "../core/document";
import { formatQuarter, quarterLabel, quarterShortLabel } from "../core/quarter";
import { behindUnitsText, changeText, reportingText, scoreRulesText, weakUnitsText, type Summary } from "../core/summary";
import { excerpt } from "../core/text";
import type { CheckOutcome, CheckRequest } from "./check";
import { runCheck } from "./check";
import type { FormFile } from "./forms";
import { issuingOffice, type IssuingOffice } from "./office";
import type { DocumentFiles, WorkbookPort } from "./port";
import { summaryOf } from "./summary";

const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;

export interface Bulletin {
  readonly summary: Summary;
  readonly office: IssuingOffice;
  readonly document: OfficialDocument;
  readonly fileName: string;
}

/** The annexes' titles, as the body's 附件说明 names them. */
export const BULLETIN_ANNEXES = { ranking: "各单位报送情况排名", gaps: "需补报和完善的任务清单" } as const;

/** A change in reporting rate in points, as the ranking's column (（百分点）in its header) shows it: ↑12.5, ↓100, 持平. */
function changePoints(change: number | undefined): string {
  return changeText(change).replace("个百分点", "");
}

/** The units whose reporting rate fell against the quarter before, most first: 区商务局（50个百分点）. */
function fallenText(units: Summary["units"], max: number): string {
  const fallen = units.filter((u) => (u.change ?? 0) < 0).sort((a, b) => a.change! - b.change! || a.unit.localeCompare(b.unit, "zh"));
  const shown = fallen.slice(0, max).map((u) => `${u.unit}（${changeText(u.change).replace("↓", "")}）`).join("、");
  return fallen.length > max ? `${shown}等${fallen.length}个单位` : shown;
}

/**
 * The 通报 of a summary, for the office given. The body says what a reader needs on two or three pages
 * (the figures, who has not reported, what stands out, what is asked); the ranking of every unit and
 * the list of every task are its annexes, as offices send them.
 */
export function bulletinDocument(s: Summary, office: IssuingOffice): OfficialDocument {
  const q = quarterLabel(s.quarter);
  const district = office.district || "区";
  const t = s.totals;
  const c = t.classes;
  const made = documentDate(s.made);
  const all = s.units;
  const annexes: DocAnnex[] = [];
  const annexNo = (title: string) => `附件${annexes.findIndex((a) => a.title === title) + 1}`;

  if (all.length) {
    const prev = s.previousQuarter;
    annexes.push({
      title: BULLETIN_ANNEXES.ranking,
      // How the rate is reckoned over the table: under it, LibreOffice leaves the note alone on a page
      // when the table fills the one before (it keeps no table row with what follows).
      blocks: [
        {
          kind: "note",
          text: "注：报送率 = 已报送进展的牵头任务 ÷ 牵头任务；一项任务有几个牵头单位的，每个单位各计一项。报送率相同的单位并列，按单位名称排列。" + (s.scoring ? scoreRulesText(s.scoring) : ""),
        },
        {
          kind: "table",
          header: ["排名", "牵头单位", "牵头\n任务", "已报送", "未报送", "进展\n较弱", "报送率", ...(prev ? [`较${quarterShortLabel(prev.q)}\n（百分点）`] : []), ...(s.scoring ? ["得分"] : [])],
          rows: all.map((u) => [
            String(u.rank), u.unit, String(u.leads), String(u.reported), String(u.missing), String(u.weak), pct(u.rate),
            ...(prev ? [changePoints(u.change)] : []),
            ...(s.scoring ? [String(u.score ?? 0)] : []),
          ]),
          // In 小四, wide enough for 排名, 已报送 and 100% on one line, and a unit of nine characters
          // (区住房和城市更新局).
          widths: [12, 44, 12, 16, 16, 12, 16, ...(prev ? [25] : []), ...(s.scoring ? [12] : [])],
          centred: [0, 2, 3, 4, 5, 6, 7, 8],
        },
      ],
    });
  }
  if (s.gapTasks.length) {
    annexes.push({
      title: BULLETIN_ANNEXES.gaps,
      blocks: [
        {
          kind: "table",
          header: ["序号", "任务", "牵头单位", "问题"],
          rows: s.gapTasks.map((g) => [g.no || `第${g.row}行`, excerpt(g.task, 80), g.lead.replace(/\s+/g, "、"), g.labels]),
          // A unit's full name (区经济信息化和科技创新局) on two lines at most, 进展与上季度相同 on one.
          widths: [8, 41, 27, 24],
          centred: [0],
        },
      ],
    });
  }

  const blocks: DocBlock[] = [];
  blocks.push({
    kind: "paragraph",
    text: `按照${district}《政府工作报告》目标任务督办工作安排，各责任单位应于${documentDate(s.due)}前报送${q}目标任务推进情况。现将有关情况通报如下：`,
  });
  blocks.push({ kind: "heading", level: 1, text: "一、总体情况" });
  blocks.push({
    kind: "paragraph",
    text:
      `截至${asOfWords(s.quarter, s.made, "通报")}，${t.tasks}项任务中已报送进展${t.reported}项，报送率${pct(t.rate)}，未报送${t.missing}项。` +
      `从推进情况看，已完成${c["已完成"]}项、超进度${c["超进度"]}项、达进度${c["达进度"]}项、欠进度${c["欠进度"]}项` +
      (t.weak ? `；另有${t.weak}项进展只写了套话、与上季度相同或缺少数据，需补充具体内容。` : "。"),
  });

  blocks.push({ kind: "heading", level: 1, text: "二、各单位报送情况" });
  // The units of the directory: a name that stands for no clear unit is the office's to check, not said here.
  const fallen = s.previousQuarter ? fallenText(all, 5) : "";
  blocks.push({
    kind: "paragraph",
    text:
      `${reportingText(all, 15)}。` +
      (fallen ? `与${quarterShortLabel(s.previousQuarter!.q)}相比，报送率下降的有${fallen}。` : "") +
      (all.length ? `各牵头单位报送情况排名见${annexNo(BULLETIN_ANNEXES.ranking)}。` : ""),
  });

  blocks.push({ kind: "heading", level: 1, text: "三、推进情况" });
  const behind = behindUnitsText(all, 15);
  blocks.push({ kind: "paragraph", text: `超进度${c["超进度"]}项，达进度${c["达进度"]}项，欠进度${c["欠进度"]}项` + (behind ? `。欠进度任务涉及${behind}。` : "。") });

  if (s.gapTasks.length) {
    const missing = s.gapTasks.filter((g) => g.kinds.includes("missing-progress")).length;
    const weak = weakUnitsText(all, 10);
    blocks.push({ kind: "heading", level: 1, text: "四、需补报和完善的事项" });
    blocks.push({
      kind: "paragraph",
      text:
        `本季度共有${s.gapTasks.length}项任务需补报或完善进展，其中未报送进展${missing}项、进展需完善${s.gapTasks.length - missing}项（一项任务有几个问题的，合并计一项）。` +
        (weak ? `进展需完善的任务主要涉及${weak}。` : "") +
        `具体任务见${annexNo(BULLETIN_ANNEXES.gaps)}。`,
    });
  }
  blocks.push({ kind: "heading", level: 1, text: `${s.gapTasks.length ? "五" : "四"}、工作要求` });
  blocks.push({
    kind: "paragraph",
    text:
      `请未报送和进展需完善的单位于收到本通报后3个工作日内在台账中补报，写明本季度具体做了什么、完成多少，并将未按时报送的原因和下一步措施报${office.issuer}。` +
      "欠进度任务的牵头单位要分析原因，倒排工期，确保完成全年目标任务。",
  });
  return {
    name: `关于${q}${district}《政府工作报告》目标任务推进情况的通报`,
    masthead: { issuer: office.issuer, ...(office.docNumber ? { number: office.docNumber } : {}) },
    title: `关于${q}${district}《政府工作报告》目标任务推进情况的通报`,
    titleLines: [`关于${q}${district}`, "《政府工作报告》目标任务推进情况的通报"],
    receiver: "各责任单位",
    blocks,
    ...(annexes.length ? { annexes } : {}),
    signature: { issuer: office.issuer, date: made },
    imprint: { ...(office.copyTo ? { copyTo: office.copyTo } : {}), printer: office.issuer, date: made },
  };
}

/** The 通报 of a check. */
export function bulletinOf(outcome: CheckOutcome, today: Date): Bulletin {
  const office = issuingOffice(outcome.workbook.settings, outcome.result.ledger);
  const summary = summaryOf(outcome, today);
  return { summary, office, document: bulletinDocument(summary, office), fileName: `${formatQuarter(summary.quarter)}通报.docx` };
}

/** 下载通报: the ledger read and checked for the quarter (nothing marked or written), the 通报 made. */
export async function makeBulletin(port: WorkbookPort, today: Date, request: CheckRequest = {}): Promise<Bulletin> {
  return bulletinOf(await runCheck(port, today, { ...request, mark: false }), today);
}

export async function bulletinFile(files: DocumentFiles, b: Bulletin): Promise<FormFile> {
  return { name: b.fileName, bytes: await files.bytes(b.document) };
}
