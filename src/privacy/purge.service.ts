// Deleting personal data that is no longer needed (PIPL): names, phone numbers and e-mail
// addresses of contributions, applications, messages, questions and enterprise requests closed before a cutoff. The items
// themselves, their decisions and the audit trail stay.
import { blankPersonalDataOfAppeals } from '../appeals/appeal.store.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { blankPersonalDataOfMessages } from '../contact/message.store.ts';
import type { Db } from '../db/database.ts';
import { blankPersonalDataOfApplications } from '../enterprises/application.store.ts';
import { blankPersonalDataOfQuestions } from '../questions/question.store.ts';
import { blankPersonalDataOfSubmissions } from '../submissions/submission.store.ts';

/** How many items of each kind had their personal data removed. */
export interface PurgeReport {
  submissions: number;
  applications: number;
  messages: number;
  questions: number;
  appeals: number;
}

/** Blanks the personal data of items closed before `cutoff`, in one transaction with its audit record. */
export async function purgePersonalData(db: Db, actor: Actor, cutoff: Date, now = new Date()): Promise<PurgeReport> {
  const before = cutoff.toISOString();
  const purgedAt = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Each feature blanks what it owns; this job only decides the cutoff and keeps the record.
    const report = {
      submissions: await blankPersonalDataOfSubmissions(trx, before, purgedAt),
      applications: await blankPersonalDataOfApplications(trx, before, purgedAt),
      messages: await blankPersonalDataOfMessages(trx, before, purgedAt),
      questions: await blankPersonalDataOfQuestions(trx, before, purgedAt),
      appeals: await blankPersonalDataOfAppeals(trx, before, purgedAt),
    };
    await recordAudit(trx, actor, { action: 'privacy.purge', targetType: 'personal_data', after: { closedBefore: before, ...report } }, now);
    return report;
  });
}

/** Parses an age such as `180d` into days, or undefined. */
export function parseAgeInDays(text: string): number | undefined {
  const match = /^(\d{1,5})d$/u.exec(text);
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined;
}
