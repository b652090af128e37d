// npm run bench:policies [-- --policies 3000 --database-url postgres://…/db]
// Times the policy library's keyword search (policy.store.ts: a LIKE per word over folded text,
// or the 文号 key) and its list, over that many policies recombined from the seed's sentences, on
// SQLite, PGlite and, with --database-url, the PostgreSQL server (a schema of its own, dropped after).
import { parseArgs } from 'node:util';
import { measureOnEveryEngine } from './every-engine.ts';
import type { OpenDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { policyList, type PolicyQuery } from '../src/policies/policy.service.ts';
import { segmenter } from '../test/helpers/seed.ts';
import { fillPolicies } from './policy-corpus.ts';

const { values } = parseArgs({ options: { policies: { type: 'string', default: '3000' }, 'database-url': { type: 'string' } } });
const count = Number(values.policies);
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

async function measure(name: string, opened: OpenDb): Promise<void> {
  try {
    await migrateToLatest(opened.db, opened.dialect);
    const started = performance.now();
    await fillPolicies(opened.db, count);
    console.log(`${name}: ${count} policies written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [label, query] of QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const t = performance.now();
        total = (await policyList(opened.db, { segmenter, words: opened.dialect.policyWords }, query, 1)).total;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label.padEnd(28)} ${String(total).padStart(5)} found  median ${times[RUNS / 2]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
    }
  } finally {
    await opened.close();
  }
}

await measureOnEveryEngine('zhaoshang-policy-bench-', values['database-url'], measure);
