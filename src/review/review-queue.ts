// One review queue for everything the public sends in (contributions, enterprise applications,
// contact messages): items wait in an open status, each belongs to a channel, a console user sees
// and decides only the items of their channels, and every decision closes the item once, in one
// transaction with its audit record. Each feature keeps its own table and hands the queue a
// ReviewStore over it; the rules live here once.
import { canActOn, channelScope, type ConsoleUser } from '../accounts/account.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { AuditAction } from '../audit/audit-catalogue.ts';
import type { Db } from '../db/database.ts';

/** What the queue needs to know of an item; features' items carry more. */
export interface ReviewItem {
  id: number;
  channel: string;
  status: string;
}

/** A feature's table as the queue uses it. */
export interface ReviewStore<Item extends ReviewItem, Closed extends { status: string }> {
  /** Items of one status, in the channels given (every channel when undefined), oldest first. */
  list(db: Db, status: Item['status'], channels: string[] | undefined, limit: number): Promise<Item[]>;
  /** How many items of one status there are in the channels given (every channel when undefined). */
  count(db: Db, status: Item['status'], channels: string[] | undefined): Promise<number>;
  find(db: Db, id: number): Promise<Item | undefined>;
  /** Writes a decision's outcome; runs inside the decision's transaction. */
  close(db: Db, id: number, closed: Closed, now: Date): Promise<void>;
}

/** What a decision did. */
export type ReviewOutcome = 'done' | 'not_found' | 'already_closed';

/** The most items one queue page lists. */
export const QUEUE_PAGE_LIMIT = 200;

/** Items of one status in the user's channels, oldest first (first come, first served). */
export async function queueItems<Item extends ReviewItem>(db: Db, store: ReviewStore<Item, never>, user: ConsoleUser, status: Item['status']): Promise<Item[]> {
  const scope = channelScope(user);
  if (scope?.length === 0) return [];
  return store.list(db, status, scope, QUEUE_PAGE_LIMIT);
}

/** What waits in one queue for a user: how many items, and the oldest few. */
export interface QueueHead<Item extends ReviewItem> {
  count: number;
  oldest: Item[];
}

/** The number of items of one status in the user's channels and the `limit` oldest of them. */
export async function queueHead<Item extends ReviewItem>(
  db: Db,
  store: ReviewStore<Item, never>,
  user: ConsoleUser,
  status: Item['status'],
  limit: number,
): Promise<QueueHead<Item>> {
  const scope = channelScope(user);
  if (scope?.length === 0) return { count: 0, oldest: [] };
  const [count, oldest] = await Promise.all([store.count(db, status, scope), store.list(db, status, scope, limit)]);
  return { count, oldest };
}

/** One item, or undefined when it does not exist or is outside the user's channels. */
export async function itemForReview<Item extends ReviewItem>(
  db: Db,
  store: ReviewStore<Item, never>,
  user: ConsoleUser,
  id: number,
): Promise<Item | undefined> {
  const item = await store.find(db, id);
  return item && canActOn(user, item.channel) ? item : undefined;
}

/** A decision on an open item. */
export interface Decision<Item extends ReviewItem, Closed extends { status: string }> {
  /** The status an item must still be in to be decided. */
  open: Item['status'];
  /** The audit action, e.g. `application.approve`. */
  action: AuditAction;
  targetType: string;
  /**
   * What the decision writes, worked out in the transaction from the item as it is there (a
   * contribution's article is written here); its `status` is recorded in the audit log.
   */
  close(trx: Db, item: Item): Promise<Closed>;
  /** Recorded as the audit entry's "after", beside the new status. */
  audited?: (closed: Closed) => Record<string, unknown>;
}

/**
 * Decides an open item in the user's channels: reads it inside the transaction (so two reviewers
 * cannot both decide it), writes the outcome and the audit record, or changes nothing.
 */
export async function decide<Item extends ReviewItem, Closed extends { status: string }>(
  db: Db,
  store: ReviewStore<Item, Closed>,
  user: ConsoleUser,
  actor: Actor,
  id: number,
  decision: Decision<Item, Closed>,
  now = new Date(),
): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const item = await store.find(trx, id);
    if (!item || !canActOn(user, item.channel)) return 'not_found';
    if (item.status !== decision.open) return 'already_closed';
    const closed = await decision.close(trx, item);
    await store.close(trx, id, closed, now);
    const after = { status: closed.status, ...decision.audited?.(closed) };
    await recordAudit(
      trx,
      actor,
      { action: decision.action, targetType: decision.targetType, targetId: id, before: { status: item.status }, after, channel: item.channel },
      now,
    );
    return 'done';
  });
}
