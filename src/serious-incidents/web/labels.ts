import type { IncidentStage } from '../incident-view';
import { LCSPR_CRITERIA } from '../rules/lcspr';

export const TYPE_LABELS: Readonly<Record<string, string>> = {
  death: 'Death',
  'serious-harm': 'Serious harm',
  other: 'Other',
};

export const ABUSE_LABELS: Readonly<Record<string, string>> = {
  known: 'Known',
  suspected: 'Suspected',
  'not-suspected': 'Not known or suspected',
};

export const LOCATION_LABELS: Readonly<Record<string, string>> = {
  'in-area': 'In our area',
  'outside-england': 'Outside England (child normally resident in our area)',
  'elsewhere-in-england': 'Elsewhere in England',
};

export const STATUS_LABELS: Readonly<Record<string, { text: string; classes: string }>> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  'signed-off': { text: 'Awaiting submission', classes: 'govuk-tag--yellow' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--green' },
};

export const ROUTE_LABELS: Readonly<Record<string, string>> = {
  'full-review': 'Full review: rapid review, then perhaps an LCSPR',
  'notification-only': 'Notification only',
  'criteria-not-met': 'Criteria not met',
};

export const STAGE_LABELS: Readonly<Record<IncidentStage, string>> = {
  notification: 'Notification',
  'rapid-review': 'Rapid review',
  'lcspr-decision': 'LCSPR decision',
  lcspr: 'LCSPR in progress',
  published: 'LCSPR published',
  closed: 'Closed',
};

export const PARTNER_LABELS: Readonly<Record<string, string>> = {
  'local-authority': 'Local authority',
  icb: 'Integrated care board',
  police: 'Police',
};

export const CRITERIA_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  LCSPR_CRITERIA.map((c) => [c.id, c.text.replace(/ \(Working Together 2026, paragraph 395\)\.$/, '')]),
);

export const SEX_LABELS: Readonly<Record<string, string>> = {
  female: 'Female',
  male: 'Male',
  'not-known': 'Not known',
};
