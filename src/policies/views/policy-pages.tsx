// 政策文件库: the list with its filters and search, and one policy with its validity, dates,
// full text and 政策解读.
import type { Article } from '../../articles/article.ts';
import type { Attachment } from '../../uploads/attachment.ts';
import { AttachmentList } from '../../uploads/views/attachment-list.tsx';
import { markdownToHtml } from '../../articles/markdown.ts';
import { FilterSelect } from '../../http/form-controls.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { POLICY_LEVELS, POLICY_TOPICS, VALIDITIES, VALIDITY_NAMES, type Policy, type PolicyValidity } from '../policy.ts';
import type { PolicyDetail, ShownPolicy } from '../policy.service.ts';

type Options = ReadonlyArray<{ value: string; label: string }>;
/** The name of a channel by its slug. */
export type ChannelName = (slug: string) => string;

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const VALIDITY_OPTIONS = VALIDITIES.map((validity) => ({ value: validity, label: VALIDITY_NAMES[validity] }));

/** The list's filters as the query string gives them (already checked). */
export interface PolicyListQuery {
  topic: string;
  level: string;
  channel: string;
  validity: string;
  from: string;
  to: string;
  q: string;
}

/** The list page's URL for a filter and page. */
export function policyListHref(query: PolicyListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/policies?${search}` : '/policies';
}

/** A policy's validity as a label lists and pages show (a class per validity for its colour). */
export function ValidityLabel(props: { validity: PolicyValidity }) {
  return <span class={`validity validity-${props.validity}`}>{VALIDITY_NAMES[props.validity]}</span>;
}

/** Policies newest 发布日期 first, with the topic, level, channel, validity, date and keyword filters. */
export function PolicyListPage(props: {
  chrome: PageChrome;
  query: PolicyListQuery;
  channels: Options;
  channelName: ChannelName;
  list: { items: ShownPolicy[]; total: number; page: number; pageCount: number };
}) {
  const { query, list } = props;
  return (
    <Layout
      chrome={props.chrome}
      title="政策文件库"
      section="/policies"
      // The English library is the unfiltered list's counterpart (it filters by validity only).
      alternates={Object.values(query).every((value) => !value) && list.page === 1 ? { 'zh-CN': '/policies', en: '/en/policies' } : undefined}
      description="南昌市及各区县、开发区招商引资相关政策文件,标明现行有效、已修订或已废止。"
    >
      <h1>政策文件库</h1>
      <form method="get" action="/policies" class="search-filters" role="search">
        <label>
          关键词或文号
          <input type="search" name="q" value={query.q} maxLength={50} placeholder="如 人才补贴 或 洪府发〔2025〕12号" />
        </label>
        <FilterSelect label="主题" name="topic" allLabel="全部主题" options={options(POLICY_TOPICS)} value={query.topic} />
        <FilterSelect label="层级" name="level" allLabel="全部层级" options={options(POLICY_LEVELS)} value={query.level} />
        <FilterSelect label="地区" name="channel" allLabel="全部地区" options={props.channels} value={query.channel} />
        <FilterSelect label="效力" name="validity" allLabel="全部" options={VALIDITY_OPTIONS} value={query.validity} />
        <label>
          发布日期从
          <input type="date" name="from" value={query.from} />
        </label>
        <label>
          至
          <input type="date" name="to" value={query.to} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <p>
        共 {list.total} 件 · 订阅:<a href="/policies/rss.xml">RSS</a> · <a href="/policies/atom.xml">Atom</a>
      </p>
      {list.items.length === 0 ? (
        <p class="notice">没有符合条件的政策文件。</p>
      ) : (
        <ol class="policy-list">
          {list.items.map((item) => (
            <li>
              <a href={`/policies/${item.id}`}>{item.title}</a> <ValidityLabel validity={item.validity} />
              <p class="meta">
                {item.docNumber && <span>{item.docNumber}</span>}
                <span>{item.issuer}</span>
                <span>{props.channelName(item.channel)}</span>
                <span>{item.topic}</span>
                <span>发布日期:{item.publishedOn}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(n) => policyListHref(query, n)} />
    </Layout>
  );
}

/** What a reader must know first: a repeal, an amendment, or dates that keep it from applying today. */
function ValidityNotice(props: { policy: ShownPolicy<Policy>; replacedBy: ShownPolicy | undefined }) {
  const { policy, replacedBy } = props;
  switch (policy.validity) {
    case 'repealed':
      return (
        <p class="notice policy-banner" role="note">
          <strong>本文件已废止</strong>,不再执行,仅供查阅。
        </p>
      );
    case 'amended':
      return (
        <p class="notice policy-banner" role="note">
          <strong>本文件已修订</strong>
          {replacedBy ? (
            <>
              ,现行文件为<a href={`/policies/${replacedBy.id}`}>《{replacedBy.title}》</a>
              {replacedBy.docNumber && `(${replacedBy.docNumber})`}。
            </>
          ) : (
            '。'
          )}
        </p>
      );
    case 'not_yet':
      return (
        <p class="notice" role="note">
          本文件尚未施行,自 {policy.effectiveOn} 起施行。
        </p>
      );
    case 'expired':
      return (
        <p class="notice policy-banner" role="note">
          <strong>本文件已失效</strong>:有效期至 {policy.validUntil}。
        </p>
      );
    case 'in_force':
      return null;
  }
}

/** One policy: validity first, then its particulars, full text, what it replaces and its 政策解读. */
export function PolicyDetailPage(props: {
  chrome: PageChrome;
  detail: PolicyDetail;
  channelName: ChannelName;
  hasEnglish?: boolean;
  attachments?: readonly Attachment[];
}) {
  const { policy, replacedBy, replaces, interpretations } = props.detail;
  return (
    <Layout
      chrome={props.chrome}
      title={policy.title}
      section="/policies"
      alternates={props.hasEnglish ? { 'zh-CN': `/policies/${policy.id}`, en: `/en/policies/${policy.id}` } : undefined}
      description={`${policy.issuer}${policy.docNumber ? ` ${policy.docNumber}` : ''}:${policy.title}(${VALIDITY_NAMES[policy.validity]})`}
    >
      <h1>{policy.title}</h1>
      <ValidityNotice policy={policy} replacedBy={replacedBy} />
      <dl class="policy-facts">
        <dt>效力</dt>
        <dd>
          <ValidityLabel validity={policy.validity} />
        </dd>
        <dt>发文字号</dt>
        <dd>{policy.docNumber ?? '无'}</dd>
        <dt>发文机关</dt>
        <dd>{policy.issuer}</dd>
        <dt>层级</dt>
        <dd>{policy.level}</dd>
        <dt>地区</dt>
        <dd>{props.channelName(policy.channel)}</dd>
        <dt>主题</dt>
        <dd>{policy.topic}</dd>
        <dt>成文日期</dt>
        <dd>{policy.writtenOn}</dd>
        <dt>发布日期</dt>
        <dd>{policy.publishedOn}</dd>
        <dt>实施日期</dt>
        <dd>{policy.effectiveOn}</dd>
        <dt>有效期</dt>
        <dd>{policy.validUntil === null ? '未规定截止日期' : `至 ${policy.validUntil}`}</dd>
      </dl>
      <div class="article-body" dangerouslySetInnerHTML={{ __html: markdownToHtml(policy.body) }} />
      <AttachmentList attachments={props.attachments ?? []} />
      {replaces.length > 0 && (
        <section>
          <h2>本文件替代</h2>
          <PolicyLinks policies={replaces} />
        </section>
      )}
      <section>
        <h2>政策解读</h2>
        {interpretations.length === 0 ? <p>暂无解读。</p> : <InterpretationLinks articles={interpretations} />}
      </section>
      <p>
        <a href="/policies">返回政策文件库</a>
      </p>
    </Layout>
  );
}

function PolicyLinks(props: { policies: readonly ShownPolicy[] }) {
  return (
    <ul class="policy-links">
      {props.policies.map((item) => (
        <li>
          <a href={`/policies/${item.id}`}>{item.title}</a>
          {item.docNumber && `(${item.docNumber})`} <ValidityLabel validity={item.validity} />
        </li>
      ))}
    </ul>
  );
}

function InterpretationLinks(props: { articles: readonly Article[] }) {
  return (
    <ul class="policy-interpretations">
      {props.articles.map((article) => (
        <li>
          <a href={`/articles/${article.id}`}>{article.title}</a> <span class="meta">{article.publishedOn}</span>
        </li>
      ))}
    </ul>
  );
}
