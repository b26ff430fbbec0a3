import { Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MAIL_STATUSES, MailService, type MailStatus } from '@keurmerk/mail';
import { sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, uuidOr404 } from '../shared/page-parts';
import { mailListPage, mailPage } from './admin-mail.views';

type Fields = Record<string, unknown>;

/** The outbox for the beheerder: on the embedded default the only place mail is read; with SMTP, what went and what failed. */
@WebController('app/beheer/e-mail', 'beheerder')
export class AdminMailController {
  constructor(private readonly mail: MailService) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const status = MAIL_STATUSES.includes(query.status as MailStatus) ? (query.status as MailStatus) : undefined;
    const found = await this.mail.list(pageRequest(query.pagina), status);
    sendPage(reply, web, mailListPage(web, { found, status, sending: this.mail.sending }));
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, web, mailPage(web, await this.mail.get(uuidOr404(id, 'The mail'))));
  }
}
