import type { IsoDate } from '../calendar/iso-date';
import type { Investigations } from '../child-deaths/entities/case-records';
import { reconciledView } from '../child-deaths/reconciled-view';
import type {
  EthnicCategory,
  JarCriterionId,
  NhsNumberMissingReason,
  PlaceOfDeath,
  ReviewedCaseSource,
  Sex,
} from './export-case';

/** One row of REVIEWED_CASES_PAGE_SQL, as pg returns it. */
export interface ReviewedCaseRow {
  caseId: string;
  cdopCode: string;
  revision: number;
  lastChangedAt: Date;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: IsoDate;
  nhsNumber: string | null;
  residentLocalAuthority: string | null;
  dateOfDeath: IsoDate;
  expected: boolean;
  lookedAfter: boolean;
  notifiedAt: Date;
  jarRequired: boolean;
  jarCriteria: JarCriterionId[];
  investigations: Investigations;
  cdrmHeldOn: IsoDate | null;
  cdopReviewedOn: IsoDate;
  notifications: { id: string; notifiedAt: string; answers: Record<string, unknown> }[] | null;
  agenciesAsked: number;
  agenciesReturned: number;
  livedInPovertyOrDeprivation: boolean | null;
  barriersToAccessingServices: string[];
  bereavementSupportOffered: boolean | null;
  supplementaryForms: string[];
  formVersion: string;
  analysisAnswers: Record<string, unknown>;
  alreadyExported: boolean;
}

interface NotifiedAnswers {
  child?: {
    sex?: Sex;
    ethnicity?: string;
    postcode?: string;
    nhsNumberMissingReason?: NhsNumberMissingReason;
  };
  timeOfDeath?: string;
  placeOfDeath?: PlaceOfDeath;
  childProtectionPlan?: boolean;
  postMortemRequired?: boolean;
  coronerInvolved?: boolean;
  circumstances?: { stillbirthNoHealthProfessional?: boolean };
}

/**
 * Turns a row into the export's source. Answers only the notifications hold (sex, ethnicity, postcode,
 * time and place of death) come from the case's reconciled view of them, the same answer the case page
 * shows; what the case records later (investigations) wins over what notifiers expected.
 */
export function reviewedCaseSourceFrom(row: ReviewedCaseRow): ReviewedCaseSource {
  const notified = reconciledView(
    (row.notifications ?? []).map((n) => ({
      id: n.id,
      notifiedAt: new Date(n.notifiedAt),
      answers: n.answers,
    })),
  ).answers as NotifiedAnswers;
  const child = notified.child ?? {};
  const { postMortem, coroner } = row.investigations;
  return {
    caseId: row.caseId,
    cdopCode: row.cdopCode,
    revision: row.revision,
    lastChangedAt: row.lastChangedAt,
    child: {
      givenName: row.givenName ?? '',
      familyName: row.familyName ?? '',
      dateOfBirth: row.dateOfBirth,
      sex: child.sex as Sex,
      // A free-text ethnicity that is not an NHS code is passed on, so that validation names it.
      ethnicity: (child.ethnicity as EthnicCategory | undefined) ?? null,
      nhsNumber: row.nhsNumber,
      nhsNumberMissingReason: row.nhsNumber ? null : (child.nhsNumberMissingReason ?? null),
      postcode: child.postcode ?? null,
      residentLocalAuthority: row.residentLocalAuthority,
    },
    death: {
      dateOfDeath: row.dateOfDeath,
      timeOfDeath: notified.timeOfDeath ?? null,
      placeOfDeath: notified.placeOfDeath as PlaceOfDeath,
      expected: row.expected,
      suspectedStillbirthAtHome: notified.circumstances?.stillbirthNoHealthProfessional === true,
      lookedAfter: row.lookedAfter,
      childProtectionPlan: notified.childProtectionPlan ?? null,
    },
    process: {
      notifiedAt: row.notifiedAt,
      jarRequired: row.jarRequired,
      jarCriteria: row.jarCriteria,
      postMortem: postMortem ? postMortem.status !== 'not-required' : (notified.postMortemRequired ?? null),
      coronerInvolved: coroner?.involved ?? notified.coronerInvolved ?? null,
      inquestConcluded: coroner?.involved ? coroner.inquest === 'concluded' : null,
      cdrmHeldOn: row.cdrmHeldOn,
      cdopReviewedOn: row.cdopReviewedOn,
    },
    reporting: {
      agenciesAsked: row.agenciesAsked,
      agenciesReturned: row.agenciesReturned,
      livedInPovertyOrDeprivation: row.livedInPovertyOrDeprivation,
      barriersToAccessingServices: row.barriersToAccessingServices,
      bereavementSupportOffered: row.bereavementSupportOffered,
      supplementaryForms: row.supplementaryForms,
    },
    analysis: { ...row.analysisAnswers, formVersion: row.formVersion },
  };
}
