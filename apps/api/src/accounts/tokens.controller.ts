import { Body, Controller, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService } from '@keurmerk/accounts';
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
  create(@Body() body: CreateTokenDto, @Req() request: FastifyRequest): Promise<TokenDto> {
    return this.accounts.signIn(body.email, body.wachtwoord, request.ip);
  }
}
