import schema from './schema/ncmd-export-v1.schema.json';
import {
  ACTION_STATUSES,
  ETHNIC_CATEGORIES,
  JAR_CRITERIA,
  MODIFIABLE_FACTORS,
  NCMD_EXPORT_VERSION,
  NHS_NUMBER_MISSING_REASONS,
  PLACES_OF_DEATH,
  SEXES,
  YES_NO_NOT_KNOWN,
} from './export-case';

const defs = schema.$defs;

describe('export contract types and schema', () => {
  it('use the same enumerations', () => {
    expect(defs.placeOfDeath.enum).toEqual([...PLACES_OF_DEATH]);
    expect(defs.sex.enum).toEqual([...SEXES]);
    expect(defs.ethnicity.enum).toEqual(Object.keys(ETHNIC_CATEGORIES));
    expect(defs.nhsNumberMissingReason.enum).toEqual([...NHS_NUMBER_MISSING_REASONS]);
    expect(defs.process.properties.jarCriteria.items.enum).toEqual([...JAR_CRITERIA]);
    expect(defs.yesNoNotKnown.enum).toEqual([...YES_NO_NOT_KNOWN]);
    expect(defs.analysis.properties.modifiableFactors.enum).toEqual([...MODIFIABLE_FACTORS]);
    expect(defs.action.properties.status.enum).toEqual([...ACTION_STATUSES]);
    expect(defs.document.properties.ncmdExportVersion.const).toBe(NCMD_EXPORT_VERSION);
  });

  it('lists the seventeen NHS ethnic category codes A to Z without I, O, Q, T to Y', () => {
    expect(Object.keys(ETHNIC_CATEGORIES).join('')).toBe('ABCDEFGHJKLMNPRSZ');
  });
});
