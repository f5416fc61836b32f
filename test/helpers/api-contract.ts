import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Every HTTP answer a test server gives under /api is checked against the server's own OpenAPI
 * document (/api/openapi.json): the status is documented for that method and path, the content
 * type is the documented one, and a JSON body matches the documented schema. A national system
 * that generates its client from the document must be able to trust it. Violations are collected
 * here; the root hooks fail the test during which they happened.
 */

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
  components?: { schemas?: Record<string, unknown> };
}

interface Answer {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: string | undefined;
}

const violations: string[] = [];

/** The violations seen since the last call, each once. */
export function takeContractViolations(): string[] {
  const seen = [...new Set(violations)];
  violations.length = 0;
  return seen;
}

interface Route {
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  private readonly validators = new Map<unknown, ValidateFunction>();
  private readonly routes: Route[];

  constructor(private readonly document: OpenApiDocument) {
    this.ajv.addSchema({ $id: 'doc', components: document.components ?? {} });
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    }));
  }

  private route(path: string): Route | undefined {
    return this.routes.filter((r) => r.pattern.test(path)).sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  private validator(schema: unknown): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      // Component references point into the document registered as "doc".
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/')) as object;
      validate = this.ajv.compile(rewritten);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  check(answer: Answer): string | undefined {
    const where = `${answer.method} ${answer.path} → ${answer.status}`;
    const route = this.route(answer.path);
    if (!route) return answer.status === 404 ? undefined : `${where}: the path is not documented`;
    const operation = this.document.paths[route.template]?.[answer.method.toLowerCase()];
    if (!operation)
      return answer.status === 405
        ? undefined
        : `${where}: ${answer.method} is not documented for ${route.template} (expected 405)`;
    const response = operation.responses[String(answer.status)] ?? operation.responses.default;
    if (!response) return `${where}: status ${answer.status} is not documented for ${answer.method} ${route.template}`;
    const documented = Object.keys(response.content ?? {});
    const type = answer.contentType.split(';')[0]?.trim() ?? '';
    if (documented.length === 0) return answer.body ? `${where}: a body is sent but none is documented` : undefined;
    if (!documented.includes(type))
      return `${where}: content type ${type || '(none)'} is not the documented ${documented.join(', ')}`;
    const schema = response.content?.[type]?.schema;
    if (type !== 'application/json' || schema === undefined) return undefined;
    let body: unknown;
    try {
      body = answer.body ? JSON.parse(answer.body) : undefined;
    } catch {
      return `${where}: the body is not JSON`;
    }
    const validate = this.validator(schema);
    if (validate(body)) return undefined;
    const first = validate.errors?.[0];
    return `${where}: the body does not match the documented schema (${first?.instancePath || '/'} ${first?.message ?? ''})`;
  }
}

/** Starts checking the answers of `http` (a test server) against its document, fetched from `url`. */
export async function watchApiContract(http: Server, url: string): Promise<void> {
  const document = (await fetch(`${url}/api/openapi.json`).then((r) => r.json())) as OpenApiDocument;
  const checker = new ContractChecker(document);
  http.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith('/api/') || path === '/api/openapi.json') return;
    const chunks: Buffer[] = [];
    let size = 0;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown): void => {
      if (chunk === undefined || typeof chunk === 'function' || size > 4_000_000) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      chunks.push(buffer);
    };
    res.write = ((...args: unknown[]) => {
      keep(args[0]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      keep(args[0]);
      return end(...args);
    }) as typeof res.end;
    res.once('finish', () => {
      const contentType = String(res.getHeader('content-type') ?? '');
      const body =
        size > 4_000_000 || !/json/.test(contentType)
          ? size > 0
            ? '(not read)'
            : undefined
          : Buffer.concat(chunks).toString('utf8') || undefined;
      const problem = checker.check({ method: req.method ?? 'GET', path, status: res.statusCode, contentType, body });
      if (problem) violations.push(problem);
    });
  });
}
