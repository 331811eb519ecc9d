import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessService } from '../identity/access.service';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { AnalysisService } from './analysis.service';
import { CaseQueryService } from './case-query.service';
import { CaseStore } from './case-store.service';
import type { AgendaCaseDto, CreatePanelMeetingDto, PanelOutcomeDto } from './dto/panel.dto';
import { AnalysisForm } from './entities/analysis-form.entity';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { PanelAgendaItem, PanelMeeting } from './entities/panel-meeting.entity';
import { organisationsById } from './organisations-lookup';
import { deathCategoryLabel, DEATH_CATEGORIES, isDeathCategoryNumber } from './rules/death-categories';
import { analysisFormDefinition } from './rules/analysis-form';

const MEETING_NOT_FOUND = 'No panel meeting with this id was found, or you do not have access to it';
const PANEL_READERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member'];
const PANEL_ACTORS: Role[] = ['cdop-admin'];
type Access = 'read' | 'act';

/** CDOP panel meetings (WT 454): an agenda of cases ready for review, a pack, and an outcome per case. */
@Injectable()
export class PanelMeetingsService {
  constructor(
    private readonly store: CaseStore,
    private readonly access: AccessService,
    private readonly analysis: AnalysisService,
    private readonly cases: CaseQueryService,
  ) {}

  /** Cases of the CDOP awaiting its review: the draft analysis is with the panel. */
  async ready(user: AuthenticatedUser, cdopId: string) {
    await this.assertMember(user, cdopId, 'read');
    const rows = await this.store.dataSource.getRepository(ChildDeathCase).find({
      where: { owningCdopId: cdopId, state: 'awaiting-cdop' },
      order: { firstNotifiedAt: 'ASC' },
    });
    return rows.map((c) => ({
      caseId: c.id,
      reference: c.reference,
      status: c.state,
      cdrmHeldOn: c.cdrmHeldOn,
    }));
  }

  async create(user: AuthenticatedUser, body: CreatePanelMeetingDto) {
    await this.assertMember(user, body.cdopId, 'act');
    return this.store.transaction(async (m) => {
      const meeting = await m
        .getRepository(PanelMeeting)
        .save(
          m
            .getRepository(PanelMeeting)
            .create({ cdopId: body.cdopId, meetingOn: body.meetingOn, location: body.location ?? null }),
        );
      const caseIds = body.caseIds ?? (await this.readyIds(m, body.cdopId));
      for (const caseId of caseIds) await this.addCase(m, user, meeting, caseId);
      return this.detail(m, meeting);
    });
  }

  async list(user: AuthenticatedUser, cdopId: string) {
    await this.assertMember(user, cdopId, 'read');
    return this.store.dataSource
      .getRepository(PanelMeeting)
      .find({ where: { cdopId }, order: { meetingOn: 'DESC' }, take: 100 });
  }

  async get(user: AuthenticatedUser, meetingId: string) {
    const meeting = await this.meetingFor(user, meetingId, 'read');
    return this.detail(this.store.dataSource.manager, meeting);
  }

  async addToAgenda(user: AuthenticatedUser, meetingId: string, body: AgendaCaseDto) {
    const meeting = await this.meetingFor(user, meetingId, 'act');
    return this.store.transaction(async (m) => {
      await this.addCase(m, user, meeting, body.caseId);
      return this.detail(m, meeting);
    });
  }

  /** One outcome per case; "analysis agreed" finalises the analysis with the meeting date as review date. */
  async recordOutcome(user: AuthenticatedUser, meetingId: string, body: PanelOutcomeDto) {
    const meeting = await this.meetingFor(user, meetingId, 'act');
    return this.store.transaction(async (m) => {
      // The case first, then its agenda item: the order every change to a case takes.
      const c = await this.store.forChange(m, user, body.caseId, ['cdop-admin']);
      const item = await m.getRepository(PanelAgendaItem).findOne({
        where: { panelMeetingId: meeting.id, caseId: body.caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw new BadRequestException(['caseId: this case is not on the meeting’s agenda']);
      if (body.outcome === 'analysis-agreed') {
        await this.analysis.finaliseWithin(m, user, c, {
          reviewedOn: meeting.meetingOn,
          version: body.version,
        });
      }
      const before = { outcome: item.outcome, notes: item.outcomeNotes };
      item.outcome = body.outcome;
      item.outcomeNotes = body.notes ?? null;
      item.outcomeRecordedAt = this.store.now();
      await m.getRepository(PanelAgendaItem).save(item);
      if (body.outcome !== 'analysis-agreed') {
        await this.store.save(
          m,
          user,
          c,
          'panel-outcome',
          { panelOutcome: { before, after: { outcome: body.outcome, notes: item.outcomeNotes } } },
          { panelMeetingId: meeting.id },
        );
      }
      return this.detail(m, meeting);
    });
  }

  /**
   * Everything the panel pack shows, for the HTML pack and the PDF renderer. Each case in it is a case
   * read, and audited as one.
   */
  async packData(user: AuthenticatedUser, meetingId: string) {
    const meeting = await this.meetingFor(user, meetingId, 'read');
    const items = await this.items(this.store.dataSource.manager, meeting);
    const cases = [];
    for (const item of items) {
      const c = await this.store.read(user, item.caseId, 'panel-pack');
      const view = await this.cases.build(c);
      const form = await this.store.dataSource.getRepository(AnalysisForm).findOneBy({ caseId: c.id });
      cases.push({
        case: view,
        analysis: form ? analysisForPack(form) : null,
        outcome: item.outcome,
        outcomeNotes: item.outcomeNotes,
      });
    }
    const cdop = (await organisationsById(this.store.dataSource.manager, [meeting.cdopId])).get(
      meeting.cdopId,
    );
    return {
      meeting: {
        id: meeting.id,
        meetingOn: meeting.meetingOn,
        location: meeting.location,
        cdop: cdop ? { id: cdop.id, name: cdop.name } : null,
      },
      categories: DEATH_CATEGORIES,
      cases,
    };
  }

  private async readyIds(m: EntityManager, cdopId: string): Promise<string[]> {
    const rows = await m.getRepository(ChildDeathCase).find({
      select: { id: true },
      where: { owningCdopId: cdopId, state: 'awaiting-cdop' },
      order: { firstNotifiedAt: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  private async addCase(m: EntityManager, user: AuthenticatedUser, meeting: PanelMeeting, caseId: string) {
    const c = await this.store.forChange(m, user, caseId, ['cdop-admin']);
    if (c.owningCdopId !== meeting.cdopId) {
      throw new BadRequestException([`caseId: ${c.reference} is reviewed by another CDOP`]);
    }
    if (c.state !== 'awaiting-cdop' && c.state !== 'cdrm-held') {
      throw new ConflictException(
        `${c.reference} is not ready for the CDOP: its review meeting has not been held`,
      );
    }
    await m
      .createQueryBuilder()
      .insert()
      .into(PanelAgendaItem)
      .values({ panelMeetingId: meeting.id, caseId: c.id })
      .orIgnore()
      .execute();
    await this.store.save(
      m,
      user,
      c,
      'added-to-panel-agenda',
      {},
      { panelMeetingId: meeting.id, meetingOn: meeting.meetingOn },
    );
  }

  private items(m: EntityManager, meeting: PanelMeeting) {
    return m
      .getRepository(PanelAgendaItem)
      .find({ where: { panelMeetingId: meeting.id }, order: { createdAt: 'ASC' } });
  }

  private async detail(m: EntityManager, meeting: PanelMeeting) {
    const items = await this.items(m, meeting);
    const cases = items.length
      ? await m.getRepository(ChildDeathCase).findBy({ id: In(items.map((i) => i.caseId)) })
      : [];
    const forms = items.length
      ? await m.getRepository(AnalysisForm).findBy({ caseId: In(items.map((i) => i.caseId)) })
      : [];
    return {
      id: meeting.id,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
      version: meeting.version,
      cdopId: meeting.cdopId,
      meetingOn: meeting.meetingOn,
      location: meeting.location,
      agenda: items.map((item) => {
        const c = cases.find((x) => x.id === item.caseId)!;
        return {
          caseId: item.caseId,
          reference: c.reference,
          status: c.state,
          analysisStatus: forms.find((f) => f.caseId === item.caseId)?.status ?? 'not-started',
          outcome: item.outcome,
          outcomeNotes: item.outcomeNotes,
          outcomeRecordedAt: item.outcomeRecordedAt,
        };
      }),
    };
  }

  private async meetingFor(
    user: AuthenticatedUser,
    meetingId: string,
    access: Access,
  ): Promise<PanelMeeting> {
    const meeting = await this.store.dataSource.getRepository(PanelMeeting).findOneBy({ id: meetingId });
    if (!meeting) throw new NotFoundException(MEETING_NOT_FOUND);
    await this.assertMember(user, meeting.cdopId, access);
    return meeting;
  }

  /**
   * Members of the CDOP only: a read from outside learns nothing (404), an action from outside is
   * refused (403), as for cases.
   */
  private async assertMember(user: AuthenticatedUser, cdopId: string, access: Access) {
    const roles = access === 'read' ? PANEL_READERS : PANEL_ACTORS;
    if (!(await this.access.visibleOrganisationIds(user)).includes(cdopId)) {
      if (access === 'act')
        throw new ForbiddenException('You do not have permission to do this for this CDOP');
      throw new NotFoundException(MEETING_NOT_FOUND);
    }
    if (!roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenException('You do not have permission to do this for this CDOP');
    }
  }
}

/** The analysis with labels, as the pack prints it. */
export function analysisForPack(form: AnalysisForm) {
  const definition = analysisFormDefinition(form.formVersion);
  const { primaryCategory, otherCategories = [] } = form.answers;
  return {
    formVersion: form.formVersion,
    status: form.status,
    reviewedOn: form.reviewedOn,
    answers: form.answers,
    domainLabels: Object.fromEntries((definition?.domains ?? []).map((d) => [d.domain, d.label])),
    primaryCategoryLabel: isDeathCategoryNumber(primaryCategory) ? deathCategoryLabel(primaryCategory) : null,
    otherCategoryLabels: otherCategories.filter(isDeathCategoryNumber).map((n) => deathCategoryLabel(n)),
  };
}
