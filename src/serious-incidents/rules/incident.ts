import { IsoDate } from '../../calendar/iso-date';

/** Serious incident notification answers, with the API contract's field names and values. */
export const INCIDENT_TYPES = ['death', 'serious-harm', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const ABUSE_OR_NEGLECT = ['known', 'suspected', 'not-suspected'] as const;
export type AbuseOrNeglect = (typeof ABUSE_OR_NEGLECT)[number];

export const INCIDENT_LOCATIONS = ['in-area', 'outside-england', 'elsewhere-in-england'] as const;
export type IncidentLocation = (typeof INCIDENT_LOCATIONS)[number];

export const LEGAL_STATUSES = [
  'looked-after',
  'child-protection-plan',
  'child-in-need',
  'care-leaver',
  'none',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const LEGAL_STATUS_LABELS: Readonly<Record<LegalStatus, string>> = {
  'looked-after': 'Looked after child',
  'child-protection-plan': 'Child protection plan',
  'child-in-need': 'Child in need',
  'care-leaver': 'Care leaver',
  none: 'None',
};

export interface IncidentChild {
  givenName?: string;
  familyName?: string;
  identityKnown: boolean;
  dateOfBirth?: IsoDate;
  /** Age at the incident, when the date of birth is not known. */
  ageYears?: number;
  sex?: string;
  legalStatus: LegalStatus;
  normallyResidentLocalAuthorityId?: string;
}

export interface IncidentNotification {
  /** The notifying local authority. */
  localAuthorityId: string;
  becameAwareOn: IsoDate;
  incidentDate?: IsoDate;
  type: IncidentType;
  otherRationale?: string;
  abuseOrNeglect: AbuseOrNeglect;
  location: IncidentLocation;
  summary?: string;
  children: IncidentChild[];
}
