import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { londonDateOf } from '../calendar/iso-date';
import { addCalendarMonths } from '../calendar/working-days';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from '../identity/permissions';
import { EmailOutboxService } from '../reminders/email-outbox.service';
import { formatDateTime } from '../web/rendering/formatting';
import { CaseClocks } from './case-clocks.service';
import { casePagePath } from './case-path';
import { CASE_WORKERS, CaseStore } from './case-store.service';
import type { MeetingHeldDto, ScheduleMeetingDto } from './dto/meetings.dto';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { ReviewMeeting } from './entities/review-meeting.entity';
import { invitationIcs } from './ics';
import { NoticesService } from './notices.service';
import { instantOn } from './when';

const MEETING_MINUTES = 120;
const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=REQUEST';
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/London' });

/** Advice when scheduling a CDRM (WT 453): at least a month's notice, and not before the post-mortem report. */
export function meetingWarnings(
  c: Pick<ChildDeathCase, 'investigations'>,
  scheduledFor: Date,
  today: string,
): string[] {
  const warnings: string[] = [];
  if (londonDateOf(scheduledFor) < addCalendarMonths(today, 1)) {
    warnings.push(
      'Less than one month’s notice: give attendees at least a month’s notice of a child death review meeting (Working Together 2026, paragraph 453).',
    );
  }
  if (c.investigations.postMortem?.status === 'awaited') {
    warnings.push(
      'The post-mortem report is not in yet: the meeting should not be held before it is available (Working Together 2026, paragraph 453).',
    );
  }
  return warnings;
}

/** The child death review meeting: scheduled with invitations, then held (which starts CDR-DRAFT-ANALYSIS). */
@Injectable()
export class ReviewMeetingsService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
    private readonly notices: NoticesService,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
  ) {}

  async schedule(user: AuthenticatedUser, caseId: string, body: ScheduleMeetingDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      if (c.cdrmHeldOn) throw new ConflictException('The child death review meeting has already been held');
      const scheduledFor = new Date(body.scheduledFor);
      const warnings = meetingWarnings(c, scheduledFor, this.store.today());
      const repo = m.getRepository(ReviewMeeting);
      const meeting = await repo.save(
        repo.create({
          caseId: c.id,
          scheduledFor,
          location: body.location ?? null,
          attendees: body.attendees.map((a) => ({ ...a })),
          warnings,
          status: 'scheduled',
        }),
      );
      await this.invite(m, c, meeting);
      const moved = this.store.advance(c, 'awaiting-cdrm', user, false);
      await this.store.save(m, user, c, 'cdrm-scheduled', moved, { meetingId: meeting.id, warnings });
      return { ...this.view(meeting), warnings };
    });
  }

  /** Holding the meeting meets CDR-CDRM and starts CDR-DRAFT-ANALYSIS. */
  async held(user: AuthenticatedUser, caseId: string, meetingId: string, body: MeetingHeldDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      const repo = m.getRepository(ReviewMeeting);
      const meeting = await repo.findOne({
        where: { id: meetingId, caseId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!meeting) throw new NotFoundException('No meeting with this id was found on this case');
      if (meeting.status !== 'scheduled')
        throw new ConflictException(`This meeting is already ${meeting.status}`);
      const today = this.store.today();
      if (body.heldOn > today) throw new BadRequestException(['heldOn: cannot be in the future']);
      if (body.heldOn < c.dateOfDeath) throw new BadRequestException(['heldOn: cannot be before the death']);
      const moved = this.store.advance(c, 'cdrm-held', user, true);
      meeting.status = 'held';
      meeting.heldOn = body.heldOn;
      meeting.attended = body.attended;
      meeting.notes = body.notes ?? null;
      const saved = await repo.save(meeting);
      c.cdrmHeldOn = body.heldOn;
      await this.clocks.meet(m, c, 'CDR-CDRM', instantOn(body.heldOn, today, this.store.now()));
      await this.clocks.start(m, c, 'CDR-DRAFT-ANALYSIS', { date: body.heldOn });
      await this.store.save(
        m,
        user,
        c,
        'cdrm-held',
        { cdrmHeldOn: { before: null, after: body.heldOn }, ...moved },
        {
          meetingId: meeting.id,
        },
      );
      return this.view(saved);
    });
  }

  async list(user: AuthenticatedUser, caseId: string) {
    const c = await this.store.read(user, caseId, 'review-meetings');
    const meetings = await this.store.dataSource
      .getRepository(ReviewMeeting)
      .find({ where: { caseId: c.id }, order: { scheduledFor: 'ASC' } });
    return meetings.map((meeting) => this.view(meeting));
  }

  /** The meeting's calendar file, for attendees with an account and for the administrator to forward. */
  async invitation(user: AuthenticatedUser, caseId: string, meetingId: string): Promise<string> {
    const c = await this.store.read(user, caseId, 'review-meeting-invitation');
    const meeting = await this.store.dataSource
      .getRepository(ReviewMeeting)
      .findOneBy({ id: meetingId, caseId: c.id });
    if (!meeting) throw new NotFoundException('No meeting with this id was found on this case');
    return this.ics(c, meeting);
  }

  private ics(c: ChildDeathCase, meeting: ReviewMeeting): string {
    return invitationIcs({
      uid: `${meeting.id}@cdr-portal`,
      start: meeting.scheduledFor,
      durationMinutes: MEETING_MINUTES,
      summary: `Child death review meeting: case ${c.reference}`,
      description: `Child death review meeting for case ${c.reference}. Details: ${this.config.publicUrl}${casePagePath(c.id)}`,
      ...(meeting.location ? { location: meeting.location } : {}),
      organiserEmail: this.config.MAIL_FROM,
      attendees: meeting.attendees.map((a) => ({ name: a.name, email: a.email })),
      stamp: meeting.createdAt,
    });
  }

  /** Attendees with an account get an in-app notice; everyone with an email address gets the invitation. */
  private async invite(m: EntityManager, c: ChildDeathCase, meeting: ReviewMeeting): Promise<void> {
    const ics = this.ics(c, meeting);
    const emails = meeting.attendees.flatMap((a) => (a.email ? [a.email] : []));
    const accounts = await this.notices.usersByEmail(m, emails);
    await this.notices.send(
      m,
      accounts.map((a) => a.id),
      {
        caseId: c.id,
        kind: 'cdrm-invitation',
        key: `cdrm-invitation:${meeting.id}`,
        message: `You are invited to the child death review meeting for case ${c.reference}.`,
        link: casePagePath(c.id),
        attachment: { filename: 'invitation.ics', contentType: 'text/calendar', content: ics },
      },
    );
    // The attendee's own name, the case reference, when and where: never the child.
    const when = `${WEEKDAY.format(meeting.scheduledFor)} ${formatDateTime(meeting.scheduledFor)}`;
    for (const attendee of meeting.attendees) {
      if (!attendee.email) continue;
      await this.outbox.enqueue(m, {
        kind: 'cdrm-invitation',
        key: `cdrm-invitation:${meeting.id}:${attendee.email}`,
        caseReference: c.reference,
        to: attendee.email,
        template: 'child-deaths/cdrm-invitation',
        context: {
          name: attendee.name,
          caseReference: c.reference,
          when,
          location: meeting.location ?? '',
          link: `${this.config.publicUrl}${casePagePath(c.id)}`,
        },
        attachments: [{ filename: 'invitation.ics', contentType: ICS_CONTENT_TYPE, content: ics }],
      });
    }
  }

  private view(meeting: ReviewMeeting) {
    return {
      id: meeting.id,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
      version: meeting.version,
      caseId: meeting.caseId,
      scheduledFor: meeting.scheduledFor,
      location: meeting.location,
      attendees: meeting.attendees,
      warnings: meeting.warnings,
      status: meeting.status,
      heldOn: meeting.heldOn,
      attended: meeting.attended,
      notes: meeting.notes,
    };
  }
}
