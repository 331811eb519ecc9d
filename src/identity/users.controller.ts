import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessService } from './access.service';
import { AuthenticatedUser, CurrentUser, Permission } from './permissions';
import { CreateUserDto, ResetMfaDto, UpdateUserDto } from './user.dto';
import { toUserView, UserView } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly access: AccessService,
  ) {}

  @Permission('system-admin')
  @Post()
  async create(@Body() body: CreateUserDto, @CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return toUserView(await this.users.create(body, user));
  }

  @Permission('system-admin', 'cdop-admin', 'partnership-manager')
  @Get()
  @ApiOperation({ summary: 'All users (system-admin), or the users of the organisations you can see' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<UserView[]> {
    const scope = user.roles.includes('system-admin')
      ? undefined
      : await this.access.visibleOrganisationIds(user);
    return (await this.users.list(scope)).map(toUserView);
  }

  @Permission('system-admin')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change roles, organisations or active; deactivating ends sessions and tokens at once',
  })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, body, user));
  }

  @Permission('system-admin')
  @Post(':id/mfa/reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reset two-factor authentication for someone who lost their phone',
    description:
      'Removes the authenticator app and ends all their sessions and tokens; their next sign-in asks them ' +
      'to set up an app again if their role needs one. Audited as admin.user-mfa-reset.',
  })
  async resetMfa(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResetMfaDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(await this.users.resetMfa(user, id, undefined, body.version));
  }
}
