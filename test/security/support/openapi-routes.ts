import type { TestApp } from '../../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface OpenApiOperation {
  /** "METHOD /path/{template}", paths relative to the server /v1: the key the tables use. */
  key: string;
  method: string;
  path: string;
  operation: { requestBody?: { content: Record<string, { schema: SchemaRef }> }; parameters?: unknown[]; security?: unknown[] };
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
  const documented = operationsOf(document)
    .filter(filter)
    .map((o) => o.key);
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
export function jsonFieldTypesOf(
  document: OpenApiDocument,
  operation: OpenApiOperation,
): Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'> {
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

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  'x-earliest'?: string;
  'x-latest'?: string;
};

/** A schema with its $ref (and a single allOf wrapper) followed. */
export function resolveSchema(document: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current && hops < 10; hops++) {
    if (current.$ref) current = document.components.schemas[current.$ref.split('/').pop()!] as Schema;
    else if (current.allOf?.length === 1 && !current.properties) current = current.allOf[0];
    else break;
  }
  return current;
}

/**
 * Every input the document leaves unbounded, by "METHOD /path location.name": a number without a
 * minimum and a maximum, a text without a maximum length (or a pattern or list of values that bounds
 * it), a date without its earliest and latest day (x-earliest, x-latest), a list without a maximum size.
 */
export function unboundedInputs(document: OpenApiDocument): string[] {
  const found: string[] = [];
  const check = (where: string, schema: Schema | undefined, seen: Set<Schema>) => {
    const resolved = resolveSchema(document, schema);
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const type = resolved.type ?? (resolved.properties ? 'object' : undefined);
    if (type === 'number' || type === 'integer') {
      if (resolved.minimum === undefined || resolved.maximum === undefined) found.push(`${where}: number without minimum and maximum`);
    } else if (type === 'string') {
      if (resolved.format === 'binary') return;
      if ((resolved.format === 'date' || resolved.format === 'date-time') && (!resolved['x-earliest'] || !resolved['x-latest'])) {
        found.push(`${where}: ${resolved.format} without x-earliest and x-latest`);
      }
      if (resolved.maxLength === undefined && !resolved.enum && !resolved.pattern && resolved.format !== 'uuid')
        found.push(`${where}: text without maxLength`);
    } else if (type === 'array') {
      if (resolved.maxItems === undefined) found.push(`${where}: list without maxItems`);
      check(`${where}[]`, resolved.items, seen);
    } else if (type === 'object') {
      for (const [name, property] of Object.entries(resolved.properties ?? {})) check(`${where}.${name}`, property, new Set(seen));
    } else if (type === undefined) {
      found.push(`${where}: no type`);
    }
  };
  for (const operation of operationsOf(document)) {
    for (const parameter of operation.operation.parameters ?? []) {
      check(
        `${operation.key} ${(parameter as { in: string }).in}.${(parameter as { name: string }).name}`,
        parameterSchema(parameter),
        new Set(),
      );
    }
    for (const [type, content] of Object.entries(operation.operation.requestBody?.content ?? {})) {
      check(`${operation.key} body(${type})`, content.schema as Schema, new Set());
    }
  }
  return found;
}

/** A parameter's schema, with the date bounds Nest's Swagger module puts beside it on the parameter. */
export function parameterSchema(parameter: unknown): Schema {
  const {
    schema,
    'x-earliest': earliest,
    'x-latest': latest,
  } = parameter as { schema?: Schema; 'x-earliest'?: string; 'x-latest'?: string };
  return { ...schema, ...(earliest ? { 'x-earliest': earliest } : {}), ...(latest ? { 'x-latest': latest } : {}) };
}
