import {
  BadRequestException,
  Body,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ROLE_NAMES } from '../../config/environment';
import { OrganisationsService } from '../../identity/organisations.service';
import { AuthenticatedUser, CurrentUser, Permission, Role } from '../../identity/permissions';
import { User } from '../../identity/user.entity';
import { UsersService } from '../../identity/users.service';
import { FormDrafts } from '../forms/form-drafts.service';
import { errorsFromService, FormErrors, validateForm } from '../forms/form';
import { paginationFor, parseListQuery, sortableHead } from '../lists/list-query';
import { AdminSection } from '../shell/contributions';
import { ROLE_LABELS } from '../shell/roles';
import { WebController } from '../shell/web-controller';
import { UserAccessForm, UserForm, VersionForm } from './admin.forms';
import { organisationItems, organisationNames } from './organisation-options';
import { temporaryPassword } from './temporary-password';
import { USER_LIST, UserListService } from './user-list.service';

const BASE = '/admin/users';
const USER_LABELS = {
  name: 'Full name',
  email: 'Email address',
  roles: 'Roles',
  organisationIds: 'Organisations',
};
const notFound = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

function roleItems(chosen: unknown) {
  const picked = new Set((Array.isArray(chosen) ? chosen : [chosen]).map(String));
  return ROLE_NAMES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: picked.has(role) }));
}

@AdminSection({
  title: 'Users',
  href: BASE,
  description:
    'Invite people, change their roles and organisations, deactivate them or unlock their sign-in.',
  roles: ['system-admin'],
  order: 10,
})
@Permission('system-admin')
@WebController('admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly list: UserListService,
    private readonly drafts: FormDrafts,
  ) {}

  @Get()
  async index(@Query() raw: Record<string, unknown>, @Res() res: Response) {
    const query = parseListQuery(raw, USER_LIST);
    const [{ users, total }, organisations] = await Promise.all([
      this.list.page(query),
      this.organisations.list(),
    ]);
    const names = organisationNames(organisations);
    res.render('admin/users/index.njk', {
      pageTitle: 'Users',
      total,
      filters: query.filters,
      roleOptions: ROLE_NAMES.map((role) => ({
        value: role,
        text: ROLE_LABELS[role],
        selected: query.filters.role === role,
      })),
      head: sortableHead(BASE, query, [
        { text: 'Name', sort: 'name' },
        { text: 'Email address', sort: 'email' },
        { text: 'Roles' },
        { text: 'Organisations' },
        { text: 'Status' },
      ]),
      users: users.map((u) => this.view(u, names)),
      pagination: paginationFor(BASE, query, total),
    });
  }

  @Get('new')
  newPage(@Query('draft') draft: unknown, @Res() res: Response) {
    return this.renderUserForm(res, 200, this.drafts.open(draft) ?? {});
  }

  @Post('new')
  async check(@Body() body: Record<string, unknown>, @Res() res: Response) {
    const outcome = await validateForm(UserForm, body, {
      anchors: { roles: 'roles', organisationIds: 'organisationIds' },
    });
    if (!outcome.valid) return this.renderUserForm(res, 400, outcome.values, outcome.errors);
    const answers = { ...outcome.value };
    const names = organisationNames(await this.organisations.list());
    const draft = this.drafts.seal(answers);
    const change = `${BASE}/new?draft=${encodeURIComponent(draft)}`;
    res.render('admin/users/check.njk', {
      pageTitle: 'Check the new user’s details',
      draft,
      rows: [
        { key: USER_LABELS.name, value: answers.name, href: `${change}#name` },
        { key: USER_LABELS.email, value: answers.email, href: `${change}#email` },
        {
          key: USER_LABELS.roles,
          value: answers.roles.map((r) => ROLE_LABELS[r]).join(', '),
          href: `${change}#roles`,
        },
        {
          key: USER_LABELS.organisationIds,
          value: answers.organisationIds.map((id) => names.get(id) ?? id).join(', ') || 'None',
          href: `${change}#organisationIds`,
        },
      ],
    });
  }

  @Post('new/confirm')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const draft = this.drafts.open(body.draft);
    if (!draft) return res.redirect(303, `${BASE}/new`);
    const outcome = await validateForm(UserForm, draft);
    if (!outcome.valid) return this.renderUserForm(res, 400, outcome.values, outcome.errors);
    const password = temporaryPassword(outcome.value);
    let user: User;
    try {
      user = await this.users.create({ ...outcome.value, password }, actor);
    } catch (error) {
      return this.renderUserForm(res, 400, draft, errorsFromService(error, USER_LABELS, 'email'));
    }
    res.render('admin/users/created.njk', { pageTitle: 'User invited', created: user, password });
  }

  @Get(':id')
  async show(@Param('id', notFound) id: string, @Res() res: Response) {
    const [user, organisations] = await Promise.all([this.requireUser(id), this.organisations.list()]);
    res.render('admin/users/show.njk', {
      pageTitle: user.name,
      person: this.view(user, organisationNames(organisations)),
    });
  }

  @Get(':id/access')
  async accessPage(@Param('id', notFound) id: string, @Res() res: Response) {
    const user = await this.requireUser(id);
    return this.renderAccessForm(res, 200, user, {
      roles: user.roles,
      organisationIds: user.organisationIds,
      version: user.version,
    });
  }

  @Post(':id/access')
  async changeAccess(
    @Param('id', notFound) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const user = await this.requireUser(id);
    const outcome = await validateForm(UserAccessForm, body);
    if (!outcome.valid) return this.renderAccessForm(res, 400, user, outcome.values, outcome.errors);
    try {
      await this.users.update(id, outcome.value, actor);
    } catch (error) {
      return this.renderAccessForm(res, 400, user, body, errorsFromService(error, USER_LABELS, 'roles'));
    }
    res.redirect(303, `${BASE}/${id}`);
  }

  /** Deactivating ends the person's sessions and tokens at once (identity's UsersService does it). */
  @Post(':id/deactivate')
  deactivate(
    @Param('id', notFound) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.versioned(id, body, actor, res, { active: false });
  }

  @Post(':id/reactivate')
  reactivate(
    @Param('id', notFound) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.versioned(id, body, actor, res, { active: true });
  }

  @Post(':id/unlock')
  unlock(
    @Param('id', notFound) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.versioned(id, body, actor, res, { unlock: true });
  }

  @Post(':id/reset-two-factor')
  async resetTwoFactor(
    @Param('id', notFound) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const outcome = await validateForm(VersionForm, body);
    if (!outcome.valid) throw new BadRequestException(['Reload the page and try again']);
    await this.users.resetMfa(actor, id, undefined, outcome.value.version);
    res.redirect(303, `${BASE}/${id}`);
  }

  private async versioned(
    id: string,
    body: Record<string, unknown>,
    actor: AuthenticatedUser,
    res: Response,
    patch: { active?: boolean; unlock?: boolean },
  ) {
    const outcome = await validateForm(VersionForm, body);
    if (!outcome.valid) throw new BadRequestException(['Reload the page and try again']);
    await this.users.update(id, { ...patch, version: outcome.value.version }, actor);
    res.redirect(303, `${BASE}/${id}`);
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No user with this id');
    return user;
  }

  private view(user: User, names: Map<string, string>) {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      active: user.active,
      mfaEnabled: user.mfaEnabled,
      version: user.version,
      roles: user.roles.map((role: Role) => ROLE_LABELS[role] ?? role),
      organisations: user.organisationIds.map((id) => names.get(id) ?? id),
      createdAt: user.createdAt,
    };
  }

  private async renderUserForm(
    res: Response,
    status: number,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const organisations = await this.organisations.list();
    res.status(status).render('admin/users/new.njk', {
      pageTitle: 'Invite a user',
      values,
      errors,
      roleItems: roleItems(values.roles),
      organisationItems: organisationItems(organisations, values.organisationIds, 'checked'),
    });
  }

  private async renderAccessForm(
    res: Response,
    status: number,
    user: User,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const organisations = await this.organisations.list();
    res.status(status).render('admin/users/access.njk', {
      pageTitle: `Change roles and organisations for ${user.name}`,
      person: { id: user.id, name: user.name },
      values,
      errors,
      roleItems: roleItems(values.roles),
      organisationItems: organisationItems(organisations, values.organisationIds, 'checked'),
    });
  }
}
