// The footer a government site must carry: our own service links, the contact line, and the
// registrations (主办/承办单位, 网站标识码, ICP and 公安 filings) with their lookup links. Built once
// from the configuration; every optional line appears only when configured.
import type { ContactDetails, SiteIdentity } from '../config.ts';
import { messagesFor, type Messages } from '../i18n/messages.ts';
import { ICP_LOOKUP_URL, publicSecurityLookupUrl } from '../lib/site-filings.ts';
import type { PageLanguage } from './page-meta.tsx';

/** The public file (under public/) drawn before the 公安备案号; operators may replace it with the official icon. */
export const PUBLIC_SECURITY_ICON = 'public-security-filing.svg';

/** A labelled value of the footer, a link when `href` is set; the label is named in each page language. */
interface FooterLine {
  label: keyof Messages;
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
      contact.address !== undefined && { label: 'footerAddress', value: contact.address },
      contact.phone !== undefined && { label: 'footerPhone', value: contact.phone, href: `tel:${contact.phone}` },
      contact.email !== undefined && { label: 'footerEmail', value: contact.email, href: `mailto:${contact.email}` },
    ]),
    identity: lines([
      site.hostOrganisation !== undefined && { label: 'footerHost', value: site.hostOrganisation },
      site.organiser !== undefined && { label: 'footerOrganiser', value: site.organiser },
      site.siteCode !== undefined && { label: 'footerSiteCode', value: site.siteCode },
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
const NewWindowNote = ({ text }: { text: Messages }) => <span class="visually-hidden">{text.newWindow}</span>;

/**
 * The site footer; `section` marks our own link of the page's section with aria-current. English
 * pages link the English contact and 企业入驻 forms; the services that exist only in Chinese keep
 * their Chinese addresses and say so.
 */
export function SiteFooter({ footer, section, lang = 'zh-CN' }: { footer: FooterContent; section: string | undefined; lang?: PageLanguage }) {
  const current = (href: string) => (section === href ? 'page' : undefined);
  const text = messagesFor(lang);
  const own = (path: string) => (lang === 'en' ? `/en${path}` : path);
  const { publicSecurity } = footer;
  const hasFilings = footer.identity.length > 0 || footer.icpNumber !== undefined || publicSecurity !== undefined;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <ul class="footer-links">
          <li>
            <a href="/submit" aria-current={current('/submit')}>
              {text.footerSubmit}
            </a>
          </li>
          <li>
            <a href={own('/contact')} aria-current={current(own('/contact'))}>
              {text.footerContact}
            </a>
          </li>
          <li>
            <a href="/qa" aria-current={current('/qa')}>
              {text.footerQa}
            </a>
          </li>
          <li>
            <a href={own('/enterprises/apply')} aria-current={current(own('/enterprises/apply'))}>
              {text.footerEnterprise}
            </a>
          </li>
          <li>
            <a href="/sitemap" aria-current={current('/sitemap')}>
              {text.footerSitemap}
            </a>
          </li>
          <li>
            <a href={own('/rss.xml')} type="application/rss+xml">
              {text.footerFeed}
            </a>
          </li>
          {footer.errorReportUrl !== undefined && (
            <li>
              <a href={footer.errorReportUrl} {...NEW_WINDOW}>
                {text.footerErrorReport}
                <NewWindowNote text={text} />
              </a>
            </li>
          )}
        </ul>
        {footer.contact.length > 0 && (
          <p class="footer-contact">
            {footer.contact.map((line) => (
              <span>
                {text[line.label]}
                {text.labelSeparator}
                {line.href === undefined ? line.value : <a href={line.href}>{line.value}</a>}
              </span>
            ))}
          </p>
        )}
        {hasFilings && (
          <p class="footer-identity">
            {footer.identity.map((line) => (
              <span>
                {text[line.label]}
                {text.labelSeparator}
                {line.value}
              </span>
            ))}
            {footer.icpNumber !== undefined && (
              <span>
                <a href={ICP_LOOKUP_URL} {...NEW_WINDOW}>
                  {footer.icpNumber}
                  <NewWindowNote text={text} />
                </a>
              </span>
            )}
            {publicSecurity !== undefined && (
              <span>
                <a href={publicSecurity.href} class="public-security-filing" {...NEW_WINDOW}>
                  <img src={publicSecurity.iconHref} alt={text.footerSecurityIcon} width="16" height="16" />
                  {publicSecurity.number}
                  <NewWindowNote text={text} />
                </a>
              </span>
            )}
          </p>
        )}
      </div>
    </footer>
  );
}
