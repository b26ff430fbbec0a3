import { Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { ApiKeysController } from './api-keys.controller';
import { MunicipalitiesController } from './municipalities.controller';
import { OrganisationsController } from './organisations.controller';
import { PasswordResetController } from './password-reset.controller';
import { TokensController } from './tokens.controller';
import { UsersController } from './users.controller';

@Module({
  imports: [AccountsModule],
  controllers: [
    TokensController,
    OrganisationsController,
    UsersController,
    ApiKeysController,
    MunicipalitiesController,
    PasswordResetController,
  ],
})
export class AccountsHttpModule {}
