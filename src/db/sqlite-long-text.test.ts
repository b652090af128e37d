// Long texts read from SQLite as bytes come back as the very strings stored, and only the selections
// the plugin is meant for are rewritten. SQLite only: the plugin is installed on SQLite connections.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { tempDir } from '../../test/helpers/test-db.ts';
import { openDb } from './connect.ts';
import { LongTextAsBytes } from './sqlite-long-text.ts';

interface Notes {
  note: { id: number; text: string | null; title: string };
  tag: { note_id: number; text: string };
}

const TEXTS = [
  '南昌市政府工作报告:地区生产总值增长5.1%,规模以上工业增加值增长6.5%。'.repeat(60),
  'Latin, 全角ＡＢＣ１２３, emoji 🏭🚄, astral 𠀀𪚥, combining é, Ω ≈ ∑, tab\tand\nnewlines',
  '',
  'x',
];

describe('long texts read from SQLite as bytes', () => {
  const dir = tempDir();
  let db: Kysely<Notes>;
  let executed: string[];
  before(async () => {
    const database = new SQLite(join(dir.path, 'notes.db'));
    executed = [];
    db = new Kysely<Notes>({
      dialect: new SqliteDialect({ database }),
      plugins: [new LongTextAsBytes({ note: ['text'] })],
      log: (event) => {
        executed.push(event.query.sql);
      },
    });
    await sql`create table note (id integer primary key, text text, title text not null)`.execute(db);
    await sql`create table tag (note_id integer not null, text text not null)`.execute(db);
    await db
      .insertInto('note')
      .values([...TEXTS.map((text, i) => ({ id: i + 1, text, title: `第${i + 1}篇` })), { id: TEXTS.length + 1, text: null, title: '空' }])
      .execute();
    await db.insertInto('tag').values({ note_id: 1, text: '标签' }).execute();
  });
  after(async () => {
    await db.destroy();
    dir.remove();
  });

  it('a listed column comes back as the string stored, with NULL kept, read as bytes', async () => {
    executed.length = 0;
    const rows = await db.selectFrom('note').select(['id', 'text', 'title']).orderBy('id').execute();
    assert.deepEqual(
      rows.map((row) => row.text),
      [...TEXTS, null],
    );
    assert.ok(rows.every((row) => row.title.startsWith('第') || row.title === '空'));
    assert.match(executed[0]!, /cast\("text" as blob\) as "text"/u);
    // The same values read without the plugin's rewrite (a raw statement is left as written).
    const plain = await sql<{ text: string | null }>`select text from note order by id`.execute(db);
    assert.deepEqual(
      rows.map((row) => row.text),
      plain.rows.map((row) => row.text),
    );
  });

  it('reads the column under its alias and with the table named, and leaves other columns as they are', async () => {
    executed.length = 0;
    const row = await db.selectFrom('note').select(['note.text as body', 'note.title']).where('id', '=', 2).executeTakeFirstOrThrow();
    assert.equal(row.body, TEXTS[1]);
    assert.equal(row.title, '第2篇');
    assert.match(executed[0]!, /cast\("text" as blob\) as "body"/u);
    assert.doesNotMatch(executed[0]!, /"title" as blob/u);
  });

  it('leaves unlisted tables, joins and select * as they are', async () => {
    executed.length = 0;
    const tag = await db.selectFrom('tag').select('text').executeTakeFirstOrThrow();
    const joined = await db.selectFrom('note').innerJoin('tag', 'tag.note_id', 'note.id').select(['note.text', 'tag.text as tag']).executeTakeFirstOrThrow();
    const all = await db.selectFrom('note').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
    assert.equal(tag.text, '标签');
    assert.equal(joined.text, TEXTS[0]);
    assert.equal(joined.tag, '标签');
    assert.equal(all.text, TEXTS[1]);
    assert.equal(executed.length, 3);
    for (const statement of executed) assert.doesNotMatch(statement, /as blob/u);
  });

  it('statements in flight at once, and after one that failed, are each decoded under their own names', async () => {
    await assert.rejects(db.selectFrom('note').select('text').where(sql<boolean>`no_such_function(id)`).execute(), /no such function/u);
    const [plain, aliased] = await Promise.all([
      db.selectFrom('note').select('text').where('id', '=', 1).executeTakeFirstOrThrow(),
      db.selectFrom('note').select(['text as body', 'id']).where('id', '=', 2).executeTakeFirstOrThrow(),
    ]);
    assert.equal(plain.text, TEXTS[0]);
    assert.equal(aliased.body, TEXTS[1]);
  });
});

describe("the portal's SQLite connection", () => {
  it('reads article bodies as bytes, by the columns the article store names', async () => {
    const dir = tempDir();
    const opened = await openDb({ engine: 'sqlite', path: join(dir.path, 'portal.db') });
    try {
      const { sql: statement } = opened.db.selectFrom('article').select(['id', 'title', 'body']).compile();
      assert.match(statement, /cast\("body" as blob\) as "body"/u);
      assert.doesNotMatch(statement, /"title" as blob/u);
    } finally {
      await opened.close();
      dir.remove();
    }
  });
});
