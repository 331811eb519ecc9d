import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { FirstAdminService } from './first-admin.service';
import { IdentityDemoSeeder } from './identity-demo.seeder';
import { LockoutService } from './lockout.service';
import { IdentityMaintenance } from './maintenance.service';
import { MfaService } from './mfa.service';
import { Organisation } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User])],
  controllers: [AuthController, OrganisationsController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessService,
    AuthService,
    FirstAdminService,
    IdentityDemoSeeder,
    IdentityMaintenance,
    LockoutService,
    MfaService,
    OrganisationsService,
    SessionService,
    TokenService,
    UsersService,
  ],
  exports: [
    AccessService,
    AuthService,
    MfaService,
    OrganisationsService,
    SessionService,
    TokenService,
    UsersService,
  ],
})
export class IdentityModule {}
