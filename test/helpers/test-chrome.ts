// The site identity and page chrome of tests that render pages without the whole app: nothing of
// the footer's identity is configured.
import type { SiteIdentity } from '../../src/config.ts';
import type { PageChrome } from '../../src/http/layout.tsx';
import { footerContent } from '../../src/http/site-footer.tsx';

export const testSite: SiteIdentity = {
  siteName: '南昌招商',
  hostOrganisation: undefined,
  organiser: undefined,
  siteCode: undefined,
  icpNumber: undefined,
  publicSecurityNumber: undefined,
  errorReportUrl: undefined,
};

/** Header, navigation and footer data for a page rendered outside createApp. */
export const testChrome: PageChrome = {
  site: testSite,
  footer: footerContent(testSite, { office: undefined, address: undefined, phone: undefined, email: undefined, hours: undefined }, '/p.svg'),
  stylesheetHref: '/s.css',
  iconHref: '/i.svg',
  nav: [],
};
