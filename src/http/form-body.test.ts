import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSeededApp } from '../../test/helpers/test-app.ts';

// Bodies no browser sends, each of which made Request.formData() or timingSafeEqual throw a 500.
describe('broken form bodies', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let client = 0;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  // A fresh client per post, so the rate limit never answers first.
  const post = async (path: string, contentType: string | undefined, body: string) => {
    const address = `198.51.100.${(client += 1)}`;
    const page = await seeded.app.request(path, { headers: { 'X-Forwarded-For': address } });
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const token = /name="_csrf" value="([0-9a-f]{32})"/.exec(await page.text())![1]!;
    const headers: Record<string, string> = { Cookie: cookie, 'X-Forwarded-For': address, ...(contentType && { 'Content-Type': contentType }) };
    return seeded.app.request(path, { method: 'POST', headers, body: body.replaceAll('TOKEN', token) });
  };
  const part = (boundary: string, name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const rows = async () => (await seeded.db.selectFrom('submission').select('id').execute()).length;

  it('answers multipart bodies with a missing, empty or wrong boundary, or cut short, with a 400', async () => {
    const whole = `${part('zz', '_csrf', 'TOKEN')}${part('zz', 'title', '红谷滩区新签约数字经济项目')}--zz--\r\n`;
    const cases: Array<[string, string]> = [
      ['multipart/form-data', whole],
      ['multipart/form-data; boundary=', whole],
      ['multipart/form-data; boundary=yy', whole],
      ['multipart/form-data; boundary=zz', whole.slice(0, whole.length - 12)],
      ['multipart/form-data; boundary=zz', ''],
      ['Multipart/Form-Data; boundary=zz', whole.slice(0, 30)],
    ];
    for (const path of ['/submit', '/enterprises/apply', '/contact', '/admin/login']) {
      for (const [contentType, body] of cases) {
        const response = await post(path, contentType, body);
        assert.equal(response.status, 400, `${path} ${contentType} ${JSON.stringify(body.slice(-20))}`);
        assert.match(await response.text(), /提交的表单数据不完整或格式有误/);
      }
    }
    assert.equal(await rows(), 0);
  });

  it('answers a body that is not a form with a 415', async () => {
    for (const contentType of [undefined, 'text/plain', 'application/json', 'application/x-www-form-urlencodedx', '']) {
      const response = await post('/submit', contentType, '_csrf=TOKEN&title=x');
      assert.equal(response.status, 415, String(contentType));
      assert.match(await response.text(), /提交格式不受支持/);
    }
  });

  it('answers a form token of non-ASCII characters as a bad token', async () => {
    for (const forged of ['中'.repeat(32), 'é'.repeat(32), '\u{1F600}'.repeat(16), 'a'.repeat(31) + 'ß']) {
      const response = await post('/submit', 'application/x-www-form-urlencoded', new URLSearchParams({ _csrf: forged }).toString());
      assert.equal(response.status, 403, forged);
      assert.match(await response.text(), /页面已过期或请求来源不明/);
    }
  });

  it('still reads a well-formed multipart form', async () => {
    const boundary = '----zhaoshang';
    const fields = {
      _csrf: 'TOKEN',
      title: '红谷滩区新签约数字经济项目',
      body: '红谷滩区本周签约三个数字经济项目,总投资约12亿元,预计明年投产。',
      channel: 'honggutan',
      name: '张三',
      contact: '13800138000',
      consent: 'yes',
    };
    const body =
      Object.entries(fields)
        .map(([name, value]) => part(boundary, name, value))
        .join('') + `--${boundary}--\r\n`;
    const response = await post('/submit', `multipart/form-data; boundary=${boundary}`, body);
    assert.equal(response.status, 303);
    assert.equal(await rows(), 1);
  });
});
