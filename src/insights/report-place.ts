// The place an article reports on, and the places its words 全省/全市/全县 stand for. A work report
// names its place in its title (2026年北京市政府工作报告); other articles get it from the portal's
// channel they belong to.
import type { ChannelCatalog } from '../channels/channel-catalog.ts';

/** The level of government a place has. */
export type PlaceLevel = 'province' | 'city' | 'district' | 'county';

/** The place an article is about, with the larger places it lies in when they are known. */
export interface ArticlePlace {
  name: string;
  level: PlaceLevel;
  /** The city a district or county lies in (南昌市 for 进贤县); null when unknown or not below a city. */
  city: string | null;
  /** The province the place lies in (江西省 for 南昌市); null for a province itself or when unknown. */
  province: string | null;
  /** True when no title names the place and it was inferred from the channel the text is about. */
  inferred: boolean;
}

// The portal serves 南昌市 and its districts (data/channels.json), all in 江西省.
const PORTAL_PROVINCE = '江西省';
const MUNICIPALITIES = new Set(['北京市', '上海市', '天津市', '重庆市']);
const REPORT_TITLE = /([\u4e00-\u9fff]{2,12}?(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|区|县))(?:人民)?政府工作报告/u;

/** The level a place name implies by its suffix (直辖市 are provinces). */
export function levelOf(name: string): PlaceLevel {
  if (/省$|自治区$/u.test(name) || MUNICIPALITIES.has(name)) return 'province';
  if (/市$/u.test(name)) return 'city';
  if (/县$/u.test(name)) return 'county';
  return 'district';
}

/** The place a work report's title names (北京市 for 2026年北京市政府工作报告), or null. */
export function placeOfReportTitle(title: string): string | null {
  const match = REPORT_TITLE.exec(title.replace(/^\s*【[^】]*】\s*/u, '').replace(/^(?:19|20)\d{2}年/u, ''));
  return match ? match[1]! : null;
}

// A report whose title names no place (2026年政府工作报告) says where it was delivered:
// ——2026年1月20日在陕西省第十四届人民代表大会第六次会议上.
const CONGRESS = /在([\u4e00-\u9fff]{2,12}?(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|区|县))第[一二三四五六七八九十]+届人民代表大会/u;

function placeOfCongress(title: string, body: string): string | null {
  if (!/政府工作报告/u.test(title)) return null;
  return CONGRESS.exec(body.slice(0, 300))?.[1] ?? null;
}

/**
 * The place of an article: the place its report title names, else its channel — the one it is
 * filed in (`channelSlug`, a stored article's, which an editor may have chosen), or the one its
 * text points to. A place that is a channel of the portal lies in the portal's city and province.
 */
export function placeOfArticle(title: string, body: string, channels: ChannelCatalog, channelSlug?: string): ArticlePlace {
  const named = placeOfReportTitle(title) ?? placeOfCongress(title, body);
  const filed = channelSlug === undefined ? undefined : channels.bySlug(channelSlug);
  const channel = named === null ? (filed ?? channels.channelOf(title, body)) : channels.byTag(named);
  if (named !== null && channel === undefined) return placeNamed(named);
  const name = named ?? channel!.name;
  const inferred = named === null;
  if (channel!.kind === 'city') return { name, level: 'city', city: null, province: PORTAL_PROVINCE, inferred };
  return { name, level: channel!.kind === 'county' ? 'county' : 'district', city: channels.city.name, province: PORTAL_PROVINCE, inferred };
}

/** A place known only by its name: its level from the suffix, the larger places unknown. */
export function placeNamed(name: string): ArticlePlace {
  return { name, level: levelOf(name), city: null, province: null, inferred: false };
}
