// The router each feature declares its API endpoints on. Parameters are validated by the routes'
// zod schemas; a failure is a 400 problem whose Chinese detail names the parameter.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { AppError } from '../http/errors.tsx';

const PLACES: Record<string, string> = { query: '查询参数', param: '路径参数', header: '请求头', cookie: 'Cookie', json: '请求体', form: '表单' };

/** The detail of a validation failure: which parameter, and why. */
export function validationDetail(target: string, error: ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path.map(String).join('.') || '(全部)';
  return `${PLACES[target] ?? '参数'}“${name}”无效:${issue?.message ?? '格式不对'}。`;
}

/** A new router for one feature's endpoints, mounted under /api/v1 by apiRoutes. */
export function apiRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw new AppError(400, 'bad_request', validationDetail(result.target, result.error));
    },
  });
}
