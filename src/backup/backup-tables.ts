// Every table a backup copies, as the features that own them declare them (STYLE.md convention
// 13), in an order where each table comes after the tables it refers to, so a restore can insert
// them one by one with foreign keys checked. backup-tables.test.ts fails when the schema has a
// table or column that is not here.
import { accountBackups } from '../accounts/account.table.ts';
import { appealBackups } from '../appeals/appeal.table.ts';
import { articleBackups, articleEnglishBackup } from '../articles/article.table.ts';
import { auditLogBackup } from '../audit/audit.table.ts';
import { contactMessageBackup } from '../contact/message.table.ts';
import type { BackupTable } from '../db/backup-table.ts';
import { siteStateBackups } from '../db/site-state.table.ts';
import { enterpriseApplicationBackup } from '../enterprises/application.table.ts';
import { rateLimitBackup } from '../http/rate-limit.table.ts';
import { insightBackups } from '../insights/insight.table.ts';
import { notificationBackups } from '../notifications/notification.table.ts';
import { siteBackup } from '../parks/site.table.ts';
import { policyBackups, policyEnglishBackup } from '../policies/policy.table.ts';
import { questionBackups } from '../questions/question.table.ts';
import { SEARCH_STATE_KEYS } from '../search/search.service.ts';
import { attachmentBackups } from '../uploads/attachment.table.ts';
import { BACKUP_RUNNING_KEY } from '../uploads/blob-sweep.ts';
import { submissionBackup } from '../submissions/submission.table.ts';

const [contentVersion, siteMeta] = siteStateBackups;

/** The tables a backup holds, in the order they are written and restored. */
export const BACKUP_TABLES: readonly BackupTable[] = [
  contentVersion!,
  // The search index's bookkeeping is derived like the index: a restore rebuilds both. A backup's
  // own mark (holding the file sweep off) is of the source while it is read, not of the copy.
  { ...siteMeta!, leaveOut: { column: 'key', values: [...SEARCH_STATE_KEYS, BACKUP_RUNNING_KEY] } },
  ...articleBackups,
  articleEnglishBackup,
  submissionBackup,
  enterpriseApplicationBackup,
  contactMessageBackup,
  ...questionBackups,
  // Links name articles: after them.
  ...policyBackups,
  policyEnglishBackup,
  siteBackup,
  // Attachments name policies, articles and sites (by kind and id): after them.
  ...attachmentBackups,
  ...accountBackups,
  // Requests name their handlers: after the accounts.
  ...appealBackups,
  // Reminders and email addresses belong to accounts: after them too.
  ...notificationBackups,
  auditLogBackup,
  ...insightBackups,
  rateLimitBackup,
];
