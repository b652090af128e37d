// Attachments end to end on every engine: uploaded in the console, listed and shown on the public
// page, downloaded with the right headers; refused files, the size limit, channels, drafts, order,
// removal and the audit log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { appDeps, openSeededApp, testUploads } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { imageFile, pdfFile } from '../../test/helpers/upload-files.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { createApp } from '../app.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';

const PASSWORD = 'correct horse battery';
const POLICY = {
  title: '东湖区促进楼宇经济发展若干措施',
  docNumber: '',
  issuer: '东湖区人民政府',
  level: '区',
  channel: 'donghu',
  topic: '产业扶持',
  writtenOn: '2025-02-20',
  publishedOn: '2025-03-01',
  effectiveOn: '2025-03-01',
  validUntil: '',
  body: '对新引进的总部企业给予租金补贴。',
};
const ARTICLE = { title: '东湖区楼宇招商推介会', channel: 'donghu', publishedOn: '2025-03-02', status: 'draft', publishAt: '', body: '推介会将于三月举行。' };

const idFrom = (location: string | null, pattern: RegExp) => Number(pattern.exec(location ?? '')?.[1]);
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** The file links of a public page's attachment list, in order. */
const listedFiles = (html: string) =>
  [...html.matchAll(/<li><a href="(\/files\/[0-9a-f]{64}\/[^"]+)"[^>]*>([^<]+)<\/a>/gu)].map((match) => ({ href: match[1]!, name: match[2]! }));

for (const dialect of testDialects()) {
  describe(`attachments on ${dialect.name}`, () => {
    it('uploads in the console, lists and shows on the public page, serves with safe headers, and keeps order, removal and audit', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const policy = passwordPolicy('modern');
        await createUser(seeded.db, COMMAND_LINE, { name: 'donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, policy);
        await createUser(seeded.db, COMMAND_LINE, { name: 'qingshan', roles: ['editor'], password: PASSWORD, channels: ['qingshanhu'] }, policy);
        const donghu = consoleClient(seeded.app, '192.0.2.81');
        const other = consoleClient(seeded.app, '192.0.2.82');
        assert.equal((await donghu.signIn('donghu', PASSWORD)).status, 303);
        assert.equal((await other.signIn('qingshan', PASSWORD)).status, 303);
        await donghu.get('/admin/policies/new');
        const policyId = idFrom((await donghu.post('/admin/policies', POLICY)).headers.get('location'), /\/admin\/policies\/(\d+)/u);
        assert.ok(policyId > 0);

        // The editor has the panel with a multipart form carrying the CSRF token.
        const editor = await (await donghu.get(`/admin/policies/${policyId}`)).text();
        assert.match(editor, new RegExp(`action="/admin/attachments/upload/policy/${policyId}" enctype="multipart/form-data"`, 'u'));
        const uploadPath = `/admin/attachments/upload/policy/${policyId}`;

        const pdf = pdfFile('Policy attachment');
        const photo = await imageFile('jpeg', 1200, 800, { orientation: 6 });
        const uploaded = await donghu.upload(uploadPath, { name: 'C:\\资料\\关于印发《措施》的通知.exe.pdf', bytes: pdf });
        assert.equal(uploaded.status, 303);
        assert.equal(uploaded.headers.get('location'), `/admin/policies/${policyId}#attachments`);
        assert.equal((await donghu.upload(uploadPath, { name: '楼宇外景.jpg', bytes: photo })).status, 303);
        assert.equal((await donghu.upload(uploadPath, { name: 'x.pdf', bytes: pdf }, false)).status, 403, 'CSRF');

        // Refused by content, whatever the name says.
        const disguised = await donghu.upload(uploadPath, { name: '通知.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
        assert.equal(disguised.status, 415);
        assert.match(await disguised.text(), /「通知\.pdf」文件是网页\(HTML\),不能上传/u);
        const svg = await donghu.upload(uploadPath, { name: 'logo.png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
        assert.equal(svg.status, 415);

        // The public page: the picture in web sizes, then both files with type and size.
        const page = await (await seeded.app.request(`/policies/${policyId}`)).text();
        const files = listedFiles(page);
        assert.deepEqual(
          files.map((file) => file.name),
          ['关于印发《措施》的通知.exe.pdf', '楼宇外景.jpg'],
        );
        assert.match(page, /PDF,\d+ B/u);
        assert.match(page, /JPEG 图片,\d+ KB/u);
        const srcset = /<img src="[^"]+" srcset="([^"]+)"/u.exec(page)?.[1] ?? '';
        assert.deepEqual(
          [...srcset.matchAll(/ (\d+)w/gu)].map((match) => Number(match[1])),
          [480],
          'the upright photo is 800 wide: only the 480 copy is narrower',
        );
        assert.match(page, /width="800" height="1200"/u, 'the EXIF orientation turns it upright');

        // Download: the PDF as an attachment under its Chinese name, never sniffed or run, cached for good.
        const download = await seeded.app.request(files[0]!.href);
        assert.equal(download.status, 200);
        assert.equal(download.headers.get('content-type'), 'application/pdf');
        assert.equal(
          download.headers.get('content-disposition'),
          `attachment; filename="${'_'.repeat(11)}.exe.pdf"; filename*=UTF-8''${encodeURIComponent('关于印发《措施》的通知.exe.pdf')}`,
        );
        assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(download.headers.get('content-security-policy'), "default-src 'none'; sandbox");
        assert.equal(download.headers.get('cache-control'), 'public, max-age=31536000, immutable');
        assert.deepEqual(await bytesOf(download), pdf);
        const etag = download.headers.get('etag')!;
        assert.equal((await seeded.app.request(files[0]!.href, { headers: { 'If-None-Match': etag } })).status, 304);
        const part = await seeded.app.request(files[0]!.href, { headers: { Range: 'bytes=0-7' } });
        assert.equal(part.status, 206);
        assert.equal(part.headers.get('content-range'), `bytes 0-7/${pdf.length}`);
        assert.equal((await bytesOf(part)).toString('latin1'), '%PDF-1.4');
        assert.equal((await seeded.app.request(files[0]!.href, { headers: { Range: `bytes=${pdf.length}-` } })).status, 416);
        const head = await seeded.app.request(files[0]!.href, { method: 'HEAD' });
        assert.deepEqual([head.status, head.headers.get('content-length'), (await bytesOf(head)).length], [200, String(pdf.length), 0]);

        // The photo in place, the web copy upright and without its camera metadata.
        const original = await seeded.app.request(files[1]!.href);
        assert.equal(original.headers.get('content-type'), 'image/jpeg');
        assert.match(original.headers.get('content-disposition') ?? '', /^inline; /u);
        const copyHref = /srcset="([^ ]+) 480w/u.exec(page)![1]!.replace(/&amp;/gu, '&');
        const copy = await seeded.app.request(copyHref);
        assert.equal(copy.headers.get('content-type'), 'image/webp');
        const copyMeta = await sharp(await bytesOf(copy)).metadata();
        assert.deepEqual([copyMeta.format, copyMeta.width, copyMeta.height, copyMeta.exif, copyMeta.orientation], ['webp', 480, 720, undefined, undefined]);
        assert.equal((await seeded.app.request(`/files/${'0'.repeat(64)}/x.pdf`)).status, 404);

        // Another district's editor can neither attach to nor remove from it, nor read it in the console.
        const attachmentIds = (await seeded.db.selectFrom('attachment').select('id').orderBy('sort_order').execute()).map((row) => Number(row.id));
        await other.get('/admin');
        assert.equal((await other.upload(uploadPath, { name: 'a.pdf', bytes: pdfFile('other') })).status, 404);
        assert.equal((await other.post(`/admin/attachments/${attachmentIds[0]}/remove`)).status, 404);
        assert.equal((await other.post(`/admin/attachments/${attachmentIds[0]}/move`, { direction: 'down' })).status, 404);
        assert.equal((await other.get(`/admin/attachments/${attachmentIds[0]}/file`)).status, 404);
        assert.equal(listedFiles(await (await seeded.app.request(`/policies/${policyId}`)).text()).length, 2);

        // Order and removal, reflected on the public page.
        assert.equal((await donghu.post(`/admin/attachments/${attachmentIds[1]}/move`, { direction: 'up' })).status, 303);
        assert.deepEqual(
          listedFiles(await (await seeded.app.request(`/policies/${policyId}`)).text()).map((file) => file.name),
          ['楼宇外景.jpg', '关于印发《措施》的通知.exe.pdf'],
        );
        assert.equal((await donghu.post(`/admin/attachments/${attachmentIds[0]}/remove`)).status, 303);
        assert.deepEqual(
          listedFiles(await (await seeded.app.request(`/policies/${policyId}`)).text()).map((file) => file.name),
          ['楼宇外景.jpg'],
        );
        assert.equal((await seeded.app.request(files[0]!.href)).status, 404, 'no longer attached to anything public');

        // A draft article's files are the console's only, until it is published.
        await donghu.get('/admin/articles/new');
        const articleId = idFrom((await donghu.post('/admin/articles', ARTICLE)).headers.get('location'), /\/admin\/articles\/(\d+)/u);
        const draftPdf = pdfFile('Draft only');
        assert.equal((await donghu.upload(`/admin/attachments/upload/article/${articleId}`, { name: '议程.pdf', bytes: draftPdf })).status, 303);
        const [draftAttachment] = await seeded.db.selectFrom('attachment').select(['id', 'blob_hash']).where('owner_kind', '=', 'article').execute();
        const draftHref = `/files/${draftAttachment!.blob_hash}/x.pdf`;
        assert.equal((await seeded.app.request(draftHref)).status, 404);
        const consoleCopy = await donghu.get(`/admin/attachments/${draftAttachment!.id}/file`);
        assert.equal(consoleCopy.status, 200);
        assert.equal(consoleCopy.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await bytesOf(consoleCopy), draftPdf);
        await donghu.get(`/admin/articles/${articleId}`);
        assert.equal((await donghu.post(`/admin/articles/${articleId}`, { ...ARTICLE, status: 'published' })).status, 303);
        assert.equal((await seeded.app.request(draftHref)).status, 200);
        assert.match(await (await seeded.app.request(`/articles/${articleId}`)).text(), />议程\.pdf<\/a>/u);

        const audit = await seeded.db
          .selectFrom('audit_log')
          .select(['action', 'target_type', 'channel', 'user_name'])
          .where('action', 'like', 'attachment.%')
          .orderBy('id')
          .execute();
        assert.deepEqual(
          audit.map((entry) => `${entry.action} ${entry.target_type} ${entry.channel} ${entry.user_name}`),
          [
            'attachment.upload policy donghu donghu',
            'attachment.upload policy donghu donghu',
            'attachment.reorder policy donghu donghu',
            'attachment.remove policy donghu donghu',
            'attachment.upload article donghu donghu',
          ],
        );
      } finally {
        await seeded.close();
      }
    });

    it('refuses a file over UPLOAD_MAX_BYTES: a little over with the size told, far over by the body limit before parsing', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const app = createApp({ ...appDeps(seeded), uploads: { ...testUploads, maxBytes: 40_000 } });
        await createUser(seeded.db, COMMAND_LINE, { name: 'donghu', roles: ['editor'], password: PASSWORD, channels: ['donghu'] }, passwordPolicy('modern'));
        const donghu = consoleClient(app, '192.0.2.83');
        await donghu.signIn('donghu', PASSWORD);
        await donghu.get('/admin/policies/new');
        const policyId = idFrom((await donghu.post('/admin/policies', POLICY)).headers.get('location'), /\/admin\/policies\/(\d+)/u);
        const path = `/admin/attachments/upload/policy/${policyId}`;
        // Over the limit but within the form's allowance: the service says by how much.
        const over = await donghu.upload(path, { name: 'big.pdf', bytes: Buffer.concat([pdfFile(), Buffer.alloc(45_000, 32)]) });
        assert.equal(over.status, 413);
        assert.match(await over.text(), /文件过大.*不能超过 39 KB/u);
        // Far over: the body limit stops it as it streams in, before the form is parsed.
        const huge = await donghu.upload(path, { name: 'huge.pdf', bytes: Buffer.alloc(200_000, 32) });
        assert.equal(huge.status, 413);
        assert.match(await huge.text(), /提交的内容过大\(超过 55 KB\)/u);
        assert.equal(await seeded.db.selectFrom('attachment').select('id').executeTakeFirst(), undefined);
        // Within the limit it is taken.
        assert.equal((await donghu.upload(path, { name: 'ok.pdf', bytes: pdfFile() })).status, 303);
      } finally {
        await seeded.close();
      }
    });
  });
}
