import type { AnalysisDto } from '../dto/analysis.dto';
import type { AnalysisDraft, AnalysisFormDefinition } from '../rules/analysis-form';
import type { FieldError } from './form-page';
import { readDate } from './form-page';
import { lines, many } from './page-errors';

/** Spare rows offered for factors of the panel's own, and for actions, beyond those already written. */
export const SPARE_FACTOR_ROWS = 2;
export const SPARE_ACTION_ROWS = 2;

type Factor = NonNullable<AnalysisDraft['domains']>[number]['factors'][number];
type Action = NonNullable<AnalysisDraft['actions']>[number];

export interface AnalysisPageModel {
  domains: {
    domain: string;
    label: string;
    suggested: { code: string; label: string; score: string; modifiable: boolean }[];
    others: { index: number; label: string; score: string; modifiable: boolean }[];
  }[];
  actions: {
    index: number;
    owner: string;
    description: string;
    date: { day: string; month: string; year: string };
  }[];
}

function scoreText(score: number | undefined): string {
  return score === 0 || score === 1 || score === 2 ? String(score) : '';
}

/** The page's rows from saved answers (or from what was just posted, when it had errors). */
export function analysisPageModel(
  definition: AnalysisFormDefinition,
  answers: AnalysisDraft,
): AnalysisPageModel {
  return {
    domains: definition.domains.map((d) => {
      const saved: Factor[] = answers.domains?.find((x) => x.domain === d.domain)?.factors ?? [];
      const suggested = d.suggestedFactors.map((f) => {
        const found = saved.find((s) => s.code === f.code);
        return {
          code: f.code,
          label: f.label,
          score: scoreText(found?.score),
          modifiable: found?.modifiable === true,
        };
      });
      const own = saved.filter((s) => !d.suggestedFactors.some((f) => f.code === s.code));
      const others = [...own, ...Array.from({ length: SPARE_FACTOR_ROWS }, () => ({}) as Factor)].map(
        (f, index) => ({
          index,
          label: f.label ?? '',
          score: scoreText(f.score),
          modifiable: f.modifiable === true,
        }),
      );
      return { domain: d.domain, label: d.label, suggested, others };
    }),
    actions: [
      ...(answers.actions ?? []),
      ...Array.from({ length: SPARE_ACTION_ROWS }, (): Action => ({})),
    ].map((a, index) => {
      const [year = '', month = '', day = ''] = (a.dueDate ?? '').split('-');
      return {
        index,
        owner: a.owner ?? '',
        description: a.description ?? '',
        date: { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year },
      };
    }),
  };
}

function score(value: unknown): 0 | 1 | 2 | undefined {
  return value === '0' || value === '1' || value === '2' ? (Number(value) as 0 | 1 | 2) : undefined;
}

/**
 * The posted page as the analysis body of the API contract. A factor with no score given is one the
 * panel did not identify, and is left out.
 */
export function readAnalysisPage(
  definition: AnalysisFormDefinition,
  body: Record<string, unknown>,
): { value: AnalysisDto } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const domains = definition.domains.map((d) => {
    const factors: Factor[] = [];
    for (const f of d.suggestedFactors) {
      const s = score(body[`factor.${f.code}.score`]);
      if (s !== undefined)
        factors.push({
          code: f.code,
          label: f.label,
          score: s,
          modifiable: body[`factor.${f.code}.modifiable`] === 'yes',
        });
    }
    for (let i = 0; body[`other.${d.domain}.${i}.label`] !== undefined; i++) {
      const label = str(`other.${d.domain}.${i}.label`);
      const s = score(body[`other.${d.domain}.${i}.score`]);
      if (!label && s === undefined) continue;
      if (!label)
        errors.push({ field: `other.${d.domain}.${i}.label`, text: 'Describe the factor you scored' });
      if (s === undefined)
        errors.push({ field: `other.${d.domain}.${i}.score`, text: `Score the factor “${label}”` });
      factors.push({
        label,
        ...(s !== undefined ? { score: s } : {}),
        modifiable: body[`other.${d.domain}.${i}.modifiable`] === 'yes',
      });
    }
    return { domain: d.domain, factors };
  });
  const actions: NonNullable<AnalysisDto['actions']> = [];
  for (let i = 0; body[`action.${i}.owner`] !== undefined; i++) {
    const owner = str(`action.${i}.owner`);
    const description = str(`action.${i}.description`);
    const dueDate = readDate(body, `action.${i}.dueDate`, 'Due date', errors, false);
    if (!owner && !description && !dueDate) continue;
    actions.push({
      ...(owner ? { owner } : {}),
      ...(description ? { description } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
  }
  const primary = Number.parseInt(str('primaryCategory'), 10);
  const modifiable = str('modifiableFactors');
  const referred = str('referredToSafeguarding');
  const cause = str('causeOfDeath');
  const icd10 = str('icd10Codes')
    .split(/[\s,;]+/)
    .map((code) => code.toUpperCase())
    .filter(Boolean);
  if (errors.length) return { errors };
  return {
    value: {
      formVersion: definition.version,
      domains: domains.filter((d) => d.factors.length) as AnalysisDto['domains'],
      ...(modifiable === 'yes' || modifiable === 'no' || modifiable === 'insufficient-information'
        ? { modifiableFactors: modifiable }
        : {}),
      ...(primary >= 1 && primary <= 10 ? { primaryCategory: primary } : {}),
      otherCategories: many(body.otherCategories)
        .map(Number)
        .filter((n) => n >= 1 && n <= 10 && n !== primary),
      ...(cause ? { causeOfDeath: cause } : {}),
      icd10Codes: icd10,
      learningPoints: lines(body.learningPoints),
      actions,
      ...(referred === 'yes' || referred === 'no' ? { referredToSafeguarding: referred === 'yes' } : {}),
    },
  };
}
