// The kinds of item files can be attached to. Each owner's service says, for one of its items,
// its channel, whether readers may see it, and where its pages are; adding a kind is one line here
// (and its service's function): see CONTEXT.md.
import { articleAsAttachmentOwner } from '../articles/article-editing.service.ts';
import type { Db } from '../db/database.ts';
import { siteAsAttachmentOwner } from '../parks/site.service.ts';
import { policyAsAttachmentOwner } from '../policies/policy.service.ts';
import type { AttachmentOwner } from './attachment.ts';

/** How the uploads find an item of one kind. */
export interface OwnerKind {
  /** The kind's Chinese name, for the audit log and messages. */
  label: string;
  find(db: Db, id: number): Promise<AttachmentOwner | undefined>;
}

/** Every owner kind, by the name attachment rows and URLs use. */
export const OWNER_KINDS = {
  policy: { label: '政策文件', find: policyAsAttachmentOwner },
  article: { label: '文章', find: articleAsAttachmentOwner },
  site: { label: '载体', find: siteAsAttachmentOwner },
} as const satisfies Record<string, OwnerKind>;

/** The name of an owner kind. */
export type OwnerKindName = keyof typeof OWNER_KINDS;

/** True when `name` is a known owner kind. */
export function isOwnerKind(name: string): name is OwnerKindName {
  return Object.hasOwn(OWNER_KINDS, name);
}

/** The item of a kind and id, or undefined when the kind or the item is unknown. */
export function findOwner(db: Db, kind: string, id: number): Promise<AttachmentOwner | undefined> {
  return isOwnerKind(kind) ? OWNER_KINDS[kind].find(db, id) : Promise.resolve(undefined);
}
