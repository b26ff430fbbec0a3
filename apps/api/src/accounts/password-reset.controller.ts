import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PasswordResetService } from '@keurmerk/accounts';
import { Access } from '../http/access';
import { CompletePasswordResetDto, RequestPasswordResetDto } from './dto/password-reset.dto';

@ApiTags('Authenticatie')
@Controller('v1/wachtwoordherstel')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  @Access('anyone')
  @ApiOperation({
    summary: 'Ask for a password reset link by e-mail',
    description:
      'Always 202, whether the address has an account or not, after the same minimum time. A known, active account is ' +
      'sent a link that works once, for one hour; at most three links an hour per account.',
  })
  @ApiAcceptedResponse({ description: 'Accepted: if the address has an account, a link is on its way.' })
  async request(@Body() body: RequestPasswordResetDto): Promise<void> {
    await this.resets.request(body.email);
  }

  @Post(':token')
  @HttpCode(204)
  @Access('anyone')
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description: 'Ends every web session and access token of the user. An unknown token is 400; a used or expired one 410.',
  })
  @ApiParam({ name: 'token', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', minLength: 43, maxLength: 43 } })
  @ApiNoContentResponse({ description: 'The password is set.' })
  async complete(@Param('token') token: string, @Body() body: CompletePasswordResetDto): Promise<void> {
    await this.resets.complete(token, body.nieuwWachtwoord);
  }
}
