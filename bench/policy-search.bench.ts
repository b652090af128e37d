// npm run bench:policies [-- --policies 3000 --database-url postgres://…/db]
// Times the policy library's keyword search (policy.store.ts: a LIKE per word over folded text,
// or the 文号 key) and its list, over that many policies recombined from the seed's sentences, on
// SQLite, PGlite and, with --database-url, the PostgreSQL server (a schema of its own, dropped after).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ConsoleUser } from '../src/accounts/account.ts';
import { COMMAND_LINE } from '../src/audit/audit.service.ts';
import { openDb, type OpenDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { POLICY_TOPICS } from '../src/policies/policy.ts';
import { policyList, savePolicy, type PolicyQuery } from '../src/policies/policy.service.ts';
import { SEED_FILE, segmenter } from '../test/helpers/seed.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { recombinedArticles } from './search-corpus.ts';

const { values } = parseArgs({ options: { policies: { type: 'string', default: '3000' }, 'database-url': { type: 'string' } } });
const count = Number(values.policies);
const ADMIN: ConsoleUser = { id: 1, name: 'bench', roles: ['admin'], channels: [], mustChangePassword: false };
const RUNS = 20;

const QUERIES: Array<[string, PolicyQuery]> = [
  ['list, no filter', {}],
  ['common word 发展', { keyword: '发展' }],
  ['two words 产业 项目', { keyword: '产业 项目' }],
  ['place 小蓝经开区', { keyword: '小蓝经开区' }],
  ['no match 量子隧穿', { keyword: '量子隧穿' }],
  ['文号 洪府发2025 10', { keyword: '洪府发2025 10' }],
  ['word + topic + in force', { keyword: '企业', topic: '人才', validity: 'in_force' }],
];

async function fill(opened: OpenDb): Promise<void> {
  let n = 0;
  for (const article of recombinedArticles(SEED_FILE, count)) {
    n += 1;
    const year = 2015 + (n % 11);
    const publishedOn = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    await savePolicy(opened.db, ADMIN, COMMAND_LINE, undefined, {
      title: article.originalTitle.slice(0, 200),
      docNumber: `洪府发〔${year}〕${n}号`,
      issuer: '南昌市人民政府',
      level: '市',
      channel: 'nanchang',
      topic: POLICY_TOPICS[n % POLICY_TOPICS.length]!,
      writtenOn: publishedOn,
      publishedOn,
      effectiveOn: publishedOn,
      validUntil: null,
      body: article.body,
    });
  }
}

async function measure(name: string, opened: OpenDb): Promise<void> {
  try {
    await migrateToLatest(opened.db, opened.dialect);
    const started = performance.now();
    await fill(opened);
    console.log(`${name}: ${count} policies written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [label, query] of QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const t = performance.now();
        total = (await policyList(opened.db, segmenter, query, 1)).total;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label.padEnd(28)} ${String(total).padStart(5)} found  median ${times[RUNS / 2]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
    }
  } finally {
    await opened.close();
  }
}

const dir = tempDir('zhaoshang-policy-bench-');
try {
  await measure('SQLite', await openDb({ engine: 'sqlite', path: join(dir.path, 'bench.db') }));
  await measure('PGlite', await openDb({ engine: 'pglite', path: join(dir.path, 'pglite') }));
  const url = values['database-url'];
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const withSchema = new URL(url);
      withSchema.search = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      await measure('PostgreSQL', await openDb({ engine: 'postgres', url: withSchema.toString() }));
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
} finally {
  dir.remove();
}
