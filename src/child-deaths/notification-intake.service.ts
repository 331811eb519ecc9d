import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { parseIsoDate } from '../calendar/iso-date';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { applyNotifications, deathKnownAt } from './case-facts';
import { casePagePath } from './case-path';
import { CaseStore } from './case-store.service';
import { changesBetween, snapshot } from './changes';
import type { NotificationDto } from './dto/notification.dto';
import { caseOrganisationIds, ChildDeathCase } from './entities/child-death-case.entity';
import { ChildDeathNotification } from './entities/notification.entity';
import { checkNotification, problemMessages } from './notification-checks';
import { NoticesService } from './notices.service';
import { assertOrganisationTypes, cdopCovering } from './organisations-lookup';
import { combinedJarEvaluation, reconciledView } from './reconciled-view';
import { DuplicateMatch, findMatchingCase } from './rules/duplicate-matching';
import { normaliseNhsNumber } from './rules/nhs-number';
import { referralChild, SeriousIncidentLinks } from './serious-incident-links.service';

export interface IntakeResult {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  caseId: string;
  caseReference: string;
  notificationId: string;
  duplicateOfExistingCase: boolean;
  matchedOn?: DuplicateMatch['basis'];
  jar: { required: boolean; criteria: string[] };
}

// One key serialises intake, so two agencies notifying the same death at the same moment still make one case.
const INTAKE_LOCK = 7_644_000;

/** Notification of a child death (WT 447): a new case, or one more notification on the case already open. */
@Injectable()
export class NotificationIntakeService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
    private readonly notices: NoticesService,
    private readonly links: SeriousIncidentLinks,
  ) {}

  async notify(body: NotificationDto, user: AuthenticatedUser): Promise<IntakeResult> {
    const check = checkNotification(body, this.store.now());
    if (check.outcome === 'invalid') throw new BadRequestException(problemMessages(check.problems));
    if (check.outcome === 'out-of-scope') {
      throw new UnprocessableEntityException({ message: [check.message], reason: check.reason });
    }
    return this.store.transaction(async (m) => {
      await assertOrganisationTypes(m, [
        { field: 'cdopId', id: body.cdopId, type: 'cdop' },
        { field: 'residentLocalAuthorityId', id: body.residentLocalAuthorityId, type: 'local-authority' },
        {
          field: 'placeOfDeathLocalAuthorityId',
          id: body.placeOfDeathLocalAuthorityId,
          type: 'local-authority',
        },
        {
          field: 'lookedAfterByLocalAuthorityId',
          id: body.lookedAfterByLocalAuthorityId,
          type: 'local-authority',
        },
      ]);
      await m.query('SELECT pg_advisory_xact_lock($1)', [INTAKE_LOCK]);
      const match = await this.findExisting(m, body);
      return match ? this.attach(m, body, user, match) : this.open(m, body, user);
    });
  }

  private async findExisting(m: EntityManager, body: NotificationDto) {
    const nhsNumber = body.child.nhsNumber ? normaliseNhsNumber(body.child.nhsNumber) : null;
    const candidates = await m.getRepository(ChildDeathCase).find({
      where: [
        ...(nhsNumber ? [{ nhsNumber, mergedIntoCaseId: IsNull() }] : []),
        { dateOfBirth: body.child.dateOfBirth, dateOfDeath: body.dateOfDeath, mergedIntoCaseId: IsNull() },
      ],
      order: { createdAt: 'ASC' },
    });
    const identity = { ...body.child, nhsNumber, dateOfDeath: body.dateOfDeath };
    return findMatchingCase(
      identity,
      candidates.map((c) => ({
        caseId: c.id,
        identity: {
          nhsNumber: c.nhsNumber,
          givenName: c.givenName ?? undefined,
          familyName: c.familyName ?? undefined,
          dateOfBirth: c.dateOfBirth,
          dateOfDeath: c.dateOfDeath,
        },
      })),
    );
  }

  /** The reviewing CDOP is the one where the child lived (WT 440); the others only see that the case exists. */
  private async footprint(m: EntityManager, body: NotificationDto) {
    const resident = body.residentLocalAuthorityId
      ? await cdopCovering(m, body.residentLocalAuthorityId)
      : null;
    const whereDied = body.placeOfDeathLocalAuthorityId
      ? await cdopCovering(m, body.placeOfDeathLocalAuthorityId)
      : null;
    const owning = resident ?? body.cdopId;
    const shared = [...new Set([body.cdopId, whereDied].filter((id): id is string => !!id && id !== owning))];
    return { owning, shared };
  }

  private async open(
    m: EntityManager,
    body: NotificationDto,
    user: AuthenticatedUser,
  ): Promise<IntakeResult> {
    const c = await this.openCase(m, user, body, await this.footprint(m, body));
    const notification = await this.saveNotification(m, c, body, user, null);
    const saved = await this.store.persist(m, c);
    await this.store.record(m, user, saved, 'case.create', {
      event: 'notified',
      reference: c.reference,
      notificationId: notification.id,
    });
    return this.result(saved, notification, false);
  }

  /**
   * A new case for the death `seed` describes, with its first clocks running: CDR-NOTIFY (met when the
   * notification was made), the designated doctor, the family leaflet, the CDRM and the CDOP review, and
   * CDR-JAR-DECISION when a joint agency response looks required. The caller adds the notifications.
   */
  async openCase(
    m: EntityManager,
    user: AuthenticatedUser,
    seed: NotificationDto,
    footprint: { owning: string; shared: string[] },
  ): Promise<ChildDeathCase> {
    const now = this.store.now();
    const notifiedAt = new Date(seed.notifiedAt);
    const repo = m.getRepository(ChildDeathCase);
    const draft = repo.create({
      reference: await this.nextReference(m),
      state: 'notified',
      stateHistory: [{ state: 'notified', at: now.toISOString(), byUserId: user.id }],
      owningCdopId: footprint.owning,
      sharedWithCdopIds: footprint.shared,
      residentLocalAuthorityId: seed.residentLocalAuthorityId ?? null,
      placeOfDeathLocalAuthorityId: seed.placeOfDeathLocalAuthorityId ?? null,
      dateOfBirth: seed.child.dateOfBirth,
      dateOfDeath: seed.dateOfDeath,
      deathKnownAt: deathKnownAt(seed),
      firstNotifiedAt: notifiedAt,
      expected: seed.expected,
      investigations: {
        ...(seed.postMortemRequired !== undefined
          ? { postMortem: { status: seed.postMortemRequired ? 'awaited' : 'not-required' } }
          : {}),
        ...(seed.coronerInvolved !== undefined
          ? { coroner: { involved: seed.coronerInvolved, inquest: 'none' } }
          : {}),
      },
    });
    applyNotifications(draft, [{ id: 'seed', notifiedAt, answers: { ...seed } }]);
    const c = await repo.save(draft);
    await this.clocks.start(m, c, 'CDR-NOTIFY', { instant: c.deathKnownAt });
    await this.clocks.meet(m, c, 'CDR-NOTIFY', notifiedAt);
    for (const rule of ['CDR-DESIGNATED-DR', 'CDR-FAMILY-LEAFLET', 'CDR-CDRM', 'CDR-CDOP-REVIEW'] as const) {
      await this.clocks.start(m, c, rule, { instant: notifiedAt });
    }
    if (c.jarEvaluation.required) await this.clocks.start(m, c, 'CDR-JAR-DECISION', { instant: notifiedAt });
    await this.tellDesignatedDoctors(m, c, now);
    await this.links.ensureLookedAfterLink(
      m,
      c,
      user,
      referralChild(seed),
      { today: this.store.today(), at: now },
      seed.lookedAfterByLocalAuthorityId,
    );
    return c;
  }

  private async attach(
    m: EntityManager,
    body: NotificationDto,
    user: AuthenticatedUser,
    match: DuplicateMatch & { caseId: string },
  ): Promise<IntakeResult> {
    const c = await this.store.lock(m, match.caseId);
    const before = snapshot(c, TRACKED);
    const notification = await this.saveNotification(m, c, body, user, match);
    const all = await m
      .getRepository(ChildDeathNotification)
      .find({ where: { caseId: c.id }, order: { notifiedAt: 'ASC' } });
    const wasRequired = c.jarEvaluation.required;
    applyNotifications(c, all);
    if (body.cdopId !== c.owningCdopId && !c.sharedWithCdopIds.includes(body.cdopId)) {
      c.sharedWithCdopIds = [...c.sharedWithCdopIds, body.cdopId];
    }
    if (!wasRequired && c.jarEvaluation.required && !c.jarDecision) {
      await this.clocks.start(m, c, 'CDR-JAR-DECISION', { instant: new Date(body.notifiedAt) });
    }
    const now = this.store.now();
    await this.tellDesignatedDoctors(m, c, now);
    const child = referralChild(reconciledView(all).answers);
    await this.links.ensureLookedAfterLink(
      m,
      c,
      user,
      child,
      { today: this.store.today(), at: now },
      body.lookedAfterByLocalAuthorityId,
    );
    const saved = await this.store.save(
      m,
      user,
      c,
      'notification-attached',
      changesBetween(before, snapshot(c, TRACKED)),
      {
        notificationId: notification.id,
        matchedOn: match.basis,
      },
    );
    return this.result(saved, notification, true, match.basis);
  }

  private saveNotification(
    m: EntityManager,
    c: ChildDeathCase,
    body: NotificationDto,
    user: AuthenticatedUser,
    match: DuplicateMatch | null,
  ): Promise<ChildDeathNotification> {
    const answers = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    const own = combinedJarEvaluation([{ id: '', notifiedAt: new Date(body.notifiedAt), answers }]);
    return m.getRepository(ChildDeathNotification).save(
      m.getRepository(ChildDeathNotification).create({
        caseId: c.id,
        notifiedAt: new Date(body.notifiedAt),
        submittedByUserId: user.id,
        notifier: { ...body.notifier },
        answers,
        jarEvaluation: { required: own.required, criteria: own.criteria, explanations: own.explanations },
        matched: match ? { basis: match.basis, score: match.score } : null,
      }),
    );
  }

  /**
   * The designated doctor is told of every death (WT 438). When the portal could tell one, CDR-DESIGNATED-DR
   * is met now; otherwise an administrator records how the doctor was told.
   */
  private async tellDesignatedDoctors(m: EntityManager, c: ChildDeathCase, now: Date): Promise<void> {
    const doctors = await this.notices.usersWithRole(m, 'designated-doctor', caseOrganisationIds(c));
    await this.notices.send(
      m,
      doctors.map((d) => d.id),
      {
        caseId: c.id,
        kind: 'death-notified',
        key: `death-notified:${c.id}`,
        message: `A child death has been notified: case ${c.reference}. Review the notification and decide on the joint agency response.`,
        link: casePagePath(c.id),
      },
    );
    const owningDoctors = await this.notices.usersWithRole(m, 'designated-doctor', [c.owningCdopId]);
    if (!c.designatedDoctorInformed && owningDoctors.length) {
      c.designatedDoctorInformed = {
        at: now.toISOString(),
        how: 'portal-notice',
        names: owningDoctors.map((d) => d.name),
      };
      await this.clocks.meet(m, c, 'CDR-DESIGNATED-DR', now);
    }
  }

  private async nextReference(m: EntityManager): Promise<string> {
    const { year } = parseIsoDate(this.store.today());
    const rows: { last_number: number }[] = await m.query(
      `INSERT INTO cdr_reference_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = cdr_reference_counter.last_number + 1
       RETURNING last_number`,
      [year],
    );
    return `CDR-${year}-${String(rows[0].last_number).padStart(4, '0')}`;
  }

  private result(
    c: ChildDeathCase,
    n: ChildDeathNotification,
    duplicate: boolean,
    matchedOn?: DuplicateMatch['basis'],
  ): IntakeResult {
    return {
      id: n.id,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      version: n.version,
      caseId: c.id,
      caseReference: c.reference,
      notificationId: n.id,
      duplicateOfExistingCase: duplicate,
      ...(matchedOn ? { matchedOn } : {}),
      jar: { required: c.jarEvaluation.required, criteria: [...c.jarEvaluation.criteria] },
    };
  }
}

const TRACKED = [
  'givenName',
  'familyName',
  'nhsNumber',
  'dateOfBirth',
  'dateOfDeath',
  'expected',
  'lookedAfter',
  'jarEvaluation',
  'sharedWithCdopIds',
  'seriousIncidentLinks',
] as const;
