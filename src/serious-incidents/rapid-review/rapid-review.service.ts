import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { assertVersion } from '../../common/optimistic-lock';
import type { AuthenticatedUser, Role } from '../../identity/permissions';
import { PARTNERSHIP_ROLES } from '../incident-access.service';
import { IncidentPartService } from '../incident-part.service';
import { IncidentChild } from '../incident-child.entity';
import { routeOf } from '../incident-facts';
import { changesOf, notReady } from '../incident-records';
import { actForPartner } from '../notification-workflow.service';
import { RapidReviewRecord } from '../rapid-review.entity';
import { SeriousIncident } from '../serious-incident.entity';
import {
  ContributionReceivedDto,
  PanelReplyDto,
  RapidReviewSignOffDto,
  RequestContributionDto,
  SaveRapidReviewDto,
  SubmitRapidReviewDto,
} from './rapid-review.dto';
import { rapidReviewView, RapidReviewView, reviewProblems } from './rapid-review-view';

const EDITORS: Role[] = [...PARTNERSHIP_ROLES, 'la-notifier'];
const SECTION_FIELDS = [
  'facts',
  'agencyInvolvement',
  'immediateSafetyActions',
  'learning',
  'lcsprRecommended',
  'lcsprCriteria',
  'lcsprRationale',
  'nationalReviewMayBeAppropriate',
  'nationalReviewRationale',
  'familyInformedOn',
  'familyInformedHow',
] as const satisfies readonly (keyof RapidReviewRecord)[];

/**
 * The rapid review (WT 385, 392–393): saved section by section, signed off by the three safeguarding
 * partners, then sent to the Panel within 15 working days of the notification (SI-RAPID-REVIEW).
 */
@Injectable()
export class RapidReviewService extends IncidentPartService<RapidReviewRecord> {
  protected readonly entity = RapidReviewRecord;
  protected readonly part = 'rapid-review';

  async get(id: string, user: AuthenticatedUser): Promise<RapidReviewView | null> {
    const { record } = await this.readPart(id, user);
    return record ? rapidReviewView(record) : null;
  }

  /** Saves the sections sent. A change of content withdraws the sign-offs: partners agreed to what it said. */
  save(id: string, dto: SaveRapidReviewDto, user: AuthenticatedUser): Promise<RapidReviewView> {
    return this.change(id, dto, user, EDITORS, 'si.rapid-review.save', async (_m, _incident, record) => {
      notYetSent(record);
      const before = { ...record };
      const { version: _version, familyInformed, ...sections } = dto;
      for (const [key, value] of Object.entries(sections)) {
        if (value !== undefined) (record as unknown as Record<string, unknown>)[key] = value;
      }
      if (familyInformed !== undefined) {
        record.familyInformedOn = familyInformed?.on ?? null;
        record.familyInformedHow = familyInformed?.how.trim() ?? null;
      }
      record.agencyInvolvement ??= [];
      record.lcsprCriteria ??= [];
      const changes = changesOf(before, record, SECTION_FIELDS);
      const withdrawn = Object.keys(changes).length > 0 && record.signOffs.length > 0;
      if (withdrawn) record.signOffs = [];
      return { changes, ...(withdrawn ? { signOffsWithdrawn: true } : {}) };
    });
  }

  /** A safeguarding partner agrees the rapid review; all of it but the sign-offs must be complete. */
  signOff(id: string, dto: RapidReviewSignOffDto, user: AuthenticatedUser): Promise<RapidReviewView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.rapid-review.sign-off',
      async (m, incident, record) => {
        notYetSent(record);
        const actor = await actForPartner(m, user, incident.partnershipId, dto.partner, dto.agreedByName);
        const missing = reviewProblems(record).filter((p) => !p.field.startsWith('signOffs'));
        if (missing.length) throw notReady(missing.map((p) => `${p.field}: ${p.message}`));
        const signedOn = dto.signedOn ?? this.time.today();
        record.signOffs = [
          ...record.signOffs.filter((s) => s.partner !== dto.partner),
          {
            partner: dto.partner,
            organisationId: actor.organisationId,
            signedOn,
            recordedByUserId: user.id,
            agreedByName: actor.agreedByName,
            at: this.time.now().toISOString(),
          },
        ];
        return { partner: dto.partner, signedOn, agreedByName: actor.agreedByName };
      },
    );
  }

  /** Sent to the Panel: 422 naming every missing section or sign-off. */
  submit(id: string, dto: SubmitRapidReviewDto, user: AuthenticatedUser): Promise<RapidReviewView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.rapid-review.submit',
      async (m, incident, record) => {
        notYetSent(record);
        const submittedOn = dto.submittedOn ?? this.time.today();
        if (submittedOn > this.time.today())
          throw new BadRequestException(['submittedOn cannot be in the future']);
        const reasons = reviewProblems(record).map((p) => `${p.field}: ${p.message}`);
        if (incident.status !== 'submitted')
          reasons.unshift('The notification has not been submitted to the Panel yet.');
        if (reasons.length) throw notReady(reasons);
        record.submittedOn = submittedOn;
        record.submittedByUserId = user.id;
        await this.clocks.meet(m, incident.id, 'SI-RAPID-REVIEW', submittedOn);
        return { submittedOn };
      },
    );
  }

  requestContribution(
    id: string,
    dto: RequestContributionDto,
    user: AuthenticatedUser,
  ): Promise<RapidReviewView> {
    return this.change(
      id,
      dto,
      user,
      EDITORS,
      'si.rapid-review.contribution-requested',
      async (_m, _i, record) => {
        if (dto.dueOn < dto.requestedOn)
          throw new BadRequestException(['dueOn cannot be before requestedOn']);
        const contribution = {
          id: randomUUID(),
          agency: dto.agency.trim(),
          organisationId: dto.organisationId ?? null,
          requestedOn: dto.requestedOn,
          dueOn: dto.dueOn,
          receivedOn: null,
          summary: null,
        };
        record.agencyContributions = [...record.agencyContributions, contribution];
        return { contributionId: contribution.id, agency: contribution.agency, dueOn: dto.dueOn };
      },
    );
  }

  /** The agency's contribution came back; its summary becomes that agency's involvement in section 1. */
  contributionReceived(
    id: string,
    contributionId: string,
    dto: ContributionReceivedDto,
    user: AuthenticatedUser,
  ): Promise<RapidReviewView> {
    return this.change(
      id,
      dto,
      user,
      EDITORS,
      'si.rapid-review.contribution-received',
      async (_m, _i, record) => {
        const contribution = record.agencyContributions.find((c) => c.id === contributionId);
        if (!contribution)
          throw new NotFoundException('No contribution request with this id on this rapid review');
        contribution.receivedOn = dto.receivedOn;
        contribution.summary = dto.summary.trim();
        record.agencyContributions = [...record.agencyContributions];
        record.agencyInvolvement = [
          ...record.agencyInvolvement.filter((a) => a.agency !== contribution.agency),
          { agency: contribution.agency, summary: contribution.summary },
        ];
        if (record.signOffs.length) record.signOffs = [];
        return { contributionId, receivedOn: dto.receivedOn };
      },
    );
  }

  panelReply(id: string, dto: PanelReplyDto, user: AuthenticatedUser): Promise<RapidReviewView> {
    return this.change(
      id,
      dto,
      user,
      PARTNERSHIP_ROLES,
      'si.rapid-review.panel-reply',
      async (_m, _i, record) => {
        if (!record.submittedOn) throw notReady(['The rapid review has not been sent to the Panel yet.']);
        if (dto.receivedOn < record.submittedOn) {
          throw new BadRequestException(['receivedOn cannot be before the rapid review was submitted']);
        }
        record.panelReplyOn = dto.receivedOn;
        record.panelNationalReviewDecision = dto.nationalReviewDecision;
        record.panelReplySummary = dto.summary?.trim() || null;
        return { receivedOn: dto.receivedOn, nationalReviewDecision: dto.nationalReviewDecision };
      },
    );
  }

  private change(
    id: string,
    dto: { version?: number },
    user: AuthenticatedUser,
    roles: Role[],
    action: string,
    work: (
      m: EntityManager,
      incident: SeriousIncident,
      record: RapidReviewRecord,
    ) => Promise<Record<string, unknown>>,
  ): Promise<RapidReviewView> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, roles);
      const children = await m.find(IncidentChild, { where: { incidentId: incident.id } });
      if (routeOf(incident, children).route !== 'full-review') {
        throw notReady(['This incident does not take the full review route, so there is no rapid review.']);
      }
      const record =
        (await this.lock(m, incident.id)) ??
        m.create(RapidReviewRecord, {
          incidentId: incident.id,
          agencyInvolvement: [],
          agencyContributions: [],
          signOffs: [],
          lcsprCriteria: [],
        });
      if (record.id) assertVersion(record, dto.version, 'rapid review');
      const details = await work(m, incident, record);
      return rapidReviewView(await this.saveAudited(m, incident, record, user, action, details));
    });
  }
}

function notYetSent(record: RapidReviewRecord): void {
  if (record.submittedOn) throw new ConflictException('The rapid review has already been sent to the Panel');
}
