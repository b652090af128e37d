// The site chrome's words in each page language: header, navigation, footer, pagination, empty
// states and the labels and errors of the English forms. The English catalogue is typed by the
// Chinese one, so a key missing from (or extra to) either language is a compile error.
import type { PageLanguage } from '../http/page-meta.tsx';

const zhCN = {
  skipToContent: '跳到正文',
  tagline: '投资南昌 · 招商资讯',
  searchLabel: '全站搜索',
  searchPlaceholder: '搜索文章',
  searchKeyword: '搜索关键词',
  searchButton: '搜索',
  textSizeToggle: '大字模式',
  channelNavLabel: '频道',
  navHome: '首页',
  navAllChannels: '全部频道',
  navData: '经济数据',
  navProjects: '项目库',
  navPolicies: '政策文件',
  navParks: '载体库',
  languageSwitch: 'English',
  languageSwitchLabel: 'Read this page in English',
  footerSubmit: '有想补充的信息?点我投稿',
  footerContact: '联系我们',
  footerQa: '公开问答',
  footerEnterprise: '企业入驻',
  footerSitemap: '网站地图',
  footerFeed: 'RSS 订阅',
  footerErrorReport: '我为政府网站找错',
  footerAddress: '地址',
  footerPhone: '电话',
  footerEmail: '电子邮箱',
  footerHost: '主办单位',
  footerOrganiser: '承办单位',
  footerSiteCode: '网站标识码',
  footerSecurityIcon: '公安备案图标',
  newWindow: '(在新窗口打开)',
  labelSeparator: ':',
  paginationLabel: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  emptyChannel: '本频道暂无文章。',
  emptyList: '暂无内容。',
  formErrorsIntro: '提交未成功,请修改以下 {count} 处:',
  formRequired: '(必填)',
  honeypotLabel: '请勿填写此项',
  selectPlaceholder: '请选择',
} as const;

/** Every chrome text, by key. */
export type Messages = { readonly [K in keyof typeof zhCN]: string };

const en: Messages = {
  skipToContent: 'Skip to main content',
  tagline: 'Invest in Nanchang · Investment news',
  searchLabel: 'Site search',
  searchPlaceholder: 'Search articles',
  searchKeyword: 'Search terms',
  searchButton: 'Search',
  textSizeToggle: 'Larger text',
  channelNavLabel: 'Channels',
  navHome: 'Home',
  navAllChannels: 'All channels',
  navData: 'Economic data',
  navProjects: 'Projects',
  navPolicies: 'Policies',
  navParks: 'Parks & land',
  languageSwitch: '中文',
  languageSwitchLabel: '阅读本页中文版',
  footerSubmit: 'Send us information (in Chinese)',
  footerContact: 'Contact us',
  footerQa: 'Public Q&A (in Chinese)',
  footerEnterprise: 'Set up your business here',
  footerSitemap: 'Site map (in Chinese)',
  footerFeed: 'RSS feed',
  footerErrorReport: 'Report an error on this government website',
  footerAddress: 'Address',
  footerPhone: 'Telephone',
  footerEmail: 'Email',
  footerHost: 'Run by',
  footerOrganiser: 'Operated by',
  footerSiteCode: 'Website ID',
  footerSecurityIcon: 'Public security filing icon',
  newWindow: ' (opens in a new window)',
  labelSeparator: ': ',
  paginationLabel: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  emptyChannel: 'No articles in English in this channel yet.',
  emptyList: 'Nothing here yet.',
  formErrorsIntro: 'Your form was not sent. Please correct the following ({count}):',
  formRequired: ' (required)',
  honeypotLabel: 'Leave this field empty',
  selectPlaceholder: 'Please choose',
};

/** The catalogue of each page language. */
export const MESSAGES: Readonly<Record<PageLanguage, Messages>> = { 'zh-CN': zhCN, en };

/** The chrome texts of `lang`. */
export function messagesFor(lang: PageLanguage): Messages {
  return MESSAGES[lang];
}

/** "Page 2 of 5" / "第 2 / 5 页". */
export function pagePosition(lang: PageLanguage, page: number, pageCount: number): string {
  return lang === 'en' ? `Page ${page} of ${pageCount}` : `第 ${page} / ${pageCount} 页`;
}
