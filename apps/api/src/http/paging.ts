import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageRequest, pageLinks } from '@keurmerk/common';

/** Far beyond any collection here (100 × 1,000,000 rows); a larger number is a mistake or a probe. */
export const MAX_PAGE_NUMBER = 1_000_000;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_NUMBER, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  pagina?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  paginaGrootte?: number;
}

export function pageRequestOf(query: PageQueryDto): PageRequest {
  return { page: query.pagina ?? 1, pageSize: query.paginaGrootte ?? DEFAULT_PAGE_SIZE };
}

export interface Collection<T> {
  resultaten: T[];
  pagina: number;
  paginaGrootte: number;
  totaal: number;
}

/** Shapes a page as the contract's collection and sets the RFC 8288 Link header. */
export function collection<T, R>(request: FastifyRequest, reply: FastifyReply, page: Page<T>, present: (item: T) => R): Collection<R> {
  reply.header('Link', pageLinks(new URL(request.url, 'http://internal'), page));
  return { resultaten: page.items.map(present), pagina: page.page, paginaGrootte: page.pageSize, totaal: page.total };
}

/** Documents a 200 collection of `model` in the contract's shape. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function ApiCollectionResponse(model: Function): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: 'One page of the collection; see the Link header for the other pages.',
      schema: {
        type: 'object',
        required: ['resultaten', 'pagina', 'paginaGrootte', 'totaal'],
        properties: {
          resultaten: { type: 'array', items: { $ref: getSchemaPath(model) } },
          pagina: { type: 'integer', example: 1 },
          paginaGrootte: { type: 'integer', example: 20 },
          totaal: { type: 'integer', example: 57 },
        },
      },
    }),
  );
}
