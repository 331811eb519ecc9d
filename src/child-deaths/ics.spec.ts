import { invitationIcs } from './ics';

const invite = {
  uid: 'meeting-1@cdr-portal',
  start: new Date('2026-04-20T09:30:00Z'),
  durationMinutes: 120,
  summary: 'Child death review meeting: CDR-2026-0001',
  description: 'Case CDR-2026-0001; bring your agency, notes',
  location: 'Room 2, Civic Centre',
  organiserEmail: 'no-reply@cdr-portal.local',
  attendees: [
    { name: 'Dr Sam Patel', email: 'sam.patel@nhs.example' },
    { name: 'DC Lee', email: undefined },
  ],
  stamp: new Date('2026-03-10T10:00:00Z'),
};

describe('invitationIcs', () => {
  const ics = invitationIcs(invite);
  const unfolded = ics.replace(/\r\n /g, '');

  it('is a calendar request with the meeting in UTC', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART:20260420T093000Z');
    expect(ics).toContain('DTEND:20260420T113000Z');
  });

  it('escapes commas and semicolons in text', () => {
    expect(unfolded).toContain('DESCRIPTION:Case CDR-2026-0001\\; bring your agency\\, notes');
  });

  it('invites attendees by email and ends every line with CRLF', () => {
    expect(unfolded).toContain(
      'ATTENDEE;CN=Dr Sam Patel;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:sam.patel@nhs.example',
    );
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('folds long lines at 75 octets', () => {
    const long = invitationIcs({ ...invite, description: 'x'.repeat(200) });
    expect(long.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(long).toContain('\r\n x');
  });
});
