import type { IsoDate } from '../../calendar/iso-date';
import type { JarCriterionId, JarEvaluation } from '../rules/joint-agency-response';

/** Shapes of the jsonb columns on a child death case. Instants are ISO strings once stored. */

export interface Professional {
  name: string;
  role: string;
  organisation: string;
  email?: string;
}

export interface StateChange {
  state: string;
  at: string;
  byUserId?: string;
}

export interface StoredJarEvaluation {
  required: boolean;
  criteria: JarCriterionId[];
  explanations: JarEvaluation['explanations'];
}

export interface JarDecisionRecord {
  required: boolean;
  outcome: 'confirmed' | 'overridden';
  reason?: string;
  evaluatedRequired: boolean;
  evaluatedCriteria: JarCriterionId[];
  decidedAt: string;
  decidedByUserId: string;
  decidedByName: string;
}

export const POLICE_INVESTIGATION_STATUSES = [
  'not-started',
  'ongoing',
  'no-further-action',
  'charges-brought',
  'concluded',
] as const;
export type PoliceInvestigationStatus = (typeof POLICE_INVESTIGATION_STATUSES)[number];

/** The joint agency response as recorded by the JAR professionals (SUDIC 2016 guidance). */
export interface JarRecord {
  professionals: Professional[];
  informationSharing?: { heldAt: string; notes?: string };
  homeVisit?: { visitedAt?: string; notDoneReason?: string; notes?: string };
  policeInvestigationStatus?: PoliceInvestigationStatus;
  section47?: { relevant: boolean; strategyDiscussionOn?: IsoDate; outcome?: string };
}

export interface DesignatedDoctorInformed {
  at: string;
  how: 'portal-notice' | 'recorded';
  names: string[];
}

export interface KeyWorker {
  name: string;
  role: string;
  organisation: string;
  email?: string;
  phone?: string;
  namedAt: string;
}

export const POST_MORTEM_STATUSES = ['not-required', 'awaited', 'report-received'] as const;
export type PostMortemStatus = (typeof POST_MORTEM_STATUSES)[number];
export const INQUEST_STATUSES = ['none', 'opened', 'concluded'] as const;
export type InquestStatus = (typeof INQUEST_STATUSES)[number];
export const CRIMINAL_INVESTIGATION_STATUSES = ['none', 'ongoing', 'prosecution', 'concluded'] as const;
export type CriminalInvestigationStatus = (typeof CRIMINAL_INVESTIGATION_STATUSES)[number];

/** Proceedings that hold up the later stages (WT 453, 454). */
export interface Investigations {
  postMortem?: { status: PostMortemStatus; reportReceivedOn?: IsoDate };
  coroner?: { involved: boolean; inquest: InquestStatus; inquestConcludedOn?: IsoDate };
  criminalInvestigation?: { status: CriminalInvestigationStatus };
}

export interface SeriousIncidentLink {
  incidentId: string;
  reason: 'abuse-or-neglect-evidence' | 'looked-after-child-death';
  referredAt: string;
  localAuthorityId: string;
}
