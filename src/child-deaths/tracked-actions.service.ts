import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertVersion } from '../common/optimistic-lock';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CaseStore } from './case-store.service';
import type { ActionQueryDto, UpdateActionDto } from './dto/panel.dto';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { TrackedAction } from './entities/tracked-action.entity';
import { instantOn } from './when';

const ACTION_NOT_FOUND = 'No action with this id was found, or you do not have access to it';

/**
 * The CDOP's recommendations as tracked items (WT "Statutory requirements": those who must act are told).
 * Each action runs a CDR-ACTION-DUE clock to its own due date, so the reminders module reminds the CDOP
 * administrators before it falls due and while it is overdue.
 */
@Injectable()
export class TrackedActionsService {
  constructor(
    private readonly store: CaseStore,
    private readonly access: AccessService,
    private readonly clocks: CaseClocks,
  ) {}

  /** A new action of the finalised analysis, with its clock, in the caller's transaction. */
  async create(
    m: EntityManager,
    c: ChildDeathCase,
    action: Pick<TrackedAction, 'owner' | 'description' | 'dueDate'>,
  ): Promise<TrackedAction> {
    const saved = await m
      .getRepository(TrackedAction)
      .save(m.getRepository(TrackedAction).create({ ...action, caseId: c.id, status: 'open' }));
    await this.clocks.start(m, c, 'CDR-ACTION-DUE', { date: saved.dueDate }, saved.id);
    return saved;
  }

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
      if (saved.status === 'completed' && before.status !== 'completed') {
        const at = instantOn(saved.completedOn!, this.store.today(), this.store.now());
        await this.clocks.meet(m, c, 'CDR-ACTION-DUE', at, saved.id);
      } else if (saved.status === 'cancelled') {
        await this.clocks.notApplicable(m, c, 'CDR-ACTION-DUE', 'The action was cancelled', saved.id);
      }
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
}
