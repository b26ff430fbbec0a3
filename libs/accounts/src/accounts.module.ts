import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCOUNT_ENTITIES } from './account.entities';
import { AccountService } from './account.service';
import { ApiKeyService } from './api-key.service';
import { LoginThrottle } from './login-throttle';
import { MunicipalityService } from './municipality.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNT_ENTITIES)],
  providers: [AccountService, ApiKeyService, MunicipalityService, TokenService, PasswordHasher, LoginThrottle],
  exports: [AccountService, ApiKeyService, MunicipalityService, TokenService],
})
export class AccountsModule {}
