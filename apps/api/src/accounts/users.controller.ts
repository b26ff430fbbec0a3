import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountService, type PersonPrincipal } from '@keurmerk/accounts';
import { actorOf } from '@keurmerk/events';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { ChangePasswordDto, CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';

@ApiTags('Beheer')
@Controller('v1/gebruikers')
export class UsersController {
  constructor(private readonly accounts: AccountService) {}

  @Post()
  @Access('beheerder')
  @ApiOperation({ summary: 'Create a user with one role' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto, @Caller() caller: PersonPrincipal): Promise<UserDto> {
    return UserDto.of(
      await this.accounts.createUser(
        {
          email: body.email,
          password: body.wachtwoord,
          name: body.naam,
          role: body.rol,
          organisationId: body.organisatieId,
          municipalityCode: body.gemeentecode,
          accreditationValidUntil: body.accreditatieGeldigTot,
        },
        actorOf(caller),
      ),
    );
  }

  @Get()
  @Access('beheerder')
  @ApiOperation({ summary: 'List users' })
  @ApiCollectionResponse(UserDto)
  async list(
    @Query() query: UserQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<UserDto>> {
    const page = await this.accounts.listUsers(pageRequestOf(query), { role: query.rol, organisationId: query.organisatieId });
    return collection(request, reply, page, UserDto.of);
  }

  @Get('mij')
  @Access('beheerder', 'auditor', 'certificeerder', 'verhuurder', 'gemeente')
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: UserDto })
  async me(@Caller() caller: PersonPrincipal): Promise<UserDto> {
    return UserDto.of(await this.accounts.getUser(caller.userId));
  }

  @Post('mij/wachtwoord')
  @HttpCode(204)
  @Access('beheerder', 'auditor', 'certificeerder', 'verhuurder', 'gemeente')
  @ApiOperation({ summary: 'Change your own password: every other session and token of yours ends' })
  @ApiNoContentResponse()
  async changePassword(@Body() body: ChangePasswordDto, @Caller() caller: PersonPrincipal, @Req() request: FastifyRequest): Promise<void> {
    await this.accounts.changePassword(caller, {
      currentPassword: body.huidigWachtwoord,
      newPassword: body.nieuwWachtwoord,
      client: request.ip,
    });
  }

  @Patch(':id')
  @Access('beheerder')
  @ApiOperation({ summary: 'Deactivate or reactivate, rename, renew or end the accreditation of a user' })
  @ApiOkResponse({ type: UserDto })
  async update(@UuidParam() id: string, @Body() body: UpdateUserDto, @Caller() caller: PersonPrincipal): Promise<UserDto> {
    return UserDto.of(
      await this.accounts.updateUser(caller, id, {
        active: body.actief,
        name: body.naam,
        accreditationValidUntil: body.accreditatieGeldigTot,
      }),
    );
  }

  @Get(':id')
  @Access('beheerder')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  async get(@UuidParam() id: string): Promise<UserDto> {
    return UserDto.of(await this.accounts.getUser(id));
  }
}
