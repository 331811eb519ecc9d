import {
  Body,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { errorsFromService, FormErrors, formErrors } from '../web/forms/form';
import { AdminSection } from '../web/shell/contributions';
import { WebController } from '../web/shell/web-controller';
import { ClockDefaultsService, ClockDefaultView } from './clock-defaults.service';
import type { ClockUnit } from './rules/clock-rules';

const BASE = '/admin/clock-defaults';
const UNITS: Record<ClockUnit, string> = {
  WD: 'working days',
  CD: 'calendar days',
  H: 'hours',
  M: 'months',
  Y: 'years',
};

/** The clock windows of a CDOP or partnership: the local defaults it may set, and the statutory ones. */
@AdminSection({
  title: 'Local default windows',
  href: BASE,
  description:
    'The windows a CDOP or safeguarding partnership sets for its own clocks; statutory windows are fixed.',
  roles: ['system-admin', 'cdop-admin', 'partnership-manager'],
  order: 50,
})
@Permission('system-admin', 'cdop-admin', 'partnership-manager')
@WebController('admin/clock-defaults')
export class ClockDefaultsPagesController {
  constructor(private readonly defaults: ClockDefaultsService) {}

  @Get()
  async index(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const owners = await this.defaults.ownersFor(user);
    if (owners.length === 1) return res.redirect(303, `${BASE}/${owners[0].id}`);
    res.render('deadlines/clock-defaults-index.njk', { pageTitle: 'Local default windows', owners });
  }

  @Get(':id')
  async show(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('saved') saved: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    return this.render(res, 200, id, user, { saved: saved === '1' });
  }

  @Post(':id')
  async change(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const current = await this.defaults.list(id, user);
    const editable = current.filter((rule) => rule.editable);
    const typed = Object.fromEntries(
      editable.map((rule) => [rule.ruleId, String(body[`amount-${rule.ruleId}`] ?? '').trim()]),
    );
    const problems = editable.flatMap((rule) => {
      const text = typed[rule.ruleId];
      return /^\d{1,4}$/.test(text) && Number(text) >= 1 && Number(text) <= 1000
        ? []
        : [
            {
              field: `amount-${rule.ruleId}`,
              text: `Enter ${rule.ruleId} as a whole number of ${UNITS[rule.unit]} from 1 to 1000`,
            },
          ];
    });
    if (problems.length) return this.render(res, 400, id, user, { typed, errors: formErrors(problems) });
    try {
      await this.defaults.change(
        id,
        editable.map((rule) => ({ ruleId: rule.ruleId, amount: Number(typed[rule.ruleId]) })),
        user,
      );
    } catch (error) {
      return this.render(res, 400, id, user, { typed, errors: errorsFromService(error, {}, 'defaults') });
    }
    res.redirect(303, `${BASE}/${id}?saved=1`);
  }

  private async render(
    res: Response,
    status: number,
    id: string,
    user: AuthenticatedUser,
    options: { saved?: boolean; typed?: Record<string, string>; errors?: FormErrors },
  ) {
    const owner = (await this.defaults.ownersFor(user)).find((o) => o.id === id);
    if (!owner) {
      if (user.roles.includes('system-admin'))
        throw new NotFoundException('No CDOP or partnership with this id');
      throw new ForbiddenException('You can only see the windows of your own CDOP or partnership');
    }
    const rules = await this.defaults.list(id, user);
    const row = (rule: ClockDefaultView) => ({
      ...rule,
      unitText: UNITS[rule.unit],
      value: options.typed?.[rule.ruleId] ?? String(rule.amount),
      error: options.errors?.byField[`amount-${rule.ruleId}`],
    });
    res.status(status).render('deadlines/clock-defaults.njk', {
      pageTitle: options.errors ? `Error: Windows of ${owner.name}` : `Windows of ${owner.name}`,
      owner,
      saved: options.saved,
      errors: options.errors,
      local: rules.filter((rule) => rule.editable).map(row),
      statutory: rules.filter((rule) => !rule.editable).map(row),
    });
  }
}
