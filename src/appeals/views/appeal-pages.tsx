// 企业诉求: the desk's page with the request form, and the enterprise's tracking page with the rating form.
import { CaseStatusLayout, type CaseLookup } from '../../http/case-status.tsx';
import { ConsentField, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { PHONE_HINT } from '../../http/form-fields.ts';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { CompanyIdentityFields, CompanyIdentityRows } from '../../enterprises/views/company-identity-fields.tsx';
import { chinaDate } from '../../lib/china-time.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_CODE_PREFIX,
  APPEAL_RATING_NAMES,
  APPEAL_STATUS_NAMES,
  BODY_MAX,
  COMMENT_MAX,
  ENTERPRISE_NAME_MAX,
  TITLE_MAX,
  type AppealEventKind,
  type AppealProgress,
  type AppealRating,
} from '../appeal.ts';

type Options = ReadonlyArray<{ value: string; label: string }>;
/** The name of an office by its channel slug. */
export type OfficeName = (slug: string) => string;

const CATEGORY_OPTIONS = APPEAL_CATEGORIES.map((category) => ({ value: category, label: category }));

/** What the desk is, and the request form. */
export function AppealFormPage(props: { chrome: PageChrome; token: string; state: FieldState; districts: Options; workingDays: string }) {
  const { state } = props;
  return (
    <Layout
      chrome={props.chrome}
      title="企业诉求"
      section="/appeals"
      description="企业在用工、审批、要素保障、融资等方面遇到的困难和问题,可在线提交,限时办理。"
    >
      <h1>企业诉求</h1>
      <p class="page-lead">
        企业在生产经营中遇到用工、审批、要素保障、融资、供应链、政策兑现等方面的困难和问题,可在此提交。诉求由所属区域的招商部门分办给专人(特派员)限时办理,
        办理期限按工作日计算({props.workingDays}),遇法定节假日顺延;办结后请您对办理结果进行评价,不满意的将重新复核办理。
      </p>
      <PostForm action="/appeals" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交诉求">
        <TextField state={state} name="enterpriseName" label="企业名称" maxLength={ENTERPRISE_NAME_MAX} required />
        <CompanyIdentityFields state={state} />
        <TextField state={state} name="contactName" label="联系人" maxLength={50} required />
        <TextField
          state={state}
          name="contactPhone"
          label="联系电话"
          maxLength={30}
          required
          type="tel"
          inputMode="tel"
          hint={`${PHONE_HINT};仅用于办理本诉求,不会公开。`}
        />
        <SelectField state={state} name="channel" label="所属区域" options={props.districts} required />
        <SelectField state={state} name="category" label="诉求类别" options={CATEGORY_OPTIONS} required />
        <TextField state={state} name="title" label="标题" maxLength={TITLE_MAX} required />
        <TextArea state={state} name="body" label="诉求内容" maxLength={BODY_MAX} required rows={8} hint="请写明遇到的问题、已经办理的情况和希望解决的事项。" />
        <ConsentField state={state} name="consent">
          我同意本站收集联系人姓名和联系电话,仅用于办理和回访本诉求;诉求办结 180 天后,这些个人信息将被删除。
        </ConsentField>
      </PostForm>
      <p>
        已经提交?<a href="/appeals/track">查询办理进度</a>
      </p>
    </Layout>
  );
}

const STEP_NAMES: Partial<Record<AppealEventKind, string>> = {
  assigned: '已分办,开始办理',
  transferred: '转办',
  note: '办理进展',
  extension_approved: '办理期限已延长',
  deadline_recounted: '办理期限按节假日安排核定',
  resolved: '已办结',
  rated: '企业评价',
  reopened: '不满意,转复核',
};

/** The deadline as the enterprise reads it, saying when a year's holidays were not known yet. */
function dueText(found: AppealProgress): string {
  return found.dueProvisional ? `${found.dueOn}(暂按周一至周五计算)` : (found.dueOn ?? '');
}

/** The rating form of a resolved request, with its problems when it was refused. */
function RatingForm(props: { code: string; token: string; state: FieldState }) {
  const { state } = props;
  const error = state.errors.rating;
  return (
    <section class="appeal-rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">评价办理结果</h2>
      <PostForm action="/appeals/rate" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交评价">
        <input type="hidden" name="code" value={props.code} />
        <fieldset class={error ? 'field field-invalid' : 'field'}>
          <legend>
            评价<span class="required">(必填)</span>
          </legend>
          {(Object.entries(APPEAL_RATING_NAMES) as Array<[AppealRating, string]>).map(([value, label]) => (
            <label class="consent">
              <input type="radio" name="rating" value={value} checked={state.values.rating === value} aria-invalid={error ? 'true' : undefined} />
              <span>{label}</span>
            </label>
          ))}
          {error && <p class="field-error">{error}</p>}
        </fieldset>
        <TextArea state={state} name="comment" label="评价意见" maxLength={COMMENT_MAX} rows={4} hint="选择“不满意”时必填,诉求将重新复核办理。" />
      </PostForm>
    </section>
  );
}

/** The enterprise's view of its request: each step with its date, the deadline, the resolution and the rating. */
export function AppealTrackPage(props: {
  chrome: PageChrome;
  lookup: CaseLookup<AppealProgress>;
  officeName: OfficeName;
  token: string;
  rating: FieldState;
  rated?: boolean;
}) {
  const { found } = props.lookup;
  return (
    <CaseStatusLayout
      chrome={props.chrome}
      title="诉求办理进度"
      action="/appeals/track"
      prefix={APPEAL_CODE_PREFIX}
      lookup={props.lookup}
      thanks="诉求已收到,我们将尽快分办。"
      after={
        <>
          {props.rated && (
            <p class="notice" role="status">
              感谢您的评价。
            </p>
          )}
          {found?.status === 'resolved' && <RatingForm code={found.trackingCode} token={props.token} state={props.rating} />}
        </>
      }
    >
      {found && (
        <>
          <tr>
            <th scope="row">企业名称</th>
            <td>{found.enterpriseName}</td>
          </tr>
          <CompanyIdentityRows company={found.company} />
          <tr>
            <th scope="row">标题</th>
            <td>{found.title}</td>
          </tr>
          <tr>
            <th scope="row">诉求类别</th>
            <td>{found.category}</td>
          </tr>
          <tr>
            <th scope="row">提交日期</th>
            <td>{chinaDate(found.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td class="appeal-status">{APPEAL_STATUS_NAMES[found.status]}</td>
          </tr>
          <tr>
            <th scope="row">办理单位</th>
            <td>{props.officeName(found.channel)}</td>
          </tr>
          {found.assignedAt !== null && (
            <tr>
              <th scope="row">受理分办日期</th>
              <td>{chinaDate(found.assignedAt)}</td>
            </tr>
          )}
          {found.dueOn !== null && (
            <tr>
              <th scope="row">办理期限</th>
              <td class="appeal-due">{dueText(found)}</td>
            </tr>
          )}
          {found.steps.map((step) => (
            <tr>
              <th scope="row">{STEP_NAMES[step.kind]}</th>
              <td>
                {chinaDate(step.at)}
                {step.text !== null && ` ${step.kind === 'transferred' ? `转至${props.officeName(step.text)}` : step.text}`}
              </td>
            </tr>
          ))}
          {found.resolution !== null && (
            <tr>
              <th scope="row">办理结果</th>
              <td class="appeal-resolution">{found.resolution}</td>
            </tr>
          )}
          {found.rating !== null && (
            <tr>
              <th scope="row">您的评价</th>
              <td>
                {APPEAL_RATING_NAMES[found.rating]}
                {found.ratingComment && `:${found.ratingComment}`}
              </td>
            </tr>
          )}
        </>
      )}
    </CaseStatusLayout>
  );
}
