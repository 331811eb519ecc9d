import { EmailTemplates, ReminderEmailData } from './email-templates';

const templates = new EmailTemplates();
const base: ReminderEmailData = {
  kind: 'due-soon',
  caseReference: 'CDR-2026-0042',
  ruleId: 'SI-NOTIFY',
  ruleTitle: 'Notify the serious incident to the Panel, the DfE and Ofsted',
  dueDate: '2026-06-01',
  link: 'https://portal.example/serious-incidents/0b6c&x',
};

it('says which case, which deadline and when, with a link, in the subject, text and html', () => {
  const email = templates.render(base);
  expect(email.subject).toBe('Due Monday 1 June 2026: SI-NOTIFY on case CDR-2026-0042');
  expect(email.text).toContain('Due: Monday 1 June 2026');
  expect(email.text).toContain('Notify the serious incident to the Panel, the DfE and Ofsted (SI-NOTIFY)');
  expect(email.text).toContain('https://portal.example/serious-incidents/0b6c&x');
  expect(email.html).toContain('href="https://portal.example/serious-incidents/0b6c&amp;x"');
});

it('words overdue and due-today reminders differently, with the time for an hour clock', () => {
  const overdue = templates.render({ ...base, kind: 'overdue', dueAt: new Date('2026-10-26T15:30:00Z') });
  expect(overdue.subject).toBe('Overdue: SI-NOTIFY on case CDR-2026-0042');
  expect(overdue.text).toContain('Due: 3:30pm on Monday 1 June 2026');
  expect(templates.render({ ...base, kind: 'due-today' }).subject).toMatch(/^Due today: /);
});

it('escalates with its own wording', () => {
  const email = templates.render({ ...base, kind: 'escalation' });
  expect(email.subject).toBe('Escalation: statutory deadline SI-NOTIFY overdue on case CDR-2026-0042');
  expect(email.text).toContain('You are told as a manager of the organisation that owns the case');
});

describe('other capabilities’ templates by name', () => {
  const invitation = {
    name: 'Lucy Hart',
    caseReference: 'CDR-2026-0042',
    when: 'Monday 20 April 2026 at 9:30am',
    location: 'Room 2, Civic & Court Centre',
    link: 'https://portal.example/child-deaths/0b6c',
  };

  it('renders the meeting invitation with when and where, escaping only the html', () => {
    const email = templates.renderTemplate('child-deaths/cdrm-invitation', invitation);
    expect(email.subject).toBe('Child death review meeting: case CDR-2026-0042');
    expect(email.text).toContain('Monday 20 April 2026 at 9:30am');
    expect(email.text).toContain('Room 2, Civic & Court Centre');
    expect(email.html).toContain('Where: Room 2, Civic &amp; Court Centre');
    const nowhere = templates.renderTemplate('child-deaths/cdrm-invitation', { ...invitation, location: '' });
    expect(nowhere.text).not.toContain('Where:');
  });

  it('refuses a name that is not a template under templates/email, and a value the template needs', () => {
    expect(() => templates.renderTemplate('../pdf/case', {})).toThrow(/Not an email template name/);
    const { when: _when, ...incomplete } = invitation;
    expect(() => templates.renderTemplate('child-deaths/cdrm-invitation', incomplete)).toThrow(/when/);
  });
});
