import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from './problem';

type Operation = { parameters?: unknown[]; security?: unknown[]; responses: Record<string, Record<string, unknown>> };

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference', example: 'https://keurmerk.nl/problemen/400' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request contains invalid input.' },
    instance: { type: 'string', example: '/v1/locaties' },
    invalidParams: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'code', 'reason'],
        properties: {
          name: { type: 'string', example: 'adres.postcode' },
          code: { type: 'string', example: 'pattern' },
          reason: { type: 'string', example: 'Postcode must be four digits and two letters, e.g. 1234AB.' },
        },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input; every problem is listed in invalidParams.',
  '401': 'Authentication is missing or invalid.',
  '403': 'Authenticated, but not allowed to do this.',
  '404': 'Not found, or not yours to see.',
  '409': 'The resource is in a state that does not allow this.',
  '429': 'Too many requests; retry after the Retry-After seconds.',
  '500': 'Unexpected error; the body holds no internals.',
  '503': 'A dependency is unavailable; try again later.',
};

/** The API's OpenAPI 3 document, generated from the controllers and completed with the contract's conventions. */
export function buildOpenApiDocument(app: INestApplication, publicBaseUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Keurmerk API')
    .setDescription(
      'The national quality mark for the housing of labour migrants: applications, audits, certificates and public verification.',
    )
    .setVersion(API_VERSION)
    .setContact('Keurmerk', 'https://keurmerk.nl', 'api@keurmerk.nl')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer(`${publicBaseUrl}/v1`)
    .addTag('Authenticatie', 'Sign-in for people; municipal systems use API keys.')
    .addTag('Beheer', 'Scheme administration: organisations, users, keys, health.')
    .addTag('Referentiegegevens', 'Reference data such as the current municipalities.')
    .addTag('Normen', 'The norm: versions, concepts and publication.')
    .addTag('Locaties', 'Locations, applications and their documents.')
    .addTag('Inspecties', 'Inspections, answers, evidence, submissions, decisions and findings.')
    .addTag('Certificaten', 'Certificates, their PDFs, credentials and status changes.')
    .addTag('Verificatie', 'Public verification: the permit precondition check, in bulk, of PDFs, the open register.')
    .addTag('Toezicht', 'Surveillance: planning requests for the inspections that must happen, and the random sample.')
    .addTag('Bezwaren', 'Objections against a refusal, a suspension or a withdrawal, decided by an uninvolved certificeerder.')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return completeDocument(document);
}

/**
 * Paths become relative to the versioned server URL; every success response declares API-Version;
 * every operation can answer 400 and 500 (and 401/403 when secured, 404 when addressed by a
 * parameter), always as problem+json.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    paths[path.slice(3)] = item;
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const secured = (operation.security?.length ?? 0) > 0;
      const wanted = ['400', '500'];
      if (secured) wanted.push('401', '403');
      if (path.includes('{')) wanted.push('404');
      for (const status of wanted) operation.responses[status] ??= { description: ERROR_DESCRIPTIONS[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[23]\d\d$/.test(status)) {
          response.headers = { ...(response.headers as object), 'API-Version': { $ref: '#/components/headers/API-Version' } };
        } else if (/^[45]\d\d$/.test(status)) {
          response.description ??= ERROR_DESCRIPTIONS[status] ?? 'Error';
          response.content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
        }
      }
    }
  }
  document.paths = paths;
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA as never };
  document.components.headers = {
    'API-Version': { description: 'The full version of the API that answered.', schema: { type: 'string', example: API_VERSION } },
  };
  return document;
}
