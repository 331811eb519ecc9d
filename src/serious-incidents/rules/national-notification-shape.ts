import { IncidentChild, IncidentNotification, LEGAL_STATUS_LABELS } from './incident';

/**
 * The notification in the shape the national Child Safeguarding Incident Notification System takes, so
 * the local authority can copy it across quickly and accurately. The national form has structured fields
 * for four children; any more go in one free-text field.
 *
 * Free-text format (stable; one line per child, lines separated by "\n"):
 *   Child 5: name: Amir Khan; date of birth: 2014-02-03; age: 12; sex: male; legal status: Child in need; home local authority: Leeds
 * Fields always appear in that order. A missing value is "not known"; an unknown identity has the name
 * "not yet known". Semicolons and line breaks inside values become spaces so each line stays one child.
 */
export const NATIONAL_STRUCTURED_CHILDREN = 4;

export interface NationalChildFields {
  childNumber: number;
  identityKnown: boolean;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  ageYears: number | null;
  sex: string | null;
  legalStatus: string;
  homeLocalAuthority: string | null;
}

export interface NationalNotification {
  localAuthority: string;
  becameAwareOn: string;
  incidentDate: string | null;
  type: IncidentNotification['type'];
  otherRationale: string | null;
  abuseOrNeglect: IncidentNotification['abuseOrNeglect'];
  location: IncidentNotification['location'];
  summary: string | null;
  numberOfChildren: number;
  /** The first four children. */
  children: NationalChildFields[];
  /** Every child after the fourth, in the format above; empty when there are four or fewer. */
  furtherChildren: string;
}

function structured(
  child: IncidentChild,
  childNumber: number,
  describeLocalAuthority: (id: string) => string,
): NationalChildFields {
  return {
    childNumber,
    identityKnown: child.identityKnown,
    givenName: child.identityKnown ? (child.givenName ?? null) : null,
    familyName: child.identityKnown ? (child.familyName ?? null) : null,
    dateOfBirth: child.dateOfBirth ?? null,
    ageYears: child.ageYears ?? null,
    sex: child.sex ?? null,
    legalStatus: LEGAL_STATUS_LABELS[child.legalStatus],
    homeLocalAuthority: child.normallyResidentLocalAuthorityId
      ? describeLocalAuthority(child.normallyResidentLocalAuthorityId)
      : null,
  };
}

function freeTextLine(fields: NationalChildFields): string {
  const text = (value: string | number | null) =>
    value === null || String(value).trim() === ''
      ? 'not known'
      : String(value)
          .replace(/[;\r\n]+/g, ' ')
          .trim();
  const name = fields.identityKnown
    ? [fields.givenName, fields.familyName].filter((part) => part && part.trim()).join(' ') || null
    : 'not yet known';
  return [
    `Child ${fields.childNumber}: name: ${text(name)}`,
    `date of birth: ${text(fields.dateOfBirth)}`,
    `age: ${text(fields.ageYears)}`,
    `sex: ${text(fields.sex)}`,
    `legal status: ${text(fields.legalStatus)}`,
    `home local authority: ${text(fields.homeLocalAuthority)}`,
  ].join('; ');
}

export function toNationalNotification(
  incident: IncidentNotification,
  describeLocalAuthority: (id: string) => string = (id) => id,
): NationalNotification {
  const children = incident.children.map((child, i) => structured(child, i + 1, describeLocalAuthority));
  return {
    localAuthority: describeLocalAuthority(incident.localAuthorityId),
    becameAwareOn: incident.becameAwareOn,
    incidentDate: incident.incidentDate ?? null,
    type: incident.type,
    otherRationale: incident.otherRationale ?? null,
    abuseOrNeglect: incident.abuseOrNeglect,
    location: incident.location,
    summary: incident.summary ?? null,
    numberOfChildren: children.length,
    children: children.slice(0, NATIONAL_STRUCTURED_CHILDREN),
    furtherChildren: children.slice(NATIONAL_STRUCTURED_CHILDREN).map(freeTextLine).join('\n'),
  };
}
