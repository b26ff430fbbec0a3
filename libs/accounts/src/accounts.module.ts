import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCOUNT_ENTITIES } from './account.entities';
import { AccountService } from './account.service';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyService } from './api-key.service';
import { AppSecretRepository } from './app-secret.repository';
import { LoginFailureRepository } from './login-failure.repository';
import { LoginThrottle } from './login-throttle';
import { MunicipalityRepository } from './municipality.repository';
import { MunicipalityService } from './municipality.service';
import { OrganisationRepository } from './organisation.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { WebSessionRepository } from './web-session.repository';
import { SecondFactorRepository } from './second-factor.repository';
import { SecondFactorService } from './second-factor.service';

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNT_ENTITIES)],
  providers: [
    AccountService,
    ApiKeyService,
    MunicipalityService,
    TokenService,
    PasswordHasher,
    LoginThrottle,
    OrganisationRepository,
    UserRepository,
    ApiKeyRepository,
    MunicipalityRepository,
    AppSecretRepository,
    WebSessionRepository,
    LoginFailureRepository,
    PasswordResetRepository,
    PasswordResetService,
    SecondFactorRepository,
    SecondFactorService,
  ],
  // The web session store is the web app's, but its table hangs off user_account: its queries live here.
  exports: [
    AccountService,
    ApiKeyService,
    MunicipalityService,
    TokenService,
    WebSessionRepository,
    AppSecretRepository,
    PasswordResetService,
    SecondFactorService,
  ],
})
export class AccountsModule {}
