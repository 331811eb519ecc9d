import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditQueryDto } from '../../audit/audit-query.dto';
import { AuditService } from '../../audit/audit.service';
import { AccessService } from '../../identity/access.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { UsersService } from '../../identity/users.service';
import { readDateInput } from '../forms/dates';
import { formErrors, validateForm } from '../forms/form';
import { listHref, parseListQuery } from '../lists/list-query';
import { AdminSection } from '../shell/contributions';
import { WebController } from '../shell/web-controller';

const BASE = '/admin/audit';
const PAGE_SIZE = 50;
const FILTERS = [
  'userId',
  'caseId',
  'action',
  'from-day',
  'from-month',
  'from-year',
  'to-day',
  'to-month',
  'to-year',
  'run',
] as const;
const LIST = {
  sorts: ['at'] as const,
  defaultSort: 'at' as const,
  defaultDirection: 'desc' as const,
  filters: FILTERS,
  pageSize: PAGE_SIZE,
};

/**
 * Audit search: system administrators search everything; CDOP admins and partnership managers the
 * events of their own cases. Each search is itself recorded by AuditService.search.
 */
@AdminSection({
  title: 'Audit trail',
  href: BASE,
  description: 'Who viewed or changed what, and when: search by user, case, action and date.',
  roles: ['system-admin', 'cdop-admin', 'partnership-manager'],
  order: 80,
})
@Permission('system-admin', 'cdop-admin', 'partnership-manager')
@WebController('admin/audit')
export class AdminAuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async search(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const query = parseListQuery(raw, LIST);
    const f = query.filters;
    const people = actor.roles.includes('system-admin') ? await this.users.list() : [];
    const model = {
      pageTitle: 'Audit trail',
      values: {
        userId: f.userId,
        caseId: f.caseId,
        action: f.action,
        from: { day: f['from-day'], month: f['from-month'], year: f['from-year'] },
        to: { day: f['to-day'], month: f['to-month'], year: f['to-year'] },
      },
      userItems: [
        { value: '', text: 'Anyone' },
        ...people.map((u) => ({ value: u.id, text: `${u.name} (${u.email})`, selected: u.id === f.userId })),
      ],
    };
    if (!f.run) return res.render('admin/audit/index.njk', model);

    const from = readDateInput('from', model.values.from, 'From');
    const to = readDateInput('to', model.values.to, 'To');
    const dateErrors = [from, to].flatMap((d, i) =>
      'error' in d ? [{ field: i === 0 ? 'from' : 'to', text: d.error, anchor: d.anchor }] : [],
    );
    const filter = {
      userId: f.userId,
      caseId: f.caseId,
      action: f.action,
      from: 'date' in from ? from.date : undefined,
      to: 'date' in to ? to.date : undefined,
      limit: Math.min(5000, query.page * PAGE_SIZE + 1),
    };
    const outcome = await validateForm(AuditQueryDto, filter, {
      labels: { caseId: 'Case', action: 'Action' },
    });
    if (dateErrors.length || !outcome.valid) {
      const errors = formErrors(
        [
          ...dateErrors,
          ...(outcome.valid
            ? []
            : outcome.errors.list.map((e) => ({ field: e.href.slice(1), text: e.text }))),
        ],
        { anchors: Object.fromEntries(dateErrors.map((e) => [e.field, e.anchor])) },
      );
      return res.status(400).render('admin/audit/index.njk', { ...model, errors });
    }
    const scope = actor.roles.includes('system-admin')
      ? null
      : await this.access.visibleOrganisationIds(actor);
    const events = await this.audit.search(outcome.value, scope, actor);
    const names = new Map(people.map((u) => [u.id, u.name]));
    const shown = events.slice(query.offset, query.offset + PAGE_SIZE);
    const more = events.length > query.offset + PAGE_SIZE;
    res.render('admin/audit/index.njk', {
      ...model,
      searched: true,
      events: shown.map((e) => ({
        ...e,
        who: e.userId ? (names.get(e.userId) ?? e.userId) : 'Nobody signed in',
        detailsText: Object.keys(e.details ?? {}).length ? JSON.stringify(e.details) : '',
      })),
      // The trail's size is not counted (it can be millions of rows): a page has a next one or not.
      pagination:
        query.page > 1 || more
          ? {
              previous:
                query.page > 1 ? { href: listHref(BASE, query, { page: query.page - 1 }) } : undefined,
              next: more ? { href: listHref(BASE, query, { page: query.page + 1 }) } : undefined,
            }
          : undefined,
    });
  }
}
