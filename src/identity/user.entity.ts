import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import type { Role } from './permissions';

/** A person who can sign in. Secrets are excluded from default selects so they cannot leak by accident. */
@Entity('app_user')
export class User extends BaseRecord {
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { name: 'organisation_ids', array: true, default: () => "'{}'" })
  organisationIds!: string[];

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('boolean', { name: 'mfa_enabled', default: false })
  mfaEnabled!: boolean;

  @Column('text', { name: 'mfa_secret', nullable: true, select: false })
  mfaSecret!: string | null;

  /** A secret handed out at enrolment, until the user proves their app holds it by entering a code. */
  @Column('text', { name: 'mfa_pending_secret', nullable: true, select: false })
  mfaPendingSecret!: string | null;

  /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
  @Column('bigint', { name: 'mfa_last_step', nullable: true, select: false })
  mfaLastStep!: string | null;

  @Column('timestamptz', { name: 'password_changed_at', default: () => 'now()' })
  passwordChangedAt!: Date;
}

/** What the API shows of a user: never the password, its hash or the TOTP secret. */
export interface UserView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  email: string;
  name: string;
  roles: Role[];
  organisationIds: string[];
  active: boolean;
  mfaEnabled: boolean;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organisationIds: user.organisationIds,
    active: user.active,
    mfaEnabled: user.mfaEnabled,
  };
}
