import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AUDIT_ACTION_NAMES, auditActionName, readableChanges } from './audit-catalogue.ts';

const SRC = new URL('..', import.meta.url).pathname;

/** Every source file (tests left out) under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) ? [path] : [];
  });
}

/**
 * The action codes the sources record: in every file that calls recordAudit or the review queue's
 * decide, the quoted codes of each `action:` expression, and its templates (`fact.${…}`) as patterns
 * (the catalogue must name at least one code each matches; the AuditAction type checks the rest).
 */
function recordedActions(): { literals: Set<string>; templates: Set<string> } {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/\b(recordAudit|decide)\(/u.test(text) || file.endsWith('audit.service.ts')) continue;
    for (const [, expression] of text.matchAll(/\baction:(?!\s*\{)\s*(.*?)(?:,\s*targetType\b|,?\s*$)/gmu)) {
      for (const [template] of expression!.matchAll(/`[^`]*`/gu)) templates.add(template.slice(1, -1));
      for (const [, code] of expression!.replace(/`[^`]*`/gu, '').matchAll(/'([^']*)'/gu)) literals.add(code!);
    }
  }
  return { literals, templates };
}

describe('audit catalogue', () => {
  it('names every action recorded anywhere in src/ in Chinese', () => {
    const { literals, templates } = recordedActions();
    for (const code of ['submission.reject', 'article.restore', 'login', 'login.locked', 'user.enable'])
      assert.ok(literals.has(code), `the scan finds ${code}`);
    assert.ok(templates.has('fact.${action.kind}'), 'the scan finds templates');
    const names = AUDIT_ACTION_NAMES as Record<string, string>;
    for (const code of literals) {
      assert.ok(Object.hasOwn(names, code), `no Chinese name for the audit action ${code}`);
      assert.match(names[code]!, /\p{Script=Han}/u, code);
    }
    for (const template of templates) {
      const pattern = new RegExp(`^${template.replace(/\./gu, '\\.').replace(/\$\{[^}]*\}/gu, '[a-z_]+')}$`, 'u');
      assert.ok(
        Object.keys(names).some((code) => pattern.test(code)),
        `no Chinese name for any action of ${template}`,
      );
    }
  });

  it('falls back to the code for an action it does not know', () => {
    assert.equal(auditActionName('article.publish'), '发布文章');
    assert.equal(auditActionName('submission.reject'), '不采用投稿');
    assert.equal(auditActionName('robot.dance'), 'robot.dance');
    assert.equal(auditActionName('constructor'), 'constructor');
  });

  it('reads a change field by field in Chinese, without JSON', () => {
    const texts = (before: unknown, after: unknown) =>
      readableChanges(before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after), (slug) =>
        slug === 'donghu' ? '东湖区' : slug,
      ).map((line) => line.text);
    assert.deepEqual(texts({ status: 'pending' }, { status: 'published', articleId: 7 }), ['状态:待审核 → 已发布', '文章编号:7']);
    assert.deepEqual(texts({ status: 'pending' }, { status: 'rejected', reason: '内容与招商无关' }), ['状态:待审核 → 未通过', '原因:内容与招商无关']);
    assert.deepEqual(texts(undefined, { name: 'ed.xihu', roles: ['editor'], channels: ['donghu', 'xihu'] }), [
      '名称:ed.xihu',
      '角色:编辑',
      '负责频道:东湖区、xihu',
    ]);
    assert.deepEqual(
      texts({ title: '旧', channel: 'donghu', status: 'draft' }, { title: '新', channel: 'donghu', status: 'draft' }),
      ['标题:旧 → 新'],
      'unchanged fields are left out',
    );
    assert.deepEqual(texts({ disabledAt: null }, { disabledAt: '2026-03-01T06:05:00.000Z' }), ['停用时间:(空) → 2026-03-01 14:05(北京时间)']);
    assert.deepEqual(texts({ confirmed: [] }, { confirmed: [3, 4] }), ['已确认数据编号:(无) → 3、4']);
    assert.deepEqual(texts({ oddField: 1 }, { oddField: 2 }), ['oddField:1 → 2'], 'an unknown field shows by its code');
  });

  it('keeps what was only recorded before as context, after the changes', () => {
    const lines = readableChanges(JSON.stringify({ place: '东湖区', curation: null }), JSON.stringify({ curation: 'deleted' }));
    assert.deepEqual(lines, [
      { kind: 'change', text: '核对结果:(空) → 已删除' },
      { kind: 'before', text: '地点:东湖区' },
    ]);
  });

  it('shows text that is not a JSON object as it is', () => {
    assert.deepEqual(
      readableChanges(null, 'not json').map((line) => line.text),
      ['not json'],
    );
    assert.deepEqual(
      readableChanges(null, '"plain"').map((line) => line.text),
      ['plain'],
    );
  });
});
