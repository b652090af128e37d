// The console home: one card per kind of work, simple lists that fit a phone.
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { labelledChinaDateTime } from '../../lib/china-time.ts';
import type { AppealLight, AppealLights } from '../../appeals/appeal-deadlines.service.ts';
import { NotificationLine } from '../../notifications/views/notification-pages.tsx';
import { STALE_AFTER_DAYS, type Dashboard, type QueueKind, type QueueSummary, type WaitingItem } from '../dashboard.service.ts';

const QUEUES: Record<QueueKind, { title: string; href: string; empty: string }> = {
  submissions: { title: '待审核投稿', href: '/admin/submissions', empty: '没有待审核的投稿。' },
  applications: { title: '待审核入驻申请', href: '/admin/applications', empty: '没有待审核的入驻申请。' },
  messages: { title: '待处理留言', href: '/admin/messages', empty: '没有待处理的留言。' },
  questions: { title: '待受理问题', href: '/admin/questions', empty: '没有待受理的问题。' },
  articles: { title: '草稿与定时发布', href: '/admin/articles', empty: '没有草稿或定时发布的文章。' },
};

type ChannelName = (slug: string) => string;

/** The console home: what waits in each queue the user works on, warnings and quiet channels. */
export function ConsoleHomePage(props: { console: ConsoleChrome; dashboard: Dashboard; channelName: ChannelName }) {
  const { dashboard, channelName } = props;
  const { reminders, warnedProjects, unreviewedFacts, staleChannels, inspection } = dashboard;
  return (
    <ConsoleLayout console={props.console} title="工作台">
      <p class="page-lead">今天是 {dashboard.today}(北京时间)。以下只列您负责的频道。</p>
      <div class="dashboard">
        <section class="aside-box" aria-labelledby="dashboard-reminders">
          <h2 id="dashboard-reminders">
            <a href="/admin/notifications">待办提醒</a> <strong data-count="reminders">{reminders.count}</strong>
          </h2>
          {reminders.count === 0 ? (
            <p>没有未读的提醒。</p>
          ) : (
            <ul class="dashboard-list" aria-label="最新的未读提醒">
              {reminders.newest.map((item) => (
                <li data-notification={item.id}>
                  <NotificationLine item={item} />
                </li>
              ))}
            </ul>
          )}
          {reminders.count > reminders.newest.length && (
            <p>
              <a href="/admin/notifications">查看全部 {reminders.count} 条未读提醒</a>
            </p>
          )}
        </section>
        {dashboard.queues.map((queue) => (
          <QueueCard queue={queue} channelName={channelName} />
        ))}
        <AppealLightsCard lights={dashboard.appealLights} channelName={channelName} />
        <section class="aside-box" aria-labelledby="dashboard-inspection">
          <h2 id="dashboard-inspection">
            <a href="/admin/inspection">网站检查</a> <strong data-count="inspection-veto">{inspection.veto}</strong>
          </h2>
          <p>
            首页更新、空白频道、超期留言:单项否决 {inspection.veto} 项,警告 {inspection.warning} 项。
            <a href="/admin/inspection">查看全部检查(含错链与页面速度)</a>
          </p>
        </section>
        {warnedProjects && (
          <section class="aside-box" aria-labelledby="dashboard-projects">
            <h2 id="dashboard-projects">
              <a href="/admin/projects">红黄灯预警项目</a> <strong data-count="warned-projects">{warnedProjects.count}</strong>
            </h2>
            {warnedProjects.count === 0 ? (
              <p>没有逾期或临近节点的项目。</p>
            ) : (
              <ul class="dashboard-list">
                {warnedProjects.shown.map((project) => (
                  <li data-project={project.id}>
                    <span class={`light light-${project.level}`}>{project.level === 'red' ? '红灯' : '黄灯'}</span>{' '}
                    <a href={`/admin/projects#project-${project.id}`}>{project.name}</a>
                    <span class="meta">
                      {channelName(project.channel)} · {project.stage}计划 {project.plannedOn} ·{' '}
                      {project.days < 0 ? `已逾期 ${-project.days} 天` : `还有 ${project.days} 天`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {warnedProjects.count > warnedProjects.shown.length && (
              <p>
                <a href="/admin/projects">查看全部 {warnedProjects.count} 个项目</a>
              </p>
            )}
          </section>
        )}
        {unreviewedFacts !== undefined && (
          <section class="aside-box" aria-labelledby="dashboard-facts">
            <h2 id="dashboard-facts">
              <a href="/admin/facts">待确认的经济数据</a> <strong data-count="unreviewed-facts">{unreviewedFacts}</strong>
            </h2>
            <p>{unreviewedFacts === 0 ? '所有经济数据都已确认。' : <a href="/admin/facts">逐条核对并确认 {unreviewedFacts} 条数据</a>}</p>
          </section>
        )}
        {staleChannels && (
          <section class="aside-box" aria-labelledby="dashboard-stale">
            <h2 id="dashboard-stale">
              超过 {STALE_AFTER_DAYS} 天未更新的频道 <strong data-count="stale-channels">{staleChannels.length}</strong>
            </h2>
            {staleChannels.length === 0 ? (
              <p>您负责的频道都在 {STALE_AFTER_DAYS} 天内更新过。</p>
            ) : (
              <ul class="dashboard-list">
                {staleChannels.map((channel) => (
                  <li data-channel={channel.slug}>
                    <a href={`/channels/${channel.slug}`}>{channel.name}</a>
                    <span class="meta">
                      {channel.lastPublishedOn === null ? '还没有发布过文章' : `最近更新 ${channel.lastPublishedOn}(北京时间),已 ${channel.days} 天`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {staleChannels.length > 0 && (
              <p>
                <a href="/admin/articles/new">写新文章</a>
              </p>
            )}
          </section>
        )}
      </div>
    </ConsoleLayout>
  );
}

function QueueCard(props: { queue: QueueSummary; channelName: ChannelName }) {
  const { queue, channelName } = props;
  const { title, href, empty } = QUEUES[queue.kind];
  return (
    <section class="aside-box" aria-labelledby={`dashboard-${queue.kind}`}>
      <h2 id={`dashboard-${queue.kind}`}>
        <a href={href}>{title}</a> <strong data-count={queue.kind}>{queue.count}</strong>
      </h2>
      {queue.count === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol class="dashboard-list" aria-label="最早的几项">
          {queue.oldest.map((item) => (
            <li data-item={item.id}>
              <a href={`${href}/${item.id}`}>{item.title}</a>
              <span class="meta">
                {channelName(item.channel)} · <WaitingFor item={item} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {queue.count > queue.oldest.length && (
        <p>
          <a href={href}>查看全部 {queue.count} 项</a>
        </p>
      )}
    </section>
  );
}

function WaitingFor(props: { item: WaitingItem }) {
  const { item } = props;
  const age = (
    <time datetime={item.since} title={labelledChinaDateTime(item.since)}>
      {item.age}
    </time>
  );
  if (item.status === 'scheduled' && item.publishAt) return <>定时发布于 {labelledChinaDateTime(item.publishAt)}</>;
  if (item.status === 'draft') return <>草稿,保存于 {age}</>;
  return <>提交于 {age}</>;
}

function AppealLightsCard(props: { lights: AppealLights; channelName: ChannelName }) {
  const { lights, channelName } = props;
  const lit = lights.red + lights.yellow;
  return (
    <section class="aside-box" aria-labelledby="dashboard-appeals">
      <h2 id="dashboard-appeals">
        <a href="/admin/appeals">企业诉求红黄灯</a> <span class="light light-red">红灯</span> <strong data-count="appeals-red">{lights.red}</strong>{' '}
        <span class="light light-yellow">黄灯</span> <strong data-count="appeals-yellow">{lights.yellow}</strong>
      </h2>
      {lit === 0 ? (
        <p>没有逾期或下一个工作日到期的诉求。</p>
      ) : (
        <ul class="dashboard-list">
          {lights.shown.map((appeal) => (
            <li data-appeal={appeal.id} data-level={appeal.level}>
              <span class={`light light-${appeal.level}`}>{appeal.level === 'red' ? '红灯' : '黄灯'}</span>{' '}
              <a href={`/admin/appeals/${appeal.id}`}>{appeal.title}</a>
              <span class="meta">
                {channelName(appeal.channel)}
                {appeal.own && ' · 我承办的'} · <DueWhen appeal={appeal} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {lit > lights.shown.length && (
        <p>
          <a href="/admin/appeals">查看全部 {lit} 件</a>
        </p>
      )}
    </section>
  );
}

function DueWhen(props: { appeal: AppealLight }) {
  const { appeal } = props;
  const due = `期限 ${appeal.dueOn}${appeal.dueProvisional ? '(暂按周一至周五计算)' : ''}`;
  if (appeal.days < 0) return <>{`${due},已逾期 ${-appeal.days} 天`}</>;
  if (appeal.days === 0) return <>{`${due},今天到期`}</>;
  return <>{`${due},下一个工作日到期`}</>;
}
