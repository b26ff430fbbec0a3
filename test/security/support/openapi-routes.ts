import type { TestApp } from '../../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface OpenApiOperation {
  /** "METHOD /path/{template}", paths relative to the server /v1: the key the tables use. */
  key: string;
  method: string;
  path: string;
  operation: { requestBody?: { content: Record<string, { schema: SchemaRef }> }; parameters?: unknown[] };
}

type SchemaRef = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation['operation']>>;
  components: { schemas: Record<string, SchemaRef> };
}

/** The document the running app serves, which is what clients program against. */
export async function fetchOpenApi(t: TestApp): Promise<OpenApiDocument> {
  const response = await t.http.get('/v1/openapi.json').expect(200);
  return response.body as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): OpenApiOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, operation: item[m] })),
  );
}

/** The top-level JSON field names of an operation's request body, as the document declares them. */
export function jsonFieldsOf(document: OpenApiDocument, operation: OpenApiOperation): string[] {
  const schema = operation.operation.requestBody?.content['application/json']?.schema;
  if (!schema) return [];
  const resolved = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
  return Object.keys(resolved?.properties ?? {});
}

/** Routes in one list and not the other, both ways, for a table that must name every route exactly. */
export function tableDrift(document: OpenApiDocument, tableKeys: string[], filter: (operation: OpenApiOperation) => boolean = () => true) {
  const documented = operationsOf(document).filter(filter).map((o) => o.key);
  return {
    missingFromTable: documented.filter((k) => !tableKeys.includes(k)).sort(),
    notInDocument: tableKeys.filter((k) => !documented.includes(k)).sort(),
  };
}

/** Whether a call addresses the route `key` ("METHOD /path/{template}"), so a row cannot test another route. */
export function callsRoute(call: { method: string; path: string }, key: string): boolean {
  const [method, template] = key.split(' ');
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return call.method === method && pattern.test(call.path);
}

/** The declared type of each top-level JSON field of an operation's request body. */
export function jsonFieldTypesOf(document: OpenApiDocument, operation: OpenApiOperation): Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'> {
  const schema = operation.operation.requestBody?.content['application/json']?.schema;
  const resolved = schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
  const properties = (resolved?.properties ?? {}) as Record<string, { type?: string }>;
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const type = property.type === 'integer' ? 'number' : property.type;
      return [name, type === 'string' || type === 'number' || type === 'boolean' || type === 'array' ? type : 'object'];
    }),
  );
}
