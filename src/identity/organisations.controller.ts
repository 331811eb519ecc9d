import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateOrganisationDto } from './organisation.dto';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Permission } from './permissions';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Permission('system-admin')
  @Post()
  create(@Body() body: CreateOrganisationDto, @CurrentUser() user: AuthenticatedUser): Promise<Organisation> {
    return this.organisations.create(body, user);
  }

  /** Names and types of organisations are not sensitive, and every form that picks one needs the list. */
  @Permission(...ALL_ROLES)
  @Get()
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }
}
