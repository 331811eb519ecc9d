import { isIsoDate } from '../../calendar/iso-date';
import { ageAtDeath } from '../../child-deaths/rules/scope';
import type { IsoInstant, NcmdCase, ReviewedCaseSource, YesNoNotKnown } from '../export-case';
import type { Candidate, MappedAnalysis } from './form-mapping';

export type CaseCandidate = Candidate<NcmdCase>;

/**
 * The parts of a case that do not depend on the analysis-form version. Values are copied as entered;
 * only the NHS number and postcode are put into their canonical spelling. Absent (null) answers become
 * absent fields and the schema decides whether that is allowed.
 */
export function mapCase(source: ReviewedCaseSource, mapped: MappedAnalysis): CaseCandidate {
  const { child, death, process, reporting } = source;
  return {
    identity: {
      caseId: source.caseId,
      cdopCode: source.cdopCode,
      nhsNumber: child.nhsNumber?.replace(/\s+/g, '') || undefined,
      nhsNumberMissingReason: child.nhsNumberMissingReason ?? undefined,
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      sex: child.sex,
      ethnicity: child.ethnicity ?? 'Z',
      postcode: canonicalPostcode(child.postcode),
      residentLocalAuthority: child.residentLocalAuthority ?? undefined,
    },
    death: {
      dateOfDeath: death.dateOfDeath,
      timeOfDeath: death.timeOfDeath ?? undefined,
      placeOfDeath: death.placeOfDeath,
      ageAtDeathDays:
        isIsoDate(child.dateOfBirth) && isIsoDate(death.dateOfDeath)
          ? ageAtDeath(child.dateOfBirth, death.dateOfDeath).days
          : undefined,
      expected: death.expected,
      suspectedStillbirthAtHome: death.suspectedStillbirthAtHome,
      lookedAfter: death.lookedAfter ?? undefined,
      childProtectionPlan: death.childProtectionPlan ?? undefined,
    },
    process: {
      notifiedAt: instant(process.notifiedAt),
      jarRequired: process.jarRequired,
      jarCriteria: process.jarCriteria,
      postMortem: process.postMortem ?? undefined,
      coronerInvolved: process.coronerInvolved ?? undefined,
      inquestConcluded: process.inquestConcluded ?? undefined,
      cdrmHeldOn: process.cdrmHeldOn ?? undefined,
      cdopReviewedOn: process.cdopReviewedOn ?? undefined,
      referredToSafeguarding: mapped.referredToSafeguarding,
    },
    reporting: {
      agenciesAsked: reporting.agenciesAsked,
      agenciesReturned: reporting.agenciesReturned,
      livedInPovertyOrDeprivation: yesNoNotKnown(reporting.livedInPovertyOrDeprivation),
      barriersToAccessingServices: reporting.barriersToAccessingServices,
      bereavementSupportOffered: yesNoNotKnown(reporting.bereavementSupportOffered),
      supplementaryForms: reporting.supplementaryForms,
    },
    analysis: mapped.analysis,
    revision: source.revision,
    lastChangedAt: instant(source.lastChangedAt),
  };
}

/** 'sw1a1aa' or ' SW1A  1AA ' becomes 'SW1A 1AA'; anything else is left for validation to reject. */
function canonicalPostcode(postcode: string | null | undefined): string | undefined {
  const compact = postcode?.replace(/\s+/g, '').toUpperCase();
  if (!compact) return undefined;
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

function instant(value: Date | IsoInstant): IsoInstant | undefined {
  if (typeof value === 'string') return value;
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

function yesNoNotKnown(answer: boolean | null | undefined): YesNoNotKnown {
  if (answer === true) return 'yes';
  if (answer === false) return 'no';
  return 'not-known';
}
