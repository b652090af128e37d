// Industries as the sections of GB/T 4754-2017 (国民经济行业分类).

/** The sections, letter and name. */
export const INDUSTRIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'C', name: '制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
];

/** The sections' English names (the UN ISIC sections GB/T 4754 follows), for the English form. */
export const INDUSTRY_ENGLISH_NAMES: Readonly<Record<string, string>> = {
  A: 'Agriculture, forestry, animal husbandry and fishery',
  B: 'Mining',
  C: 'Manufacturing',
  D: 'Electricity, heat, gas and water production and supply',
  E: 'Construction',
  F: 'Wholesale and retail trade',
  G: 'Transport, storage and postal services',
  H: 'Accommodation and catering',
  I: 'Information transmission, software and IT services',
  J: 'Finance',
  K: 'Real estate',
  L: 'Leasing and business services',
  M: 'Scientific research and technical services',
  N: 'Water conservancy, environment and public facilities management',
  O: 'Resident, repair and other services',
  P: 'Education',
  Q: 'Health and social work',
  R: 'Culture, sports and entertainment',
  S: 'Public administration, social security and social organisations',
  T: 'International organisations',
};

const NAMES = new Map(INDUSTRIES.map(({ code, name }) => [code, name]));

/** The section's name, e.g. 制造业 for C. */
export function industryName(code: string): string {
  return NAMES.get(code) ?? code;
}
