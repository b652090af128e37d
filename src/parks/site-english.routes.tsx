// The English carrier library (/en/parks): every site, named as published (in Chinese), with its
// kind, area, vacancy and industries in English and a link to its Chinese page, which has the
// details and the enquiry form.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { htmlDocument, Layout, type PageChrome } from '../http/layout.tsx';
import { parsePageNumber } from '../http/request-params.ts';
import { TableScroll } from '../http/table-scroll.tsx';
import { englishNumber } from '../i18n/format.ts';
import { INDUSTRY_ENGLISH_NAMES } from '../enterprises/industry.ts';
import type { SiteKind } from './site.ts';
import { siteList, type ShownSite } from './site.service.ts';

/** The kinds of site as English pages name them. */
export const SITE_KIND_ENGLISH_NAMES: Readonly<Record<SiteKind, string>> = {
  park: 'Industrial park',
  building: 'Office building',
  factory: 'Standard factory building',
  land: 'Land',
};

const area = (m2: number | null) => (m2 === null ? '—' : `${englishNumber(m2)} m²`);

function EnglishParksPage(props: { chrome: PageChrome; sites: ShownSite[]; total: number; page: number; areaName: (slug: string) => string }) {
  // The same page of the unfiltered Chinese list, which pages the same sites in the same order.
  const pageSuffix = props.page > 1 ? `?page=${props.page}` : '';
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Carrier library: parks, buildings and land"
      section="/en/parks"
      description="Industrial parks, office buildings, factory buildings and land available to investors in Nanchang."
      alternates={{ 'zh-CN': `/parks${pageSuffix}`, en: `/en/parks${pageSuffix}` }}
    >
      <h1>Parks, buildings and land</h1>
      <p class="page-lead">
        {props.total} sites available to investors, most recently updated first. Names are given as published, in Chinese; each site's{' '}
        <a href="/parks" hreflang="zh-CN">
          Chinese page
        </a>{' '}
        has its details, rents and an enquiry form.
      </p>
      {props.sites.length === 0 ? (
        <p class="notice">No sites are listed yet.</p>
      ) : (
        <TableScroll label="Sites">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Kind</th>
                <th scope="col">Area</th>
                <th scope="col">Location</th>
                <th scope="col">Vacant</th>
                <th scope="col">Industries</th>
              </tr>
            </thead>
            <tbody>
              {props.sites.map((site) => (
                <tr>
                  <td lang="zh-CN">
                    <a href={`/parks/${site.id}`} hreflang="zh-CN">
                      {site.name}
                    </a>
                  </td>
                  <td>{SITE_KIND_ENGLISH_NAMES[site.kind]}</td>
                  <td>{area(site.areaM2)}</td>
                  <td>{props.areaName(site.channel)}</td>
                  <td>{area(site.vacantM2)}</td>
                  <td>{site.industries.map((code) => INDUSTRY_ENGLISH_NAMES[code] ?? code).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

/** Routes: `/en/parks?page=`. */
export function siteEnglishRoutes(ctx: RouteContext): Hono {
  return new Hono().get(
    '/en/parks',
    ctx.cachedPage(['page'], async (c) => {
      const page = parsePageNumber(c.req.query('page'));
      const list = await siteList(ctx.db, ctx.searchIndex.segmenter, {}, page);
      if (page > list.pageCount) throw notFound('There is no such page.');
      return c.html(
        htmlDocument(
          <EnglishParksPage
            chrome={await ctx.chrome(c)}
            sites={list.items}
            total={list.total}
            page={page}
            areaName={(slug) => ctx.navChannel(slug).englishName}
          />,
        ),
      );
    }),
  );
}
