import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '@keurmerk/common';
import { pingDatabase } from '@keurmerk/database';
import { ObjectStorage } from '@keurmerk/storage';
import { Access } from '../http/access';

class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ enum: ['ok'] })
  database: 'ok';

  @ApiProperty({ enum: ['ok'] })
  objectStore: 'ok';
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

@ApiTags('Beheer')
@Controller('v1/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: ObjectStorage,
  ) {}

  @Get()
  @Access('anyone')
  @ApiOperation({ summary: 'Ready when the database and the object store answer' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database or the object store does not answer.' })
  async check(): Promise<HealthDto> {
    const [database, objectStore] = await Promise.all([
      withTimeout(pingDatabase(this.db)).then(
        () => true,
        () => false,
      ),
      withTimeout(this.storage.ping()).then(
        () => true,
        () => false,
      ),
    ]);
    if (!database || !objectStore) {
      const down = [database ? null : 'database', objectStore ? null : 'object store'].filter(Boolean).join(' and ');
      throw AppException.unavailable(`The ${down} does not answer.`);
    }
    return { status: 'ok', database: 'ok', objectStore: 'ok' };
  }
}
