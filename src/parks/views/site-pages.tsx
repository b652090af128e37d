// 载体库: the list with its filters and the district map, one site with its facts and contact,
// and the 我要咨询 form.
import { CompanyIdentityFields } from '../../enterprises/views/company-identity-fields.tsx';
import type { Attachment } from '../../uploads/attachment.ts';
import { AttachmentList } from '../../uploads/views/attachment-list.tsx';
import { INDUSTRIES } from '../../enterprises/industry.ts';
import { ConsentField, FilterSelect, PostForm, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { COMPANY_MAX, formatNumber, formatRange, industryNames, QUESTION_MAX, SITE_KIND_NAMES, SITE_KINDS, STALE_AFTER_DAYS, type Site } from '../site.ts';
import type { ShownSite } from '../site.service.ts';

type Options = ReadonlyArray<{ value: string; label: string }>;
/** The name of a channel by its slug. */
export type ChannelName = (slug: string) => string;

const KIND_OPTIONS = SITE_KINDS.map((kind) => ({ value: kind, label: SITE_KIND_NAMES[kind] }));
const INDUSTRY_OPTIONS = INDUSTRIES.map(({ code, name }) => ({ value: code, label: `${code} ${name}` }));

/** The list's filters as the query string gives them (already checked). */
export interface SiteListQuery {
  channel: string;
  kind: string;
  areaMin: string;
  areaMax: string;
  industry: string;
  q: string;
}

/** The list page's URL for a filter and page. */
export function siteListHref(query: Partial<SiteListQuery>, page = 1): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/parks?${search}` : '/parks';
}

/** One district on the map and in the list beside it. */
export interface MapDistrict {
  slug: string;
  name: string;
  count: number;
  /** Whether the boundary file has its polygon (a zone or 湾里管理局 has none). */
  onMap: boolean;
}

/** The 待更新 mark of a vacancy confirmed more than 90 days ago. */
export function StaleMark(props: { site: ShownSite }) {
  return props.site.stale ? (
    <span class="stale-mark" title={`空置信息超过 ${STALE_AFTER_DAYS} 天未确认`}>
      待更新
    </span>
  ) : null;
}

/** The main figure of a site in lists: vacancy and rent, or a plot's use and status. */
export function siteHeadline(site: Site): string {
  const area = site.kind === 'land' ? `${formatNumber(site.areaMu ?? 0)} 亩(${formatNumber(site.areaM2)} 平方米)` : `${formatNumber(site.areaM2)} 平方米`;
  if (site.kind === 'land') return `${area} · ${site.landUse ?? ''}用地 · ${site.landStatus ?? ''}`;
  const parts = [`总面积 ${area}`];
  if (site.vacantM2 !== null) parts.push(`空置 ${formatNumber(site.vacantM2)} 平方米`);
  if (site.rentMin !== null && site.rentMax !== null) parts.push(`租金 ${formatRange(site.rentMin, site.rentMax)} 元/平方米·天`);
  return parts.join(' · ');
}

/** The district map (drawn by public/parks-map.js) with the same counts as links, which work without script. */
function DistrictMap(props: { districts: readonly MapDistrict[]; geoHref: string; current: string }) {
  const drawn = props.districts.filter((district) => district.onMap);
  const spec = {
    geo: props.geoHref,
    districts: drawn.map((district) => ({ name: district.name, value: district.count, href: siteListHref({ channel: district.slug }) })),
  };
  return (
    <figure class="chart-block site-map-block">
      <figcaption>
        <h2>各区县载体分布</h2>
        <p class="chart-note">点击地图上的区县,或下表中的地区名称,只看该地区的载体。开发区和湾里管理局没有单独的行政区划边界,见下表。</p>
      </figcaption>
      <div class="site-map" data-site-map={JSON.stringify(spec)} role="img" aria-label="南昌市各区县载体数量地图(数据见下表)" />
      <TableScroll label="各地区载体数量">
        <table class="data-table site-districts">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">载体数</th>
            </tr>
          </thead>
          <tbody>
            {props.districts.map((district) => (
              <tr>
                <th scope="row">
                  <a href={siteListHref({ channel: district.slug })} aria-current={district.slug === props.current ? 'page' : undefined}>
                    {district.name}
                  </a>
                </th>
                <td>{district.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

/** Sites most recently changed first, with the district, kind, area and industry filters and the map. */
export function SiteListPage(props: {
  chrome: PageChrome;
  query: SiteListQuery;
  channels: Options;
  channelName: ChannelName;
  districts: readonly MapDistrict[];
  scripts: { echartsHref: string; mapHref: string; geoHref: string };
  list: { items: ShownSite[]; total: number; page: number; pageCount: number };
}) {
  const { query, list } = props;
  const filtered = Object.values(query).some((value) => value !== '');
  const noSites = props.districts.every((district) => district.count === 0);
  // The English list (/en/parks) has no filters: only the unfiltered list is its counterpart.
  const pageSuffix = list.page > 1 ? `?page=${list.page}` : '';
  const alternates = filtered ? undefined : { 'zh-CN': `/parks${pageSuffix}`, en: `/en/parks${pageSuffix}` };
  return (
    <Layout
      chrome={props.chrome}
      alternates={alternates}
      title="载体库"
      section="/parks"
      description="南昌市各区县、开发区的园区、楼宇、标准厂房和土地:面积、空置、租金、适合产业和联系人。"
      head={
        <>
          <script src={props.scripts.echartsHref} defer />
          <script src={props.scripts.mapHref} defer />
        </>
      }
    >
      <h1>载体库</h1>
      <p class="page-lead">园区、楼宇、标准厂房和土地信息由各区县、开发区招商部门录入和确认;空置信息超过 {STALE_AFTER_DAYS} 天未确认的标注“待更新”。</p>
      <form method="get" action="/parks" class="search-filters" role="search">
        <label>
          关键词
          <input type="search" name="q" value={query.q} maxLength={50} placeholder="如 研发楼 或 工业用地" />
        </label>
        <FilterSelect label="地区" name="channel" allLabel="全部地区" options={props.channels} value={query.channel} />
        <FilterSelect label="类型" name="kind" allLabel="全部类型" options={KIND_OPTIONS} value={query.kind} />
        <FilterSelect label="适合产业" name="industry" allLabel="全部产业" options={INDUSTRY_OPTIONS} value={query.industry} />
        <label>
          面积从(平方米)
          <input type="text" inputmode="decimal" name="areaMin" value={query.areaMin} maxLength={15} />
        </label>
        <label>
          至(平方米)
          <input type="text" inputmode="decimal" name="areaMax" value={query.areaMax} maxLength={15} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <DistrictMap districts={props.districts} geoHref={props.scripts.geoHref} current={query.channel} />
      <p class="search-summary" role="status">
        共 {list.total} 处载体 · 订阅:<a href="/parks/rss.xml">RSS</a> · <a href="/parks/atom.xml">Atom</a>
      </p>
      {list.items.length === 0 ? (
        <p class="notice">
          {noSites && !filtered ? '各地区招商部门尚未发布载体信息。如需了解可用的园区、楼宇、厂房或土地,请通过“联系我们”留言。' : '没有符合条件的载体。'}
        </p>
      ) : (
        <ol class="site-list">
          {list.items.map((site) => (
            <li>
              <a href={`/parks/${site.id}`}>{site.name}</a> <span class="site-kind">{SITE_KIND_NAMES[site.kind]}</span> <StaleMark site={site} />
              <p class="meta">
                <span>{props.channelName(site.channel)}</span>
                <span>{siteHeadline(site)}</span>
                <span>最近确认:{site.confirmedOn}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(n) => siteListHref(query, n)} />
    </Layout>
  );
}

/** One site: every fact of its kind, the vacancy with its date (待更新 when old), the contact, and 我要咨询. */
export function SiteDetailPage(props: { chrome: PageChrome; site: ShownSite; channelName: ChannelName; attachments?: readonly Attachment[] }) {
  const { site } = props;
  const industries = industryNames(site.industries);
  return (
    <Layout
      chrome={props.chrome}
      title={site.name}
      section="/parks"
      description={`${props.channelName(site.channel)}${SITE_KIND_NAMES[site.kind]}:${site.name}。${siteHeadline(site)}`}
    >
      <h1>{site.name}</h1>
      {site.stale && (
        <p class="notice" role="note">
          <strong>待更新</strong>:空置信息最近一次确认于 {site.confirmedOn},已超过 {STALE_AFTER_DAYS} 天,实际情况请向联系人核实。
        </p>
      )}
      <dl class="site-facts">
        <dt>类型</dt>
        <dd>{SITE_KIND_NAMES[site.kind]}</dd>
        <dt>地区</dt>
        <dd>
          <a href={siteListHref({ channel: site.channel })}>{props.channelName(site.channel)}</a>
        </dd>
        <dt>地址</dt>
        <dd>{site.address}</dd>
        {site.kind === 'land' ? (
          <>
            <dt>面积</dt>
            <dd>
              {formatNumber(site.areaMu ?? 0)} 亩(约 {formatNumber(site.areaM2)} 平方米)
            </dd>
            <dt>用地性质</dt>
            <dd>{site.landUse}</dd>
            <dt>容积率</dt>
            <dd>{site.plotRatioMin !== null && site.plotRatioMax !== null ? formatRange(site.plotRatioMin, site.plotRatioMax) : '未定'}</dd>
            <dt>状态</dt>
            <dd>{site.landStatus}</dd>
          </>
        ) : (
          <>
            <dt>{site.kind === 'park' ? '规划面积' : '总面积'}</dt>
            <dd>{formatNumber(site.areaM2)} 平方米</dd>
            {site.grade && (
              <>
                <dt>等级</dt>
                <dd>{site.grade}</dd>
              </>
            )}
            {site.floors !== null && (
              <>
                <dt>楼层</dt>
                <dd>{site.floors} 层</dd>
              </>
            )}
            <dt>空置面积</dt>
            <dd>{site.vacantM2 === null ? '未公布' : `${formatNumber(site.vacantM2)} 平方米`}</dd>
            <dt>租金</dt>
            <dd>{site.rentMin !== null && site.rentMax !== null ? `${formatRange(site.rentMin, site.rentMax)} 元/平方米·天` : '面议'}</dd>
            {site.propertyFee !== null && (
              <>
                <dt>物业费</dt>
                <dd>{formatNumber(site.propertyFee)} 元/平方米·月</dd>
              </>
            )}
          </>
        )}
        <dt>适合产业</dt>
        <dd>{industries.length === 0 ? '不限' : industries.join('、')}</dd>
        <dt>最近确认</dt>
        <dd>
          {site.confirmedOn} <StaleMark site={site} />
        </dd>
        <dt>联系人</dt>
        <dd>
          {site.contactName} <a href={`tel:${site.contactPhone}`}>{site.contactPhone}</a>
        </dd>
      </dl>
      <h2>简介与优势</h2>
      <p class="site-advantages">{site.advantages}</p>
      <AttachmentList attachments={props.attachments ?? []} />
      <p>
        <a class="button-link" href={`/parks/${site.id}/ask`}>
          我要咨询
        </a>
      </p>
      <p>
        <a href="/parks">返回载体库</a>
      </p>
    </Layout>
  );
}

/** The 我要咨询 form of a site: it reaches the office of the site's district. */
export function AskPage(props: { chrome: PageChrome; site: Site; token: string; state: FieldState; channelName: ChannelName }) {
  const { site, state } = props;
  return (
    <Layout
      chrome={props.chrome}
      title={`我要咨询:${site.name}`}
      section="/parks"
      description={`向${props.channelName(site.channel)}招商部门咨询${site.name}。`}
    >
      <h1>我要咨询:{site.name}</h1>
      <p class="page-lead">您的咨询将发送给{props.channelName(site.channel)}招商部门。提交后会得到查询码,可在“联系我们”中查询办理情况。</p>
      <PostForm action={`/parks/${site.id}/ask`} token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交咨询">
        <TextField state={state} name="companyName" label="企业名称" maxLength={COMPANY_MAX} required />
        <CompanyIdentityFields state={state} />
        <TextField state={state} name="name" label="联系人" maxLength={50} required />
        <TextField
          state={state}
          name="contact"
          label="联系方式"
          maxLength={100}
          required
          hint="手机、带区号的固定电话、带国家代码的国际号码(如 +49 30 1234567),或电子邮箱。"
        />
        <TextArea state={state} name="question" label="咨询内容" maxLength={QUESTION_MAX} required rows={6} />
        <ConsentField state={state} name="consent">
          我同意本站收集联系人姓名和联系方式,仅用于答复本次咨询;咨询办结后,这些个人信息将按本站规定期限删除。
        </ConsentField>
      </PostForm>
      <p>
        <a href={`/parks/${site.id}`}>返回载体页面</a>
      </p>
    </Layout>
  );
}
