// 公开问答: the question form, the asker's status page, the list of published answers and one answer.
import { CaseStatusLayout, type CaseLookup } from '../../http/case-status.tsx';
import { ConsentField, FilterSelect, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { PHONE_OR_EMAIL_HINT } from '../../http/form-fields.ts';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { chinaDate } from '../../lib/china-time.ts';
import {
  QUESTION_CATEGORIES,
  QUESTION_CODE_PREFIX,
  QUESTION_MAX,
  STATUS_NAMES,
  TITLE_MAX,
  type PublishedQuestion,
  type QuestionProgress,
} from '../question.ts';

type Options = ReadonlyArray<{ value: string; label: string }>;
/** The name of an office by its channel slug. */
export type OfficeName = (slug: string) => string;

const CATEGORY_OPTIONS = QUESTION_CATEGORIES.map((category) => ({ value: category, label: category }));

/** The question form. */
export function AskPage(props: { chrome: PageChrome; token: string; state: FieldState; offices: Options }) {
  const { state } = props;
  return (
    <Layout chrome={props.chrome} title="我要提问" section="/qa" description="向南昌市及各区招商部门提问,答复后可公开。">
      <h1>我要提问</h1>
      <p>
        问题由您选择的招商部门受理并答复。<a href="/qa">查看已公开的问答</a>
      </p>
      <PostForm action="/qa/ask" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交问题">
        <SelectField state={state} name="channel" label="提问对象" options={props.offices} required />
        <SelectField state={state} name="category" label="问题类别" options={CATEGORY_OPTIONS} required />
        <TextField state={state} name="title" label="标题" maxLength={TITLE_MAX} required />
        <TextArea state={state} name="body" label="问题内容" maxLength={QUESTION_MAX} required rows={8} />
        <TextField state={state} name="name" label="姓名" maxLength={50} required />
        <TextField state={state} name="contact" label="联系方式" maxLength={100} required hint={`${PHONE_OR_EMAIL_HINT};仅用于答复本问题,不会公开。`} />
        <ConsentField state={state} name="publish">
          我同意答复后在本站公开问题和答复(不公开姓名和联系方式)。
        </ConsentField>
        <ConsentField state={state} name="consent">
          我同意本站收集上述姓名和联系方式,仅用于答复本问题;问题办结 180 天后,这些个人信息将被删除。
        </ConsentField>
      </PostForm>
      <p>
        已经提问?<a href="/qa/status">查询办理进度</a>
      </p>
    </Layout>
  );
}

/** The asker's view of their question: each step with its date, the reason or the answer. */
export function QuestionStatusPage(props: { chrome: PageChrome; lookup: CaseLookup<QuestionProgress>; officeName: OfficeName }) {
  const { found } = props.lookup;
  return (
    <CaseStatusLayout
      chrome={props.chrome}
      title="问题办理进度"
      action="/qa/status"
      prefix={QUESTION_CODE_PREFIX}
      lookup={props.lookup}
      thanks="问题已收到,请记下查询码,以便查询受理和答复情况。"
    >
      {found && (
        <>
          <tr>
            <th scope="row">标题</th>
            <td>{found.title}</td>
          </tr>
          <tr>
            <th scope="row">提问日期</th>
            <td>{chinaDate(found.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td class="question-status">{STATUS_NAMES[found.status]}</td>
          </tr>
          {found.transferredTo.length > 0 && (
            <tr>
              <th scope="row">转办</th>
              <td>已转交 {found.transferredTo.map(props.officeName).join('→')} 办理</td>
            </tr>
          )}
          {found.acceptedAt !== null && (
            <tr>
              <th scope="row">受理日期</th>
              <td>{chinaDate(found.acceptedAt)}</td>
            </tr>
          )}
          {found.status === 'declined' && (
            <tr>
              <th scope="row">不予受理原因</th>
              <td>{found.declineReason}</td>
            </tr>
          )}
          {found.status === 'answered' && found.answeredAt !== null && (
            <>
              <tr>
                <th scope="row">答复日期</th>
                <td>{chinaDate(found.answeredAt)}</td>
              </tr>
              <tr>
                <th scope="row">答复单位</th>
                <td>{props.officeName(found.channel)}</td>
              </tr>
              <tr>
                <th scope="row">答复</th>
                <td class="question-answer">{found.answer}</td>
              </tr>
            </>
          )}
        </>
      )}
    </CaseStatusLayout>
  );
}

/** The filters of the public list as the query string gives them. */
export interface QuestionListQuery {
  channel: string;
  category: string;
  q: string;
}

/** The list page's URL for a filter and page. */
export function questionListHref(query: QuestionListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.channel) params.set('channel', query.channel);
  if (query.category) params.set('category', query.category);
  if (query.q) params.set('q', query.q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/qa?${search}` : '/qa';
}

/** Published questions, newest answered first, with the office, category and keyword filters. */
export function QuestionListPage(props: {
  chrome: PageChrome;
  query: QuestionListQuery;
  offices: Options;
  officeName: OfficeName;
  list: { items: PublishedQuestion[]; total: number; page: number; pageCount: number };
}) {
  const { query, list } = props;
  return (
    <Layout chrome={props.chrome} title="公开问答" section="/qa" description="企业和群众向招商部门的提问及答复。">
      <h1>公开问答</h1>
      <p>
        <a href="/qa/ask">我要提问</a> · <a href="/qa/status">查询办理进度</a> · <a href="/qa/stats">答复统计</a>
      </p>
      <form method="get" action="/qa" class="filters" role="search">
        <FilterSelect label="答复单位" name="channel" allLabel="全部单位" options={props.offices} value={query.channel} />
        <FilterSelect label="问题类别" name="category" allLabel="全部类别" options={CATEGORY_OPTIONS} value={query.category} />
        <label>
          关键词
          <input type="search" name="q" value={query.q} maxLength={50} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <p>共 {list.total} 条</p>
      {list.items.length === 0 ? (
        <p class="notice">没有符合条件的问答。</p>
      ) : (
        <ol class="question-list">
          {list.items.map((item) => (
            <li>
              <a href={`/qa/${item.id}`}>{item.title}</a>
              <p class="meta">
                {item.category} · 答复单位:{props.officeName(item.answeredBy)} · 答复日期:{chinaDate(item.answeredAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(n) => questionListHref(query, n)} />
    </Layout>
  );
}

/** One published question and its answer, with its dates and the answering office; never the asker. */
export function QuestionDetailPage(props: { chrome: PageChrome; item: PublishedQuestion; officeName: OfficeName }) {
  const { item } = props;
  return (
    <Layout chrome={props.chrome} title={item.title} section="/qa" description={`${props.officeName(item.answeredBy)}答复:${item.title}`}>
      <h1>{item.title}</h1>
      <dl class="question-facts">
        <dt>问题类别</dt>
        <dd>{item.category}</dd>
        <dt>受理日期</dt>
        <dd>{chinaDate(item.acceptedAt)}</dd>
        <dt>答复日期</dt>
        <dd>{chinaDate(item.answeredAt)}</dd>
        <dt>答复单位</dt>
        <dd>{props.officeName(item.answeredBy)}</dd>
      </dl>
      <h2>问题</h2>
      <p class="question-body">{item.body}</p>
      <h2>答复</h2>
      <p class="question-answer">{item.answer}</p>
      <p>
        <a href="/qa">返回公开问答</a>
      </p>
    </Layout>
  );
}
