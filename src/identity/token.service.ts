import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser, Role } from './permissions';
import { newSecret, sha256 } from './secrets';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

interface PrincipalRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationIds: string[];
  enrolmentOnly: boolean;
}

/** Short-lived bearer tokens for the API. Only their SHA-256 is stored; revoking deletes the row. */
@Injectable()
export class TokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async issue(userId: string, options: { enrolmentOnly?: boolean } = {}): Promise<IssuedToken> {
    const token = newSecret('cdr_');
    const expiresAt = new Date(Date.now() + this.config.TOKEN_TTL_MINUTES * 60_000);
    await this.dataSource.query(
      `INSERT INTO api_token (token_hash, user_id, enrolment_only, expires_at) VALUES ($1, $2, $3, $4)`,
      [sha256(token), userId, options.enrolmentOnly ?? false, expiresAt],
    );
    return { token, expiresAt };
  }

  /** The active user a live token belongs to, or null. Checked on every request, so revocation is immediate. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const tokenHash = sha256(token);
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.roles, u.organisation_ids AS "organisationIds",
              t.enrolment_only AS "enrolmentOnly"
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.expires_at > now() AND u.active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      organisationIds: row.organisationIds,
      via: 'token',
      tokenId: tokenHash,
      ...(row.enrolmentOnly ? { mfaEnrolmentOnly: true } : {}),
    };
  }

  /** `tokenId` is the stored hash, as found on AuthenticatedUser. */
  async revoke(tokenId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM api_token WHERE token_hash = $1`, [tokenId]);
  }
}
