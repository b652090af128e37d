// 联系我们: the office's configured contact details and the message form.
import type { ContactDetails } from '../../config.ts';
import { ConsentField, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { PHONE_OR_EMAIL_HINT } from '../../http/form-fields.ts';
import { CaseStatusLayout, type CaseLookup } from '../../http/case-status.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { chinaDate } from '../../lib/china-time.ts';
import { MESSAGE_CODE_PREFIX, MESSAGE_MAX, SUBJECT_MAX, type MessageStatus } from '../message.ts';

const LINES: ReadonlyArray<[keyof ContactDetails, string]> = [
  ['office', '单位'],
  ['address', '地址'],
  ['phone', '电话'],
  ['email', '电子邮箱'],
  ['hours', '办公时间'],
];

/** The contact page: the office's details and the message form. */
export function ContactPage(props: {
  chrome: PageChrome;
  contact: ContactDetails;
  token: string;
  state: FieldState;
  offices: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { state, contact } = props;
  const lines = LINES.filter(([key]) => contact[key] !== undefined);
  return (
    <Layout
      chrome={props.chrome}
      title="联系我们"
      section="/contact"
      description="联系南昌市招商部门:咨询、留言与办公地址。"
      alternates={{ 'zh-CN': '/contact', en: '/en/contact' }}
    >
      <h1>联系我们</h1>
      {lines.length > 0 ? (
        <dl class="contact-details">
          {lines.map(([key, label]) => (
            <>
              <dt>{label}</dt>
              <dd>
                {key === 'email' ? (
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                ) : key === 'phone' ? (
                  <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                ) : (
                  contact[key]
                )}
              </dd>
            </>
          ))}
        </dl>
      ) : (
        <p class="notice">联系方式尚未公布,请通过下方留言与我们联系。</p>
      )}
      <h2>在线留言</h2>
      <PostForm action="/contact" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交留言">
        <SelectField state={state} name="channel" label="留言对象" options={props.offices} required />
        <TextField state={state} name="subject" label="主题" maxLength={SUBJECT_MAX} required />
        <TextArea state={state} name="body" label="留言内容" maxLength={MESSAGE_MAX} required rows={8} />
        <TextField state={state} name="name" label="姓名" maxLength={50} required />
        <TextField state={state} name="contact" label="联系方式" maxLength={100} required hint={`${PHONE_OR_EMAIL_HINT};仅用于答复本次留言。`} />
        <ConsentField state={state} name="consent">
          我同意本站收集上述姓名和联系方式,仅用于答复本次留言;留言办结 180 天后,这些个人信息将被删除。
        </ConsentField>
      </PostForm>
      <p>
        已经留言?<a href="/contact/status">查询处理进度</a>
      </p>
    </Layout>
  );
}

/** The status lookup of a message: its subject and whether it was handled (never the office's reply note). */
export function MessageStatusPage(props: { chrome: PageChrome; lookup: CaseLookup<MessageStatus> }) {
  const { found } = props.lookup;
  return (
    <CaseStatusLayout
      chrome={props.chrome}
      title="留言进度查询"
      action="/contact/status"
      prefix={MESSAGE_CODE_PREFIX}
      lookup={props.lookup}
      thanks="留言已收到,我们会尽快通过您留下的联系方式答复。"
    >
      {found && (
        <>
          <tr>
            <th scope="row">主题</th>
            <td>{found.subject}</td>
          </tr>
          <tr>
            <th scope="row">留言时间</th>
            <td>{chinaDate(found.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td class="message-status">{found.status === 'open' ? '待处理' : '已处理'}</td>
          </tr>
          {found.status === 'handled' && found.closedAt !== null && (
            <tr>
              <th scope="row">处理结果</th>
              <td>{chinaDate(found.closedAt)} 已处理,答复已通过您留下的联系方式发出。</td>
            </tr>
          )}
        </>
      )}
    </CaseStatusLayout>
  );
}
