// /api/docs: the API reference, rendered on the server from the OpenAPI document (no script, no CDN).
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  example?: unknown;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema; example?: unknown };
type Operation = {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
/** The parts of an OpenAPI 3.1 document the page reads. */
export type ApiDocument = {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, Schema> };
};

/** The old addresses that still answer, and what replaced them. */
export const LEGACY_ENDPOINTS: ReadonlyArray<{ path: string; successor: string }> = [
  { path: '/api/search', successor: '/api/v1/search' },
  { path: '/data.json', successor: '/api/v1/indicators' },
  { path: '/projects.json', successor: '/api/v1/projects' },
];

/** The API reference page. */
export function ApiDocsPage(props: { chrome: PageChrome; document: ApiDocument; base: string; origin: string }) {
  const { document, base } = props;
  const components = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? components[schema.$ref.split('/').at(-1)!] : schema);
  const typeOf = (schema: Schema | undefined): string => {
    if (!schema) return '';
    if (schema.$ref) return schema.$ref.split('/').at(-1)!;
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return variants.map(typeOf).join(' | ');
    const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
    return types.map((type) => (type === 'array' ? `${typeOf(schema.items)}[]` : type)).join(' | ') + (schema.enum ? `(${schema.enum.join(' / ')})` : '');
  };
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods ?? {}).map(([method, operation]) => ({ path, method, operation })),
  );
  const curl = (path: string, operation: Operation) => {
    let url = `${props.origin}${base}${path}`;
    const query = new URLSearchParams();
    for (const param of operation.parameters ?? []) {
      const example = param.example ?? param.schema?.example;
      if (example === undefined || example === '') continue;
      if (param.in === 'path') url = url.replace(`{${param.name}}`, encodeURIComponent(String(example)));
      if (param.in === 'query' && param.required) query.set(param.name, String(example));
    }
    return `curl -s '${url}${query.size > 0 ? `?${query}` : ''}'`;
  };
  const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-+$/, '');
  return (
    <Layout chrome={props.chrome} title="开放接口说明" description="只读 JSON 接口的参考文档">
      <h1>开放接口说明</h1>
      <p>{document.info.description}</p>
      <p>
        机器可读的说明见 <a href={`${base}/openapi.json`}>{`${base}/openapi.json`}</a>(OpenAPI 3.1)。列表接口返回 <code>items</code> 和 <code>nextCursor</code>
        :把 <code>nextCursor</code> 作为 <code>cursor</code> 参数传回即得下一页,为 <code>null</code> 时已到最后一页。
      </p>
      <nav aria-labelledby="api-toc">
        <h2 id="api-toc">接口列表</h2>
        <ul>
          {operations.map(({ path, method, operation }) => (
            <li>
              <a href={`#${anchor(method, path)}`}>
                {method.toUpperCase()} {base}
                {path}
              </a>{' '}
              {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, operation }) => {
        const success = resolve(operation.responses?.['200']?.content?.['application/json']?.schema);
        const itemSchema = resolve(resolve(success?.properties?.items)?.items);
        return (
          <section aria-labelledby={anchor(method, path)}>
            <h2 id={anchor(method, path)}>{operation.summary}</h2>
            <p class="api-endpoint">
              <code>
                {method.toUpperCase()} {base}
                {path}
              </code>
            </p>
            {operation.description && <p>{operation.description}</p>}
            {(operation.parameters ?? []).length > 0 && (
              <TableScroll label={`${operation.summary ?? path} 的参数`}>
                <table class="data-table">
                  <caption>参数</caption>
                  <thead>
                    <tr>
                      <th scope="col">名称</th>
                      <th scope="col">位置</th>
                      <th scope="col">类型</th>
                      <th scope="col">必填</th>
                      <th scope="col">说明</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(operation.parameters ?? []).map((param) => (
                      <tr>
                        <td>
                          <code>{param.name}</code>
                        </td>
                        <td>{param.in === 'path' ? '路径' : '查询'}</td>
                        <td>{typeOf(param.schema)}</td>
                        <td>{param.required ? '是' : '否'}</td>
                        <td>{param.description ?? param.schema?.description ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <FieldTable label="返回字段" schema={success} typeOf={typeOf} />
            {itemSchema && <FieldTable label="items 中每一项的字段" schema={itemSchema} typeOf={typeOf} />}
            <p>
              错误返回 <code>application/problem+json</code>:{' '}
              {Object.entries(operation.responses ?? {})
                .filter(([status]) => status !== '200')
                .map(([status, response]) => `${status} ${response.description ?? ''}`)
                .join(';')}
              。
            </p>
            <p>示例:</p>
            <pre class="api-example">
              <code>{curl(path, operation)}</code>
            </pre>
          </section>
        );
      })}
      <section aria-labelledby="legacy">
        <h2 id="legacy">旧接口</h2>
        <p>
          以下旧地址继续可用,返回内容不变,但已不再推荐:响应带有 <code>Deprecation</code> 头,并以 <code>Link: &lt;…&gt;; rel="successor-version"</code>{' '}
          指向新接口。
        </p>
        <ul>
          {LEGACY_ENDPOINTS.map(({ path, successor }) => (
            <li>
              <code>{path}</code> → <code>{successor}</code>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

function FieldTable(props: { label: string; schema: Schema | undefined; typeOf: (schema: Schema | undefined) => string }) {
  const properties = Object.entries(props.schema?.properties ?? {});
  if (properties.length === 0) return null;
  const required = new Set(props.schema?.required ?? []);
  return (
    <TableScroll label={props.label}>
      <table class="data-table">
        <caption>{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col">类型</th>
            <th scope="col">总是出现</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {properties.map(([name, schema]) => (
            <tr>
              <td>
                <code>{name}</code>
              </td>
              <td>{props.typeOf(schema)}</td>
              <td>{required.has(name) ? '是' : '否'}</td>
              <td>{schema.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
