import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccessService } from '../identity/access.service';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { ClockDefaultsService, ClockDefaultView } from './clock-defaults.service';
import type { DeadlineView } from './deadline-view';
import { ChangeClockDefaultsDto, DeadlinesQuery } from './deadlines.dto';
import { DeadlinesService } from './deadlines.service';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api')
export class DeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly defaults: ClockDefaultsService,
    private readonly access: AccessService,
  ) {}

  /** Deadlines of the cases the caller may see, soonest first. */
  @Get('deadlines')
  @Permission(...ALL_ROLES)
  async list(
    @Query() query: DeadlinesQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DeadlineView[]> {
    // A reviewer reaches only the reviews they are commissioned for, never through their organisation.
    const organisational = user.roles.some((role) => role !== 'reviewer');
    const visible = organisational ? await this.access.visibleOrganisationIds(user) : [];
    return this.deadlines.listForOrganisations(visible, query);
  }

  /** The organisation's clock windows: its local defaults, and the statutory windows no one may change. */
  @Get('organisations/:id/clock-defaults')
  @Permission('cdop-admin', 'partnership-manager', 'system-admin')
  clockDefaults(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ClockDefaultView[]> {
    return this.defaults.list(id, user);
  }

  /** Sets local defaults; they apply to clocks started from now on. Statutory windows are refused. */
  @Put('organisations/:id/clock-defaults')
  @Permission('cdop-admin', 'partnership-manager')
  changeClockDefaults(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeClockDefaultsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ClockDefaultView[]> {
    return this.defaults.change(id, body.defaults, user);
  }
}
