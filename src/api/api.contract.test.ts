// The contract: every route the OpenAPI document lists is called with the parameters the document
// gives as examples, and each answer is checked against the schema documented for its status;
// then once more with a bad parameter, which must give a documented 400 problem. Every route the
// app serves under /api/v1 must be in the document.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createApp } from '../app.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, type TestDb } from '../../test/helpers/test-db.ts';
import { fillWithSiteContent } from '../../test/helpers/site-content.ts';

type Schema = Record<string, unknown>;
type Parameter = {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema?: Schema & { example?: unknown; type?: unknown; enum?: unknown[]; pattern?: string };
};
type Operation = { parameters?: Parameter[]; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
type Document = { servers: { url: string }[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** A value the parameter's schema refuses, or undefined when none can be made up. */
function badValue(param: Parameter): string | undefined {
  const schema = param.schema ?? {};
  if (schema.type === 'integer' || schema.type === 'number') return 'abc';
  if (schema.enum) return 'no-such-value';
  if (schema.pattern) return '2025-02-30x';
  if (param.required) return '';
  return undefined;
}

for (const dialect of testDialects()) {
  describe(`open API contract on ${dialect.name}`, () => {
    let opened: TestDb;
    let app: ReturnType<typeof createApp>;
    let document: Document;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // Each schema is checked inside a document holding the components, so `#/components/…` resolves.
    const validate = (schema: Schema, body: unknown) => {
      const check = ajv.compile({ ...schema, components: document.components });
      return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };
    const operations = () =>
      Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    const urlOf = (path: string, operation: Operation, replace?: { name: string; value: string }) => {
      let url = `${document.servers[0]!.url}${path}`;
      const query = new URLSearchParams();
      for (const param of operation.parameters ?? []) {
        const value = replace?.name === param.name ? replace.value : param.schema?.example;
        if (value === undefined || value === '') {
          if (replace?.name !== param.name) continue;
        }
        if (param.in === 'path') url = url.replace(`{${param.name}}`, encodeURIComponent(String(value)));
        else query.set(param.name, String(value));
      }
      return query.size > 0 ? `${url}?${query}` : url;
    };
    const checkAnswer = async (label: string, response: Response, operation: Operation) => {
      const documented = operation.responses[String(response.status)];
      assert.ok(documented, `${label}: status ${response.status} is documented`);
      const [mediaType, content] = Object.entries(documented.content ?? {})[0]!;
      assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType, `${label}: content type`);
      const body = await response.json();
      assert.deepEqual(validate(content.schema, body), [], `${label}: body matches the documented schema`);
      return body;
    };

    before(async () => {
      opened = await dialect.open();
      await fillWithSiteContent(opened);
      app = createApp(appDeps(opened));
      document = await (await app.request('/api/v1/openapi.json')).json();
    });
    after(() => opened.close());

    it('is an OpenAPI 3.1 document that lists the feature endpoints', () => {
      assert.match((document as unknown as { openapi: string }).openapi, /^3\.1\./);
      const listed = operations().map(({ method, path }) => `${method} ${path}`);
      for (const expected of ['get /articles', 'get /articles/{id}', 'get /channels', 'get /search', 'get /indicators', 'get /projects', 'get /enterprises']) {
        assert.ok(listed.includes(expected), expected);
      }
    });

    it('answers every documented route with its examples as documented, each list non-empty', async () => {
      for (const { path, method, operation } of operations()) {
        const url = urlOf(path, operation);
        const response = await app.request(url, { method: method.toUpperCase() });
        assert.equal(response.status, 200, url);
        const body = await checkAnswer(url, response, operation);
        if (Array.isArray(body.items)) assert.ok(body.items.length > 0, `${url}: the example lists something`);
      }
    });

    it('answers a bad parameter of every route that takes one with a documented 400 problem naming it', async () => {
      let checked = 0;
      for (const { path, method, operation } of operations()) {
        for (const param of operation.parameters ?? []) {
          const value = badValue(param);
          if (value === undefined) continue;
          const url = urlOf(path, operation, { name: param.name, value });
          const response = await app.request(url, { method: method.toUpperCase() });
          assert.equal(response.status, 400, url);
          const problem = await checkAnswer(url, response, operation);
          assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
          assert.ok(problem.detail.includes(`“${param.name}”`), `${url}: the detail names ${param.name}: ${problem.detail}`);
          checked += 1;
        }
      }
      assert.ok(checked >= 10, `${checked} bad parameters checked`);
    });

    it('documents every route the app serves under /api/v1', () => {
      const documented = new Set(
        operations().map(({ method, path }) => `${method.toUpperCase()} ${document.servers[0]!.url}${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      const served = app.routes.filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL' && !route.path.endsWith('*'));
      assert.ok(served.length >= 8);
      for (const route of served) assert.ok(documented.has(`${route.method} ${route.path}`), `${route.method} ${route.path} is in the document`);
    });
  });
}
