import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser, Role } from './permissions';
import { newSecret, sha256 } from './secrets';

/** The web session cookie. httpOnly, SameSite=Lax, Secure behind TLS: set by the web layer. */
export const SESSION_COOKIE = 'cdr_session';

/** However active, a web session ends after this long and the person signs in again. */
export const SESSION_MAX_HOURS = 12;

export interface CreatedSession {
  /** The cookie value. A credential: never log it or store it anywhere but the cookie. */
  id: string;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationIds: string[];
  enrolmentOnly: boolean;
}

/**
 * Web sessions, kept in PostgreSQL (only the SHA-256 of the cookie value), ending after
 * SESSION_IDLE_MINUTES without a request, after SESSION_MAX_HOURS, on sign-out, or when the user is
 * deactivated.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(
    userId: string,
    ip: string | undefined,
    options: { enrolmentOnly?: boolean } = {},
  ): Promise<CreatedSession> {
    const id = newSecret('');
    const expiresAt = new Date(Date.now() + SESSION_MAX_HOURS * 3_600_000);
    await this.dataSource.query(
      `INSERT INTO web_session (id_hash, user_id, enrolment_only, ip, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [sha256(id), userId, options.enrolmentOnly ?? false, ip ?? null, expiresAt],
    );
    return { id, expiresAt };
  }

  /** The signed-in user for a cookie value, or null when the session is unknown, idle too long or over. */
  async get(id: string): Promise<AuthenticatedUser | null> {
    const idHash = sha256(id);
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [SessionRow[], number] = await this.dataSource.query(
      `UPDATE web_session s SET last_seen_at = now()
         FROM app_user u
        WHERE s.id_hash = $1 AND u.id = s.user_id AND u.active
          AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
        RETURNING u.id, u.email, u.name, u.roles, u.organisation_ids AS "organisationIds",
                  s.enrolment_only AS "enrolmentOnly"`,
      [idHash, this.config.SESSION_IDLE_MINUTES],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      organisationIds: row.organisationIds,
      via: 'session',
      sessionId: idHash,
      ...(row.enrolmentOnly ? { mfaEnrolmentOnly: true } : {}),
    };
  }

  /** Ends a session given its cookie value. */
  async destroy(id: string): Promise<void> {
    await this.destroyById(sha256(id));
  }

  /** Ends a session given its stored id (`AuthenticatedUser.sessionId`). */
  async destroyById(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM web_session WHERE id_hash = $1`, [sessionId]);
  }
}
