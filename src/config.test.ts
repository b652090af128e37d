import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import { APPEAL_CATEGORIES, DEFAULT_WORKING_DAYS } from './appeals/appeal.ts';
import { DEFAULT_CALENDAR_DIR } from './calendar/working-calendar.ts';

describe('PUBLIC_ORIGIN', () => {
  it('is optional', () => assert.equal(loadConfig({}).publicOrigin, undefined));

  it('is normalised as browsers write the Origin header', () => {
    for (const [given, origin] of [
      ['https://zs.example.gov.cn', 'https://zs.example.gov.cn'],
      ['https://ZS.Example.gov.cn:443/', 'https://zs.example.gov.cn'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['  https://[::1]:8443  ', 'https://[::1]:8443'],
    ]) {
      assert.equal(loadConfig({ PUBLIC_ORIGIN: given }).publicOrigin, origin, given);
    }
  });

  it('fails fast on anything but scheme, host and port', () => {
    for (const bad of [
      'zs.example.gov.cn',
      'https://zs.example.gov.cn/portal',
      'https://zs.example.gov.cn?x=1',
      'https://zs.example.gov.cn#top',
      'https://user@zs.example.gov.cn',
      'ftp://zs.example.gov.cn',
      'https://',
      'https://zs.example.gov.cn:99999',
    ]) {
      assert.throws(() => loadConfig({ PUBLIC_ORIGIN: bad }), /PUBLIC_ORIGIN: must be an origin such as https:\/\/zs\.example\.gov\.cn/, bad);
    }
  });
});

describe('METRICS_TOKEN', () => {
  const token = 'a'.repeat(32);

  it('is optional, and blank means none', () => {
    assert.equal(loadConfig({}).metricsToken, undefined);
    assert.equal(loadConfig({ METRICS_TOKEN: '   ' }).metricsToken, undefined);
  });

  it('is read as given, trimmed', () => {
    for (const given of [token, '0123456789abcdef0123456789ABCDEF', 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9v==', 'a.b_c~d+e/f-g'.padEnd(40, 'x')]) {
      assert.equal(loadConfig({ METRICS_TOKEN: ` ${given} ` }).metricsToken, given, given);
    }
  });

  it('fails fast when it is short or holds what a Bearer header cannot carry', () => {
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'a'.repeat(31) }), /METRICS_TOKEN: must be at least 32 characters/);
    for (const bad of [`${token} x`, `${token}"`, `${token},x`, `${token}é`, `=${token}`]) {
      assert.throws(() => loadConfig({ METRICS_TOKEN: bad }), /METRICS_TOKEN: may hold only letters, digits/, bad);
    }
  });
});

describe('API_RATE_LIMIT', () => {
  it('allows 120 API requests a minute per client unless set, and fails fast on a bad number', () => {
    assert.equal(loadConfig({}).apiRequestsPerMinute, 120);
    assert.equal(loadConfig({ API_RATE_LIMIT: '600' }).apiRequestsPerMinute, 600);
    for (const bad of ['0', '-5', '1.5', 'many', '1000000']) assert.throws(() => loadConfig({ API_RATE_LIMIT: bad }), /API_RATE_LIMIT/, bad);
  });
});

describe('CALENDAR_DIR', () => {
  it('reads the holiday arrangements the project ships unless another folder is named, relative to the working folder', () => {
    assert.equal(loadConfig({}).calendarDir, DEFAULT_CALENDAR_DIR);
    assert.equal(loadConfig({ CALENDAR_DIR: '  ' }).calendarDir, DEFAULT_CALENDAR_DIR);
    assert.equal(loadConfig({ CALENDAR_DIR: 'etc/calendar' }).calendarDir, resolve('etc/calendar'));
  });
});

describe('INSIGHTS_PUBLIC', () => {
  it('marks unconfirmed figures unless told to hide them', () => {
    assert.equal(loadConfig({}).insightsPublic, 'marked');
    assert.equal(loadConfig({ INSIGHTS_PUBLIC: 'marked' }).insightsPublic, 'marked');
    assert.equal(loadConfig({ INSIGHTS_PUBLIC: 'confirmed' }).insightsPublic, 'confirmed');
  });

  it('fails fast on any other value', () => {
    for (const bad of ['hidden', 'CONFIRMED', 'true', '']) {
      assert.throws(() => loadConfig({ INSIGHTS_PUBLIC: bad }), /INSIGHTS_PUBLIC: Invalid option: expected one of "confirmed"\|"marked"/, bad);
    }
  });
});

describe('the footer’s identity settings', () => {
  const NATIONAL_FORM = 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySubmit.action?websitecode=';

  it('are optional, and blank means none', () => {
    const { site } = loadConfig({ SITE_ORGANISER: ' ', SITE_CODE: '', SITE_ICP_NUMBER: '  ', SITE_PUBLIC_SECURITY_NUMBER: '', SITE_ERROR_REPORT_URL: ' ' });
    assert.deepEqual(
      [site.hostOrganisation, site.organiser, site.siteCode, site.icpNumber, site.publicSecurityNumber, site.errorReportUrl],
      [undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('reads each in the formats the registers issue, trimmed', () => {
    const { site } = loadConfig({
      SITE_HOST_ORGANISATION: '南昌市投资促进局',
      SITE_ORGANISER: ' 南昌市信息中心 ',
      SITE_CODE: ' bm17000001 ',
      SITE_ICP_NUMBER: '赣ICP备12345678号-1',
      SITE_PUBLIC_SECURITY_NUMBER: '赣公网安备 36010202000123号',
    });
    assert.equal(site.organiser, '南昌市信息中心');
    assert.equal(site.siteCode, 'bm17000001');
    assert.equal(site.icpNumber, '赣ICP备12345678号-1');
    assert.equal(site.publicSecurityNumber, '赣公网安备 36010202000123号');
    for (const code of ['3601000001', '3600000001']) assert.equal(loadConfig({ SITE_CODE: code }).site.siteCode, code);
    for (const icp of ['赣ICP备12345678号', '京ICP备2021012345号', '粤ICP备05005045号-12'])
      assert.equal(loadConfig({ SITE_ICP_NUMBER: icp }).site.icpNumber, icp);
  });

  it('fails fast on a 网站标识码 that is not 10 digits or bm and 8 digits', () => {
    for (const bad of ['360100000', '36010000011', '3601-00001', 'ab01000001', 'bm1700000', 'bm170000011', 'BM17000001', '３６０１０００００１']) {
      assert.throws(() => loadConfig({ SITE_CODE: bad }), new RegExp(`SITE_CODE: must be the 10-character 网站标识码.*got "${bad}"`, 'u'), bad);
    }
  });

  it('fails fast on a malformed ICP 备案号', () => {
    for (const bad of [
      '12345678',
      '赣ICP12345678号',
      'ICP备12345678号',
      'JXICP备12345678号',
      '赣ICP备12345678',
      '赣ICP备1234号',
      '赣ICP备12345678号-',
      '赣ICP证12345678号',
    ]) {
      assert.throws(() => loadConfig({ SITE_ICP_NUMBER: bad }), /SITE_ICP_NUMBER: must be an ICP 备案号 such as 赣ICP备12345678号/, bad);
    }
  });

  it('fails fast on a 公安备案号 without its 14-digit record code', () => {
    for (const bad of [
      '赣公网安备3601020200012号',
      '赣公网安备360102020001234号',
      '赣公网安36010202000123号',
      '公网安备36010202000123号',
      '赣公网安备36010202000123',
      '赣ICP备12345678号',
    ]) {
      assert.throws(() => loadConfig({ SITE_PUBLIC_SECURITY_NUMBER: bad }), /SITE_PUBLIC_SECURITY_NUMBER: must be a 公安备案号 .*\(14 digits\)/u, bad);
    }
  });

  it('lists every bad footer setting at once', () => {
    assert.throws(
      () => loadConfig({ SITE_CODE: 'x', SITE_ICP_NUMBER: 'x', SITE_PUBLIC_SECURITY_NUMBER: 'x', SITE_ERROR_REPORT_URL: 'x' }),
      (error: Error) =>
        ['SITE_CODE:', 'SITE_ICP_NUMBER:', 'SITE_PUBLIC_SECURITY_NUMBER:', 'SITE_ERROR_REPORT_URL:'].every((name) => error.message.includes(name)),
    );
  });

  it('leads 我为政府网站找错 to the national platform’s form for SITE_CODE unless a URL is given', () => {
    assert.equal(loadConfig({}).site.errorReportUrl, undefined, 'no code, no URL: no entry');
    assert.equal(loadConfig({ SITE_CODE: '3601000001' }).site.errorReportUrl, `${NATIONAL_FORM}3601000001`);
    assert.equal(loadConfig({ SITE_CODE: 'bm17000001' }).site.errorReportUrl, `${NATIONAL_FORM}bm17000001`);
    const own = 'https://zs.example.gov.cn/jiucuo?from=footer';
    assert.equal(loadConfig({ SITE_CODE: '3601000001', SITE_ERROR_REPORT_URL: own }).site.errorReportUrl, own);
    assert.equal(loadConfig({ SITE_ERROR_REPORT_URL: own }).site.errorReportUrl, own, 'a URL without a code');
  });

  it('fails fast on a 找错 URL that is not an absolute https URL', () => {
    for (const bad of [
      'http://zfwzzc.www.gov.cn/',
      'zfwzzc.www.gov.cn',
      '/jiucuo',
      'javascript:alert(1)',
      'https://',
      'https://user:pw@zfwzzc.www.gov.cn/',
      'ftp://zfwzzc.www.gov.cn/',
    ]) {
      assert.throws(() => loadConfig({ SITE_ERROR_REPORT_URL: bad }), /SITE_ERROR_REPORT_URL: must be an https URL/, bad);
    }
  });
});

describe('APPEAL_WORKING_DAYS', () => {
  it('gives every category the default unless set, and the named ones their own', () => {
    assert.ok(Object.values(loadConfig({}).appealWorkingDays).every((days) => days === DEFAULT_WORKING_DAYS));
    const days = loadConfig({ APPEAL_WORKING_DAYS: ' 审批=10 , 融资 = 7,' }).appealWorkingDays;
    assert.equal(days['审批'], 10);
    assert.equal(days['融资'], 7);
    for (const category of APPEAL_CATEGORIES.filter((name) => name !== '审批' && name !== '融资')) assert.equal(days[category], DEFAULT_WORKING_DAYS, category);
  });

  it('fails fast on an unknown category or a number that is not a positive whole number, listing each', () => {
    for (const bad of ['审核=10', '审批=0', '审批=-3', '审批=1.5', '审批=', '审批', '审批=10=2']) {
      assert.throws(() => loadConfig({ APPEAL_WORKING_DAYS: bad }), /APPEAL_WORKING_DAYS: .*审/, bad);
    }
    assert.throws(
      () => loadConfig({ APPEAL_WORKING_DAYS: '审核=10,融资=0' }),
      (error: Error) => /"审核"/.test(error.message) && /"融资=0"/.test(error.message),
    );
  });
});

describe('SMTP_URL and SMTP_FROM', () => {
  it('are optional: without them reminders stay on the console', () => assert.equal(loadConfig({}).smtp, undefined));

  it('are read together, the URL with its credentials', () => {
    const smtp = loadConfig({ SMTP_URL: ' smtp://mailer:s%40cret@mail.example.gov.cn:587 ', SMTP_FROM: '南昌招商 <noreply@example.gov.cn>' }).smtp;
    assert.deepEqual(smtp, { url: 'smtp://mailer:s%40cret@mail.example.gov.cn:587', from: '南昌招商 <noreply@example.gov.cn>' });
    assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example.gov.cn', SMTP_FROM: 'noreply@example.gov.cn' }).smtp?.url, 'smtps://mail.example.gov.cn');
  });

  it('fail fast when one is set without the other', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'smtp://mail.example.gov.cn' }), /SMTP_FROM: is required with SMTP_URL/);
    assert.throws(() => loadConfig({ SMTP_FROM: 'noreply@example.gov.cn' }), /SMTP_URL: is required with SMTP_FROM/);
  });

  it('fail fast on a URL that is not an SMTP server, never repeating its password', () => {
    for (const bad of [
      'mail.example.gov.cn',
      'http://mail.example.gov.cn',
      'smtp://',
      'smtp://mail.example.gov.cn/inbox',
      'smtp://u:topsecret@mail.example.gov.cn/x',
    ]) {
      assert.throws(
        () => loadConfig({ SMTP_URL: bad, SMTP_FROM: 'noreply@example.gov.cn' }),
        (error: Error) => /SMTP_URL: must be an SMTP server such as smtp:\/\//.test(error.message) && !error.message.includes('topsecret'),
        bad,
      );
    }
  });

  it('fail fast on a sender that is not an address', () => {
    for (const bad of ['noreply', '南昌招商', '南昌招商 <noreply>', 'a@b.cn, c@d.cn']) {
      assert.throws(() => loadConfig({ SMTP_URL: 'smtp://mail.example.gov.cn', SMTP_FROM: bad }), /SMTP_FROM: must be the sender’s address/, bad);
    }
  });
});

describe('QUESTION_WORKING_DAYS', () => {
  it('gives questions ten working days unless set, and fails fast on a bad number', () => {
    assert.equal(loadConfig({}).questionWorkingDays, 10);
    assert.equal(loadConfig({ QUESTION_WORKING_DAYS: '15' }).questionWorkingDays, 15);
    for (const bad of ['0', '-1', '2.5', 'ten', '61']) assert.throws(() => loadConfig({ QUESTION_WORKING_DAYS: bad }), /QUESTION_WORKING_DAYS/, bad);
  });
});

describe('UPLOAD_DIR, UPLOAD_MAX_BYTES and UPLOAD_S3_*', () => {
  it('keeps files in data/uploads, 20 MB each, unless told otherwise', () => {
    assert.deepEqual(loadConfig({}).uploads, { maxBytes: 20 * 1024 * 1024, store: { kind: 'local', dir: resolve('data/uploads') } });
    assert.deepEqual(loadConfig({ UPLOAD_DIR: '/srv/zs/files', UPLOAD_MAX_BYTES: '5242880' }).uploads, {
      maxBytes: 5_242_880,
      store: { kind: 'local', dir: '/srv/zs/files' },
    });
  });

  it('uses an S3-compatible bucket when one is named, with its credentials', () => {
    const { store } = loadConfig({
      UPLOAD_S3_BUCKET: 'zs-files',
      UPLOAD_S3_ENDPOINT: 'http://127.0.0.1:9000/',
      UPLOAD_S3_ACCESS_KEY_ID: 'minio',
      UPLOAD_S3_SECRET_ACCESS_KEY: 'minio-secret',
      UPLOAD_S3_PREFIX: 'zhaoshang/',
    }).uploads;
    assert.deepEqual(store, {
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'zs-files',
      region: 'us-east-1',
      accessKeyId: 'minio',
      secretAccessKey: 'minio-secret',
      prefix: 'zhaoshang/',
    });
  });

  it('fails fast with what to fix: half an S3 setup, a bad bucket, endpoint, prefix or size', () => {
    for (const [env, message] of [
      [{ UPLOAD_S3_BUCKET: 'zs-files' }, /UPLOAD_S3_ACCESS_KEY_ID: is required with UPLOAD_S3_BUCKET[\s\S]*UPLOAD_S3_SECRET_ACCESS_KEY: is required/u],
      [{ UPLOAD_S3_ENDPOINT: 'http://127.0.0.1:9000' }, /UPLOAD_S3_BUCKET: is required with UPLOAD_S3_ENDPOINT/u],
      [{ UPLOAD_S3_BUCKET: 'ZS_Files', UPLOAD_S3_ACCESS_KEY_ID: 'a', UPLOAD_S3_SECRET_ACCESS_KEY: 'b' }, /UPLOAD_S3_BUCKET: must be an S3 bucket name/u],
      [
        { UPLOAD_S3_BUCKET: 'zs', UPLOAD_S3_ENDPOINT: 'http://key:secret@minio:9000', UPLOAD_S3_ACCESS_KEY_ID: 'a', UPLOAD_S3_SECRET_ACCESS_KEY: 'b' },
        /UPLOAD_S3_ENDPOINT: must be the S3 server's URL .*got "http:\/\/key:\*\*\*@minio:9000"/u,
      ],
      [
        { UPLOAD_S3_BUCKET: 'zs-files', UPLOAD_S3_ACCESS_KEY_ID: 'a', UPLOAD_S3_SECRET_ACCESS_KEY: 'b', UPLOAD_S3_PREFIX: '/abs' },
        /UPLOAD_S3_PREFIX: must be folder names/u,
      ],
      [{ UPLOAD_MAX_BYTES: '20MB' }, /UPLOAD_MAX_BYTES/u],
      [{ UPLOAD_MAX_BYTES: '10' }, /UPLOAD_MAX_BYTES: must be at least 1024 bytes/u],
    ] as const) {
      assert.throws(() => loadConfig(env), message, JSON.stringify(env));
    }
  });
});

describe('PAGE_CACHE_MAX_BYTES', () => {
  it('keeps 16 MiB of pages per process unless told otherwise', () => {
    assert.equal(loadConfig({}).pageCacheMaxBytes, 16 * 1024 * 1024);
    assert.equal(loadConfig({ PAGE_CACHE_MAX_BYTES: '8388608' }).pageCacheMaxBytes, 8_388_608);
  });

  it('refuses a size that is not a whole number of bytes between 1 MiB and 1 GiB', () => {
    for (const [value, message] of [
      ['16MB', /PAGE_CACHE_MAX_BYTES/u],
      ['2097152.5', /PAGE_CACHE_MAX_BYTES: must be a whole number of bytes/u],
      ['1000', /PAGE_CACHE_MAX_BYTES: must be at least 1 MiB/u],
      [String(2 ** 31), /PAGE_CACHE_MAX_BYTES: must be at most 1 GiB/u],
    ] as const) {
      assert.throws(() => loadConfig({ PAGE_CACHE_MAX_BYTES: value }), message, value);
    }
  });
});
