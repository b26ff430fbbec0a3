import { Global, Module } from '@nestjs/common';
import { EventLog } from './event-log';
import { EventLogRepository } from './event-log.repository';

@Global()
@Module({ providers: [EventLog, EventLogRepository], exports: [EventLog] })
export class EventsModule {}
