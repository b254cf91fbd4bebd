// A district's ledger the size offices keep (236 tasks, about 60 to report or improve in the third
// quarter), in the words of the seed ledgers (seeds/2026江岸区…台账.xlsx): its categories, its units
// and their 部门目录 with aliases and former names, progress by quarter as units write it. A few lead
// names are slips a person makes (区文旅句, 区住跟局) and one is a former name (区文化局). Deterministic,
// so every run prints the same 通报.
export const DISTRICT_HEADER = ["序号", "类别", "工作类目", "目标任务", "牵头单位", "配合单位", "完成时限", "一季度进展", "二季度进展", "三季度进展", "四季度进展"];

/** The directory's units: name, aliases, former names. */
const UNITS: readonly (readonly [string, string, string])[] = [
  ["区发展和改革局", "区发改局", "区发改委"],
  ["区经济信息化和科技创新局", "区经科局", "区科技局"],
  ["区住房和城市更新局", "区住更局", "区房管局"],
  ["区城市管理执法局", "区城管局", "区城管委"],
  ["区文化和旅游局", "区文旅局", "区文化局"],
  ["区商务局", "", ""],
  ["区自然资源和城乡建设局", "区资建局", "区建设局"],
  ["区卫生健康局", "区卫健局", "区卫计委"],
  ["区水务和湖泊局", "区水务局", ""],
  ["区投资促进中心", "区投促中心", "区招商局"],
  ["区财政局", "", ""],
  ["区教育局", "", ""],
  ["区民政局", "", ""],
  ["区司法局", "", ""],
  ["区审计局", "", ""],
  ["区统计局", "", ""],
  ["区应急管理局", "区应急局", ""],
  ["区市场监督管理局", "区市场监管局", "区工商局"],
  ["区人力资源和社会保障局", "区人社局", ""],
  ["区退役军人事务局", "区退役军人局", ""],
  ["区行政审批局", "区审批局", ""],
  ["区医疗保障局", "区医保局", ""],
  ["区园林和林业局", "区园林局", ""],
  ["区交通运输局", "区交通局", ""],
  ["区农业农村局", "区农业局", ""],
  ["区国有资产监督管理局", "区国资局", ""],
  ["区数据局", "", ""],
  ["区体育局", "", ""],
  ["区科学技术协会", "区科协", ""],
  ["区总工会", "", ""],
  ["团区委", "", ""],
  ["区妇联", "", ""],
  ["区残联", "", ""],
  ["区机关事务服务中心", "区机关事务局", ""],
  ["区档案馆", "", ""],
  ["区人民政府办公室", "区政府办", ""],
];

const CATEGORIES = [
  ["一、2026年经济社会发展主要预期目标", ""],
  ["二、2026年重点工作", "（一）凝心聚力打好产业转型突围战"],
  ["二、2026年重点工作", "（二）凝心聚力打好科技创新主动战"],
  ["二、2026年重点工作", "（三）凝心聚力打好城市更新攻坚战"],
  ["二、2026年重点工作", "（四）凝心聚力打好生态环境持久战"],
  ["二、2026年重点工作", "（五）凝心聚力打好民生保障阵地战"],
  ["三、2026年民生实事", "（一）做优民生服务"],
] as const;

/** Tasks as the seed writes them, with a figure to reach: what, how many, of what. */
const TASKS: readonly (readonly [string, string])[] = [
  ["新建改造社区卫生服务站", "个"],
  ["完成老旧小区改造", "个"],
  ["新增城市绿地", "万平方米"],
  ["建设口袋公园", "个"],
  ["新增普惠性托育位", "个"],
  ["新建改扩建中小学校", "所"],
  ["打通城市断头路", "条"],
  ["新增停车泊位", "个"],
  ["招引亿元以上项目", "个"],
  ["新增市场主体", "户"],
  ["培育高新技术企业", "家"],
  ["完成固定资产投资", "亿元"],
  ["建设充电桩", "个"],
  ["整治背街小巷", "条"],
  ["建设社区嵌入式养老服务设施", "个"],
  ["完成城中村改造征收", "户"],
  ["新增城镇就业", "人"],
  ["举办文旅消费活动", "场"],
  ["改造雨污分流管网", "公里"],
  ["建设智慧社区", "个"],
  ["提升改造农贸市场", "个"],
  ["新增技能人才", "人"],
  ["开展安全生产专项检查", "次"],
  ["建设15分钟便民生活圈", "个"],
];

const PLACEHOLDERS = ["正在推进", "按计划推进中", "持续推进", "有序推进"];
const BOILERPLATE = "按照年度计划稳步推进，各项工作有序开展，确保任务按时保质完成。";

export interface DistrictLedger {
  readonly rows: (string | number)[][];
  readonly directory: string[][];
}

/**
 * The ledger: 236 tasks, led by the directory's 36 units (a few written as a slip or a former name),
 * every quarter's progress written through the second quarter, and in the third: 31 tasks with none,
 * 12 with only a placeholder, 8 with the second quarter's words again, 6 with boilerplate and 2 marked
 * done with nothing to show; the rest with figures.
 */
export function districtLedger(tasks = 236): DistrictLedger {
  const rows: (string | number)[][] = [["2026年江岸区《政府工作报告》目标任务责任分解台账"], DISTRICT_HEADER];
  for (let i = 1; i <= tasks; i++) {
    const [category, group] = CATEGORIES[Math.min(CATEGORIES.length - 1, Math.floor(((i - 1) * CATEGORIES.length) / tasks))]!;
    const [what, unit] = TASKS[(i * 7) % TASKS.length]!;
    const target = 10 + ((i * 13) % 90);
    const lead = UNITS[(i * 5 + Math.floor(i / 36)) % UNITS.length]![0];
    // Slips and a former name in the lead column: each stands for one unit of the directory.
    const written = i % 53 === 7 ? "区文旅句" : i % 61 === 11 ? "区住跟局" : i % 47 === 5 ? "区文化局" : lead;
    const co = i % 3 === 0 ? `${UNITS[(i * 11) % UNITS.length]![0]}、各街道办事处` : "";
    const lead2 = i % 17 === 0 ? `${written}、${UNITS[(i * 3 + 1) % UNITS.length]![0]}` : written;
    const done = (q: number) => Math.round((target * q * (20 + (i % 6))) / 100);
    const progress = (q: number, month: number) => `截至${month}月底，${what}${done(q)}${unit}，完成年度目标的${Math.min(100, Math.round((done(q) / target) * 100))}%。`;
    const q1 = progress(1, 3);
    const q2 = progress(2, 6);
    let q3 = progress(3, 9);
    let deadline = "2026年12月底";
    const k = (i * 37) % 236;
    if (k < 31) q3 = "";
    else if (k < 43) q3 = PLACEHOLDERS[i % PLACEHOLDERS.length]!;
    else if (k < 51) q3 = q2;
    else if (k < 57) q3 = BOILERPLATE;
    else if (k < 59) {
      q3 = "已完成";
      deadline = "2026年9月底";
    }
    rows.push([i, category, group, `${what}${target}${unit}。`, lead2, co, deadline, q1, q2, q3, ""]);
  }
  const directory = [["单位名称", "别名", "曾用名", "类别", "状态"], ...UNITS.map(([name, alias, former]) => [name, alias, former, "部门", "有效"])];
  return { rows, directory };
}
