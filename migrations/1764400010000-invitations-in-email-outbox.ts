import { MigrationInterface, QueryRunner } from 'typeorm';

const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=REQUEST';

/**
 * Meeting invitations join the reminders' email outbox, so one sender retries every email and one page
 * shows administrators what could not be delivered. Invitations not yet sent move across with their state.
 */
export class InvitationsInEmailOutbox1764400010000 implements MigrationInterface {
  name = 'InvitationsInEmailOutbox1764400010000';

  async up(q: QueryRunner): Promise<void> {
    // message_key makes a message idempotent where no reminder does (one invitation per meeting and address).
    await q.query(`
      ALTER TABLE email_outbox
        ALTER COLUMN reminder_id DROP NOT NULL,
        ADD COLUMN kind text NOT NULL DEFAULT 'reminder',
        ADD COLUMN message_key text UNIQUE,
        ADD COLUMN case_reference text,
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT email_outbox_reminder_kind CHECK ((kind = 'reminder') = (reminder_id IS NOT NULL))`);
    await q.query(`ALTER TABLE email_outbox ALTER COLUMN kind DROP DEFAULT`);
    await q.query(`
      UPDATE email_outbox o SET case_reference = c.case_reference
        FROM reminder r JOIN clock c ON c.id = r.clock_id
       WHERE r.id = o.reminder_id`);
    await q.query(
      `INSERT INTO email_outbox (created_at, updated_at, kind, message_key, case_reference, to_address, subject,
                                 text_body, html_body, attachments, status, attempts, next_attempt_at,
                                 last_attempt_at, last_error, sent_at)
       SELECT e.created_at, e.updated_at, 'cdrm-invitation', 'cdrm-invitation:' || e.meeting_id || ':' || e.to_address,
              c.reference, e.to_address, e.subject, e.text_body, e.html_body,
              jsonb_build_array(jsonb_build_object('filename', 'invitation.ics', 'contentType', $1::text,
                                                   'content', e.ics)),
              e.status, e.attempts, e.next_attempt_at, e.last_attempt_at, e.last_error, e.sent_at
         FROM cdr_invitation_email e
         JOIN cdr_review_meeting m ON m.id = e.meeting_id
         JOIN cdr_case c ON c.id = m.case_id`,
      [ICS_CONTENT_TYPE],
    );
    await q.query(`DROP TABLE cdr_invitation_email`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cdr_invitation_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        meeting_id uuid NOT NULL REFERENCES cdr_review_meeting (id),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        ics text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        last_error text,
        sent_at timestamptz,
        CONSTRAINT cdr_invitation_once UNIQUE (meeting_id, to_address)
      )`);
    await q.query(
      `CREATE INDEX cdr_invitation_pending ON cdr_invitation_email (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`
      INSERT INTO cdr_invitation_email (created_at, updated_at, meeting_id, to_address, subject, text_body,
                                        html_body, ics, status, attempts, next_attempt_at, last_attempt_at,
                                        last_error, sent_at)
      SELECT created_at, updated_at, split_part(message_key, ':', 2)::uuid, to_address, subject, text_body,
             html_body, attachments -> 0 ->> 'content', status, attempts, next_attempt_at, last_attempt_at,
             last_error, sent_at
        FROM email_outbox WHERE kind = 'cdrm-invitation'`);
    await q.query(`DELETE FROM email_outbox WHERE kind <> 'reminder'`);
    await q.query(`
      ALTER TABLE email_outbox
        DROP CONSTRAINT email_outbox_reminder_kind,
        DROP COLUMN attachments,
        DROP COLUMN case_reference,
        DROP COLUMN message_key,
        DROP COLUMN kind,
        ALTER COLUMN reminder_id SET NOT NULL`);
  }
}
