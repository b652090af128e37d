// The registrations a Chinese government site shows in its footer — 网站标识码, ICP 备案号 and
// 公安备案号 — their formats, and the public addresses where each is looked up.

/**
 * 网站标识码, as the national government-website register assigns it: ten characters, either the
 * six-digit administrative division code and a four-digit serial (南昌市: `3601000001`), or `bm`
 * and eight digits for a State Council department's site.
 */
export const SITE_CODE_FORMAT = /^(?:\d{10}|bm\d{8})$/u;

/** ICP 备案号: a province's one-character abbreviation, `ICP备`, the filing number, `号`, and `-N` for the filing's Nth site. */
export const ICP_NUMBER_FORMAT = /^\p{Script=Han}ICP备\d{6,10}号(?:-\d{1,3})?$/u;

/** 公安备案号: the abbreviation, `公网安备`, the 14-digit record code (often after a space), `号`. */
export const PUBLIC_SECURITY_NUMBER_FORMAT = /^\p{Script=Han}公网安备 ?(\d{14})号$/u;

/** Where anyone can look up an ICP filing (MIIT); the filing rules ask the number to link there. */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/** The public-security filing's page on the MPS register, found by its 14-digit record code. */
export function publicSecurityLookupUrl(publicSecurityNumber: string): string {
  const code = PUBLIC_SECURITY_NUMBER_FORMAT.exec(publicSecurityNumber)?.[1];
  if (code === undefined) throw new Error(`Not a 公安备案号: ${publicSecurityNumber}`);
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}

/** The national 我为政府网站找错 platform's form for the site with this 网站标识码. */
export function errorReportUrlFor(siteCode: string): string {
  return `https://zfwzzc.www.gov.cn/check_web/errorInfo_querySubmit.action?websitecode=${encodeURIComponent(siteCode)}`;
}
