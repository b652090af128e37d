// The English policy library: policies that have an English version, with their validity in
// English, and one policy in English (or a page saying it has none yet, linking the Chinese).
import { markdownToHtml } from '../../articles/markdown.ts';
import { MachineTranslationNotice } from '../../articles/views/english-pages.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import type { EnglishVersion } from '../../i18n/english-version.ts';
import { englishDate } from '../../i18n/format.ts';
import { VALIDITIES, VALIDITY_ENGLISH_NAMES, type Policy, type PolicyValidity } from '../policy.ts';
import type { EnglishPolicy } from '../policy-english.service.ts';

/** A validity label in English (the same classes as the Chinese one, for its colour). */
function EnglishValidity(props: { validity: PolicyValidity }) {
  return <span class={`validity validity-${props.validity}`}>{VALIDITY_ENGLISH_NAMES[props.validity]}</span>;
}

/** /en/policies. */
export function EnglishPolicyListPage(props: {
  chrome: PageChrome;
  validity: string;
  list: { items: EnglishPolicy[]; total: number };
  channelName: (slug: string) => NavChannel;
}) {
  const { list } = props;
  const query = props.validity ? `?validity=${props.validity}` : '';
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Policy library"
      section="/en/policies"
      description="Investment policies of Nanchang and its districts in English, marked in force, amended or repealed."
      alternates={{ 'zh-CN': `/policies${query}`, en: `/en/policies${query}` }}
    >
      <h1>Policy library</h1>
      <p class="page-lead">
        Only policies with an English version are listed here ({list.items.length}). The{' '}
        <a href="/policies" hreflang="zh-CN">
          Chinese policy library
        </a>{' '}
        has all {list.total}, with search and more filters. The Chinese text of each policy prevails.
      </p>
      <form method="get" action="/en/policies" class="search-filters">
        <label>
          Validity{' '}
          <select name="validity">
            <option value="">All</option>
            {VALIDITIES.map((validity) => (
              <option value={validity} selected={props.validity === validity}>
                {VALIDITY_ENGLISH_NAMES[validity]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {list.items.length === 0 ? (
        <p class="notice">No policies in English match.</p>
      ) : (
        <ol class="article-list">
          {list.items.map((item) => (
            <li class="article-card">
              <article>
                <div class="meta">
                  <EnglishValidity validity={item.validity} />
                  <span>{props.channelName(item.channel).englishName}</span>
                  <time datetime={item.publishedOn}>{englishDate(item.publishedOn)}</time>
                  {item.english.machineTranslated && <span class="badge">Machine translation</span>}
                </div>
                <h2>
                  <a href={`/en/policies/${item.id}`}>{item.english.title}</a>
                </h2>
                <p>{item.english.summary}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

/** /en/policies/:id. */
export function EnglishPolicyPage(props: {
  chrome: PageChrome;
  policy: Policy & { validity: PolicyValidity };
  english: EnglishVersion | undefined;
  channel: NavChannel;
}) {
  const { policy, english, channel } = props;
  const chinese = `/policies/${policy.id}`;
  const facts = (
    <dl class="policy-facts">
      <dt>Status</dt>
      <dd>
        <EnglishValidity validity={policy.validity} />
      </dd>
      {policy.docNumber && (
        <>
          <dt>Document number</dt>
          <dd lang="zh-CN">{policy.docNumber}</dd>
        </>
      )}
      <dt>Area</dt>
      <dd>{channel.englishName}</dd>
      <dt>Published</dt>
      <dd>{englishDate(policy.publishedOn)}</dd>
      <dt>In effect from</dt>
      <dd>{englishDate(policy.effectiveOn)}</dd>
      <dt>Valid until</dt>
      <dd>{policy.validUntil ? englishDate(policy.validUntil) : 'No end date'}</dd>
    </dl>
  );
  if (!english) {
    return (
      <Layout chrome={props.chrome} lang="en" title="No English version yet" section="/en/policies">
        <h1>No English version yet</h1>
        <p>This policy has not been translated into English yet.</p>
        {facts}
        <p>
          Read it in Chinese:{' '}
          <a href={chinese} hreflang="zh-CN" lang="zh-CN">
            {policy.title}
          </a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title={english.title}
      description={english.summary}
      section="/en/policies"
      alternates={{ 'zh-CN': chinese, en: `/en/policies/${policy.id}` }}
    >
      <article class="article">
        <h1>{english.title}</h1>
        {facts}
        <MachineTranslationNotice version={english} />
        <div class="article-body" dangerouslySetInnerHTML={{ __html: markdownToHtml(english.body) }} />
        <p>
          <a href={chinese} hreflang="zh-CN" lang="zh-CN">
            阅读中文原文
          </a>{' '}
          (the original in Chinese, which prevails)
        </p>
      </article>
    </Layout>
  );
}
