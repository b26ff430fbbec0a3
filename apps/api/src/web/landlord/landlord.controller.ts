import { Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { html, page, sendPage } from '../layout';
import { type SignedInContext, t } from '../web-context';
import { Web, WebController } from '../web.guard';

@WebController('app/locaties', 'verhuurder')
export class LandlordPagesController {
  @Get()
  home(@Web() web: SignedInContext, @Res() reply: FastifyReply): void {
    sendPage(reply, web, page(web, { title: t(web, 'Locaties', 'Locations'), body: html`<p>${t(web, 'Binnenkort.', 'Coming soon.')}</p>` }));
  }
}
