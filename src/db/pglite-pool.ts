// Lets Kysely's PostgresDialect talk to PGlite (PostgreSQL compiled to WebAssembly) by posing as a
// pg pool of one connection. PGlite is one session, so a transaction must own it until released.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

function commandOf(sql: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  return (word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE' ? word : 'SELECT') as Command;
}

/** A one-connection pool over a PGlite instance; `end()` closes PGlite. */
export function pglitePool(client: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const connection = {
    async query(sql: string, parameters: readonly unknown[]) {
      const result = await client.query(sql, parameters as unknown[]);
      return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    },
  };
  return {
    connect() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const acquired = queue.then(() => ({ ...connection, release }) as unknown as PostgresPoolClient);
      queue = queue.then(() => released);
      return acquired;
    },
    async end() {
      await queue;
      await client.close();
    },
  };
}
