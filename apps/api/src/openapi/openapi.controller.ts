import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../http/access';

/** Holds the document built at start-up; serving it from a route keeps it in the document itself. */
export class OpenApiDocumentHolder {
  document: object = {};
}

@ApiTags('Beheer')
@Controller('v1/openapi.json')
export class OpenApiController {
  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get()
  @Access('anyone')
  @Header('Access-Control-Allow-Origin', '*')
  @ApiOperation({ summary: 'This API described in OpenAPI 3.0' })
  @ApiOkResponse({
    description: 'The OpenAPI document.',
    schema: { type: 'object' },
    headers: {
      'access-control-allow-origin': { description: 'Any origin may read this document.', schema: { type: 'string', example: '*' } },
    },
  })
  get(): object {
    return this.holder.document;
  }
}
