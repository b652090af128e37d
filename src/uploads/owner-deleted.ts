// What an item's own service calls as it deletes the item: its attachments go in the same
// transaction. Kept apart from attachment.service.ts, which finds owners through their services, so
// that an owner's service can call this without importing its own finder back.
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion } from '../db/site-state.store.ts';
import type { OwnerKindName } from './attachment-owners.ts';
import { auditedAttachment } from './attachment.ts';
import * as store from './attachment.store.ts';

/**
 * Removes every attachment of an item being deleted, in the caller's transaction (so they go with
 * the item or not at all), each audited as `attachment.remove` by `actor` under the item's channel.
 * Their blobs go with the sweep (blob-sweep.ts). Returns how many were removed.
 */
export async function removeAttachmentsOfDeleted(
  trx: Db,
  actor: Actor,
  owner: { kind: OwnerKindName; id: number; channel: string },
  now = new Date(),
): Promise<number> {
  const attachments = await store.attachmentsOf(trx, owner.kind, owner.id);
  for (const attachment of attachments) {
    await store.deleteAttachment(trx, attachment.id);
    await recordAudit(
      trx,
      actor,
      { action: 'attachment.remove', targetType: owner.kind, targetId: owner.id, before: auditedAttachment(attachment), channel: owner.channel },
      now,
    );
  }
  if (attachments.length > 0) await bumpContentVersion(trx);
  return attachments.length;
}
