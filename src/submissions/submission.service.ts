// Rules for contributions from the public. No HTTP here.
import type { Db } from '../db/database.ts';
import { newTrackingCode, type SubmissionInput, type SubmissionStatus } from './submission.ts';
import * as store from './submission.store.ts';

/** Stores a contribution for review and returns its tracking code. */
export async function submitContribution(db: Db, input: SubmissionInput, now = new Date()): Promise<string> {
  const trackingCode = newTrackingCode();
  await store.insertSubmission(db, {
    tracking_code: trackingCode,
    title: input.title,
    body: input.body,
    channel: input.channel,
    author_name: input.name,
    author_contact: input.contact,
    consented_at: now.toISOString(),
    status: 'pending',
    reject_reason: null,
    article_id: null,
    created_at: now.toISOString(),
    closed_at: null,
    purged_at: null,
  });
  return trackingCode;
}

/** A contribution's status by its tracking code, or undefined. */
export function submissionStatus(db: Db, trackingCode: string): Promise<SubmissionStatus | undefined> {
  return store.submissionStatusByCode(db, trackingCode);
}
