import { Injectable, NotFoundException } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { In, LessThanOrEqual } from 'typeorm';
import { addDays } from '../calendar/iso-date';
import { assertVersion } from '../common/optimistic-lock';
import { AppConfig } from '../config/app-config';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { casePagePath } from './case-path';
import { CaseStore } from './case-store.service';
import type { ActionQueryDto, UpdateActionDto } from './dto/panel.dto';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { TrackedAction } from './entities/tracked-action.entity';
import { NoticesService } from './notices.service';

const ACTION_NOT_FOUND = 'No action with this id was found, or you do not have access to it';
/** How long before its due date an open action is first brought to the CDOP administrator's attention. */
export const ACTION_REMINDER_DAYS = 14;

/** The CDOP's recommendations as tracked items (WT "Statutory requirements": those who must act are told). */
@Injectable()
export class TrackedActionsService {
  constructor(
    private readonly store: CaseStore,
    private readonly access: AccessService,
    private readonly notices: NoticesService,
    private readonly config: AppConfig,
  ) {}

  async list(user: AuthenticatedUser, query: ActionQueryDto) {
    const visible = await this.access.visibleOrganisationIds(user);
    if (!visible.length) return [];
    const qb = this.store.dataSource
      .getRepository(TrackedAction)
      .createQueryBuilder('a')
      .innerJoin(ChildDeathCase, 'c', 'c.id = a.caseId')
      .addSelect('c.reference', 'reference')
      .where('(c.owningCdopId = ANY(:visible::uuid[]) OR c.sharedWithCdopIds && :visible::uuid[])', {
        visible,
      });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.caseId) qb.andWhere('a.caseId = :caseId', { caseId: query.caseId });
    const { entities, raw } = await qb
      .orderBy('a.dueDate', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(500)
      .getRawAndEntities();
    const today = this.store.today();
    return entities.map((a, i) => ({
      ...a,
      caseReference: (raw[i] as { reference: string }).reference,
      overdue: (a.status === 'open' || a.status === 'in-progress') && a.dueDate < today,
    }));
  }

  async update(user: AuthenticatedUser, actionId: string, body: UpdateActionDto) {
    return this.store.transaction(async (m) => {
      const found = await m.getRepository(TrackedAction).findOneBy({ id: actionId });
      if (!found) throw new NotFoundException(ACTION_NOT_FOUND);
      const c = await this.store.forChange(m, user, found.caseId, ['cdop-admin']);
      const action = await m
        .getRepository(TrackedAction)
        .findOneOrFail({ where: { id: actionId }, lock: { mode: 'pessimistic_write' } });
      assertVersion(action, body.version, 'action');
      const before = { status: action.status, completedOn: action.completedOn, note: action.statusNote };
      action.status = body.status;
      action.completedOn = body.status === 'completed' ? (body.completedOn ?? this.store.today()) : null;
      action.statusNote = body.note ?? action.statusNote;
      const saved = await m.getRepository(TrackedAction).save(action);
      await this.store.save(
        m,
        user,
        c,
        'action-updated',
        {
          [`actions.${action.id}`]: {
            before,
            after: { status: saved.status, completedOn: saved.completedOn, note: saved.statusNote },
          },
        },
        { actionId: action.id },
      );
      return saved;
    });
  }

  @Cron(CronExpression.EVERY_DAY_AT_7AM, { timeZone: 'Europe/London' })
  async dailyReminders(): Promise<void> {
    if (this.config.SCHEDULER_ENABLED) await this.remindDueActions();
  }

  /**
   * Reminds the owning CDOP's administrators of open actions due within ACTION_REMINDER_DAYS, and again
   * once overdue. Safe to run any number of times a day: each reminder is recorded once.
   */
  async remindDueActions(): Promise<number> {
    const today = this.store.today();
    return this.store.transaction(async (m) => {
      const actions = await m.getRepository(TrackedAction).find({
        where: {
          status: In(['open', 'in-progress']),
          dueDate: LessThanOrEqual(addDays(today, ACTION_REMINDER_DAYS)),
        },
      });
      let sent = 0;
      for (const action of actions) {
        const c = await m.getRepository(ChildDeathCase).findOneByOrFail({ id: action.caseId });
        const admins = await this.notices.usersWithRole(m, 'cdop-admin', [c.owningCdopId]);
        const overdue = action.dueDate < today;
        sent += await this.notices.send(
          m,
          admins.map((a) => a.id),
          {
            caseId: c.id,
            kind: 'action-due',
            key: `action-${overdue ? 'overdue' : 'due'}:${action.id}:${action.dueDate}`,
            message: overdue
              ? `An action from the CDOP review of case ${c.reference} is overdue (due ${action.dueDate}).`
              : `An action from the CDOP review of case ${c.reference} is due on ${action.dueDate}.`,
            link: casePagePath(c.id),
          },
        );
      }
      return sent;
    });
  }
}
