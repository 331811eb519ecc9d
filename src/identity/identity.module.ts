import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { LockoutService } from './lockout.service';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User])],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessService,
    LockoutService,
    OrganisationsService,
    SessionService,
    TokenService,
    UsersService,
  ],
  exports: [AccessService, OrganisationsService, SessionService, TokenService, UsersService],
})
export class IdentityModule {}
