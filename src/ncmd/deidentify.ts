import { createHmac } from 'node:crypto';
import { ageInYears } from '../child-deaths/rules/age';
import type { DeidentifiedCase, NcmdCase } from './export-case';
import { redactor } from './redact';

/** Shorter secrets make the pseudonyms guessable by anyone who can enumerate case ids. */
export const MIN_PSEUDONYM_SECRET_LENGTH = 32;

/** Stable for the same case id and secret; without the secret it cannot be linked back to the case. */
export function pseudonymFor(caseId: string, secret: string): string {
  if (secret.length < MIN_PSEUDONYM_SECRET_LENGTH) {
    throw new Error(`The pseudonym secret must be at least ${MIN_PSEUDONYM_SECRET_LENGTH} characters`);
  }
  return createHmac('sha256', secret).update(caseId, 'utf8').digest('hex').slice(0, 24);
}

/**
 * The `deidentified` form of a validated case: identifying fields dropped, postcode cut to its district,
 * age in completed years added, and the child's identifiers redacted from every free-text field.
 */
export function deidentifyCase(exported: NcmdCase, secret: string): DeidentifiedCase {
  const { identity, death, process, reporting, analysis } = exported;
  const ageAtDeathYears = ageInYears(identity.dateOfBirth, death.dateOfDeath);
  const redact = redactor({ ...identity, timeOfDeath: death.timeOfDeath });
  return {
    identity: {
      caseId: pseudonymFor(identity.caseId, secret),
      cdopCode: identity.cdopCode,
      nhsNumberMissingReason: identity.nhsNumberMissingReason,
      sex: identity.sex,
      ethnicity: identity.ethnicity,
      postcodeDistrict: identity.postcode?.split(' ')[0],
      residentLocalAuthority: identity.residentLocalAuthority,
    },
    death: {
      dateOfDeath: death.dateOfDeath,
      placeOfDeath: death.placeOfDeath,
      ageAtDeathDays: death.ageAtDeathDays,
      ageAtDeathYears,
      expected: death.expected,
      suspectedStillbirthAtHome: death.suspectedStillbirthAtHome,
      lookedAfter: death.lookedAfter,
      childProtectionPlan: death.childProtectionPlan,
    },
    process: { ...process, jarCriteria: [...process.jarCriteria] },
    reporting: {
      ...reporting,
      barriersToAccessingServices: reporting.barriersToAccessingServices.map(redact),
      supplementaryForms: [...reporting.supplementaryForms],
    },
    analysis: {
      ...analysis,
      domains: analysis.domains.map(({ domain, factors }) => ({
        domain,
        factors: factors.map((factor) => ({ ...factor, label: redact(factor.label) })),
      })),
      otherCategories: [...analysis.otherCategories],
      causeOfDeath: redact(analysis.causeOfDeath),
      icd10Codes: [...analysis.icd10Codes],
      learningPoints: analysis.learningPoints.map(redact),
      actions: analysis.actions.map((action) => ({
        ...action,
        owner: redact(action.owner),
        description: redact(action.description),
      })),
    },
    revision: exported.revision,
    lastChangedAt: exported.lastChangedAt,
  };
}
