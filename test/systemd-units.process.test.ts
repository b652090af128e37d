// The systemd units the project ships (deploy/systemd/) pass `systemd-analyze verify`, and say what
// the deployment relies on: instances after the one migration, a stop timeout above the app's drain.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { testEnvironment } from '../src/config.ts';
import { PROJECT_ROOT } from './helpers/processes.ts';
import { tempDir } from './helpers/test-db.ts';

const UNITS = join(PROJECT_ROOT, 'deploy/systemd');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
// The app's own promise: every process of an instance is gone within 10 s of SIGTERM (src/server.ts, src/stop-signal.ts).
const APP_STOP_SECONDS = 10;

function systemdAnalyzeAvailable(): boolean {
  if (existsSync(SYSTEMD_ANALYZE)) return true;
  const message = `systemd-analyze not found at ${SYSTEMD_ANALYZE} (apt-get install systemd)`;
  if (testEnvironment.ci) throw new Error(`${message}; CI=true requires the unit files to be verified.`);
  process.stderr.write(`\n!!!!!!!! SKIPPING THE SYSTEMD UNIT CHECK: ${message} !!!!!!!!\n\n`);
  return false;
}

const unit = (name: string) => readFileSync(join(UNITS, name), 'utf8');
const setting = (text: string, key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((match) => match[1]!);

describe('the shipped systemd units', () => {
  it('pass systemd-analyze verify, an instance of the template included', { skip: !systemdAnalyzeAvailable() }, () => {
    const dir = tempDir('zhaoshang-units-');
    try {
      // Node where this test runs stands in for /usr/bin/node, which verify requires to exist.
      for (const name of readdirSync(UNITS)) writeFileSync(join(dir.path, name), unit(name).replaceAll('/usr/bin/node ', `${process.execPath} `));
      copyFileSync(join(dir.path, 'zhaoshang@.service'), join(dir.path, 'zhaoshang@3001.service'));
      const names = ['zhaoshang@3001.service', 'zhaoshang-migrate.service', 'zhaoshang-backup.service', 'zhaoshang-backup.timer'];
      const result = spawnSync(SYSTEMD_ANALYZE, ['verify', '--man=no', ...names.map((name) => `./${name}`)], { cwd: dir.path, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal((result.stdout + result.stderr).trim(), '', 'no warnings');
    } finally {
      dir.remove();
    }
  });

  it('start an instance only after the migration, and give it longer to stop than the app needs', () => {
    const instance = unit('zhaoshang@.service');
    assert.deepEqual(setting(instance, 'Requires'), ['zhaoshang-migrate.service']);
    assert.match(setting(instance, 'After').join(' '), /zhaoshang-migrate\.service/);
    assert.match(
      setting(instance, 'ExecStart')[0]!,
      /^\/usr\/bin\/env PORT=%i HOST=127\.0\.0\.1 \/usr\/bin\/node --max-semi-space-size=4 bin\/zhaoshang\.js serve$/,
    );
    assert.deepEqual(setting(instance, 'KillSignal'), ['SIGTERM']);
    const stopSeconds = Number(/^(\d+)s$/.exec(setting(instance, 'TimeoutStopSec')[0] ?? '')?.[1]);
    assert.ok(stopSeconds > APP_STOP_SECONDS, `TimeoutStopSec ${stopSeconds} s is above the app's ${APP_STOP_SECONDS} s`);
    assert.deepEqual(setting(unit('zhaoshang-migrate.service'), 'Type'), ['oneshot']);
    assert.match(setting(unit('zhaoshang-migrate.service'), 'ExecStart')[0]!, / migrate$/);
  });
});
