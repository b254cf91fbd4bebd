// A workbook built in memory for the supervisor's-desk tests: a ledger sheet and a 部门目录, through
// the .xlsx host, as the preview and the command line hold a workbook.
import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx/host";

export type Rows = (string | number | null)[][];

export function bookOf(ledger: Rows, directory?: Rows, ledgerName = "台账"): XlsxHost {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(ledgerName).addRows(ledger);
  if (directory) wb.addWorksheet("部门目录").addRows(directory);
  return new XlsxHost(wb);
}

/** A 2026 ledger with per-quarter progress: a lead and a co-unit column, an unknown and a renamed unit. */
export const DESK_LEDGER: Rows = [
  ["2026年江汉区政府工作报告责任分解台账"],
  ["序号", "目标任务", "牵头单位", "配合单位", "完成时限", "二季度进展", "三季度进展"],
  [1, "一般公共预算总收入实现255亿元。", "区财政局", "区发改局", "", "完成130亿元", "截至9月底，完成217.6亿元。"],
  [2, "固定资产投资总额完成430亿元。", "区发改局", "区财政局", "", "完成150亿元", ""],
  [3, "新建微循环道路10条。", "区城管委", "", "", "完成4条", "正在推进"],
  [4, "推进背街小巷整治。", "区城市管理执法局", "区发改局", "2026年6月底", "制定方案", "暂无"],
  [5, "建设垃圾分类收运屋20个。", "区卫键局", "", "", "完成8个", ""],
  [6, "深化环卫作业市场化改革。", "", "", "", "", ""],
  [7, "社会消费品零售总额增长8%左右。", "区商务局", "", "", "增长7.1%", "增长8.5%，超时序进度。"],
];

export const DESK_DIRECTORY: Rows = [
  ["单位名称", "别名", "曾用名", "类别", "状态"],
  ["区财政局", "", "", "部门", "有效"],
  ["区发展和改革局", "区发改局", "", "部门", "有效"],
  ["区城市管理执法局", "", "区城管委", "部门", "有效"],
  ["区卫生健康局", "区卫健局", "", "部门", "有效"],
  ["区商务局", "", "", "部门", "有效"],
];
