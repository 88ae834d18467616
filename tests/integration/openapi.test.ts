// The OpenAPI document of /api/v1 is valid OpenAPI 3.1 (@readme/openapi-parser, every rule an
// error) and complete: each api.v1.* route module, and each method it answers, is an operation of
// the document, and the document lists nothing the routes do not answer. Which methods a module
// answers is found by calling it, as Remix would: its loader for GET, its action for the others;
// 405 means not answered. So a new endpoint, or a new method on an old one, fails here until it is
// documented.
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import * as openapiRoute from '~/routes/api.v1.openapi[.]json';
import { createApiToken } from '~/server/api-tokens.server';
import { makeUser, makeWorkspace, ORIGIN } from '../support/factories';
import { routeModules } from '../support/route-modules';

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
type RouteModule = { loader?: Handler; action?: Handler };

/** The document itself is not one of its operations. */
const DOCUMENT_PATH = '/api/v1/openapi.json';
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** `api.v1.projects.$id.business-case.ts` -> `/api/v1/projects/{id}/business-case`; `openapi[.]json` -> `openapi.json`. */
function routePath(file: string) {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split(/(?<!\[)\.(?!\])/)
    .map((segment) => segment.replaceAll('[.]', '.').replace(/_$/, ''));
  return `/${segments.map((s) => (s.startsWith('$') ? `{${s.slice(1)}}` : s)).join('/')}`;
}

async function status(response: unknown) {
  return response instanceof Response ? response.status : 200;
}

async function call(handler: Handler, request: Request, params: Record<string, string>) {
  try {
    return await status(await handler({ request, params, context: {} }));
  } catch (thrown) {
    // Refusals are thrown as Responses (problem documents); anything else is a bug to see.
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function loadDocument() {
  const res = (await openapiRoute.loader()) as Response;
  expect(res.status).toBe(200);
  return (await res.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
    components: { securitySchemes: Record<string, unknown> };
  };
}

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by @readme/openapi-parser, with every rule an error', async () => {
    const doc = await loadDocument();
    expect(doc.openapi).toBe('3.1.0');
    const rule = 'error' as const;
    const result = await validate(structuredClone(doc) as never, {
      validate: {
        rules: {
          openapi: {
            'array-without-items': rule,
            'duplicate-non-request-body-parameters': rule,
            'duplicate-operation-id': rule,
            'non-optional-path-parameters': rule,
            'path-parameters-not-in-parameters': rule,
            'path-parameters-not-in-path': rule,
            'unknown-required-schema-property': rule,
          },
        },
      },
    });
    expect(result.valid, compileErrors(result)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
    expect(result.warnings).toEqual([]);
  });

  it('lists each api.v1 route module and each method it answers, and nothing else', async () => {
    const doc = await loadDocument();
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    // A write token gets past every scope check, so only the method decides between 405 and the rest.
    const { secret } = await createApiToken(ws.id, owner.id, { name: 'OpenAPI coverage', scope: 'read_write', expiresAt: null });
    const handled = new Set<string>();
    const modules = Object.entries(routeModules<RouteModule>()).filter(([file]) => file.startsWith('api.v1.'));
    expect(modules.length).toBeGreaterThanOrEqual(11);
    for (const [file, module] of modules) {
      const path = routePath(file);
      if (path === DOCUMENT_PATH) continue;
      // Path parameters get a well-formed id that names nothing: 404 is an answer, 405 is not.
      const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, crypto.randomUUID()]));
      const url = new URL(
        path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!),
        ORIGIN,
      );
      const headers = { Authorization: `Bearer ${secret}` };
      if (module.loader && (await call(module.loader, new Request(url, { headers }), params)) !== 405) handled.add(`get ${path}`);
      for (const method of WRITE_METHODS) {
        if (!module.action) break;
        // An empty object is invalid for every write: the answer is a refusal, nothing is written.
        const request = new Request(url, { method: method.toUpperCase(), headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
        if ((await call(module.action, request, params)) !== 405) handled.add(`${method} ${path}`);
      }
    }
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)));
    expect(
      [...handled].filter((op) => !documented.has(op)),
      'answered by a route but not in the document',
    ).toEqual([]);
    expect(
      [...documented].filter((op) => !handled.has(op)),
      'in the document but answered by no route',
    ).toEqual([]);
    expect(handled).toContain('post /api/v1/kpi-values');
    expect(handled).toContain('patch /api/v1/measures/{id}');
  });

  it('every operation needs the bearer token and documents 401', async () => {
    const doc = await loadDocument();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        expect(operation.responses['401'], `${method} ${path}`).toBeDefined();
      }
    }
  });
});
