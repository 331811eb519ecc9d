import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import type { AuthenticatedUser } from '../identity/permissions';
import { ClockDefault } from './clock-default.entity';
import {
  canOverride,
  CLOCK_RULES,
  ClockProcess,
  ClockRule,
  ClockRuleId,
  ClockUnit,
  RuleKind,
} from './rules/clock-rules';
import { RuleOverrideNotAllowedError } from './rules/compute-due';

export interface ClockDefaultView {
  ruleId: ClockRuleId;
  title: string;
  kind: RuleKind;
  unit: ClockUnit;
  source: string;
  /** The window Working Together (or the portal, for local defaults) sets. */
  ruleAmount: number;
  /** The window clocks started now get. */
  amount: number;
  /** Only local defaults can be changed, and only by the CDOP or partnership. */
  editable: boolean;
  effectiveFrom?: Date;
}

export interface DefaultsOwner {
  id: string;
  name: string;
  type: 'cdop' | 'safeguarding-partnership';
  /** Whether this user may change its defaults (its own administrator or manager). */
  canChange: boolean;
}

export interface ClockDefaultChange {
  ruleId: string;
  amount: number;
}

// A CDOP looks after child death review clocks; a safeguarding partnership those of incidents and its own
// yearly report.
const PROCESSES_OF: Record<
  string,
  { processes: ClockProcess[]; manager: 'cdop-admin' | 'partnership-manager' }
> = {
  cdop: { processes: ['cdr'], manager: 'cdop-admin' },
  'safeguarding-partnership': { processes: ['si', 'sp'], manager: 'partnership-manager' },
};

/**
 * Local defaults (statutory-windows.md): a CDOP or safeguarding partnership may set its own window for a
 * rule the guidance leaves to local arrangements. Each change is a new row in force from the moment it is
 * made, so clocks already running keep the window they started with.
 */
@Injectable()
export class ClockDefaultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
  ) {}

  async list(organisationId: string, user: AuthenticatedUser): Promise<ClockDefaultView[]> {
    const owner = await this.owner(organisationId);
    if (!user.roles.includes('system-admin') && !user.organisationIds.includes(organisationId)) {
      throw new ForbiddenException('You can only see the clock defaults of your own organisation');
    }
    return this.views(this.dataSource.manager, organisationId, owner.processes);
  }

  /** The CDOPs and partnerships whose windows the user may see: their own, or every one for system-admin. */
  async ownersFor(user: AuthenticatedUser): Promise<DefaultsOwner[]> {
    const all = user.roles.includes('system-admin');
    const rows: { id: string; name: string; type: DefaultsOwner['type'] }[] = await this.dataSource.query(
      `SELECT id, name, type FROM organisation
        WHERE type IN ('cdop', 'safeguarding-partnership') AND ($1 OR id = ANY($2::uuid[]))
        ORDER BY name`,
      [all, user.organisationIds],
    );
    return rows.map((row) => ({
      ...row,
      canChange: user.organisationIds.includes(row.id) && user.roles.includes(PROCESSES_OF[row.type].manager),
    }));
  }

  async change(
    organisationId: string,
    changes: ClockDefaultChange[],
    user: AuthenticatedUser,
  ): Promise<ClockDefaultView[]> {
    const owner = await this.owner(organisationId);
    if (!user.organisationIds.includes(organisationId) || !user.roles.includes(owner.manager)) {
      throw new ForbiddenException(
        `Only a ${owner.manager} of this organisation can change its clock defaults`,
      );
    }
    const rules = checkChanges(changes, owner.processes);
    return this.dataSource.transaction(async (m) => {
      // One change at a time per organisation, so "before" in the audit is what was really replaced.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`clock-default:${organisationId}`]);
      const before = new Map(
        (await this.views(m, organisationId, owner.processes)).map((v) => [v.ruleId, v.amount]),
      );
      const now = this.time.now();
      const audited: Record<string, { before: number; after: number }> = {};
      for (const [i, rule] of rules.entries()) {
        const previous = before.get(rule.id) ?? rule.window.amount;
        if (previous === changes[i].amount) continue;
        await m.getRepository(ClockDefault).insert({
          organisationId,
          ruleId: rule.id,
          amount: changes[i].amount,
          effectiveFrom: now,
          changedBy: user.id,
        });
        audited[rule.id] = { before: previous, after: changes[i].amount };
      }
      if (Object.keys(audited).length) {
        await this.audit.record(
          {
            action: 'clock-default.change',
            actor: user,
            organisationIds: [organisationId],
            details: { organisationId, changes: audited },
          },
          m,
        );
      }
      return this.views(m, organisationId, owner.processes);
    });
  }

  /** The window a clock of this rule gets when it starts at `at` for this CDOP or partnership. */
  async amountFor(
    m: EntityManager,
    organisationId: string | undefined,
    rule: ClockRule,
    at: Date,
  ): Promise<number> {
    if (!organisationId || !canOverride(rule)) return rule.window.amount;
    const row = await m
      .getRepository(ClockDefault)
      .createQueryBuilder('d')
      .where('d.organisationId = :organisationId AND d.ruleId = :ruleId AND d.effectiveFrom <= :at', {
        organisationId,
        ruleId: rule.id,
        at,
      })
      .orderBy('d.effectiveFrom', 'DESC')
      .addOrderBy('d.createdAt', 'DESC')
      .getOne();
    return row?.amount ?? rule.window.amount;
  }

  private async owner(organisationId: string) {
    const rows: { type: string }[] = await this.dataSource.query(
      'SELECT type FROM organisation WHERE id = $1',
      [organisationId],
    );
    if (!rows.length) throw new NotFoundException('No organisation with this id');
    const owner = PROCESSES_OF[rows[0].type];
    if (!owner) {
      throw new NotFoundException(
        `A ${rows[0].type} has no clock defaults: they belong to a CDOP or a safeguarding partnership`,
      );
    }
    return owner;
  }

  private async views(
    m: EntityManager,
    organisationId: string,
    processes: ClockProcess[],
  ): Promise<ClockDefaultView[]> {
    const current: { rule_id: string; amount: number; effective_from: Date }[] = await m.query(
      `SELECT DISTINCT ON (rule_id) rule_id, amount, effective_from FROM clock_default
        WHERE organisation_id = $1 AND effective_from <= $2
        ORDER BY rule_id, effective_from DESC, created_at DESC`,
      [organisationId, this.time.now()],
    );
    const byRule = new Map(current.map((row) => [row.rule_id, row]));
    // A clock that runs to an action's own due date has no window for anyone to set.
    const windowed = CLOCK_RULES.filter((rule) => rule.kind !== 'own-due-date');
    return windowed
      .filter((rule) => processes.includes(rule.process))
      .map((rule) => {
        const local = canOverride(rule) ? byRule.get(rule.id) : undefined;
        return {
          ruleId: rule.id,
          title: rule.title,
          kind: rule.kind,
          unit: rule.window.unit,
          source: rule.source,
          ruleAmount: rule.window.amount,
          amount: local?.amount ?? rule.window.amount,
          editable: canOverride(rule),
          ...(local ? { effectiveFrom: local.effective_from } : {}),
        };
      });
  }
}

/** Every problem with the requested changes at once, each naming its place in the list. */
function checkChanges(changes: ClockDefaultChange[], processes: ClockProcess[]): ClockRule[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const rules = changes.map((change, i) => {
    const field = `defaults[${i}].ruleId`;
    const rule = CLOCK_RULES.find((r) => r.id === change.ruleId);
    if (!rule) problems.push(`${field}: there is no clock rule ${JSON.stringify(change.ruleId)}`);
    else if (rule.kind === 'own-due-date')
      problems.push(`${field}: ${rule.id} runs to each action's own due date, so it has no window to set`);
    else if (!canOverride(rule))
      problems.push(`${field}: ${new RuleOverrideNotAllowedError(rule.id).message}`);
    else if (!processes.includes(rule.process)) {
      problems.push(`${field}: ${rule.id} is not a clock of this kind of organisation`);
    } else if (seen.has(rule.id)) problems.push(`${field}: ${rule.id} is listed twice`);
    seen.add(change.ruleId);
    return rule;
  });
  if (problems.length) throw new BadRequestException(problems);
  return rules as ClockRule[];
}
