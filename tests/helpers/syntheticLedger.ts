// A large ledger made up for measuring: realistic texts, a few abbreviations and typos, some missing
// and placeholder progress. Deterministic, so every run measures the same thing.
export const SYNTHETIC_HEADER = ["序号", "类别", "目标任务", "责任单位", "配合单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"];

const STEMS = ["发展和改革", "财政", "商务", "教育", "民政", "司法", "审计", "统计", "应急管理", "卫生健康", "文化和旅游", "住房和城市更新", "城市管理执法", "水务和湖泊", "园林", "市场监督管理", "人力资源", "退役军人事务", "行政审批", "医疗保障"];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticUnits(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const stem = STEMS[i % STEMS.length]!;
    const round = Math.floor(i / STEMS.length);
    names.push(round === 0 ? `区${stem}局` : `区${stem}第${round}中心`);
  }
  return names;
}

/** The ledger's rows, title and header first. */
export function syntheticLedgerRows(tasks: number, units: readonly string[]): (string | number)[][] {
  const rand = rng(20261122);
  const progressText = (q: number, i: number) => {
    const r = rand();
    if (r < 0.08) return "";
    if (r < 0.12) return "正在推进";
    return `第${q}季度：完成投资${(i % 97) + q}亿元，推进项目${(i % 13) + q}个，开展专项检查${(i % 7) + 2}次，问题整改率${80 + (i % 20)}%。`;
  };
  const rows: (string | number)[][] = [["2026年区《政府工作报告》目标任务责任分解台账"], SYNTHETIC_HEADER];
  for (let i = 1; i <= tasks; i++) {
    const lead = units[Math.floor(rand() * units.length)]!;
    const co = rand() < 0.5 ? `${units[Math.floor(rand() * units.length)]}、各街道` : "";
    const written = rand() < 0.02 ? lead.replace("和", "").replace("局", "该局") : lead;
    const q1 = progressText(1, i);
    const q2 = rand() < 0.05 ? q1 : progressText(2, i);
    rows.push([i, `（${Math.ceil(i / 500)}）重点工作`, `第${i}项任务：新建项目${i % 50}个，完成投资${i % 90}亿元，持续提升城区功能品质。`, written, co, rand() < 0.1 ? "2026年6月底" : "2026年12月底", q1, q2, progressText(3, i), ""]);
  }
  return rows;
}

export function syntheticDirectoryRows(units: readonly string[]): string[][] {
  return [["单位名称", "别名", "曾用名", "类别", "状态"], ...units.map((u, i) => [u, "", i < 20 ? u.replace("区", "区原") : "", "部门", "有效"])];
}
