import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/optimistic-lock';
import { LockoutService } from './lockout.service';
import { OrganisationsService } from './organisations.service';
import { passwordProblems } from './password-policy';
import { hashPassword } from './passwords';
import type { AuthenticatedUser, Role } from './permissions';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { User } from './user.entity';

const EMAIL_TAKEN = 'A user with this email address already exists';
const SECRET_COLUMNS = ['passwordHash', 'mfaSecret', 'mfaPendingSecret', 'mfaLastStep'] as const;

/** A user with the columns that are never selected by default: for sign-in checks only, never returned. */
export type UserWithSecrets = User;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly lockout: LockoutService,
  ) {}

  /** `actor` is null only for the system itself (first administrator, demo data, tests). */
  async create(
    input: CreateUserDto,
    actor: AuthenticatedUser | null,
    options: { manager?: EntityManager; skipPasswordPolicy?: boolean } = {},
  ): Promise<User> {
    const email = input.email.trim();
    const name = input.name.trim();
    const problems = options.skipPasswordPolicy ? [] : passwordProblems(input.password, { email, name });
    await this.assertOrganisationsExist(input.organisationIds, problems);
    if (problems.length) throw new BadRequestException(problems);
    const passwordHash = await hashPassword(input.password);
    const insert = async (m: EntityManager) => {
      if (await this.emailTaken(m, email)) throw new ConflictException(EMAIL_TAKEN);
      const user = await m
        .save(
          m.create(User, {
            email,
            name,
            passwordHash,
            roles: [...new Set(input.roles)],
            organisationIds: [...new Set(input.organisationIds)],
          }),
        )
        .catch((error: { code?: string }) => {
          // Two requests for the same email at once: the unique index decides, the loser hears why.
          throw error.code === '23505' ? new ConflictException(EMAIL_TAKEN) : error;
        });
      await this.audit.record(
        {
          action: 'admin.user-create',
          actor,
          details: { targetUserId: user.id, roles: user.roles, organisationIds: user.organisationIds },
        },
        m,
      );
      return this.reload(m, user.id);
    };
    return options.manager ? insert(options.manager) : this.dataSource.transaction(insert);
  }

  async update(id: string, patch: UpdateUserDto, actor: AuthenticatedUser): Promise<User> {
    const problems: string[] = [];
    if (patch.organisationIds) await this.assertOrganisationsExist(patch.organisationIds, problems);
    if (problems.length) throw new BadRequestException(problems);
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('No user with this id');
      assertVersion(user, patch.version, 'user');
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      const change = <K extends 'active' | 'roles' | 'organisationIds'>(
        field: K,
        after: User[K] | undefined,
      ) => {
        if (after === undefined || JSON.stringify(user[field]) === JSON.stringify(after)) return;
        changes[field] = { before: user[field], after };
        user[field] = after;
      };
      change('active', patch.active);
      change('roles', patch.roles && [...new Set(patch.roles)]);
      change('organisationIds', patch.organisationIds && [...new Set(patch.organisationIds)]);
      if (Object.keys(changes).length) {
        await m.save(user);
        await this.assertAnActiveSystemAdminRemains(m);
      }
      if (changes.active && !user.active) await this.endAllSignIns(m, user.id);
      if (patch.unlock) await this.lockout.clear(user.email, m);
      if (Object.keys(changes).length || patch.unlock) {
        await this.audit.record(
          {
            action: 'admin.user-update',
            actor,
            details: { targetUserId: user.id, changes, ...(patch.unlock ? { unlocked: true } : {}) },
          },
          m,
        );
      }
      return this.reload(m, user.id);
    });
  }

  /**
   * For someone who lost their phone: the TOTP secret is removed and they are signed out everywhere, so
   * their next sign-in asks them to set up an app again (if their role needs one).
   */
  async resetMfa(
    actor: AuthenticatedUser,
    userId: string,
    manager?: EntityManager,
    version?: number,
  ): Promise<User> {
    const reset = async (m: EntityManager) => {
      const user = await m.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('No user with this id');
      assertVersion(user, version, 'user');
      await m.query(
        `UPDATE app_user SET mfa_enabled = false, mfa_secret = NULL, mfa_pending_secret = NULL,
                mfa_last_step = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [userId],
      );
      await this.endAllSignIns(m, userId);
      await this.audit.record(
        { action: 'admin.user-mfa-reset', actor, details: { targetUserId: userId } },
        m,
      );
      return this.reload(m, userId);
    };
    return manager ? reset(manager) : this.dataSource.transaction(reset);
  }

  /** All users, or for a non-system-admin only those sharing one of `organisationIds`. */
  list(organisationIds?: string[]): Promise<User[]> {
    const query = this.dataSource.getRepository(User).createQueryBuilder('u').orderBy('lower(u.name)');
    if (organisationIds) query.where('u.organisation_ids && :ids::uuid[]', { ids: organisationIds });
    return query.getMany();
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  /** Includes the password hash and TOTP secrets: for the sign-in checks only. */
  findWithSecretsByEmail(email: string): Promise<UserWithSecrets | null> {
    return this.withSecrets().where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  findWithSecretsById(id: string): Promise<UserWithSecrets | null> {
    return this.withSecrets().where('u.id = :id', { id }).getOne();
  }

  /** Deletes every session and token of the user: they are signed out everywhere at once. */
  async endAllSignIns(
    m: EntityManager,
    userId: string,
    except: { tokenId?: string; sessionId?: string } = {},
  ) {
    await m.query(`DELETE FROM api_token WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2`, [
      userId,
      except.tokenId ?? null,
    ]);
    await m.query(`DELETE FROM web_session WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2`, [
      userId,
      except.sessionId ?? null,
    ]);
  }

  async hasAnyUserWithRole(role: Role, m: EntityManager, activeOnly = false): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM app_user WHERE $1 = ANY(roles) AND (active OR NOT $2) LIMIT 1`,
      [role, activeOnly],
    );
    return rows.length > 0;
  }

  private withSecrets() {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(SECRET_COLUMNS.map((column) => `u.${column}`));
  }

  private async reload(m: EntityManager, id: string): Promise<User> {
    return m.findOneOrFail(User, { where: { id } });
  }

  private async emailTaken(m: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  private async assertOrganisationsExist(ids: string[], problems: string[]): Promise<void> {
    const known = await this.organisations.existing(ids);
    for (const id of ids)
      if (!known.has(id)) problems.push(`organisationIds: ${id} is not a known organisation`);
  }

  private async assertAnActiveSystemAdminRemains(m: EntityManager): Promise<void> {
    if (!(await this.hasAnyUserWithRole('system-admin', m, true))) {
      throw new ConflictException('This change would leave no active system administrator');
    }
  }
}
