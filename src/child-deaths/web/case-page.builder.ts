import type { DeadlineView } from '../../deadlines/deadline-view';
import type { AuthenticatedUser } from '../../identity/permissions';
import type { CasePage, TimelineEvent } from '../../web/case/case-page';
import { formatDate, formatDateTime } from '../../web/rendering/formatting';
import type { CaseView } from '../case-view';
import { PLACE_OF_DEATH_LABELS } from '../forms/notification-options';
import { CASE_STATE_LABELS, CaseState, PAUSE_REASON_LABELS, PauseReason } from '../rules/case-lifecycle';
import { JAR_CRITERIA } from '../rules/joint-agency-response';

const SECTIONS = [
  { id: 'notifications', title: 'Notifications' },
  { id: 'jar', title: 'Joint agency response' },
  { id: 'family', title: 'Family and key worker' },
  { id: 'reports', title: 'Reports from agencies' },
  { id: 'investigations', title: 'Post-mortem, inquest and investigations' },
  { id: 'cdrm', title: 'Child death review meeting' },
  { id: 'analysis', title: 'Analysis and CDOP review' },
  { id: 'serious-incident', title: 'Serious incident notification' },
];

const STATE_TAGS: Partial<Record<CaseState, string>> = {
  notified: 'govuk-tag--blue',
  'jar-in-progress': 'govuk-tag--orange',
  'information-gathering': 'govuk-tag--light-blue',
  'awaiting-cdrm': 'govuk-tag--purple',
  'cdrm-held': 'govuk-tag--purple',
  'awaiting-cdop': 'govuk-tag--pink',
  'reviewed-by-cdop': 'govuk-tag--green',
  'submitted-to-ncmd': 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

const FIELD_LABELS: Record<string, string> = {
  'child.givenName': 'First name',
  'child.familyName': 'Last name',
  'child.dateOfBirth': 'Date of birth',
  'child.sex': 'Sex',
  'child.nhsNumber': 'NHS number',
  'child.nhsNumberMissingReason': 'Reason there is no NHS number',
  'child.postcode': 'Postcode',
  'child.ethnicity': 'Ethnicity',
  dateOfDeath: 'Date of death',
  timeOfDeath: 'Time of death',
  placeOfDeath: 'Place of death',
  expected: 'Expected',
  lookedAfter: 'Looked after',
  residentLocalAuthorityId: 'Where the child lived',
  placeOfDeathLocalAuthorityId: 'Where the child died',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function answerText(value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (Array.isArray(value)) return `${value.length} listed`;
  return String(value ?? '');
}

/** What the signed-in person may do here, so the page offers only the actions that will work. */
export function abilities(user: AuthenticatedUser, view: CaseView) {
  const admin = user.roles.includes('cdop-admin');
  const doctor = user.roles.includes('designated-doctor');
  const worker = admin || doctor;
  const open = view.status !== 'closed';
  return {
    decideJar: doctor && open,
    recordJar: worker && open && view.jar.decision?.required === true,
    worker: worker && open,
    admin: admin && open,
    finalise:
      (admin || doctor || user.roles.includes('cdop-panel-member')) &&
      (view.status === 'cdrm-held' || view.status === 'awaiting-cdop'),
    closeable: admin && view.status === 'submitted-to-ncmd' && !view.paused,
    ncmd: admin && view.status === 'reviewed-by-cdop',
  };
}

/** The layout's model for a child death case. */
export function casePageModel(view: CaseView, deadlines: DeadlineView[], user: AuthenticatedUser): CasePage {
  const can = abilities(user, view);
  const child = view.child as { givenName?: string; familyName?: string; nhsNumber?: string };
  const actions = [
    ...(can.decideJar && !view.jar.decision
      ? [{ text: 'Decide on the joint agency response', href: `/child-deaths/${view.id}/jar-decision` }]
      : []),
    ...(can.admin
      ? [{ text: 'Ask agencies for reports', href: `/child-deaths/${view.id}/reporting-requests/new` }]
      : []),
  ];
  return {
    kind: 'Child death',
    reference: view.reference,
    title: [child.givenName, child.familyName].filter(Boolean).join(' '),
    status: {
      text: view.paused ? `${view.statusLabel} (paused)` : view.statusLabel,
      classes: view.paused ? 'govuk-tag--grey' : STATE_TAGS[view.status],
    },
    summary: [
      { key: 'Date of birth', value: formatDate(view.child.dateOfBirth) },
      { key: 'Date of death', value: formatDate(view.dateOfDeath) },
      { key: 'Age at death', value: ageText(view.ageAtDeath) },
      { key: 'NHS number', value: child.nhsNumber ?? 'Not given' },
      {
        key: 'Place of death',
        value: PLACE_OF_DEATH_LABELS[view.placeOfDeath as keyof typeof PLACE_OF_DEATH_LABELS] ?? 'Not given',
      },
      { key: 'Expected death', value: view.expected ? 'Yes' : 'No' },
      { key: 'Reviewing CDOP', value: view.owningCdop?.name ?? '' },
      ...(view.sharedWithCdops.length
        ? [{ key: 'Also visible to', value: view.sharedWithCdops.map((c) => c?.name).join(', ') }]
        : []),
      ...(view.paused
        ? [
            {
              key: 'Paused because',
              value:
                PAUSE_REASON_LABELS[view.paused.reason as PauseReason] +
                (view.paused.text ? `: ${view.paused.text}` : ''),
            },
          ]
        : []),
    ],
    actions,
    sections: SECTIONS,
    clocks: deadlines.map((d) => ({
      rule: d.rule,
      name: d.rule === 'CDR-AGENCY-RETURN' ? `${d.title} (${recipientOf(view, d.subject)})` : d.title,
      dueDate: d.dueDate,
      ...(d.dueAt ? { dueAt: new Date(d.dueAt).toISOString() } : {}),
      status: d.status,
      ...(d.pausedReason ? { pausedReason: PAUSE_REASON_LABELS[d.pausedReason] } : {}),
    })),
    timeline: timeline(view),
    documents: [
      {
        name: 'Notification summary',
        href: `/api/child-deaths/${view.id}/notification-summary.pdf`,
        description: 'PDF, produced when you open it',
      },
      ...(view.analysis
        ? [
            {
              name: view.analysis.status === 'final' ? 'Analysis form (final)' : 'Analysis form (draft)',
              href: `/api/child-deaths/${view.id}/analysis.pdf`,
              description: 'PDF, produced when you open it',
            },
          ]
        : []),
      ...view.reviewMeetings.map((m) => ({
        name: 'Review meeting invitation (calendar file)',
        href: `/api/child-deaths/${view.id}/review-meetings/${m.id}/invitation.ics`,
        addedAt: m.createdAt,
      })),
      ...view.reportingRequests
        .filter((r) => r.returnedAt)
        .map((r) => ({
          name: `${r.title}: ${r.recipient.organisation}`,
          href: `/child-deaths/${view.id}/reporting-requests/${r.id}`,
          addedAt: r.returnedAt!,
          addedBy: r.recipient.name,
        })),
    ],
  };
}

function recipientOf(view: CaseView, requestId: string | undefined): string {
  return view.reportingRequests.find((r) => r.id === requestId)?.recipient.organisation ?? 'agency';
}

function ageText(age: { days: number; years: number }): string {
  if (age.years >= 1) return `${age.years} year${age.years === 1 ? '' : 's'}`;
  return `${age.days} day${age.days === 1 ? '' : 's'}`;
}

/** The case's states as it moved through them, with the notifications and milestones between. */
function timeline(view: CaseView): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...view.timeline.map((t) => ({ at: t.at, title: CASE_STATE_LABELS[t.state as CaseState] ?? t.label })),
    ...view.notifications.map((n) => ({
      at: n.notifiedAt,
      title: 'Death notified',
      detail: `${n.notifier.name}, ${n.notifier.role}, ${n.notifier.organisation}`,
    })),
    ...(view.jar.decision
      ? [
          {
            at: view.jar.decision.decidedAt,
            title: view.jar.decision.required
              ? 'Joint agency response required'
              : 'No joint agency response needed',
            by: view.jar.decision.decidedByName,
            detail: view.jar.decision.reason,
          },
        ]
      : []),
    ...view.reviewMeetings
      .filter((m) => m.heldOn)
      .map((m) => ({
        at: m.updatedAt,
        title: 'Child death review meeting held',
        detail: `Held on ${m.heldOn}`,
      })),
  ];
  const time = (at: Date | string) => new Date(at).getTime();
  return events.sort((a, b) => time(b.at) - time(a.at));
}

/** The joint agency response criteria, each with whether it fired. */
export function jarCriteria(view: CaseView) {
  return JAR_CRITERIA.map((c) => ({
    id: c.id,
    text: c.text,
    fired: view.jar.evaluation.criteria.includes(c.id),
  }));
}

const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
const when = (instant: string | undefined) => formatDateTime(instant);

const POST_MORTEM: Record<string, string> = {
  'not-required': 'Not required',
  awaited: 'Report awaited',
  'report-received': 'Report received',
};

/** Summary rows for the proceedings that can hold the review up. */
export function investigationRows(view: CaseView) {
  const { postMortem, coroner, criminalInvestigation } = view.investigations;
  return [
    row(
      'Post-mortem',
      postMortem
        ? `${POST_MORTEM[postMortem.status]}${postMortem.reportReceivedOn ? ` on ${formatDate(postMortem.reportReceivedOn)}` : ''}`
        : 'Not recorded',
    ),
    row(
      'Coroner and inquest',
      coroner
        ? `${coroner.involved ? 'Coroner involved' : 'Coroner not involved'}; inquest: ${coroner.inquest}`
        : 'Not recorded',
    ),
    row('Criminal investigation', criminalInvestigation?.status ?? 'Not recorded'),
  ];
}

/** Summary rows for the joint agency response record, when there is one. */
export function jarRecordRows(view: CaseView) {
  const record = view.jar.record;
  if (!record) return null;
  const visit = record.homeVisit;
  return [
    row(
      'Professionals',
      record.professionals.map((p) => `${p.name} (${p.role})`).join(', ') || 'None recorded',
    ),
    row(
      'Information sharing and planning',
      record.informationSharing ? when(record.informationSharing.heldAt) : 'Not recorded',
    ),
    row(
      'Home or scene visit',
      visit?.visitedAt
        ? when(visit.visitedAt)
        : visit?.notDoneReason
          ? `Not made: ${visit.notDoneReason}`
          : 'Not recorded',
    ),
    row('Police investigation', record.policeInvestigationStatus ?? 'Not recorded'),
    row(
      'Section 47 or strategy discussion',
      record.section47
        ? record.section47.relevant
          ? `Relevant${record.section47.outcome ? `: ${record.section47.outcome}` : ''}`
          : 'Not relevant'
        : 'Not recorded',
    ),
  ];
}
