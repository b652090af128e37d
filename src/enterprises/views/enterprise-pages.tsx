// 企业入驻: the application form, its confirmation, and the directory of approved enterprises.
import { ConsentField, FilterSelect, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { CaseStatusLayout, type CaseLookup } from '../../http/case-status.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { chinaDate } from '../../lib/china-time.ts';
import { PHONE_HINT } from '../../http/form-fields.ts';
import { APPLICATION_CODE_PREFIX, COMPANY_MAX, DESCRIPTION_MAX, type ApplicationStatus, type DirectoryEntry } from '../application.ts';
import { countryName } from '../country.ts';
import { industryName, INDUSTRIES } from '../industry.ts';
import { TableScroll } from '../../http/table-scroll.tsx';
import { CompanyIdentityFields, CompanyIdentityRows } from './company-identity-fields.tsx';

type Option = { value: string; label: string };
const industryOptions: Option[] = INDUSTRIES.map(({ code, name }) => ({ value: code, label: `${code} ${name}` }));

/** The application form: a company registered in China gives its credit code, one abroad its home country and number. */
export function ApplyPage(props: { chrome: PageChrome; token: string; state: FieldState; districts: Option[] }) {
  const { state } = props;
  return (
    <Layout
      chrome={props.chrome}
      title="企业入驻"
      section="/enterprises/apply"
      description="企业在线申请入驻南昌各区县、开发区。"
      alternates={{ 'zh-CN': '/enterprises/apply', en: '/en/enterprises/apply' }}
    >
      <h1>企业入驻申请</h1>
      <p class="page-lead">
        计划在南昌投资落户的企业,请填写以下信息。境外企业(含港澳台地区)没有统一社会信用代码的,填写注册国家或地区和注册号即可申请。招商部门审核通过后,企业将列入
        <a href="/enterprises">入驻企业名录</a>。
      </p>
      <PostForm action="/enterprises/apply" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交申请">
        <TextField state={state} name="companyName" label="企业名称" maxLength={COMPANY_MAX} required />
        <CompanyIdentityFields state={state} />
        <SelectField state={state} name="industry" label="所属行业" options={industryOptions} required placeholder="请选择国民经济行业门类" />
        <SelectField state={state} name="channel" label="意向落户区域" options={props.districts} required />
        <TextField state={state} name="plannedInvestment" label="计划投资额(万元)" maxLength={20} required inputMode="decimal" />
        <TextField state={state} name="contactPerson" label="联系人" maxLength={50} required />
        <TextField state={state} name="contactMobile" label="联系电话" maxLength={30} required type="tel" inputMode="tel" hint={`${PHONE_HINT}。`} />
        <TextArea state={state} name="description" label="项目简介" maxLength={DESCRIPTION_MAX} required rows={6} />
        <ConsentField state={state} name="consent">
          我同意本站收集联系人姓名和联系电话,仅用于审核和联系本次入驻申请;申请办结 180 天后,这些个人信息将被删除。
        </ConsentField>
      </PostForm>
      <p>
        已经申请?<a href="/enterprises/status">查询审核进度</a>
      </p>
    </Layout>
  );
}

const STATUS_TEXT = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

/** The status lookup of an application: the company, the decision and its reason. */
export function ApplicationStatusPage(props: { chrome: PageChrome; lookup: CaseLookup<ApplicationStatus> }) {
  const { found } = props.lookup;
  return (
    <CaseStatusLayout
      chrome={props.chrome}
      title="入驻申请进度查询"
      action="/enterprises/status"
      prefix={APPLICATION_CODE_PREFIX}
      lookup={props.lookup}
      thanks="入驻申请已提交,招商部门将在 5 个工作日内审核。"
    >
      {found && (
        <>
          <tr>
            <th scope="row">企业名称</th>
            <td>{found.companyName}</td>
          </tr>
          <CompanyIdentityRows company={found.company} />
          <tr>
            <th scope="row">申请时间</th>
            <td>{chinaDate(found.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td class="application-status">{STATUS_TEXT[found.status]}</td>
          </tr>
          {found.status === 'approved' && (
            <tr>
              <th scope="row">审核结果</th>
              <td>
                {found.closedAt && `${chinaDate(found.closedAt)} 审核通过,`}已列入<a href="/enterprises">入驻企业名录</a>。
              </td>
            </tr>
          )}
          {found.status === 'rejected' && (
            <tr>
              <th scope="row">未通过原因</th>
              <td>{found.rejectReason}</td>
            </tr>
          )}
        </>
      )}
    </CaseStatusLayout>
  );
}

/** The public directory of approved enterprises. */
export function DirectoryPage(props: {
  chrome: PageChrome;
  districts: Option[];
  filter: { industry: string; channel: string };
  directory: { total: number; page: number; pageCount: number; entries: DirectoryEntry[] };
  navChannel: (slug: string) => NavChannel;
}) {
  const { filter, directory } = props;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return query ? `/enterprises?${query}` : '/enterprises';
  };
  return (
    <Layout chrome={props.chrome} title="入驻企业名录" description="已入驻南昌各区县、开发区的企业名录,可按行业和区域筛选。">
      <h1>入驻企业名录</h1>
      <form class="search-filters" action="/enterprises" method="get" aria-label="筛选企业">
        <FilterSelect label="行业" name="industry" allLabel="全部行业" options={industryOptions} value={filter.industry} />
        <FilterSelect label="区域" name="channel" allLabel="全部区域" options={props.districts} value={filter.channel} />
        <button type="submit">筛选</button>
      </form>
      <p class="search-summary" role="status">
        共 {directory.total} 家企业
      </p>
      {directory.entries.length === 0 ? (
        <p class="notice">暂无符合条件的入驻企业。</p>
      ) : (
        <TableScroll label="入驻企业名录">
          <table class="data-table enterprise-directory">
            <thead>
              <tr>
                <th scope="col">企业名称</th>
                <th scope="col">行业</th>
                <th scope="col">落户区域</th>
                <th scope="col">计划投资(万元)</th>
                <th scope="col">项目简介</th>
              </tr>
            </thead>
            <tbody>
              {directory.entries.map((entry) => (
                <tr>
                  <td>
                    {entry.companyName}
                    {entry.registrationCountry !== null && <span class="meta">(境外企业:{countryName(entry.registrationCountry)})</span>}
                  </td>
                  <td>{industryName(entry.industry)}</td>
                  <td>{props.navChannel(entry.channel).name}</td>
                  <td>{entry.plannedInvestment.toLocaleString('zh-CN')}</td>
                  <td>{entry.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={directory.page} pageCount={directory.pageCount} href={href} />
      <p>
        <a href="/enterprises/apply">申请入驻</a>
      </p>
    </Layout>
  );
}
