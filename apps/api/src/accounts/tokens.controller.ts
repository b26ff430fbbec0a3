import { Body, Controller, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiCreatedResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccountService, SECOND_FACTOR_PROBLEM_TYPE } from '@keurmerk/accounts';
import { Access } from '../http/access';
import { CreateTokenDto, TokenDto } from './dto/token.dto';

@ApiTags('Authenticatie')
@Controller('v1/tokens')
export class TokensController {
  constructor(private readonly accounts: AccountService) {}

  @Post()
  @Access('anyone')
  @ApiOperation({ summary: 'Sign in: exchange e-mail and password for a short-lived access token' })
  @ApiCreatedResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    description:
      'Wrong credentials; or, for an account with a second factor, a missing or wrong `totp` ' +
      `(problem type ${SECOND_FACTOR_PROBLEM_TYPE}).`,
  })
  create(@Body() body: CreateTokenDto, @Req() request: FastifyRequest): Promise<TokenDto> {
    return this.accounts.signIn(body.email, body.wachtwoord, request.ip, body.totp);
  }
}
