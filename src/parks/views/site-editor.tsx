// The console's carrier library: the sites of the user's channels, those whose vacancy is out of
// date, and the editor with every field of a site, 确认空置 and deletion.
import type { Child } from 'hono/jsx';
import { INDUSTRIES } from '../../enterprises/industry.ts';
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import {
  ADDRESS_MAX,
  ADVANTAGES_MAX,
  BUILDING_GRADES,
  formatNumber,
  industryField,
  LAND_STATUSES,
  LAND_USES,
  NAME_MAX,
  SITE_KIND_NAMES,
  SITE_KINDS,
  STALE_AFTER_DAYS,
} from '../site.ts';
import type { ShownSite } from '../site.service.ts';
import { siteHeadline, StaleMark, type ChannelName } from './site-pages.tsx';

type Options = ReadonlyArray<{ value: string; label: string }>;
const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const KIND_OPTIONS = SITE_KINDS.map((kind) => ({ value: kind, label: SITE_KIND_NAMES[kind] }));

function SiteTable(props: { sites: readonly ShownSite[]; channelName: ChannelName; label: string }) {
  return (
    <TableScroll label={props.label}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">类型</th>
            <th scope="col">地区</th>
            <th scope="col">概况</th>
            <th scope="col">最近确认</th>
          </tr>
        </thead>
        <tbody>
          {props.sites.map((site) => (
            <tr>
              <td>
                <a href={`/admin/parks/${site.id}`}>{site.name}</a>
              </td>
              <td>{SITE_KIND_NAMES[site.kind]}</td>
              <td>{props.channelName(site.channel)}</td>
              <td>{siteHeadline(site)}</td>
              <td>
                {site.confirmedOn} <StaleMark site={site} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The sites of the user's channels, and those whose vacancy needs confirming first. */
export function SiteListPage(props: { console: ConsoleChrome; sites: ShownSite[]; stale: ShownSite[]; channelName: ChannelName; deleted?: boolean }) {
  return (
    <ConsoleLayout console={props.console} title="载体库">
      {props.deleted && (
        <p class="notice" role="status">
          已删除。
        </p>
      )}
      <p>
        <a href="/admin/parks/new">新建载体</a> · <a href="/parks">查看公开页面</a>
      </p>
      <h2>待确认空置信息(超过 {STALE_AFTER_DAYS} 天)</h2>
      {props.stale.length === 0 ? (
        <p>没有超过 {STALE_AFTER_DAYS} 天未确认的载体。</p>
      ) : (
        <SiteTable sites={props.stale} channelName={props.channelName} label="待确认空置信息的载体" />
      )}
      <h2>全部载体</h2>
      {props.sites.length === 0 ? <p>您负责的频道还没有载体。</p> : <SiteTable sites={props.sites} channelName={props.channelName} label="载体列表" />}
    </ConsoleLayout>
  );
}

/** The editor of a new (`site` undefined) or existing site; `vacancy` is the 确认空置 form as posted. */
export function SiteEditorPage(props: {
  console: ConsoleChrome;
  state: FieldState;
  channels: Options;
  site?: ShownSite | undefined;
  vacancy?: FieldState | undefined;
  saved?: boolean;
  /** The photo and attachment panel of a saved site. */
  attachments?: Child;
}) {
  const { state, site, console: chrome } = props;
  const messages = Object.values(state.errors);
  return (
    <ConsoleLayout console={chrome} title={site ? `编辑载体:${site.name}` : '新建载体'}>
      {props.saved && (
        <p class="notice" role="status">
          已保存。
        </p>
      )}
      {site && (
        <>
          <p>
            最近确认:{site.confirmedOn} <StaleMark site={site} /> · <a href={`/parks/${site.id}`}>查看公开页面</a>
          </p>
          <h2>确认空置信息</h2>
          <p>核实后填写当前{site.kind === 'land' ? '土地状态' : '空置面积'},确认日期记为今天。</p>
          <VacancyForm
            token={chrome.token}
            site={site}
            state={
              props.vacancy ?? {
                values: site.kind === 'land' ? { landStatus: site.landStatus ?? '' } : { vacantM2: site.vacantM2 === null ? '' : String(site.vacantM2) },
                errors: {},
              }
            }
          />
          <h2>全部信息</h2>
        </>
      )}
      <FormProblem problem={messages.length > 0 ? `请修改以下 ${messages.length} 处:${messages.join(' ')}` : undefined} />
      <form class="public-form" method="post" action={site ? `/admin/parks/${site.id}` : '/admin/parks'}>
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <SelectField state={state} name="kind" label="载体类型" options={KIND_OPTIONS} required />
        <TextField state={state} name="name" label="名称" maxLength={NAME_MAX} required />
        <SelectField state={state} name="channel" label="所属地区" options={props.channels} required />
        <TextField state={state} name="address" label="地址" maxLength={ADDRESS_MAX} required />
        <fieldset class="field-group">
          <legend>适合产业(可多选)</legend>
          {INDUSTRIES.map((industry) => (
            <label class="consent">
              <input type="checkbox" name={industryField(industry.code)} value="yes" checked={state.values[industryField(industry.code)] === 'yes'} />
              <span>
                {industry.code} {industry.name}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset class="field-group">
          <legend>园区、楼宇、标准厂房填写</legend>
          <TextField state={state} name="areaM2" label="总面积(平方米)" maxLength={15} inputMode="decimal" hint="园区填规划面积,楼宇、厂房填建筑面积。" />
          <TextField state={state} name="vacantM2" label="空置面积(平方米)" maxLength={15} inputMode="decimal" hint="楼宇、厂房必填。" />
          <TextField state={state} name="rentMin" label="租金下限(元/平方米·天)" maxLength={10} inputMode="decimal" />
          <TextField state={state} name="rentMax" label="租金上限(元/平方米·天)" maxLength={10} inputMode="decimal" hint="单一价格时上下限填同一数。" />
          <TextField state={state} name="propertyFee" label="物业费(元/平方米·月)" maxLength={10} inputMode="decimal" />
          <SelectField state={state} name="grade" label="楼宇等级" options={options(BUILDING_GRADES)} placeholder="楼宇填写" />
          <TextField state={state} name="floors" label="楼层数" maxLength={3} inputMode="numeric" hint="楼宇必填,厂房可填。" />
        </fieldset>
        <fieldset class="field-group">
          <legend>土地填写</legend>
          <TextField state={state} name="areaMu" label="面积(亩)" maxLength={15} inputMode="decimal" hint="1 亩 = 10000/15 平方米,页面同时显示平方米。" />
          <SelectField state={state} name="landUse" label="用地性质" options={options(LAND_USES)} placeholder="请选择用地性质" />
          <TextField state={state} name="plotRatioMin" label="容积率下限" maxLength={6} inputMode="decimal" />
          <TextField state={state} name="plotRatioMax" label="容积率上限" maxLength={6} inputMode="decimal" />
          <SelectField state={state} name="landStatus" label="土地状态" options={options(LAND_STATUSES)} placeholder="请选择土地状态" />
        </fieldset>
        <TextArea state={state} name="advantages" label="简介与优势" maxLength={ADVANTAGES_MAX} required rows={6} hint="交通、配套、政策等。纯文本。" />
        <TextField state={state} name="contactName" label="联系人" maxLength={50} required />
        <TextField
          state={state}
          name="contactPhone"
          label="联系电话"
          maxLength={30}
          required
          type="tel"
          inputMode="tel"
          hint="公开显示。手机、带区号的固定电话或国际号码。"
        />
        <TextField
          state={state}
          name="confirmedOn"
          label="空置信息确认日期"
          maxLength={10}
          type="date"
          required
          hint="最近一次核实空置面积或土地状态的日期。"
        />
        <p class="editor-actions">
          <button type="submit">保存</button>
        </p>
      </form>
      {props.attachments}
      {site && (
        <>
          <h2>删除</h2>
          <ActionForm action={`/admin/parks/${site.id}/delete`} token={chrome.token} label="删除此载体" />
        </>
      )}
    </ConsoleLayout>
  );
}

function VacancyForm(props: { token: string; site: ShownSite; state: FieldState }) {
  const { site, state } = props;
  return (
    <form class="public-form" method="post" action={`/admin/parks/${site.id}/confirm`}>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      {site.kind === 'land' ? (
        <SelectField state={state} name="landStatus" label="土地状态" options={options(LAND_STATUSES)} required />
      ) : (
        <TextField
          state={state}
          name="vacantM2"
          label="当前空置面积(平方米)"
          maxLength={15}
          inputMode="decimal"
          required
          hint={`总面积 ${formatNumber(site.areaM2)} 平方米。`}
        />
      )}
      <button type="submit">确认空置信息</button>
    </form>
  );
}
