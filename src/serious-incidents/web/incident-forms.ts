import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/permissions';
import { LcsprService } from '../lcspr/lcspr.service';
import { NotificationWorkflowService } from '../notification-workflow.service';
import { NotificationService } from '../notification.service';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import { LEGAL_STATUS_LABELS, LEGAL_STATUSES } from '../rules/incident';
import { LCSPR_CRITERIA, SAFEGUARDING_PARTNERS } from '../rules/lcspr';
import { dateBoxes, dateValues, FieldMap, FormField, FormReader, optionItems, yesNoItems } from './form-kit';
import { CRITERIA_LABELS, PARTNER_LABELS, SEX_LABELS } from './labels';
import type { IncidentContext } from './page-context.service';

export interface FormExtra {
  childId?: string;
}

/** One form about an incident: what it asks, how it reads the answers and the service call they make. */
export interface IncidentFormSpec<T = unknown> {
  heading: string;
  submitText: string;
  intro?(ctx: IncidentContext): string[];
  fields(ctx: IncidentContext, values: Record<string, unknown>, extra: FormExtra): FormField[];
  initial?(ctx: IncidentContext, extra: FormExtra): Record<string, unknown>;
  read(r: FormReader, ctx: IncidentContext): T;
  submit(
    user: AuthenticatedUser,
    ctx: IncidentContext,
    value: T,
    version: number | undefined,
    extra: FormExtra,
  ): Promise<unknown>;
  version?(ctx: IncidentContext, extra: FormExtra): number | undefined;
  fieldMap: FieldMap;
  fallback: string;
  /** The confirmation the case page shows afterwards. */
  done: string;
}

const date = (name: string, label: string, values: Record<string, unknown>, hint?: string): FormField => ({
  kind: 'date',
  name,
  label,
  date: dateBoxes(values, name),
  ...(hint ? { hint } : {}),
});
const radios = (name: string, label: string, items: FormField['items'], inline = false): FormField => ({
  kind: 'radios',
  name,
  label,
  items,
  inline,
});
const textarea = (name: string, label: string, hint?: string, rows = 5): FormField => ({
  kind: 'textarea',
  name,
  label,
  rows,
  ...(hint ? { hint } : {}),
});
const input = (name: string, label: string, hint?: string, classes?: string): FormField => ({
  kind: 'input',
  name,
  label,
  ...(hint ? { hint } : {}),
  ...(classes ? { classes } : {}),
});
const criteriaItems = (chosen: unknown) => optionItems(CRITERIA_LABELS, chosen);

/** The child fields shared by the new notification and "complete the child's details". */
export function childFields(values: Record<string, unknown>): FormField[] {
  return [
    radios(
      'identityKnown',
      'Is the child’s identity known?',
      yesNoItems(values.identityKnown as string),
      true,
    ),
    input('givenName', 'First name', undefined, 'govuk-input--width-20'),
    input('familyName', 'Last name', undefined, 'govuk-input--width-20'),
    date('dateOfBirth', 'Date of birth', values, 'For example, 27 3 2019'),
    input('ageYears', 'Age in years, if the date of birth is not known', undefined, 'govuk-input--width-3'),
    radios('sex', 'Sex', optionItems(SEX_LABELS, values.sex), true),
    radios(
      'legalStatus',
      'Legal status',
      optionItems(
        Object.fromEntries(LEGAL_STATUSES.map((s) => [s, LEGAL_STATUS_LABELS[s]])),
        values.legalStatus,
      ),
    ),
  ];
}

export function readChild(r: FormReader) {
  const identityKnown = r.yesNo('identityKnown', 'Select yes if the child’s identity is known');
  const givenName = r.text('givenName');
  const familyName = r.text('familyName');
  if (identityKnown && !givenName && !familyName) {
    r.errors.push({ field: 'givenName', text: 'Enter the child’s name, or say the identity is not known' });
  }
  const dateOfBirth = r.date('dateOfBirth', 'Date of birth');
  const age = r.text('ageYears');
  if (age !== undefined && !/^\d{1,2}$/.test(age))
    r.errors.push({ field: 'ageYears', text: 'Age must be a whole number of years' });
  return {
    identityKnown: identityKnown ?? false,
    givenName: givenName ?? null,
    familyName: familyName ?? null,
    dateOfBirth: dateOfBirth ?? null,
    ageYears: age !== undefined && /^\d{1,2}$/.test(age) ? Number(age) : null,
    sex: r.choice('sex', Object.keys(SEX_LABELS)) ?? null,
    legalStatus: r.choice('legalStatus', LEGAL_STATUSES, 'Select the child’s legal status') ?? 'none',
  };
}

export const CHILD_FIELD_MAP: FieldMap = {
  givenName: 'givenName',
  familyName: 'familyName',
  dateOfBirth: 'dateOfBirth',
  ageYears: 'ageYears',
  legalStatus: 'legalStatus',
  identityKnown: 'identityKnown',
};

/** The forms about an incident, by the path they live at under /serious-incidents/:id/. */
@Injectable()
export class IncidentForms {
  constructor(
    private readonly notifications: NotificationService,
    private readonly workflow: NotificationWorkflowService,
    private readonly rapidReviews: RapidReviewService,
    private readonly lcspr: LcsprService,
  ) {}

  spec(name: string): IncidentFormSpec | undefined {
    return (this.specs as Record<string, IncidentFormSpec>)[name];
  }

  private readonly specs = {
    child: {
      heading: 'Complete the child’s details',
      submitText: 'Save the child’s details',
      intro: () => ['Anything you leave blank keeps what was recorded before.'],
      fields: (_ctx, values) => childFields(values),
      initial: (ctx, extra) => {
        const child = ctx.incident.children.find((c) => c.id === extra.childId);
        return child
          ? {
              identityKnown: child.identityKnown ? 'yes' : 'no',
              givenName: child.givenName ?? '',
              familyName: child.familyName ?? '',
              ageYears: child.ageYears ?? '',
              sex: child.sex ?? '',
              legalStatus: child.legalStatus,
              ...dateValues('dateOfBirth', child.dateOfBirth),
            }
          : {};
      },
      read: (r) => readChild(r),
      submit: (user, ctx, value, version, extra) =>
        this.notifications.updateChild(
          ctx.incident.id,
          extra.childId ?? '',
          {
            version: version ?? 0,
            identityKnown: value.identityKnown,
            legalStatus: value.legalStatus,
            ...(value.givenName ? { givenName: value.givenName } : {}),
            ...(value.familyName ? { familyName: value.familyName } : {}),
            ...(value.dateOfBirth ? { dateOfBirth: value.dateOfBirth } : {}),
            ...(value.ageYears !== null ? { ageYears: value.ageYears } : {}),
            ...(value.sex ? { sex: value.sex } : {}),
          },
          user,
        ),
      version: (ctx, extra) => ctx.incident.children.find((c) => c.id === extra.childId)?.version,
      fieldMap: CHILD_FIELD_MAP,
      fallback: 'identityKnown',
      done: 'The child’s details have been saved.',
    } satisfies IncidentFormSpec<ReturnType<typeof readChild>>,

    'add-child': {
      heading: 'Add a child',
      submitText: 'Add the child',
      intro: () => [
        'One notification covers every child involved. The identity may still be unknown (WT 372–374).',
      ],
      fields: (_ctx, values) => childFields(values),
      read: (r) => readChild(r),
      submit: (user, ctx, value, version) =>
        this.notifications.addChild(
          ctx.incident.id,
          {
            identityKnown: value.identityKnown,
            legalStatus: value.legalStatus,
            ...(value.givenName ? { givenName: value.givenName } : {}),
            ...(value.familyName ? { familyName: value.familyName } : {}),
            ...(value.dateOfBirth ? { dateOfBirth: value.dateOfBirth } : {}),
            ...(value.ageYears !== null ? { ageYears: value.ageYears } : {}),
            ...(value.sex ? { sex: value.sex } : {}),
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.incident.version,
      fieldMap: CHILD_FIELD_MAP,
      fallback: 'identityKnown',
      done: 'The child has been added.',
    } satisfies IncidentFormSpec<ReturnType<typeof readChild>>,

    submit: {
      heading: 'Record that the notification was submitted',
      submitText: 'Record the submission',
      intro: () => [
        'Submit the notification through the national Child Safeguarding Incident Notification System, then record it here. Use the printable notification to copy the answers across.',
      ],
      fields: (_ctx, values) => [
        date('submittedOn', 'Date submitted', values),
        input(
          'nationalReference',
          'Reference from the national service (optional)',
          undefined,
          'govuk-input--width-20',
        ),
      ],
      read: (r) => ({
        submittedOn: r.date('submittedOn', 'Date submitted', 'Enter the date the notification was submitted'),
        nationalReference: r.text('nationalReference'),
      }),
      submit: (user, ctx, value, version) =>
        this.workflow.submit(
          ctx.incident.id,
          {
            ...(value.submittedOn ? { submittedOn: value.submittedOn } : {}),
            ...(value.nationalReference ? { nationalReference: value.nationalReference } : {}),
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.incident.version,
      fieldMap: { submittedOn: 'submittedOn', nationalReference: 'nationalReference' },
      fallback: 'submittedOn',
      done: 'The notification is recorded as submitted to the Panel.',
    } satisfies IncidentFormSpec<{ submittedOn?: string; nationalReference?: string }>,

    'partners-informed': {
      heading: 'Record that the safeguarding partners were told',
      submitText: 'Save',
      intro: () => [
        'The partners, and any other areas involved, must be told within 5 working days (WT 370–371, 388).',
      ],
      fields: (_ctx, values) => [date('informedOn', 'Date they were told', values)],
      read: (r) => ({
        informedOn: r.date('informedOn', 'Date they were told', 'Enter the date the partners were told'),
      }),
      submit: (user, ctx, value, version) =>
        this.workflow.partnersInformed(
          ctx.incident.id,
          { informedOn: value.informedOn ?? '', ...(version ? { version } : {}) },
          user,
        ),
      version: (ctx) => ctx.incident.version,
      fieldMap: { informedOn: 'informedOn' },
      fallback: 'informedOn',
      done: 'The date the partners were told has been recorded.',
    } satisfies IncidentFormSpec<{ informedOn?: string }>,

    'partner-view': {
      heading: 'Record a safeguarding partner’s view on the criteria',
      submitText: 'Save the view',
      fields: (_ctx, values) => [
        radios('partner', 'Which partner', optionItems(PARTNER_LABELS, values.partner)),
        radios(
          'criteriaMet',
          'Does this partner consider the notification criteria met?',
          yesNoItems(values.criteriaMet as string),
          true,
        ),
        textarea('reason', 'Why'),
        input(
          'agreedByName',
          'Name of the person who agreed, if you are recording it for them',
          undefined,
          'govuk-input--width-20',
        ),
      ],
      read: (r) => ({
        partner: r.choice('partner', SAFEGUARDING_PARTNERS, 'Select the partner'),
        criteriaMet: r.yesNo('criteriaMet', 'Select yes if the partner considers the criteria met'),
        reason: r.text('reason', 'Enter the reason for the view'),
        agreedByName: r.text('agreedByName'),
      }),
      submit: (user, ctx, value, version) =>
        this.workflow.partnerView(
          ctx.incident.id,
          value.partner ?? 'local-authority',
          {
            criteriaMet: value.criteriaMet ?? false,
            reason: value.reason ?? '',
            ...(value.agreedByName ? { agreedByName: value.agreedByName } : {}),
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.incident.version,
      fieldMap: { agreedByName: 'agreedByName', reason: 'reason', criteriaMet: 'criteriaMet' },
      fallback: 'partner',
      done: 'The partner’s view has been recorded.',
    } satisfies IncidentFormSpec<{
      partner?: 'local-authority' | 'icb' | 'police';
      criteriaMet?: boolean;
      reason?: string;
      agreedByName?: string;
    }>,

    'local-learning-review': {
      heading: 'Record a local learning review',
      submitText: 'Save',
      intro: () => [
        'The incident does not meet the criteria for a notification. The partners may still hold a local learning review. It is not a local child safeguarding practice review and is not sent to the Panel (WT 378).',
      ],
      fields: (_ctx, values) => [
        date('decidedOn', 'Date decided', values),
        textarea('rationale', 'Why a local learning review is held'),
      ],
      read: (r) => ({
        decidedOn: r.date('decidedOn', 'Date decided', 'Enter the date the review was decided'),
        rationale: r.text('rationale', 'Enter why a local learning review is held'),
      }),
      submit: (user, ctx, value, version) =>
        this.workflow.localLearningReview(
          ctx.incident.id,
          {
            decidedOn: value.decidedOn ?? '',
            rationale: value.rationale ?? '',
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.incident.version,
      fieldMap: { decidedOn: 'decidedOn', rationale: 'rationale' },
      fallback: 'rationale',
      done: 'The local learning review has been recorded.',
    } satisfies IncidentFormSpec<{ decidedOn?: string; rationale?: string }>,

    'rapid-review': {
      heading: 'Rapid review',
      submitText: 'Save the rapid review',
      intro: () => [
        'Record what is known so far; you can come back. All five sections and the sign-off of the three safeguarding partners are needed before it goes to the Panel (WT 392–393).',
      ],
      fields: (_ctx, values) => [
        textarea('facts', '1. Facts of the case, as far as readily established', undefined, 6),
        textarea(
          'agencyInvolvement',
          '1. Each agency’s involvement',
          'One agency per line: the agency, a colon, then its involvement. For example, Health visiting: two missed visits',
          5,
        ),
        textarea(
          'immediateSafetyActions',
          '2. Immediate actions taken to keep children safe',
          'One action per line: the action, a colon, then who owns it. Write “None needed” if there were none.',
          4,
        ),
        textarea('learning', '3. Learning identified and improvements that may be needed'),
        radios(
          'lcsprRecommended',
          '4. Is a local child safeguarding practice review recommended?',
          yesNoItems(values.lcsprRecommended as string),
          true,
        ),
        {
          kind: 'checkboxes',
          name: 'lcsprCriteria',
          label: '4. Which LCSPR criteria does the case meet? (WT 395)',
          items: criteriaItems(values.lcsprCriteria),
        },
        textarea('lcsprRationale', '4. Rationale against the criteria'),
        radios(
          'nationalReviewMayBeAppropriate',
          '4. May a national review be appropriate?',
          yesNoItems(values.nationalReviewMayBeAppropriate as string),
          true,
        ),
        date('familyInformedOn', '5. Date the family was told', values),
        textarea('familyInformedHow', '5. How the family was told', undefined, 3),
      ],
      initial: (ctx) => {
        const rr = ctx.rapidReview;
        if (!rr) return {};
        return {
          facts: rr.facts ?? '',
          agencyInvolvement: rr.agencyInvolvement.map((a) => `${a.agency}: ${a.summary}`).join('\n'),
          immediateSafetyActions:
            rr.immediateSafetyActions === null
              ? ''
              : rr.immediateSafetyActions.length === 0
                ? 'None needed'
                : rr.immediateSafetyActions.map((a) => `${a.action}: ${a.owner}`).join('\n'),
          learning: rr.learning ?? '',
          lcsprRecommended: rr.lcsprRecommended === null ? '' : rr.lcsprRecommended ? 'yes' : 'no',
          lcsprCriteria: rr.lcsprCriteria,
          lcsprRationale: rr.lcsprRationale ?? '',
          nationalReviewMayBeAppropriate:
            rr.nationalReviewMayBeAppropriate === null
              ? ''
              : rr.nationalReviewMayBeAppropriate
                ? 'yes'
                : 'no',
          familyInformedHow: rr.familyInformed?.how ?? '',
          ...dateValues('familyInformedOn', rr.familyInformed?.on),
        };
      },
      read: (r) => {
        const pairs = (name: string, message: string) =>
          r.lines(name).flatMap((line) => {
            const at = line.indexOf(':');
            if (at <= 0 || !line.slice(at + 1).trim()) {
              r.errors.push({ field: name, text: message });
              return [];
            }
            return [[line.slice(0, at).trim(), line.slice(at + 1).trim()] as const];
          });
        const actionsText = r.lines('immediateSafetyActions');
        const none = actionsText.length === 1 && /^none/i.test(actionsText[0]);
        const familyOn = r.date('familyInformedOn', 'Date the family was told');
        const familyHow = r.text('familyInformedHow');
        return {
          facts: r.text('facts') ?? null,
          agencyInvolvement: pairs(
            'agencyInvolvement',
            'Write each agency’s line as the agency, a colon, then its involvement',
          ).map(([agency, summary]) => ({ agency, summary })),
          immediateSafetyActions:
            actionsText.length === 0
              ? null
              : none
                ? []
                : pairs(
                    'immediateSafetyActions',
                    'Write each action as the action, a colon, then who owns it',
                  ).map(([action, owner]) => ({ action, owner })),
          learning: r.text('learning') ?? null,
          lcsprRecommended: r.yesNo('lcsprRecommended') ?? null,
          lcsprCriteria: r.many('lcsprCriteria').filter((id) => LCSPR_CRITERIA.some((c) => c.id === id)),
          lcsprRationale: r.text('lcsprRationale') ?? null,
          nationalReviewMayBeAppropriate: r.yesNo('nationalReviewMayBeAppropriate') ?? null,
          familyInformed: familyOn && familyHow ? { on: familyOn, how: familyHow } : null,
        };
      },
      submit: (user, ctx, value, version) =>
        this.rapidReviews.save(ctx.incident.id, { ...value, ...(version ? { version } : {}) }, user),
      version: (ctx) => ctx.rapidReview?.version,
      fieldMap: { facts: 'facts', agencyInvolvement: 'agencyInvolvement', learning: 'learning' },
      fallback: 'facts',
      done: 'The rapid review has been saved.',
    } satisfies IncidentFormSpec<Parameters<RapidReviewService['save']>[1]>,

    'rapid-review/sign-off': {
      heading: 'Sign off the rapid review',
      submitText: 'Sign off',
      intro: () => [
        'Each of the three safeguarding partners signs off the rapid review. A partnership manager may record a partner’s sign-off with the name of who agreed.',
      ],
      fields: (_ctx, values) => [
        radios('partner', 'Signing off for', optionItems(PARTNER_LABELS, values.partner)),
        input(
          'agreedByName',
          'Name of the person who agreed, if you are recording it for them',
          undefined,
          'govuk-input--width-20',
        ),
      ],
      read: (r) => ({
        partner: r.choice('partner', SAFEGUARDING_PARTNERS, 'Select the partner signing off'),
        agreedByName: r.text('agreedByName'),
      }),
      submit: (user, ctx, value, version) =>
        this.rapidReviews.signOff(
          ctx.incident.id,
          {
            partner: value.partner ?? 'local-authority',
            ...(value.agreedByName ? { agreedByName: value.agreedByName } : {}),
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.rapidReview?.version,
      fieldMap: { agreedByName: 'agreedByName' },
      fallback: 'partner',
      done: 'The sign-off has been recorded.',
    } satisfies IncidentFormSpec<{ partner?: 'local-authority' | 'icb' | 'police'; agreedByName?: string }>,

    lcspr: {
      heading: 'Record the LCSPR decision',
      submitText: 'Record the decision',
      intro: () => [
        'There is no automatic LCSPR after a rapid review. Record the decision, the criteria it rests on and the rationale (WT 395).',
      ],
      fields: (_ctx, values) => [
        radios(
          'decision',
          'Decision',
          optionItems({ lcspr: 'Carry out an LCSPR', 'no-lcspr': 'No LCSPR' }, values.decision),
        ),
        date('decidedOn', 'Date of the decision', values),
        {
          kind: 'checkboxes',
          name: 'criteria',
          label: 'Criteria the case meets (WT 395)',
          items: criteriaItems(values.criteria),
        },
        textarea('rationale', 'Rationale'),
      ],
      initial: (ctx) =>
        ctx.lcspr
          ? {
              decision: ctx.lcspr.decision,
              criteria: ctx.lcspr.criteria,
              rationale: ctx.lcspr.rationale,
              ...dateValues('decidedOn', ctx.lcspr.decidedOn),
            }
          : {},
      read: (r) => ({
        decision: r.choice('decision', ['lcspr', 'no-lcspr'] as const, 'Select the decision'),
        decidedOn: r.date('decidedOn', 'Date of the decision', 'Enter the date of the decision'),
        criteria: r.many('criteria'),
        rationale: r.text('rationale', 'Enter the rationale for the decision'),
      }),
      submit: (user, ctx, value, version) =>
        this.lcspr.decide(
          ctx.incident.id,
          {
            decision: value.decision ?? 'lcspr',
            decidedOn: value.decidedOn ?? '',
            criteria: value.criteria,
            rationale: value.rationale ?? '',
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.lcspr?.version,
      fieldMap: { criteria: 'criteria', rationale: 'rationale', decidedOn: 'decidedOn' },
      fallback: 'decision',
      done: 'The LCSPR decision has been recorded.',
    } satisfies IncidentFormSpec<{
      decision?: 'lcspr' | 'no-lcspr';
      decidedOn?: string;
      criteria: string[];
      rationale?: string;
    }>,

    'lcspr/informed': {
      heading: 'Record that the Panel, Ofsted and the DfE were told',
      submitText: 'Save',
      intro: () => ['Tell them as soon as the LCSPR is decided, naming the commissioned reviewer (WT 393).'],
      fields: (_ctx, values) => [
        date('informedOn', 'Date they were told', values),
        input('reviewerName', 'Reviewer named', undefined, 'govuk-input--width-20'),
      ],
      read: (r) => ({
        informedOn: r.date('informedOn', 'Date they were told', 'Enter the date they were told'),
        reviewerName: r.text('reviewerName', 'Enter the name of the commissioned reviewer'),
      }),
      submit: (user, ctx, value, version) =>
        this.lcspr.informed(
          ctx.incident.id,
          {
            informedOn: value.informedOn ?? '',
            reviewerName: value.reviewerName ?? '',
            ...(version ? { version } : {}),
          },
          user,
        ),
      version: (ctx) => ctx.lcspr?.version,
      fieldMap: { informedOn: 'informedOn', reviewerName: 'reviewerName' },
      fallback: 'informedOn',
      done: 'The Panel, Ofsted and the DfE are recorded as told.',
    } satisfies IncidentFormSpec<{ informedOn?: string; reviewerName?: string }>,

    'lcspr/publication': {
      heading: 'Publication plan',
      submitText: 'Save the publication plan',
      intro: () => [
        'The full report (or the improvements information) goes to the Panel and the Secretary of State, and should go to Ofsted, at least 7 working days before publication (WT 407). Publish within 6 months of the decision, or tell the Panel and the Secretary of State why not (WT 408).',
      ],
      fields: (_ctx, values) => [
        date('plannedPublicationDate', 'Planned publication date', values),
        radios(
          'publishFullReport',
          'Will the full report be published?',
          yesNoItems(values.publishFullReport as string),
          true,
        ),
        date('sentToPanelOn', 'Date sent to the Panel', values),
        date('sentToSecretaryOfStateOn', 'Date sent to the Secretary of State', values),
        date('sentToOfstedOn', 'Date sent to Ofsted', values),
        date('publishedOn', 'Date published', values),
        input('publicationUrl', 'Where it is published (web address)'),
        textarea('delayReason', 'Reasons for any delay', undefined, 3),
        date('delayReasonSentOn', 'Date the reasons went to the Panel and the Secretary of State', values),
      ],
      initial: (ctx) => {
        const p = ctx.lcspr?.publication;
        if (!p) return {};
        return {
          publishFullReport: p.publishFullReport === null ? '' : p.publishFullReport ? 'yes' : 'no',
          publicationUrl: p.publicationUrl ?? '',
          delayReason: p.delayReason ?? '',
          ...dateValues('plannedPublicationDate', p.plannedPublicationDate),
          ...dateValues('sentToPanelOn', p.sentToPanelOn),
          ...dateValues('sentToSecretaryOfStateOn', p.sentToSecretaryOfStateOn),
          ...dateValues('sentToOfstedOn', p.sentToOfstedOn),
          ...dateValues('publishedOn', p.publishedOn),
          ...dateValues('delayReasonSentOn', p.delayReasonSentOn),
        };
      },
      read: (r) => {
        const opt = (name: string, label: string) => r.date(name, label);
        return {
          plannedPublicationDate: r.date(
            'plannedPublicationDate',
            'Planned publication date',
            'Enter the planned publication date',
          ),
          publishFullReport: r.yesNo('publishFullReport', 'Select yes if the full report will be published'),
          sentToPanelOn: opt('sentToPanelOn', 'Date sent to the Panel'),
          sentToSecretaryOfStateOn: opt('sentToSecretaryOfStateOn', 'Date sent to the Secretary of State'),
          sentToOfstedOn: opt('sentToOfstedOn', 'Date sent to Ofsted'),
          publishedOn: opt('publishedOn', 'Date published'),
          publicationUrl: r.text('publicationUrl'),
          delayReason: r.text('delayReason'),
          delayReasonSentOn: opt('delayReasonSentOn', 'Date the reasons were sent'),
        };
      },
      submit: (user, ctx, value, version) => {
        const { plannedPublicationDate, publishFullReport, ...rest } = value;
        const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        return this.lcspr.publication(
          ctx.incident.id,
          {
            plannedPublicationDate: plannedPublicationDate ?? '',
            publishFullReport: publishFullReport ?? true,
            ...defined,
            ...(version ? { version } : {}),
          },
          user,
        );
      },
      version: (ctx) => ctx.lcspr?.version,
      fieldMap: {
        publishedOn: 'publishedOn',
        publicationUrl: 'publicationUrl',
        delayReasonSentOn: 'delayReasonSentOn',
        delayReason: 'delayReason',
        sentToPanelOn: 'sentToPanelOn',
        sentToSecretaryOfStateOn: 'sentToSecretaryOfStateOn',
        sentToOfstedOn: 'sentToOfstedOn',
      },
      fallback: 'plannedPublicationDate',
      done: 'The publication plan has been saved.',
    } satisfies IncidentFormSpec<{
      plannedPublicationDate?: string;
      publishFullReport?: boolean;
      sentToPanelOn?: string;
      sentToSecretaryOfStateOn?: string;
      sentToOfstedOn?: string;
      publishedOn?: string;
      publicationUrl?: string;
      delayReason?: string;
      delayReasonSentOn?: string;
    }>,
  };
}
