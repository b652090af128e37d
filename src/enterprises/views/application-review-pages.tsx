// The console's review of enterprise applications: the queue and one application with its decisions.
import type { ApplicationForReview } from '../application.service.ts';
import { registrationPlace } from '../company-identity.ts';
import { CompanyIdentityRows } from './company-identity-fields.tsx';
import { industryName } from '../industry.ts';
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { chinaDateTime, chinaTimeHeading } from '../../lib/china-time.ts';
import { QueueListPage, type ChannelName } from '../../review/views/queue-pages.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { TextArea, type FieldState } from '../../http/form-controls.tsx';

/** Applications of one status. */
export function ApplicationListPage(props: { console: ConsoleChrome; status: string; items: ApplicationForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="入驻申请"
      base="/admin/applications"
      status={props.status}
      tabs={[
        ['pending', '待审核'],
        ['approved', '已通过'],
        ['rejected', '未通过'],
      ]}
      empty="没有申请。"
      items={props.items}
      columns={[
        ['企业', (item) => (item.language === 'en' ? `${item.companyName}(英文表单)` : item.companyName)],
        ['注册地', (item) => registrationPlace(item.company)],
        ['行业', (item) => industryName(item.industry)],
        ['区域', (item) => props.channelName(item.channel).name],
        [chinaTimeHeading('申请时间'), (item) => chinaDateTime(item.createdAt)],
      ]}
    />
  );
}

/** One application and the decisions; `reject` is the reject form as posted, with its problem. */
export function ApplicationDetailPage(props: { console: ConsoleChrome; item: ApplicationForReview; channelName: ChannelName; reject?: FieldState }) {
  const { item, console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title={`入驻申请:${item.companyName}`}>
      <TableScroll label="入驻申请详情">
        <table class="data-table">
          <tbody>
            <tr>
              <th scope="row">查询码</th>
              <td>{item.trackingCode}</td>
            </tr>
            <CompanyIdentityRows company={item.company} />
            <tr>
              <th scope="row">行业</th>
              <td>{industryName(item.industry)}</td>
            </tr>
            <tr>
              <th scope="row">意向区域</th>
              <td>{props.channelName(item.channel).name}</td>
            </tr>
            <tr>
              <th scope="row">计划投资(万元)</th>
              <td>{item.plannedInvestment.toLocaleString('zh-CN')}</td>
            </tr>
            <tr>
              <th scope="row">联系人</th>
              <td>{item.contactPerson ?? '(已删除)'}</td>
            </tr>
            <tr>
              <th scope="row">联系电话</th>
              <td>{item.contactMobile ?? '(已删除)'}</td>
            </tr>
            <tr>
              <th scope="row">项目简介</th>
              <td>{item.description}</td>
            </tr>
            <tr>
              <th scope="row">状态</th>
              <td class="item-status">{{ pending: '待审核', approved: '已通过', rejected: '未通过' }[item.status]}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      {item.status === 'pending' && (
        <>
          <ActionForm action={`/admin/applications/${item.id}/approve`} token={chrome.token} label="通过,列入企业名录" />
          <ActionForm action={`/admin/applications/${item.id}/reject`} token={chrome.token} label="不予通过">
            <TextArea state={props.reject ?? { values: {}, errors: {} }} name="reason" label="原因" maxLength={500} rows={3} required />
          </ActionForm>
        </>
      )}
    </ConsoleLayout>
  );
}
