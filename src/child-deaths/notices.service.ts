import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TimeSource } from '../calendar/time-source';
import type { AuthenticatedUser, Role } from '../identity/permissions';
import { Notice, NoticeKind } from './entities/notice.entity';

export interface NoticeInput {
  caseId: string | null;
  kind: NoticeKind;
  /** Unique per user: sending the same notice twice records it once. */
  key: string;
  message: string;
  link: string;
  attachment?: Notice['attachment'];
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** In-app notices for child death work: who was told what, and when they read it. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  /** Active users holding `role` in any of the organisations. */
  async usersWithRole(m: EntityManager, role: Role, organisationIds: string[]): Promise<Recipient[]> {
    if (!organisationIds.length) return [];
    return m.query(
      `SELECT id, name, email FROM app_user
        WHERE active AND $1 = ANY(roles) AND organisation_ids && $2::uuid[]
        ORDER BY name, id`,
      [role, organisationIds],
    );
  }

  async usersByEmail(m: EntityManager, emails: string[]): Promise<Recipient[]> {
    if (!emails.length) return [];
    return m.query(`SELECT id, name, email FROM app_user WHERE active AND lower(email) = ANY($1::text[])`, [
      emails.map((e) => e.toLowerCase()),
    ]);
  }

  /** Sends the notice to each user; returns how many were newly told. */
  async send(m: EntityManager, userIds: string[], input: NoticeInput): Promise<number> {
    let sent = 0;
    for (const userId of new Set(userIds)) {
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(Notice)
        .values({
          userId,
          caseId: input.caseId,
          kind: input.kind,
          noticeKey: input.key,
          message: input.message,
          link: input.link,
          attachment: input.attachment ?? null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      sent += result.raw.length;
    }
    return sent;
  }

  mine(user: AuthenticatedUser, unreadOnly = false): Promise<Notice[]> {
    return this.dataSource.getRepository(Notice).find({
      where: { userId: user.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  async one(user: AuthenticatedUser, noticeId: string): Promise<Notice> {
    const notice = await this.dataSource.getRepository(Notice).findOneBy({ id: noticeId, userId: user.id });
    if (!notice) throw new NotFoundException('No notice with this id was found');
    return notice;
  }

  async markRead(user: AuthenticatedUser, noticeId: string): Promise<Notice> {
    const notice = await this.one(user, noticeId);
    if (!notice.readAt) {
      notice.readAt = this.time.now();
      return this.dataSource.getRepository(Notice).save(notice);
    }
    return notice;
  }
}
