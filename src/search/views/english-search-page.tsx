// /en/search: the English search form and results, which are articles with an English version.
import { EnglishPagination } from '../../articles/views/english-pages.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { englishDate } from '../../i18n/format.ts';
import type { EnglishSearchResults } from '../english-search.service.ts';
import { Marked } from './search-page.tsx';

/** `/en/search`: the form, then results, or a hint or problem. */
export function EnglishSearchPage(props: {
  chrome: PageChrome;
  q: string;
  results?: EnglishSearchResults | undefined;
  problem?: string | undefined;
  channelName: (slug: string) => NavChannel;
}) {
  const { results } = props;
  return (
    <Layout chrome={props.chrome} lang="en" title={props.q ? `Search: ${props.q}` : 'Search'} searchQuery={props.q}>
      <h1>Search</h1>
      <form class="search-form" action="/en/search" method="get" role="search">
        <label for="en-search-q">Words to find</label>
        <input id="en-search-q" type="search" name="q" value={props.q} maxlength={100} />
        <button type="submit">Search</button>
      </form>
      <p class="page-lead">
        Only articles with an English version are searched here. The{' '}
        <a href={props.q ? `/search?q=${encodeURIComponent(props.q)}` : '/search'} hreflang="zh-CN">
          Chinese search
        </a>{' '}
        covers every article, policy and site.
      </p>
      {props.problem && (
        <p class="notice" role="alert">
          {props.problem}
        </p>
      )}
      {results &&
        (results.hits.length === 0 ? (
          <p class="notice">No article with an English version matches “{props.q}”.</p>
        ) : (
          <>
            <p>
              {results.totalIsLowerBound ? 'At least ' : ''}
              {results.total === 1 ? '1 article' : `${results.total} articles`} found.
            </p>
            <ol class="article-list">
              {results.hits.map((hit) => (
                <li class="article-card">
                  <article>
                    <div class="meta">
                      <a class="channel-tag" href={`/en/channels/${hit.channel}`}>
                        {props.channelName(hit.channel).englishName}
                      </a>
                      <time datetime={hit.publishedOn}>{englishDate(hit.publishedOn)}</time>
                      {hit.machineTranslated && <span class="badge">Machine translation</span>}
                    </div>
                    <h2>
                      <a href={`/en/articles/${hit.id}`}>
                        <Marked parts={hit.titleParts} />
                      </a>
                    </h2>
                    <p>
                      <Marked parts={hit.snippetParts} />
                    </p>
                  </article>
                </li>
              ))}
            </ol>
            <EnglishPagination
              page={results.page}
              pageCount={results.pageCount}
              href={(n) => `/en/search?q=${encodeURIComponent(props.q)}${n > 1 ? `&page=${n}` : ''}`}
            />
          </>
        ))}
    </Layout>
  );
}
