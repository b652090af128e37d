// LISTEN/NOTIFY for the content version on PostgreSQL: the trigger that announces each new version
// when its transaction commits, and the listening side for the server (a dedicated connection that
// is watched and re-established) and for PGlite (its in-process listener).
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { ContentVersionMirror } from './content-version-mirror.ts';
import type { Db } from './database.ts';
import { currentContentVersion } from './site-state.store.ts';

const CHANNEL = 'zhaoshang_content_version';

// The listening connection reads the version this often; no answer within HEARTBEAT_TIMEOUT_MS
// counts as a lost connection. This bounds how long a connection that died without a word (a
// firewall dropping an idle one) can leave the copy stale, and keeps the connection from idling.
const HEARTBEAT_MS = 500;
const HEARTBEAT_TIMEOUT_MS = 1000;
const RECONNECT_MS = 1000;

/** Creates the trigger that notifies every listener of a new content version at commit. */
export async function announceContentVersionChanges(db: Kysely<unknown>): Promise<void> {
  // The schema travels in the payload: channels are shared by every schema of a database.
  await sql`create function content_version_announce() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(CHANNEL)}, json_build_object('schema', tg_table_schema, 'version', new.version)::text);
      return null;
    end $$`.execute(db);
  await sql`create trigger content_version_announce after update on content_version
    for each row execute function content_version_announce()`.execute(db);
}

/** A running listener. */
export interface ContentVersionListener {
  stop(): Promise<void>;
}

/** The version a notification announces for `schema`, or undefined when it is another schema's. */
function announcedVersion(payload: string, schema: string): number | undefined {
  const announced = JSON.parse(payload) as { schema: string; version: number };
  return announced.schema === schema ? Number(announced.version) : undefined;
}

/**
 * Listens on a connection of its own to the server (`config` as the pool's, so the same schema).
 * LISTEN comes first and the read after it, so no change can fall between the two. On any error,
 * end of the connection or a heartbeat left unanswered, the mirror is told it is lost (requests
 * read again) and a new connection is tried every RECONNECT_MS until one listens.
 */
export function listenOnServer(config: pg.ClientConfig, mirror: ContentVersionMirror): ContentVersionListener {
  let current: pg.Client | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const drop = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    mirror.lost();
    clearInterval(heartbeat);
    client.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
  };

  const connect = async () => {
    const client = new pg.Client(config);
    current = client;
    client.on('error', () => drop(client));
    client.on('end', () => drop(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
      const schema = rows[0]!.schema;
      // A connection already given up on may still deliver what it had buffered: ignored, or it
      // would set the copy while nothing is listening.
      client.on('notification', ({ payload }) => {
        const version = payload === undefined ? undefined : announcedVersion(payload, schema);
        if (version !== undefined && current === client) mirror.notified(version);
      });
      await client.query(`listen ${CHANNEL}`);
      const read = async () => {
        const { rows } = await client.query<{ version: number }>('select version from content_version where id = 1');
        if (current !== client) throw new Error('the listening connection was given up on');
        return rows[0]!.version;
      };
      await mirror.sync(read);
      let askedAt: number | undefined;
      heartbeat = setInterval(() => {
        if (askedAt !== undefined) {
          if (performance.now() - askedAt > HEARTBEAT_TIMEOUT_MS) drop(client);
          return;
        }
        askedAt = performance.now();
        mirror.sync(read).then(
          () => (askedAt = undefined),
          () => drop(client),
        );
      }, HEARTBEAT_MS);
    } catch {
      drop(client);
    }
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * Listens on PGlite. It is one session, shared with the pool: LISTEN and the first read run while
 * holding the pool's connection, so that neither lands inside another caller's transaction. An
 * in-process listener cannot be disconnected.
 */
export async function listenOnPglite(client: PGlite, db: Db, mirror: ContentVersionMirror): Promise<ContentVersionListener> {
  const unlisten = await db.connection().execute(async (connection) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(connection);
    const schema = rows[0]!.schema;
    const stopListening = await client.listen(CHANNEL, (payload) => {
      const version = announcedVersion(payload, schema);
      if (version !== undefined) mirror.notified(version);
    });
    await mirror.sync(() => currentContentVersion(connection));
    return stopListening;
  });
  return { stop: () => unlisten() };
}
