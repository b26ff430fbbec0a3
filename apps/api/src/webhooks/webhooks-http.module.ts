import { Module } from '@nestjs/common';
import { WebhooksModule } from '@keurmerk/webhooks';
import { SubscriptionsController } from './subscriptions.controller';

@Module({ imports: [WebhooksModule], controllers: [SubscriptionsController] })
export class WebhooksHttpModule {}
