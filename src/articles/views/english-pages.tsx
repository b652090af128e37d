// English article pages: the home and channel lists of articles that have an English version,
// and one article in English, or, when none is written yet, a page that says so and links the
// Chinese original (never an empty page).
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { englishDate } from '../../i18n/format.ts';
import { MACHINE_TRANSLATION_NOTICE, type EnglishVersion } from '../../i18n/english-version.ts';
import { messagesFor, pagePosition } from '../../i18n/messages.ts';
import type { Article } from '../article.ts';
import type { EnglishArticleListPage } from '../article-english.service.ts';
import { markdownToHtml } from '../markdown.ts';

const text = messagesFor('en');

/** The notice above a machine-translated text; nothing for one written by a person. */
export function MachineTranslationNotice({ version }: { version: Pick<EnglishVersion, 'machineTranslated'> }) {
  return version.machineTranslated ? (
    <p class="notice machine-translation" role="note">
      {MACHINE_TRANSLATION_NOTICE}
    </p>
  ) : null;
}

/** Previous / next links of an English list. */
export function EnglishPagination(props: { page: number; pageCount: number; href: (page: number) => string }) {
  const { page, pageCount, href } = props;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={text.paginationLabel}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {text.previousPage}
        </a>
      ) : (
        <span aria-hidden="true">{text.previousPage}</span>
      )}
      <span>{pagePosition('en', page, pageCount)}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {text.nextPage}
        </a>
      ) : (
        <span aria-hidden="true">{text.nextPage}</span>
      )}
    </nav>
  );
}

/** The list of one page of English articles, with the note that only translated articles appear. */
function EnglishArticleList(props: { list: EnglishArticleListPage; channelName: (slug: string) => NavChannel; basePath: string; chinesePath: string }) {
  const { list } = props;
  return (
    <>
      <p class="page-lead">
        {list.total === 1 ? '1 article has' : `${list.total} articles have`} an English version; only these are listed here, newest first. The{' '}
        <a href={props.chinesePath} hreflang="zh-CN">
          Chinese list
        </a>{' '}
        has all {list.chineseTotal}.
      </p>
      {list.items.length === 0 ? (
        <p class="notice">{text.emptyChannel}</p>
      ) : (
        <ol class="article-list">
          {list.items.map((item) => {
            const channel = props.channelName(item.channel);
            return (
              <li class="article-card">
                <article>
                  <div class="meta">
                    <a class="channel-tag" href={`/en/channels/${channel.slug}`}>
                      {channel.englishName}
                    </a>
                    <time datetime={item.publishedOn}>{englishDate(item.publishedOn)}</time>
                    {item.english.machineTranslated && <span class="badge">Machine translation</span>}
                  </div>
                  <h2>
                    <a href={`/en/articles/${item.id}`}>{item.english.title}</a>
                  </h2>
                  <p>{item.english.summary}</p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <EnglishPagination page={list.page} pageCount={list.pageCount} href={(n) => (n === 1 ? props.basePath : `${props.basePath}?page=${n}`)} />
    </>
  );
}

/** /en, page N. */
export function EnglishHomePage(props: { chrome: PageChrome; list: EnglishArticleListPage; channelName: (slug: string) => NavChannel }) {
  const { list } = props;
  const page = list.page > 1 ? `?page=${list.page}` : '';
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title={list.page > 1 ? `Latest news, page ${list.page}` : 'Latest news'}
      home={list.page === 1}
      description="Investment news from Nanchang, its districts, counties and development zones, in English."
      alternates={{ 'zh-CN': `/${page}`, en: `/en${page}` }}
    >
      <h1>Investing in Nanchang: latest news</h1>
      <EnglishArticleList list={list} channelName={props.channelName} basePath="/en" chinesePath="/" />
    </Layout>
  );
}

/** /en/channels/:slug, page N. */
export function EnglishChannelPage(props: {
  chrome: PageChrome;
  channel: NavChannel;
  list: EnglishArticleListPage;
  channelName: (slug: string) => NavChannel;
}) {
  const { channel, list } = props;
  const page = list.page > 1 ? `?page=${list.page}` : '';
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title={channel.englishName}
      currentChannel={channel.slug}
      description={`Investment news from ${channel.englishName}, in English.`}
      alternates={{ 'zh-CN': `/channels/${channel.slug}${page}`, en: `/en/channels/${channel.slug}${page}` }}
    >
      <h1>{channel.englishName}</h1>
      <EnglishArticleList list={list} channelName={props.channelName} basePath={`/en/channels/${channel.slug}`} chinesePath={`/channels/${channel.slug}`} />
    </Layout>
  );
}

/** /en/articles/:id: the English version, or the page saying there is none yet. */
export function EnglishArticlePage(props: { chrome: PageChrome; article: Article; english: EnglishVersion | undefined; channel: NavChannel }) {
  const { article, english, channel } = props;
  const chinese = `/articles/${article.id}`;
  if (!english) {
    return (
      <Layout
        chrome={props.chrome}
        lang="en"
        title="No English version yet"
        currentChannel={channel.slug}
        description="This article has no English version yet."
      >
        <article class="article">
          <h1>No English version yet</h1>
          <p>
            This article from {channel.englishName}, published on <time datetime={article.publishedOn}>{englishDate(article.publishedOn)}</time>, has not been
            translated into English yet.
          </p>
          <p>
            Read the original in Chinese:{' '}
            <a href={chinese} hreflang="zh-CN" lang="zh-CN">
              {article.title}
            </a>
          </p>
          <p>
            <a href="/en">Articles in English</a>
          </p>
        </article>
      </Layout>
    );
  }
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title={english.title}
      description={english.summary}
      currentChannel={channel.slug}
      alternates={{ 'zh-CN': chinese, en: `/en/articles/${article.id}` }}
    >
      <article class="article">
        <header>
          <h1>{english.title}</h1>
          <div class="meta">
            <a class="channel-tag" href={`/en/channels/${channel.slug}`}>
              {channel.englishName}
            </a>
            <span>
              Published <time datetime={article.publishedOn}>{englishDate(article.publishedOn)}</time>
            </span>
          </div>
        </header>
        <MachineTranslationNotice version={english} />
        <div class="article-body" dangerouslySetInnerHTML={{ __html: markdownToHtml(english.body) }} />
        <p>
          <a href={chinese} hreflang="zh-CN" lang="zh-CN">
            阅读中文原文
          </a>{' '}
          (the original in Chinese)
        </p>
      </article>
    </Layout>
  );
}
