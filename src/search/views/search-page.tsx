// The search page: the form with its filters, then the results with marked words, or a message.
import { raw } from 'hono/html';
import type { ShownSite } from '../../parks/site.service.ts';
import { SITE_KIND_NAMES } from '../../parks/site.ts';
import type { ShownPolicy } from '../../policies/policy.service.ts';
import { VALIDITY_NAMES } from '../../policies/policy.ts';
import type { Channel } from '../../channels/channel.ts';
import { articleCard } from '../../articles/views/article-list.tsx';
import { FilterSelect } from '../../http/form-controls.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { markedHtml, type TextPart } from '../highlight.ts';
import type { SearchResults } from '../search.service.ts';

/** The values the form shows back. */
export interface SearchForm {
  q: string;
  channel: string;
  from: string;
  to: string;
}

/** Text with its matched words in <mark>, written as escaped text (hono/jsx costs about a microsecond an element). */
export function Marked({ parts }: { parts: TextPart[] }) {
  return markedText(parts);
}

// The open API's titleHtml and snippetHtml, the same bytes.
const markedText = (parts: readonly TextPart[]) => raw(markedHtml(parts));

/** `/search`: results when there are, otherwise the form and a hint or problem. */
export function SearchPage(props: {
  chrome: PageChrome;
  channels: readonly Channel[];
  form: SearchForm;
  results?: SearchResults;
  problem?: string | undefined;
  navChannel: (slug: string) => NavChannel;
  /** Policies of the policy library the same words find (first page only), and how many in all. */
  policies?: { items: readonly ShownPolicy[]; total: number } | undefined;
  /** Sites of the carrier library the same words find (first page only), and how many in all. */
  sites?: { items: readonly ShownSite[]; total: number } | undefined;
}) {
  const { form, results, policies, sites } = props;
  const title = form.q.trim() === '' ? '搜索' : `“${form.q.trim()}”的搜索结果`;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ''));
    if (page > 1) params.set('page', String(page));
    return `/search?${params}`;
  };
  return (
    <Layout chrome={props.chrome} title={title} searchQuery={form.q}>
      <h1 class="page-title">{title}</h1>
      <form class="search-filters" action="/search" method="get" role="search" aria-label="站内搜索">
        <label>
          关键词
          <input type="search" name="q" value={form.q} maxlength={100} required />
        </label>
        <FilterSelect
          label="频道"
          name="channel"
          allLabel="全部频道"
          options={props.channels.map((channel) => ({ value: channel.slug, label: channel.name }))}
          value={form.channel}
        />
        <label>
          开始日期
          <input type="date" name="from" value={form.from} />
        </label>
        <label>
          结束日期
          <input type="date" name="to" value={form.to} />
        </label>
        <button type="submit">搜索</button>
      </form>
      {props.problem && (
        <p class="notice" role="alert">
          {props.problem}
        </p>
      )}
      {!results && !props.problem && (
        <p class="notice">输入关键词搜索全站文章。多个词用空格分开表示同时包含;用引号括起来表示整句查找,如“国家自主创新示范区”。</p>
      )}
      {results && (
        <>
          <p class="search-summary" role="status">
            {results.total === 0
              ? '没有找到相关文章,请换个关键词或减少筛选条件。'
              : `${results.totalIsLowerBound ? '至少' : '共'}找到 ${results.total} 篇相关文章`}
          </p>
          {policies && policies.total > 0 && (
            <section class="aside-box" aria-labelledby="policy-matches">
              <h2 id="policy-matches">相关政策文件</h2>
              <ul class="policy-links">
                {policies.items.map((policy) => (
                  <li>
                    <a href={`/policies/${policy.id}`}>{policy.title}</a>
                    {policy.docNumber && `(${policy.docNumber})`} · {VALIDITY_NAMES[policy.validity]}
                  </li>
                ))}
              </ul>
              <p>
                <a href={`/policies?q=${encodeURIComponent(form.q.trim())}`}>在政策文件库中查看全部 {policies.total} 件</a>
              </p>
            </section>
          )}
          {sites && sites.total > 0 && (
            <section class="aside-box" aria-labelledby="site-matches">
              <h2 id="site-matches">相关载体</h2>
              <ul class="policy-links">
                {sites.items.map((site) => (
                  <li>
                    <a href={`/parks/${site.id}`}>{site.name}</a> · {SITE_KIND_NAMES[site.kind]} · {props.navChannel(site.channel).name}
                  </li>
                ))}
              </ul>
              <p>
                <a href={`/parks?q=${encodeURIComponent(form.q.trim())}`}>在载体库中查看全部 {sites.total} 处</a>
              </p>
            </section>
          )}
          <ol class="article-list search-results">
            {results.hits.map((hit) => articleCard(hit, props.navChannel(hit.channel), markedText(hit.titleParts), markedText(hit.snippetParts)))}
          </ol>
          <Pagination page={results.page} pageCount={results.pageCount} href={href} />
        </>
      )}
    </Layout>
  );
}
