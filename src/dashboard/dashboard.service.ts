// The console home (工作台): what waits for the signed-in user in their channels — the queues
// their role works on, enterprise requests and projects with red or yellow lights, facts awaiting confirmation, and
// channels gone quiet. Every figure comes from the feature that owns it; no queries here.
import { canActOn, hasRole, type ConsoleUser, type Role } from '../accounts/account.ts';
import { appealLightsFor, type AppealLights } from '../appeals/appeal-deadlines.service.ts';
import { unpublishedArticlesFor } from '../articles/article-editing.service.ts';
import { lastPublishedOnByChannel } from '../articles/article.service.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import { messageQueueHead } from '../contact/message.service.ts';
import type { Db } from '../db/database.ts';
import { applicationQueueHead } from '../enterprises/application.service.ts';
import { INSPECTION_CHECKS } from '../inspection/inspection-checks.ts';
import { quickInspection } from '../inspection/inspection.service.ts';
import { unreviewedFactCount } from '../insights/fact-curation.service.ts';
import type { ProjectStage } from '../lib/project-stages.ts';
import { projectsForCuration } from '../insights/project-curation.service.ts';
import { chinaAge, chinaDate, daysBetween } from '../lib/china-time.ts';
import type { ConsoleNotification } from '../notifications/notification.ts';
import { unreadNotifications } from '../notifications/notification.service.ts';
import { questionQueueHead } from '../questions/question.service.ts';
import { submissionQueueHead } from '../submissions/submission.service.ts';

/** How many of the oldest items each queue lists. */
export const OLDEST_SHOWN = 5;
/** How many unread reminders the home lists; the reminders page has them all. */
export const REMINDERS_SHOWN = 5;
/** How many warned projects the home lists; the projects page has them all. */
export const PROJECTS_SHOWN = 10;
/**
 * A channel whose newest article is more than this many days old counts as not updated: a
 * government site fails its inspection when its pages go two weeks without an update.
 */
export const STALE_AFTER_DAYS = 14;

/** One waiting item: what it is called and how long it has waited. */
export interface WaitingItem {
  id: number;
  title: string;
  channel: string;
  /** ISO-8601 UTC: when it came in (for articles, when it was last saved). */
  since: string;
  /** How long ago, in Chinese: 3 天前. */
  age: string;
  /** Drafts and scheduled articles only. */
  status?: 'draft' | 'scheduled';
  /** Scheduled articles only: when they publish themselves, ISO-8601 UTC. */
  publishAt?: string | null;
}

/** The queues the home shows, each opened by its own console page. */
export type QueueKind = 'submissions' | 'applications' | 'messages' | 'questions' | 'articles';

/** One queue: how many items wait, and the oldest first. */
export interface QueueSummary {
  kind: QueueKind;
  count: number;
  oldest: WaitingItem[];
}

/** A project with a red or yellow light, by its most urgent milestone. */
export interface WarnedProject {
  id: number;
  name: string;
  channel: string;
  level: 'red' | 'yellow';
  stage: ProjectStage;
  plannedOn: string;
  /** Days from today to the planned date; negative when it has passed. */
  days: number;
}

/** A channel without a new article for more than STALE_AFTER_DAYS. */
export interface StaleChannel {
  slug: string;
  name: string;
  /** Its newest article's date (YYYY-MM-DD, Beijing), or null when it has none. */
  lastPublishedOn: string | null;
  /** Days since then, or null when it has none. */
  days: number | null;
}

/** The console home of one user. A part their role cannot open is undefined. */
export interface Dashboard {
  /** Beijing date the figures are for. */
  today: string;
  /** The user's own unread reminders (待办提醒): how many, and the newest. */
  reminders: { count: number; newest: ConsoleNotification[] };
  queues: QueueSummary[];
  warnedProjects: { count: number; shown: WarnedProject[] } | undefined;
  unreviewedFacts: number | undefined;
  staleChannels: StaleChannel[] | undefined;
  /** Enterprise requests being handled in the user's channels that are overdue (red) or due by the next working day (yellow). */
  appealLights: AppealLights;
  /** The quick inspection checks' veto items and warnings in the user's part of the site. */
  inspection: { veto: number; warning: number };
}

// The roles that open each part, as the console's route tables admit them: editors review the
// contributions of their channels too.
const CONTRIBUTION_ROLES: readonly Role[] = ['admin', 'reviewer', 'editor'];
const REVIEW_ROLES: readonly Role[] = ['admin', 'reviewer'];
const EDITING_ROLES: readonly Role[] = ['admin', 'editor'];

/** What the home reads the site through. */
export interface DashboardSources {
  db: Db;
  channels: ChannelCatalog;
  calendar: WorkingCalendar;
}

/** What waits for `user` in their channels (admins: all) at `now`. */
export async function dashboardFor({ db, channels, calendar }: DashboardSources, user: ConsoleUser, now: Date): Promise<Dashboard> {
  const today = chinaDate(now);
  const edits = hasRole(user, ...EDITING_ROLES);
  const [reminders, reviewQueues, articles, warnedProjects, unreviewedFacts, staleChannels, appealLights, inspection] = await Promise.all([
    unreadNotifications(db, user, REMINDERS_SHOWN),
    reviewQueuesFor(db, user, now),
    edits ? articleQueueFor(db, user, now) : undefined,
    edits ? warnedProjectsFor(db, user, today) : undefined,
    edits ? unreviewedFactCount(db, user) : undefined,
    edits ? staleChannelsFor(db, user, channels, today) : undefined,
    appealLightsFor(db, calendar, user, today),
    quickInspection({ db, channels, calendar, now }, INSPECTION_CHECKS, user),
  ]);
  return {
    today,
    reminders,
    queues: articles ? [...reviewQueues, articles] : reviewQueues,
    warnedProjects,
    unreviewedFacts,
    staleChannels,
    appealLights,
    inspection: { veto: inspection.counts.veto, warning: inspection.counts.warning },
  };
}

/** The public's queues the user's roles open: contributions, then applications, messages and questions (every role's offices answer these). */
async function reviewQueuesFor(db: Db, user: ConsoleUser, now: Date): Promise<QueueSummary[]> {
  const reviews = hasRole(user, ...REVIEW_ROLES);
  const [submissions, applications, messages, questions] = await Promise.all([
    hasRole(user, ...CONTRIBUTION_ROLES) ? submissionQueueHead(db, user, OLDEST_SHOWN) : undefined,
    reviews ? applicationQueueHead(db, user, OLDEST_SHOWN) : undefined,
    reviews ? messageQueueHead(db, user, OLDEST_SHOWN) : undefined,
    questionQueueHead(db, user, OLDEST_SHOWN),
  ]);
  const waiting = (id: number, title: string, channel: string, since: string): WaitingItem => ({ id, title, channel, since, age: chinaAge(since, now) });
  return [
    ...(submissions
      ? [{ kind: 'submissions' as const, count: submissions.count, oldest: submissions.oldest.map((s) => waiting(s.id, s.title, s.channel, s.createdAt)) }]
      : []),
    ...(applications
      ? [
          {
            kind: 'applications' as const,
            count: applications.count,
            oldest: applications.oldest.map((a) => waiting(a.id, a.companyName, a.channel, a.createdAt)),
          },
        ]
      : []),
    ...(messages
      ? [{ kind: 'messages' as const, count: messages.count, oldest: messages.oldest.map((m) => waiting(m.id, m.subject, m.channel, m.createdAt)) }]
      : []),
    { kind: 'questions' as const, count: questions.count, oldest: questions.oldest.map((q) => waiting(q.id, q.title, q.channel, q.createdAt)) },
  ];
}

async function articleQueueFor(db: Db, user: ConsoleUser, now: Date): Promise<QueueSummary> {
  const { count, oldest } = await unpublishedArticlesFor(db, user, OLDEST_SHOWN);
  return {
    kind: 'articles',
    count,
    oldest: oldest.map((a) => ({
      id: a.id,
      title: a.title,
      channel: a.channel,
      since: a.updatedAt,
      age: chinaAge(a.updatedAt, now),
      status: a.status,
      publishAt: a.publishAt,
    })),
  };
}

async function warnedProjectsFor(db: Db, user: ConsoleUser, today: string): Promise<Dashboard['warnedProjects']> {
  const warned = (await projectsForCuration(db, user, today)).flatMap((project) => {
    const [worst] = project.warnings;
    return worst
      ? [{ id: project.id, name: project.name, channel: project.channel, level: worst.level, stage: worst.stage, plannedOn: worst.plannedOn, days: worst.days }]
      : [];
  });
  return { count: warned.length, shown: warned.slice(0, PROJECTS_SHOWN) };
}

async function staleChannelsFor(db: Db, user: ConsoleUser, channels: ChannelCatalog, today: string): Promise<StaleChannel[]> {
  const own = channels.all.filter((channel) => canActOn(user, channel.slug));
  const last = await lastPublishedOnByChannel(
    db,
    own.map((channel) => channel.slug),
  );
  return own
    .map((channel) => {
      const lastPublishedOn = last.get(channel.slug) ?? null;
      return { slug: channel.slug, name: channel.name, lastPublishedOn, days: lastPublishedOn === null ? null : daysBetween(lastPublishedOn, today) };
    })
    .filter((channel) => channel.days === null || channel.days > STALE_AFTER_DAYS)
    .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
}
