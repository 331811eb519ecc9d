import type { IsoDate } from '../calendar/iso-date';
import type { EthnicCategory, PlaceOfDeath, Sex } from '../child-deaths/rules/child-details';
import type { JarCriterionId } from '../child-deaths/rules/joint-agency-response';
import type { NhsNumberMissingReason } from '../child-deaths/rules/nhs-number';

/**
 * The NCMD export contract (shared/spec/ncmd-export.md), version 1.0, as TypeScript types.
 * schema/ncmd-export-v1.schema.json is the normative form; export-case.spec.ts keeps the enumerations here
 * and there identical.
 */

/** An instant, ISO 8601 with offset. */
export type IsoInstant = string;

export const NCMD_EXPORT_VERSION = '1.0';

export const EXPORT_MODES = ['ncmd', 'deidentified'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

export {
  ETHNIC_CATEGORIES,
  PLACES_OF_DEATH,
  SEXES,
  type EthnicCategory,
  type PlaceOfDeath,
  type Sex,
} from '../child-deaths/rules/child-details';

export { NHS_NUMBER_MISSING_REASONS, type NhsNumberMissingReason } from '../child-deaths/rules/nhs-number';

export {
  JAR_CRITERION_IDS as JAR_CRITERIA,
  type JarCriterionId,
} from '../child-deaths/rules/joint-agency-response';

export const YES_NO_NOT_KNOWN = ['yes', 'no', 'not-known'] as const;
export type YesNoNotKnown = (typeof YES_NO_NOT_KNOWN)[number];

export const ANALYSIS_DOMAINS = ['A', 'B', 'C', 'D'] as const;
export type AnalysisDomain = (typeof ANALYSIS_DOMAINS)[number];

/** 0 information not available; 1 identified, unlikely to have contributed; 2 may have contributed. */
export type FactorScore = 0 | 1 | 2;

export const MODIFIABLE_FACTORS = ['yes', 'no', 'insufficient-information'] as const;
export type ModifiableFactors = (typeof MODIFIABLE_FACTORS)[number];

/** Category of death, 1 (deliberately inflicted injury, abuse or neglect) to 10 (sudden unexplained). */
export type DeathCategory = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const ACTION_STATUSES = ['open', 'in-progress', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface NcmdIdentity {
  caseId: string;
  cdopCode: string;
  nhsNumber?: string;
  nhsNumberMissingReason?: NhsNumberMissingReason;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  ethnicity: EthnicCategory;
  postcode?: string;
  residentLocalAuthority?: string;
}

export interface NcmdDeath {
  dateOfDeath: IsoDate;
  /** 'HH:MM', London local time. */
  timeOfDeath?: string;
  placeOfDeath: PlaceOfDeath;
  ageAtDeathDays: number;
  expected: boolean;
  suspectedStillbirthAtHome: boolean;
  lookedAfter?: boolean;
  childProtectionPlan?: boolean;
}

export interface NcmdProcess {
  notifiedAt: IsoInstant;
  jarRequired: boolean;
  jarCriteria: JarCriterionId[];
  postMortem?: boolean;
  coronerInvolved?: boolean;
  inquestConcluded?: boolean;
  cdrmHeldOn?: IsoDate;
  cdopReviewedOn: IsoDate;
  referredToSafeguarding: boolean;
}

export interface NcmdReporting {
  agenciesAsked: number;
  agenciesReturned: number;
  livedInPovertyOrDeprivation: YesNoNotKnown;
  barriersToAccessingServices: string[];
  bereavementSupportOffered: YesNoNotKnown;
  supplementaryForms: string[];
}

export interface NcmdFactor {
  code: string;
  label: string;
  score: FactorScore;
  modifiable: boolean;
}

export interface NcmdDomain {
  domain: AnalysisDomain;
  factors: NcmdFactor[];
}

export interface NcmdAction {
  owner: string;
  description: string;
  dueDate: IsoDate;
  status: ActionStatus;
}

export interface NcmdAnalysis {
  analysisFormVersion: string;
  /** Always the four domains, in the order A, B, C, D. */
  domains: NcmdDomain[];
  modifiableFactors: ModifiableFactors;
  primaryCategory: DeathCategory;
  otherCategories: DeathCategory[];
  causeOfDeath: string;
  icd10Codes: string[];
  learningPoints: string[];
  actions: NcmdAction[];
}

/** One case in `ncmd` (identifiable) mode. */
export interface NcmdCase {
  identity: NcmdIdentity;
  death: NcmdDeath;
  process: NcmdProcess;
  reporting: NcmdReporting;
  analysis: NcmdAnalysis;
  revision: number;
  lastChangedAt: IsoInstant;
}

export interface DeidentifiedIdentity {
  /** HMAC pseudonym, stable for the same case and secret. */
  caseId: string;
  cdopCode: string;
  nhsNumberMissingReason?: NhsNumberMissingReason;
  sex: Sex;
  ethnicity: EthnicCategory;
  /** Outward code of the postcode, e.g. 'SW1A'. */
  postcodeDistrict?: string;
  residentLocalAuthority?: string;
}

export interface DeidentifiedDeath extends Omit<NcmdDeath, 'timeOfDeath'> {
  /** Completed years of age on the date of death. */
  ageAtDeathYears: number;
}

/** One case in `deidentified` mode. */
export interface DeidentifiedCase extends Omit<NcmdCase, 'identity' | 'death'> {
  identity: DeidentifiedIdentity;
  death: DeidentifiedDeath;
}

export type ExportedCase = NcmdCase | DeidentifiedCase;

export function isNcmdCase(exported: ExportedCase): exported is NcmdCase {
  return 'givenName' in exported.identity;
}

export interface RejectionReason {
  /** Dotted path in the exported case, e.g. 'analysis.primaryCategory'. */
  field: string;
  /** Human readable; never contains the value that was entered. */
  message: string;
}

export interface RejectedCase {
  /** The case id in `ncmd` mode, the pseudonym in `deidentified` mode. */
  caseId: string;
  revision: number;
  reasons: RejectionReason[];
}

export interface ExportCdop {
  id: string;
  code: string;
  name: string;
}

export interface ExportDocumentHeader {
  generatedAt: IsoInstant;
  mode: ExportMode;
  cdop: ExportCdop;
  /** The portal's record of this export, when the caller keeps one. */
  exportId?: string;
}

export interface ExportDocument extends ExportDocumentHeader {
  ncmdExportVersion: typeof NCMD_EXPORT_VERSION;
  cases: ExportedCase[];
  rejected: RejectedCase[];
}

/**
 * What the database layer hands over for one reviewed death. Nulls are accepted wherever the database may
 * hold nothing; the mapping leaves such fields out and validation decides whether that is allowed.
 */
export interface ReviewedCaseSource {
  caseId: string;
  cdopCode: string;
  /** Goes up by one each time the exportable content of the case changes. */
  revision: number;
  lastChangedAt: Date | IsoInstant;
  child: {
    givenName: string;
    familyName: string;
    dateOfBirth: IsoDate;
    sex: Sex;
    ethnicity?: EthnicCategory | null;
    nhsNumber?: string | null;
    nhsNumberMissingReason?: NhsNumberMissingReason | null;
    postcode?: string | null;
    residentLocalAuthority?: string | null;
  };
  death: {
    dateOfDeath: IsoDate;
    timeOfDeath?: string | null;
    placeOfDeath: PlaceOfDeath;
    expected: boolean;
    suspectedStillbirthAtHome: boolean;
    lookedAfter?: boolean | null;
    childProtectionPlan?: boolean | null;
  };
  process: {
    notifiedAt: Date | IsoInstant;
    jarRequired: boolean;
    jarCriteria: JarCriterionId[];
    postMortem?: boolean | null;
    coronerInvolved?: boolean | null;
    inquestConcluded?: boolean | null;
    cdrmHeldOn?: IsoDate | null;
    cdopReviewedOn?: IsoDate | null;
  };
  /** Summary of the agency reporting forms; the yes/no answers are null when no agency answered. */
  reporting: {
    agenciesAsked: number;
    agenciesReturned: number;
    livedInPovertyOrDeprivation?: boolean | null;
    barriersToAccessingServices: string[];
    bereavementSupportOffered?: boolean | null;
    supplementaryForms: string[];
  };
  analysis: AnalysisFormSource;
}

/** The analysis form as saved: its answers follow the shape of its own form version. */
export interface AnalysisFormSource {
  readonly formVersion: string;
  readonly [answer: string]: unknown;
}
