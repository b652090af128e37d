// The database schema as Kysely sees it: one entry per table, row types owned by their features.
import type { Kysely } from 'kysely';
import type { AppealEventTable, AppealExtensionTable, AppealTable } from '../appeals/appeal.table.ts';
import type { ArticleEnglishTable, ArticleRevisionTable, ArticleTable } from '../articles/article.table.ts';
import type { AppUserTable, SessionTable, UserChannelTable, UserRoleTable } from '../accounts/account.table.ts';
import type { AttachmentTable, AttachmentVariantTable } from '../uploads/attachment.table.ts';
import type { AuditLogTable } from '../audit/audit.table.ts';
import type { ContactMessageTable } from '../contact/message.table.ts';
import type { EnterpriseApplicationTable } from '../enterprises/application.table.ts';
import type { IndicatorFactTable, ProjectMilestoneTable, ProjectSourceTable, ProjectTable } from '../insights/insight.table.ts';
import type { NotificationEmailTable, NotificationTable } from '../notifications/notification.table.ts';
import type { PolicyEnglishTable, PolicyInterpretationTable, PolicyTable } from '../policies/policy.table.ts';
import type { SiteTable } from '../parks/site.table.ts';
import type { QuestionTable, QuestionTransferTable } from '../questions/question.table.ts';
import type { ArticleSearchRelatedTable } from '../search/related.table.ts';
import type { RateLimitTable } from '../http/rate-limit.table.ts';
import type { SubmissionTable } from '../submissions/submission.table.ts';
import type { ContentVersionTable, SiteMetaTable } from './site-state.table.ts';

export interface Database {
  article: ArticleTable;
  article_revision: ArticleRevisionTable;
  article_english: ArticleEnglishTable;
  article_search_related: ArticleSearchRelatedTable;
  content_version: ContentVersionTable;
  site_meta: SiteMetaTable;
  rate_limit: RateLimitTable;
  submission: SubmissionTable;
  enterprise_application: EnterpriseApplicationTable;
  contact_message: ContactMessageTable;
  question: QuestionTable;
  question_transfer: QuestionTransferTable;
  policy: PolicyTable;
  policy_interpretation: PolicyInterpretationTable;
  policy_english: PolicyEnglishTable;
  site: SiteTable;
  attachment: AttachmentTable;
  attachment_variant: AttachmentVariantTable;
  appeal: AppealTable;
  appeal_event: AppealEventTable;
  appeal_extension: AppealExtensionTable;
  notification: NotificationTable;
  notification_email: NotificationEmailTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_channel: UserChannelTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  indicator_fact: IndicatorFactTable;
  project: ProjectTable;
  project_source: ProjectSourceTable;
  project_milestone: ProjectMilestoneTable;
}

/** A query builder bound to our schema; a transaction has the same type. */
export type Db = Kysely<Database>;
