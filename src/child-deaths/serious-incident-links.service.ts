import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../identity/permissions';
import { SeriousIncidentReferralService } from '../serious-incidents/serious-incident-referral.service';
import { CaseClocks } from './case-clocks.service';
import type { FieldChanges } from './case-store.service';
import type { SeriousIncidentLink } from './entities/case-records';
import { ChildDeathCase } from './entities/child-death-case.entity';

interface When {
  today: string;
  at: Date;
}

export interface ReferralChild {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  sex?: string;
}

/** The child's identity as a notification (or the reconciled view) gives it. */
export function referralChild(answers: { child?: ReferralChild }): ReferralChild {
  const child = answers.child ?? {};
  return {
    givenName: child.givenName,
    familyName: child.familyName,
    dateOfBirth: child.dateOfBirth,
    sex: child.sex,
  };
}

/**
 * The links the rules require between a child death and a serious incident notification: evidence of
 * abuse or neglect (WT 452, CDR-SI-REFERRAL) and the death of a looked after child (WT 381, SI-LAC-DEATH).
 */
@Injectable()
export class SeriousIncidentLinks {
  constructor(
    private readonly referrals: SeriousIncidentReferralService,
    private readonly clocks: CaseClocks,
  ) {}

  /**
   * The local authority to refer to: the one named, else where the child lived, else the CDOP's only
   * local authority. Null when none can be told apart.
   */
  async localAuthorityFor(
    m: EntityManager,
    c: ChildDeathCase,
    named?: string | null,
  ): Promise<string | null> {
    if (named) return named;
    if (c.residentLocalAuthorityId) return c.residentLocalAuthorityId;
    const rows: { covers: string[] }[] = await m.query(
      `SELECT covers_local_authority_ids AS covers FROM organisation WHERE id = $1`,
      [c.owningCdopId],
    );
    const covers = rows[0]?.covers ?? [];
    return covers.length === 1 ? covers[0] : null;
  }

  lookedAfterLinkPending(c: ChildDeathCase): boolean {
    return c.lookedAfter && !c.seriousIncidentLinks.some((l) => l.reason === 'looked-after-child-death');
  }

  /** Opens the looked after child's notification once, when the local authority can be told apart. */
  async ensureLookedAfterLink(
    m: EntityManager,
    c: ChildDeathCase,
    user: AuthenticatedUser,
    child: ReferralChild,
    when: When,
    localAuthorityId?: string | null,
  ): Promise<FieldChanges> {
    if (!this.lookedAfterLinkPending(c)) return {};
    const authority = await this.localAuthorityFor(m, c, localAuthorityId);
    if (!authority) return {};
    return this.link(m, c, user, child, when, authority, 'looked-after-child-death', [
      `The death of a looked after child was notified to the child death overview panel (case ${c.reference}).`,
    ]);
  }

  /** "Evidence of abuse or neglect": one action that informs the partners and starts then meets CDR-SI-REFERRAL. */
  async referAbuseOrNeglect(
    m: EntityManager,
    c: ChildDeathCase,
    user: AuthenticatedUser,
    child: ReferralChild,
    input: { today: string; at: Date; localAuthorityId: string; summary: string },
  ): Promise<{ incidentId: string; changes: FieldChanges }> {
    const changes = await this.link(
      m,
      c,
      user,
      child,
      input,
      input.localAuthorityId,
      'abuse-or-neglect-evidence',
      [`Evidence of abuse or neglect was recorded on child death case ${c.reference}.`, input.summary],
    );
    await this.clocks.startAndMeet(m, c, 'CDR-SI-REFERRAL', input.at);
    const link = c.seriousIncidentLinks.find((l) => l.reason === 'abuse-or-neglect-evidence')!;
    return { incidentId: link.incidentId, changes };
  }

  private async link(
    m: EntityManager,
    c: ChildDeathCase,
    user: AuthenticatedUser,
    child: ReferralChild,
    when: When,
    localAuthorityId: string,
    reason: SeriousIncidentLink['reason'],
    summary: string[],
  ): Promise<FieldChanges> {
    const { incidentId } = await this.referrals.referFromChildDeath(
      {
        childDeathCaseId: c.id,
        caseReference: c.reference,
        localAuthorityId,
        reason,
        child: { ...child, legalStatus: c.lookedAfter ? 'looked-after' : 'none' },
        dateOfDeath: c.dateOfDeath,
        becameAwareOn: when.today,
        summary: summary.filter(Boolean).join(' '),
        actor: user,
      },
      m,
    );
    const before = c.seriousIncidentLinks;
    if (before.some((l) => l.reason === reason)) return {};
    c.seriousIncidentLinks = [
      ...before,
      { incidentId, reason, referredAt: when.at.toISOString(), localAuthorityId },
    ];
    return { seriousIncidentLinks: { before, after: c.seriousIncidentLinks } };
  }
}
