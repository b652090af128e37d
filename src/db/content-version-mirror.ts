// The content version held in memory on PostgreSQL, so that a page request costs no round trip.
// Every bump announces the new version at commit (the trigger in content-version-listener.ts);
// this mirror takes the announcements from a listening connection. Where it cannot vouch for its
// copy (before it listens, after the connection is lost, just after a bump of its own) it reads
// the version from the database, as every request did before.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, TableNode, UnknownRow } from 'kysely';

// After this instance bumps the version, the notification of it arrives a little after the
// commit; until then requests read the version, so that an editor's next page shows the edit.
// Bounded, because a bump that rolls back is never announced.
const OWN_BUMP_GRACE_MS = 5000;

/** The content version as the notifications give it, with a read from the database when in doubt. */
export class ContentVersionMirror {
  // undefined while not listening: every request reads.
  private known: number | undefined;
  // Counts notifications, so a read that overlapped one can tell its answer may be older.
  private notifications = 0;
  private ownBump: { version: number; at: number } | undefined;
  private readonly bumpQueries = new WeakSet<object>();

  /** @param readVersion reads the committed version from the database */
  constructor(private readonly readVersion: () => Promise<number>) {}

  /** The current content version. */
  current(): Promise<number> {
    const known = this.known;
    if (known === undefined || this.awaitingOwnBump(known)) return this.readVersion();
    return Promise.resolve(known);
  }

  /** Takes a version a notification announced (they arrive in commit order). */
  notified(version: number): void {
    this.notifications += 1;
    this.known = version;
  }

  /**
   * Sets the copy from `read`, which must start after LISTEN is in effect. A notification that
   * arrives while it runs may be newer than its answer (the read's snapshot came first), so then
   * the notification stands.
   */
  async sync(read: () => Promise<number>): Promise<void> {
    const before = this.notifications;
    const version = await read();
    if (this.notifications === before) this.known = version;
  }

  /** The listening connection is gone: notifications may be missed, so requests read again. */
  lost(): void {
    this.known = undefined;
  }

  /** A plugin that notes this instance's own bumps (bumpContentVersion returns the new version). */
  readonly ownBumps: KyselyPlugin = {
    transformQuery: ({ node, queryId }: PluginTransformQueryArgs): RootOperationNode => {
      if (isContentVersionUpdate(node)) this.bumpQueries.add(queryId);
      return node;
    },
    transformResult: async ({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
      const version = this.bumpQueries.has(queryId) ? result.rows[0]?.version : undefined;
      if (version !== undefined) this.ownBump = { version: Number(version), at: performance.now() };
      return result;
    },
  };

  private awaitingOwnBump(known: number): boolean {
    if (this.ownBump === undefined) return false;
    if (known < this.ownBump.version && performance.now() - this.ownBump.at < OWN_BUMP_GRACE_MS) return true;
    this.ownBump = undefined;
    return false;
  }
}

function isContentVersionUpdate(node: RootOperationNode): boolean {
  if (node.kind !== 'UpdateQueryNode' || node.table?.kind !== 'TableNode') return false;
  return (node.table as TableNode).table.identifier.name === 'content_version';
}
