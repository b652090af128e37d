// The footer a government site must carry: our own service links, the contact line, and the
// registrations (主办/承办单位, 网站标识码, ICP and 公安 filings) with their lookup links. Built once
// from the configuration; every optional line appears only when configured.
import type { ContactDetails, SiteIdentity } from '../config.ts';
import { ICP_LOOKUP_URL, publicSecurityLookupUrl } from '../lib/site-filings.ts';

/** The public file (under public/) drawn before the 公安备案号; operators may replace it with the official icon. */
export const PUBLIC_SECURITY_ICON = 'public-security-filing.svg';

/** A labelled value of the footer, a link when `href` is set. */
interface FooterLine {
  label: string;
  value: string;
  href?: string;
}

/** Everything the footer shows, resolved from the configuration. */
export interface FooterContent {
  /** 地址, 电话, 电子邮箱: those configured. */
  contact: FooterLine[];
  /** 主办单位, 承办单位, 网站标识码: those configured. */
  identity: FooterLine[];
  icpNumber: string | undefined;
  publicSecurity: { number: string; href: string; iconHref: string } | undefined;
  /** 我为政府网站找错. */
  errorReportUrl: string | undefined;
}

/** The footer's content for this site; `iconHref` is the served URL of PUBLIC_SECURITY_ICON. */
export function footerContent(site: SiteIdentity, contact: ContactDetails, iconHref: string): FooterContent {
  const lines = (candidates: Array<FooterLine | false>) => candidates.filter((line): line is FooterLine => line !== false);
  return {
    contact: lines([
      contact.address !== undefined && { label: '地址', value: contact.address },
      contact.phone !== undefined && { label: '电话', value: contact.phone, href: `tel:${contact.phone}` },
      contact.email !== undefined && { label: '电子邮箱', value: contact.email, href: `mailto:${contact.email}` },
    ]),
    identity: lines([
      site.hostOrganisation !== undefined && { label: '主办单位', value: site.hostOrganisation },
      site.organiser !== undefined && { label: '承办单位', value: site.organiser },
      site.siteCode !== undefined && { label: '网站标识码', value: site.siteCode },
    ]),
    icpNumber: site.icpNumber,
    publicSecurity:
      site.publicSecurityNumber === undefined
        ? undefined
        : { number: site.publicSecurityNumber, href: publicSecurityLookupUrl(site.publicSecurityNumber), iconHref },
    errorReportUrl: site.errorReportUrl,
  };
}

// The filing authorities' own footer snippets open their registers in a new window; readers of a
// screen are told so before they follow the link.
const NEW_WINDOW = { target: '_blank', rel: 'noopener noreferrer' } as const;
const NewWindowNote = () => <span class="visually-hidden">(在新窗口打开)</span>;

/** The site footer; `section` marks our own link of the page's section with aria-current. */
export function SiteFooter({ footer, section }: { footer: FooterContent; section: string | undefined }) {
  const current = (href: string) => (section === href ? 'page' : undefined);
  const { publicSecurity } = footer;
  const hasFilings = footer.identity.length > 0 || footer.icpNumber !== undefined || publicSecurity !== undefined;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <ul class="footer-links">
          <li>
            <a href="/submit" aria-current={current('/submit')}>
              有想补充的信息?点我投稿
            </a>
          </li>
          <li>
            <a href="/contact" aria-current={current('/contact')}>
              联系我们
            </a>
          </li>
          <li>
            <a href="/qa" aria-current={current('/qa')}>
              公开问答
            </a>
          </li>
          <li>
            <a href="/enterprises/apply" aria-current={current('/enterprises/apply')}>
              企业入驻
            </a>
          </li>
          <li>
            <a href="/sitemap" aria-current={current('/sitemap')}>
              网站地图
            </a>
          </li>
          <li>
            <a href="/rss.xml" type="application/rss+xml">
              RSS 订阅
            </a>
          </li>
          {footer.errorReportUrl !== undefined && (
            <li>
              <a href={footer.errorReportUrl} {...NEW_WINDOW}>
                我为政府网站找错
                <NewWindowNote />
              </a>
            </li>
          )}
        </ul>
        {footer.contact.length > 0 && (
          <p class="footer-contact">
            {footer.contact.map((line) => (
              <span>
                {line.label}:{line.href === undefined ? line.value : <a href={line.href}>{line.value}</a>}
              </span>
            ))}
          </p>
        )}
        {hasFilings && (
          <p class="footer-identity">
            {footer.identity.map((line) => (
              <span>
                {line.label}:{line.value}
              </span>
            ))}
            {footer.icpNumber !== undefined && (
              <span>
                <a href={ICP_LOOKUP_URL} {...NEW_WINDOW}>
                  {footer.icpNumber}
                  <NewWindowNote />
                </a>
              </span>
            )}
            {publicSecurity !== undefined && (
              <span>
                <a href={publicSecurity.href} class="public-security-filing" {...NEW_WINDOW}>
                  <img src={publicSecurity.iconHref} alt="公安备案图标" width="16" height="16" />
                  {publicSecurity.number}
                  <NewWindowNote />
                </a>
              </span>
            )}
          </p>
        )}
      </div>
    </footer>
  );
}
