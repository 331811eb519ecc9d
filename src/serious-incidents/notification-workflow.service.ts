import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import { assertVersion } from '../common/optimistic-lock';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import {
  CriteriaResolutionDto,
  LocalLearningReviewDto,
  PartnerViewDto,
  PartnersInformedDto,
  SignOffDto,
  SubmitNotificationDto,
} from './dto/notification.dto';
import { IncidentAccess, NOTIFIER_ROLES, PARTNERSHIP_ROLES } from './incident-access.service';
import { IncidentChild } from './incident-child.entity';
import { IncidentClocks } from './incident-clocks.service';
import { routeOf } from './incident-facts';
import { incidentOrganisationIds } from './incident-organisations';
import { loadView, notReady } from './incident-records';
import { IncidentView } from './incident-view';
import { partnerOrganisationId } from './partnership-directory';
import type { SafeguardingPartner } from './rules/lcspr';
import { SeriousIncident } from './serious-incident.entity';

const PARTNER_NAMES: Readonly<Record<SafeguardingPartner, string>> = {
  'local-authority': 'the local authority',
  icb: 'the integrated care board',
  police: 'the police',
};

/**
 * Acting for a safeguarding partner: a `safeguarding-partner` of that partner organisation, or a
 * partnership manager recording it for them with the name of who agreed.
 */
export async function actForPartner(
  m: EntityManager,
  user: AuthenticatedUser,
  partnershipId: string | null,
  partner: SafeguardingPartner,
  agreedByName: string | undefined,
): Promise<{ organisationId: string | null; agreedByName: string }> {
  const organisationId = await partnerOrganisationId(m, partnershipId, partner);
  if (
    user.roles.includes('safeguarding-partner') &&
    organisationId &&
    user.organisationIds.includes(organisationId)
  ) {
    return { organisationId, agreedByName: agreedByName?.trim() || user.name };
  }
  if (user.roles.includes('partnership-manager')) {
    if (!agreedByName?.trim()) {
      throw new BadRequestException([`agreedByName must name who agreed for ${PARTNER_NAMES[partner]}`]);
    }
    return { organisationId, agreedByName: agreedByName.trim() };
  }
  throw new ForbiddenException(
    `Only a safeguarding partner user of ${PARTNER_NAMES[partner]}, or a partnership manager on their behalf, can do this`,
  );
}

/** DCS sign-off, submission to the Panel, and the partners' part in deciding the criteria. */
@Injectable()
export class NotificationWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly clocks: IncidentClocks,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
  ) {}

  /** The DCS of the notifying authority has final oversight of the notification's quality (WT 370). */
  signOff(id: string, dto: SignOffDto, user: AuthenticatedUser): Promise<IncidentView> {
    return this.change(id, user, ['dcs'], dto.version, 'si.sign-off', async (m, incident) => {
      if (!user.organisationIds.includes(incident.localAuthorityId)) {
        throw new ForbiddenException(
          'Only the DCS of the notifying local authority can sign off the notification',
        );
      }
      if (incident.status === 'submitted')
        throw new ConflictException('The notification has already been submitted');
      const children = await m.find(IncidentChild, { where: { incidentId: id } });
      const blockers = routeOf(incident, children).submitBlockers;
      if (blockers.length) throw notReady(blockers);
      incident.status = 'signed-off';
      incident.signedOffByUserId = user.id;
      incident.signedOffByName = user.name;
      incident.signedOffAt = this.time.now();
      return {};
    });
  }

  /** Records that the notification went to the Panel through the national service. */
  submit(id: string, dto: SubmitNotificationDto, user: AuthenticatedUser): Promise<IncidentView> {
    return this.change(id, user, NOTIFIER_ROLES, dto.version, 'si.submit', async (m, incident) => {
      if (incident.status === 'submitted')
        throw new ConflictException('The notification has already been submitted');
      const submittedOn = dto.submittedOn ?? this.time.today();
      if (submittedOn > this.time.today())
        throw new BadRequestException(['submittedOn cannot be in the future']);
      if (submittedOn < incident.becameAwareOn) {
        throw new BadRequestException(['submittedOn cannot be before becameAwareOn']);
      }
      const children = await m.find(IncidentChild, { where: { incidentId: id } });
      const decision = routeOf(incident, children);
      const reasons = [...decision.submitBlockers];
      if (!incident.summary.trim()) reasons.push('Write a summary of the incident.');
      if (incident.status !== 'signed-off') {
        reasons.push('The Director of Children’s Services has not signed off the notification (WT 370).');
      }
      if (reasons.length) throw notReady(reasons);
      incident.status = 'submitted';
      incident.submittedOn = submittedOn;
      incident.nationalReference = dto.nationalReference?.trim() || null;
      incident.submittedByUserId = user.id;
      // The national service reaches the Panel, the DfE and Ofsted at once, which is also how the Secretary
      // of State and Ofsted hear of a looked after child's or care leaver's death.
      for (const rule of ['SI-NOTIFY', 'SI-LAC-DEATH', 'SI-CARE-LEAVER-DEATH'] as const) {
        await this.clocks.meet(m, id, rule, submittedOn);
      }
      if (decision.clockRules.includes('SI-RAPID-REVIEW')) await this.clocks.startRapidReview(m, incident);
      return { submittedOn, nationalReference: incident.nationalReference, route: decision.route };
    });
  }

  /** The safeguarding partners (and other areas involved) told within 5 working days (SI-PARTNERS). */
  partnersInformed(id: string, dto: PartnersInformedDto, user: AuthenticatedUser): Promise<IncidentView> {
    const roles: Role[] = [...NOTIFIER_ROLES, 'partnership-manager'];
    return this.change(id, user, roles, dto.version, 'si.partners-informed', async (m, incident) => {
      if (dto.informedOn > this.time.today())
        throw new BadRequestException(['informedOn cannot be in the future']);
      incident.partnersInformedOn = dto.informedOn;
      await this.clocks.meet(m, id, 'SI-PARTNERS', dto.informedOn);
      return { informedOn: dto.informedOn };
    });
  }

  /** Each partner's view on whether the criteria are met (WT 370); a later view replaces the earlier. */
  partnerView(
    id: string,
    partner: SafeguardingPartner,
    dto: PartnerViewDto,
    user: AuthenticatedUser,
  ): Promise<IncidentView> {
    return this.change(id, user, PARTNERSHIP_ROLES, dto.version, 'si.partner-view', async (m, incident) => {
      const actor = await actForPartner(m, user, incident.partnershipId, partner, dto.agreedByName);
      const view = {
        partner,
        criteriaMet: dto.criteriaMet,
        reason: dto.reason.trim(),
        recordedOn: this.time.today(),
        recordedByUserId: user.id,
        agreedByName: actor.agreedByName,
      };
      incident.partnerViews = [...incident.partnerViews.filter((v) => v.partner !== partner), view];
      return { partner, criteriaMet: dto.criteriaMet };
    });
  }

  /** The outcome of local dispute resolution when the partners disagreed. */
  resolveCriteria(id: string, dto: CriteriaResolutionDto, user: AuthenticatedUser): Promise<IncidentView> {
    return this.change(
      id,
      user,
      PARTNERSHIP_ROLES,
      dto.version,
      'si.criteria-resolution',
      async (_m, incident) => {
        incident.criteriaResolution = {
          criteriaMet: dto.criteriaMet,
          how: dto.how.trim(),
          resolvedOn: dto.resolvedOn,
          recordedByUserId: user.id,
        };
        return { criteriaMet: dto.criteriaMet };
      },
    );
  }

  /** A local learning review of an incident that does not meet the criteria: never an LCSPR (WT 378). */
  localLearningReview(
    id: string,
    dto: LocalLearningReviewDto,
    user: AuthenticatedUser,
  ): Promise<IncidentView> {
    const roles: Role[] = [...NOTIFIER_ROLES, ...PARTNERSHIP_ROLES];
    return this.change(id, user, roles, dto.version, 'si.local-learning-review', async (m, incident) => {
      const children = await m.find(IncidentChild, { where: { incidentId: id } });
      if (routeOf(incident, children).route !== 'criteria-not-met') {
        throw notReady([
          'A local learning review is for incidents that do not meet the notification criteria; this one does.',
        ]);
      }
      incident.localLearningReview = {
        decidedOn: dto.decidedOn,
        rationale: dto.rationale.trim(),
        recordedByUserId: user.id,
      };
      return { decidedOn: dto.decidedOn };
    });
  }

  private change(
    id: string,
    user: AuthenticatedUser,
    roles: Role[],
    version: number | undefined,
    action: string,
    work: (m: EntityManager, incident: SeriousIncident) => Promise<Record<string, unknown>>,
  ): Promise<IncidentView> {
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, roles);
      assertVersion(incident, version, 'notification');
      const details = await work(m, incident);
      incident.updatedAt = new Date();
      await m.save(incident);
      await this.audit.record(
        {
          action,
          actor: user,
          caseId: incident.id,
          organisationIds: incidentOrganisationIds(incident),
          details: { caseType: 'si', reference: incident.reference, ...details },
        },
        m,
      );
      return loadView(m, incident);
    });
  }
}
