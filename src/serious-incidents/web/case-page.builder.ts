import { clockRule } from '../../deadlines/rules/clock-rules';
import type { CaseDocument, CasePage } from '../../web/case/case-page';
import { formatDate } from '../../web/rendering/formatting';
import {
  ABUSE_LABELS,
  LOCATION_LABELS,
  ROUTE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from './labels';
import type { IncidentContext } from './page-context.service';

const SECTIONS = [
  { id: 'criteria', title: 'Criteria and route' },
  { id: 'children', title: 'Children' },
  { id: 'notification', title: 'Notification' },
  { id: 'rapid-review', title: 'Rapid review' },
  { id: 'lcspr', title: 'Local child safeguarding practice review' },
];

export function childName(child: IncidentContext['incident']['children'][number]): string {
  if (!child.identityKnown) return 'Identity not yet known';
  return [child.givenName, child.familyName].filter(Boolean).join(' ') || 'Name not recorded';
}

const instantText = (at: Date | string) => (at instanceof Date ? at.toISOString() : at);

/** The shared case layout's model for a serious incident. */
export function casePageModel(ctx: IncidentContext): CasePage {
  const { incident, names } = ctx;
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const timeline: CasePage['timeline'] = [
    { at: incident.createdAt, title: 'Notification started' },
    ...(incident.signOff
      ? [{ at: incident.signOff.at, title: 'Signed off by the DCS', by: incident.signOff.byName ?? '' }]
      : []),
    ...(incident.submittedOn
      ? [{ at: incident.submittedOn, title: 'Notification submitted to the Panel' }]
      : []),
    ...(incident.partnersInformedOn
      ? [{ at: incident.partnersInformedOn, title: 'Safeguarding partners told' }]
      : []),
    ...(ctx.rapidReview?.submittedOn
      ? [{ at: ctx.rapidReview.submittedOn, title: 'Rapid review sent to the Panel' }]
      : []),
    ...(ctx.rapidReview?.panelReply
      ? [{ at: ctx.rapidReview.panelReply.receivedOn, title: 'Panel replied' }]
      : []),
    ...(ctx.lcspr
      ? [
          {
            at: ctx.lcspr.decidedOn,
            title: ctx.lcspr.decision === 'lcspr' ? 'LCSPR decided' : 'Decided not to hold an LCSPR',
          },
        ]
      : []),
    ...(ctx.lcspr?.publication.publishedOn
      ? [{ at: ctx.lcspr.publication.publishedOn, title: 'LCSPR published' }]
      : []),
  ].sort((a, b) => instantText(b.at).localeCompare(instantText(a.at)));
  return {
    kind: 'Serious incident',
    reference: incident.reference,
    title: incident.children.length ? incident.children.map(childName).join(', ') : 'No child recorded yet',
    status: STATUS_LABELS[incident.status],
    summary: [
      { key: 'Stage', value: STAGE_LABELS[incident.stage] },
      { key: 'Notifying local authority', value: name(incident.localAuthorityId) },
      { key: 'Lead area', value: name(incident.leadLocalAuthorityId) },
      ...(incident.involvedLocalAuthorityIds.length
        ? [{ key: 'Other areas involved', value: incident.involvedLocalAuthorityIds.map(name).join(', ') }]
        : []),
      { key: 'Became aware', value: formatDate(incident.becameAwareOn) },
      {
        key: 'Type',
        value: TYPE_LABELS[incident.type] + (incident.otherRationale ? `: ${incident.otherRationale}` : ''),
      },
      { key: 'Abuse or neglect', value: ABUSE_LABELS[incident.abuseOrNeglect] },
      { key: 'Where', value: LOCATION_LABELS[incident.location] },
      {
        key: 'Wider risk to other children',
        value: incident.widerRisk
          ? `Yes${incident.widerRiskDetails ? `: ${incident.widerRiskDetails}` : ''}`
          : 'No',
      },
      { key: 'Route', value: ROUTE_LABELS[incident.route] },
    ],
    actions: [
      { text: 'Printable notification', href: `/serious-incidents/${incident.id}/national-notification` },
    ],
    sections: SECTIONS,
    clocks: ctx.deadlines.map((d) => ({
      rule: d.rule,
      name: clockRule(d.rule).title,
      dueDate: d.dueDate,
      status: d.status,
      ...(d.pausedReason ? { pausedReason: d.pausedReason } : {}),
    })),
    timeline,
    documents: [
      ...producedDocuments(ctx),
      ...incident.attachments.map((a) => ({
        name: a.filename,
        href: `/serious-incidents/${incident.id}/attachments/${a.id}`,
        addedAt: a.createdAt,
        description: `${a.contentType.split(';')[0]}, ${Math.max(1, Math.round(a.sizeBytes / 1024))} KB${a.description ? `, ${a.description}` : ''}`,
      })),
    ],
  };
}

/** The PDFs the portal produces for this incident at its current stage. */
function producedDocuments({ incident, rapidReview, lcspr }: IncidentContext): CaseDocument[] {
  const base = `/api/serious-incidents/${incident.id}`;
  const onDemand = 'PDF, produced when you open it';
  return [
    {
      name: 'Notification (national service shape)',
      href: `${base}/notification.pdf`,
      description: onDemand,
    },
    ...(rapidReview
      ? [{ name: 'Rapid review report', href: `${base}/rapid-review.pdf`, description: onDemand }]
      : []),
    ...(lcspr
      ? [
          {
            name: 'LCSPR pre-publication letter',
            href: `${base}/lcspr/pre-publication-letter.pdf`,
            description: onDemand,
          },
        ]
      : []),
  ];
}
