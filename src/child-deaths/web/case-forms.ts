import { Injectable } from '@nestjs/common';
import type { Organisation } from '../../identity/organisation.entity';
import { OrganisationsService } from '../../identity/organisations.service';
import { formatDate } from '../../web/rendering/formatting';
import { CaseLifecycleService } from '../case-lifecycle.service';
import type { CaseView } from '../case-view';
import { CONTACT_METHODS } from '../dto/decisions.dto';
import {
  CRIMINAL_INVESTIGATION_STATUSES,
  INQUEST_STATUSES,
  POLICE_INVESTIGATION_STATUSES,
  POST_MORTEM_STATUSES,
  Professional,
} from '../entities/case-records';
import { ImmediateDecisionsService } from '../immediate-decisions.service';
import { InformationGatheringService } from '../information-gathering.service';
import { PAUSE_REASON_LABELS, PAUSE_REASONS, PauseReason } from '../rules/case-lifecycle';
import { ReviewMeetingsService } from '../review-meetings.service';
import { AnalysisService } from '../analysis.service';
import {
  CaseFormSpec,
  choice,
  dateField,
  dateValues,
  FieldError,
  readDate,
  readInstant,
  required,
  text,
} from './form-page';
import { radios, selectItems, yesNoItems } from './options';
import { lines, many } from './page-errors';
import { parseProfessionals, professionalsText } from './professionals-text';

const ok = <T>(errors: FieldError[], value: T) => (errors.length ? { errors } : { value });
const named = (p: Professional) => `${p.name}, ${p.role}, ${p.organisation}`;

const CONTACT_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  'in-person': 'In person',
  phone: 'Phone',
  video: 'Video call',
  letter: 'Letter',
  email: 'Email',
};
const POLICE_LABELS: Record<string, string> = {
  'not-started': 'Not started',
  ongoing: 'Ongoing',
  'no-further-action': 'No further action',
  'charges-brought': 'Charges brought',
  concluded: 'Concluded',
};
const POST_MORTEM_LABELS: Record<string, string> = {
  'not-required': 'Not required',
  awaited: 'Report awaited',
  'report-received': 'Report received',
};
const INQUEST_LABELS: Record<string, string> = {
  none: 'No inquest',
  opened: 'Inquest opened',
  concluded: 'Inquest concluded',
};
const CRIMINAL_LABELS: Record<string, string> = {
  none: 'None',
  ongoing: 'Investigation ongoing',
  prosecution: 'Prosecution',
  concluded: 'Concluded',
};

/** The forms about a case, by the path they live at under /child-deaths/:caseId/. */
@Injectable()
export class CaseForms {
  private organisations: Organisation[] = [];

  constructor(
    private readonly decisions: ImmediateDecisionsService,
    private readonly information: InformationGatheringService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly meetings: ReviewMeetingsService,
    private readonly analysis: AnalysisService,
    private readonly organisationsService: OrganisationsService,
  ) {}

  async refreshOrganisations(): Promise<void> {
    this.organisations = await this.organisationsService.list();
  }

  spec(name: string): CaseFormSpec<never> | undefined {
    return (this.specs() as Record<string, CaseFormSpec<unknown>>)[name] as CaseFormSpec<never> | undefined;
  }

  private specs() {
    return {
      'jar-decision': this.jarDecision(),
      'jar-record': this.jarRecord(),
      'key-worker': this.keyWorker(),
      'family-contacts/new': this.familyContact(),
      investigations: this.investigations(),
      pause: this.pause(),
      resume: this.resume(),
      'abuse-or-neglect': this.abuseOrNeglect(),
      'review-meetings/new': this.schedule(),
      held: this.held(),
      'analysis/finalise': this.finalise(),
      'ncmd-submission': this.ncmd(),
      close: this.close(),
    };
  }

  private jarDecision(): CaseFormSpec<{ required: boolean; reason?: string }> {
    return {
      roles: ['designated-doctor'],
      heading: 'Decide on the joint agency response',
      submitText: 'Record the decision',
      intro: (view) => [
        view.jar.evaluation.required
          ? `The notifications meet ${view.jar.evaluation.criteria.length} of the criteria in Working Together 2026, paragraph 449: a joint agency response is required unless you decide otherwise.`
          : 'The notifications meet none of the criteria in Working Together 2026, paragraph 449: no joint agency response is required unless you decide otherwise.',
        ...view.jar.evaluation.explanations.map((e) => e.text),
      ],
      fields: (_view, values) => [
        {
          kind: 'radios',
          name: 'required',
          label: 'Is a joint agency response required?',
          inline: true,
          items: yesNoItems(values.required),
        },
        {
          kind: 'textarea',
          name: 'reason',
          label: 'Reason (needed if your decision differs from the criteria)',
        },
      ],
      initial: (view) => ({ required: view.jar.evaluation.required ? 'yes' : 'no' }),
      read: (body) => {
        const errors: FieldError[] = [];
        const answer = choice(
          body,
          'required',
          ['yes', 'no'] as const,
          'Select whether a joint agency response is required',
          errors,
        );
        const reason = text(body, 'reason');
        return ok(errors, { required: answer === 'yes', ...(reason ? { reason } : {}) });
      },
      submit: (user, view, value, extra) =>
        this.decisions.decideJar(user, view.id, { ...value, version: extra.version }),
      fieldMap: { reason: { field: 'reason', label: 'Reason' } },
      fallback: 'required',
      done: 'jar-decided',
      section: 'jar',
      path: () => 'jar-decision',
    };
  }

  private jarRecord(): CaseFormSpec<Omit<Parameters<ImmediateDecisionsService['recordJar']>[2], 'version'>> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Record the joint agency response',
      submitText: 'Save the record',
      fields: (_view, values) => [
        {
          kind: 'textarea',
          name: 'professionals',
          label: 'The JAR professionals',
          hint: 'One person per line: name, role, organisation',
        },
        {
          kind: 'date',
          name: 'sharedOn',
          label: 'Date of the information-sharing and planning discussion',
          date: dateField(values, 'sharedOn'),
        },
        {
          kind: 'input',
          name: 'sharedAt',
          label: 'Time of the discussion',
          hint: 'For example 14:30',
          classes: 'govuk-input--width-5',
        },
        {
          kind: 'date',
          name: 'visitedOn',
          label: 'Date of the home or scene visit',
          date: dateField(values, 'visitedOn'),
        },
        {
          kind: 'input',
          name: 'visitedAt',
          label: 'Time of the visit',
          hint: 'For example 16:00',
          classes: 'govuk-input--width-5',
        },
        { kind: 'textarea', name: 'notDoneReason', label: 'If there was no visit, why not' },
        {
          kind: 'select',
          name: 'policeInvestigationStatus',
          label: 'Police investigation',
          items: selectItems(
            POLICE_INVESTIGATION_STATUSES.map((s) => ({ value: s, text: POLICE_LABELS[s] })),
            values.policeInvestigationStatus,
            'Not known yet',
          ),
        },
        {
          kind: 'radios',
          name: 'section47',
          label: 'Is a section 47 enquiry or strategy discussion relevant?',
          inline: true,
          items: yesNoItems(values.section47),
        },
        {
          kind: 'textarea',
          name: 'section47Outcome',
          label: 'Section 47 or strategy discussion outcome (if relevant)',
        },
      ],
      initial: (view) => ({
        professionals: professionalsText(view.jar.record?.professionals ?? []),
        policeInvestigationStatus: view.jar.record?.policeInvestigationStatus ?? '',
      }),
      read: (body) => {
        const errors: FieldError[] = [];
        const people = parseProfessionals(text(body, 'professionals'));
        if ('error' in people) errors.push({ field: 'professionals', text: people.error });
        const heldAt = readInstant(
          body,
          { name: 'sharedOn', label: 'Date of the discussion' },
          { name: 'sharedAt', label: 'Time of the discussion' },
          errors,
          false,
        );
        const visitedAt = readInstant(
          body,
          { name: 'visitedOn', label: 'Date of the visit' },
          { name: 'visitedAt', label: 'Time of the visit' },
          errors,
          false,
        );
        const notDoneReason = text(body, 'notDoneReason');
        const police = text(body, 'policeInvestigationStatus');
        const s47 = body.section47 === 'yes' ? true : body.section47 === 'no' ? false : undefined;
        const outcome = text(body, 'section47Outcome');
        return ok(errors, {
          professionals: 'people' in people ? people.people : [],
          ...(heldAt ? { informationSharing: { heldAt } } : {}),
          ...(visitedAt
            ? { homeVisit: { visitedAt } }
            : notDoneReason
              ? { homeVisit: { notDoneReason } }
              : {}),
          ...(police ? { policeInvestigationStatus: police } : {}),
          ...(s47 !== undefined ? { section47: { relevant: s47, ...(outcome ? { outcome } : {}) } } : {}),
        });
      },
      submit: (user, view, value, extra) =>
        this.decisions.recordJar(user, view.id, { ...value, version: extra.version ?? view.version }),
      fieldMap: {
        'informationSharing.heldAt': { field: 'sharedOn', label: 'Date of the discussion' },
        'homeVisit.visitedAt': { field: 'visitedOn', label: 'Date of the visit' },
        homeVisit: { field: 'notDoneReason', label: 'Home visit' },
      },
      fallback: 'professionals',
      done: 'jar-recorded',
      section: 'jar',
      path: () => 'jar-record',
    };
  }

  private keyWorker(): CaseFormSpec<{
    name: string;
    role: string;
    organisation: string;
    email?: string;
    phone?: string;
  }> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Name the key worker for the family',
      submitText: 'Save the key worker',
      intro: () => [
        'The key worker is the family’s single point of contact through the review (Working Together 2026, paragraph 432).',
      ],
      fields: () => [
        { kind: 'input', name: 'name', label: 'Name' },
        { kind: 'input', name: 'role', label: 'Role' },
        { kind: 'input', name: 'organisation', label: 'Organisation' },
        { kind: 'input', name: 'email', label: 'Email address (optional)', inputType: 'email' },
        {
          kind: 'input',
          name: 'phone',
          label: 'Phone number (optional)',
          inputType: 'tel',
          classes: 'govuk-input--width-20',
        },
      ],
      initial: (view) => ({ ...(view.keyWorker ?? {}) }),
      read: (body) => {
        const errors: FieldError[] = [];
        const name = required(body, 'name', 'Enter the key worker’s name', errors);
        const role = required(body, 'role', 'Enter the key worker’s role', errors);
        const organisation = required(body, 'organisation', 'Enter the key worker’s organisation', errors);
        const email = text(body, 'email');
        const phone = text(body, 'phone');
        return ok(errors, {
          name,
          role,
          organisation,
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
        });
      },
      submit: (user, view, value, extra) =>
        this.decisions.nameKeyWorker(user, view.id, { ...value, version: extra.version ?? view.version }),
      fieldMap: {
        name: { field: 'name', label: 'Name' },
        email: { field: 'email', label: 'Email address' },
        phone: { field: 'phone', label: 'Phone number' },
      },
      fallback: 'name',
      done: 'key-worker',
      section: 'family',
      path: () => 'key-worker',
    };
  }

  private familyContact(): CaseFormSpec<
    Omit<Parameters<ImmediateDecisionsService['recordFamilyContact']>[2], 'version'>
  > {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Record a contact with the family',
      submitText: 'Save the contact',
      fields: (_view, values) => [
        {
          kind: 'date',
          name: 'contactedOn',
          label: 'Date of the contact',
          date: dateField(values, 'contactedOn'),
        },
        { kind: 'radios', name: 'method', label: 'How', items: radios(CONTACT_LABELS, values.method) },
        { kind: 'input', name: 'contactBy', label: 'Who made the contact' },
        {
          kind: 'radios',
          name: 'guideOffered',
          label: 'Was the “When a child dies” guide offered?',
          inline: true,
          items: yesNoItems(values.guideOffered),
        },
        {
          kind: 'textarea',
          name: 'questions',
          label: 'The family’s questions for the child death review meeting',
          hint: 'One question per line',
        },
        { kind: 'textarea', name: 'notes', label: 'Notes (optional)' },
      ],
      read: (body) => {
        const errors: FieldError[] = [];
        const contactedOn = readDate(body, 'contactedOn', 'Date of the contact', errors);
        const method = choice(body, 'method', CONTACT_METHODS, 'Select how the contact was made', errors);
        const contactBy = required(body, 'contactBy', 'Enter who made the contact', errors);
        const guide = choice(
          body,
          'guideOffered',
          ['yes', 'no'] as const,
          'Select whether the guide was offered',
          errors,
        );
        const notes = text(body, 'notes');
        return ok(errors, {
          contactedOn: contactedOn!,
          method: method!,
          contactBy,
          guideOffered: guide === 'yes',
          questionsForCdrm: lines(body.questions),
          ...(notes ? { notes } : {}),
        });
      },
      submit: (user, view, value, extra) =>
        this.decisions.recordFamilyContact(user, view.id, { ...value, version: extra.version }),
      fieldMap: { contactedOn: { field: 'contactedOn', label: 'Date of the contact' } },
      fallback: 'contactedOn',
      done: 'family-contact',
      section: 'family',
      path: () => 'family-contacts/new',
    };
  }

  private investigations(): CaseFormSpec<
    Omit<Parameters<InformationGatheringService['recordInvestigations']>[2], 'version'>
  > {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Post-mortem, inquest and investigations',
      submitText: 'Save',
      intro: () => [
        'The review meeting should wait for the post-mortem report, and the CDOP review may wait for an inquest or criminal proceedings.',
      ],
      fields: (_view, values) => [
        {
          kind: 'radios',
          name: 'postMortem',
          label: 'Post-mortem',
          items: radios(
            Object.fromEntries(POST_MORTEM_STATUSES.map((s) => [s, POST_MORTEM_LABELS[s]])),
            values.postMortem,
          ),
        },
        {
          kind: 'date',
          name: 'reportReceivedOn',
          label: 'Date the post-mortem report was received (if received)',
          date: dateField(values, 'reportReceivedOn'),
        },
        {
          kind: 'radios',
          name: 'coronerInvolved',
          label: 'Is the coroner involved?',
          inline: true,
          items: yesNoItems(values.coronerInvolved),
        },
        {
          kind: 'radios',
          name: 'inquest',
          label: 'Inquest',
          items: radios(
            Object.fromEntries(INQUEST_STATUSES.map((s) => [s, INQUEST_LABELS[s]])),
            values.inquest,
          ),
        },
        {
          kind: 'radios',
          name: 'criminal',
          label: 'Criminal investigation',
          items: radios(
            Object.fromEntries(CRIMINAL_INVESTIGATION_STATUSES.map((s) => [s, CRIMINAL_LABELS[s]])),
            values.criminal,
          ),
        },
        {
          kind: 'checkboxes',
          name: 'pause',
          label: 'Pausing',
          items: [
            {
              value: 'yes',
              text: 'Pause the review meeting and CDOP review clocks while these proceedings run',
              checked: many(values.pause).includes('yes'),
            },
          ],
        },
      ],
      initial: (view) => ({
        postMortem: view.investigations.postMortem?.status,
        ...dateValues('reportReceivedOn', view.investigations.postMortem?.reportReceivedOn),
        coronerInvolved: view.investigations.coroner
          ? view.investigations.coroner.involved
            ? 'yes'
            : 'no'
          : undefined,
        inquest: view.investigations.coroner?.inquest,
        criminal: view.investigations.criminalInvestigation?.status,
      }),
      read: (body) => {
        const errors: FieldError[] = [];
        const received = readDate(body, 'reportReceivedOn', 'Date the report was received', errors, false);
        const postMortem = text(body, 'postMortem');
        const involved = text(body, 'coronerInvolved');
        const inquest = text(body, 'inquest');
        const criminal = text(body, 'criminal');
        if (inquest && !involved)
          errors.push({ field: 'coronerInvolved', text: 'Select whether the coroner is involved' });
        return ok(errors, {
          ...(postMortem
            ? { postMortem: { status: postMortem, ...(received ? { reportReceivedOn: received } : {}) } }
            : {}),
          ...(involved ? { coroner: { involved: involved === 'yes', inquest: inquest || 'none' } } : {}),
          ...(criminal ? { criminalInvestigation: { status: criminal } } : {}),
          ...(many(body.pause).includes('yes') ? { pause: true } : {}),
        });
      },
      submit: (user, view, value, extra) =>
        this.information.recordInvestigations(user, view.id, {
          ...value,
          version: extra.version ?? view.version,
        }),
      fieldMap: {
        'postMortem.reportReceivedOn': { field: 'reportReceivedOn', label: 'Date the report was received' },
        'coroner.inquestConcludedOn': { field: 'inquest', label: 'Inquest' },
        pause: { field: 'pause', label: 'Pausing' },
      },
      fallback: 'postMortem',
      done: 'investigations',
      section: 'investigations',
      path: () => 'investigations',
    };
  }

  private pause(): CaseFormSpec<{ reason: PauseReason; text?: string }> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Pause the case',
      submitText: 'Pause the case',
      intro: () => [
        'The review meeting and CDOP review clocks stop while the case is paused, and move on by the time paused when it resumes.',
      ],
      fields: (_view, values) => [
        {
          kind: 'radios',
          name: 'reason',
          label: 'Why is the case paused?',
          items: radios(PAUSE_REASON_LABELS, values.reason),
        },
        { kind: 'textarea', name: 'text', label: 'Details (needed for “Other”)' },
      ],
      read: (body) => {
        const errors: FieldError[] = [];
        const reason = choice(body, 'reason', PAUSE_REASONS, 'Select why the case is paused', errors);
        const details = text(body, 'text');
        return ok(errors, { reason: reason!, ...(details ? { text: details } : {}) });
      },
      submit: (user, view, value, extra) =>
        this.lifecycle.pause(user, view.id, { ...value, version: extra.version }),
      fieldMap: { text: { field: 'text', label: 'Details' }, reason: { field: 'reason', label: 'Reason' } },
      fallback: 'reason',
      done: 'paused',
      section: 'investigations',
      path: () => 'pause',
    };
  }

  private resume(): CaseFormSpec<Record<string, never>> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Resume the case',
      submitText: 'Resume the case',
      intro: (view) => [
        `The case has been paused since ${formatDate(view.paused?.since)}. Its paused clocks will move on by the time paused.`,
      ],
      fields: () => [],
      read: () => ({ value: {} }),
      submit: (user, view, _value, extra) => this.lifecycle.resume(user, view.id, { version: extra.version }),
      fieldMap: {},
      fallback: 'version',
      done: 'resumed',
      section: 'investigations',
      path: () => 'resume',
    };
  }

  private abuseOrNeglect(): CaseFormSpec<{ summary: string; localAuthorityId?: string }> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Record evidence of abuse or neglect',
      submitText: 'Inform the local authority',
      intro: () => [
        'This opens a serious incident notification draft for the local authority straight away, as Working Together 2026, paragraph 452 requires. The local authority completes it and notifies the Child Safeguarding Practice Review Panel.',
      ],
      fields: (view, values) => [
        { kind: 'textarea', name: 'summary', label: 'What was found', rows: 6 },
        {
          kind: 'select',
          name: 'localAuthorityId',
          label: 'Local authority to inform',
          hint: 'Leave it as it is to inform the local authority where the child lived',
          items: selectItems(
            this.organisations
              .filter((o) => o.type === 'local-authority')
              .map((o) => ({ value: o.id, text: o.name })),
            values.localAuthorityId,
            view.residentLocalAuthority
              ? `Where the child lived (${view.residentLocalAuthority.name})`
              : 'Select a local authority',
          ),
        },
      ],
      read: (body) => {
        const errors: FieldError[] = [];
        const summary = required(body, 'summary', 'Describe what was found', errors);
        const localAuthorityId = text(body, 'localAuthorityId');
        return ok(errors, { summary, ...(localAuthorityId ? { localAuthorityId } : {}) });
      },
      submit: (user, view, value, extra) =>
        this.information.abuseOrNeglect(user, view.id, { ...value, version: extra.version }),
      fieldMap: {
        localAuthorityId: { field: 'localAuthorityId', label: 'Local authority' },
        summary: { field: 'summary', label: 'What was found' },
      },
      fallback: 'summary',
      done: 'abuse-or-neglect',
      section: 'serious-incident',
      path: () => 'abuse-or-neglect',
    };
  }

  private schedule(): CaseFormSpec<{ scheduledFor: string; location?: string; attendees: Professional[] }> {
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Schedule the child death review meeting',
      submitText: 'Schedule and send invitations',
      intro: () => [
        'Invite the professionals who cared for the child in life and those who investigated the death. Give at least a month’s notice, and do not hold the meeting before the post-mortem report is available (Working Together 2026, paragraph 453).',
      ],
      warnings: (view) =>
        view.investigations.postMortem?.status === 'awaited' ? ['The post-mortem report is not in yet.'] : [],
      fields: (view, values) => [
        { kind: 'date', name: 'meetingOn', label: 'Date', date: dateField(values, 'meetingOn') },
        {
          kind: 'input',
          name: 'meetingAt',
          label: 'Start time',
          hint: 'For example 09:30',
          classes: 'govuk-input--width-5',
        },
        { kind: 'input', name: 'location', label: 'Where (optional)' },
        {
          kind: 'checkboxes',
          name: 'attendees',
          label: 'Invite',
          hint: 'The professionals listed on the notifications',
          items: view.professionals.map((p, i) => ({
            value: String(i),
            text: named(p),
            checked: many(values.attendees).includes(String(i)),
          })),
        },
        {
          kind: 'textarea',
          name: 'others',
          label: 'Anyone else to invite',
          hint: 'One person per line: name, role, organisation, email address',
        },
      ],
      read: (body, view) => {
        const errors: FieldError[] = [];
        const scheduledFor = readInstant(
          body,
          { name: 'meetingOn', label: 'Date' },
          { name: 'meetingAt', label: 'Start time' },
          errors,
        );
        const others = parseProfessionals(text(body, 'others'));
        if ('error' in others) errors.push({ field: 'others', text: others.error });
        const chosen = many(body.attendees)
          .map((i) => view.professionals[Number(i)])
          .filter(Boolean);
        const attendees = [...chosen, ...('people' in others ? others.people : [])];
        if (!attendees.length && !errors.length)
          errors.push({ field: 'attendees', text: 'Select who to invite' });
        const location = text(body, 'location');
        return ok(errors, { scheduledFor: scheduledFor!, attendees, ...(location ? { location } : {}) });
      },
      submit: (user, view, value, extra) =>
        this.meetings.schedule(user, view.id, { ...value, version: extra.version }),
      fieldMap: { scheduledFor: { field: 'meetingOn', label: 'Date' } },
      fallback: 'meetingOn',
      done: 'meeting-scheduled',
      section: 'cdrm',
      path: () => 'review-meetings/new',
    };
  }

  private held(): CaseFormSpec<{ heldOn: string; attended: string[]; notes?: string }> {
    const meetingOf = (view: CaseView, id?: string) => view.reviewMeetings.find((m) => m.id === id);
    return {
      roles: ['cdop-admin', 'designated-doctor'],
      heading: 'Record the child death review meeting as held',
      submitText: 'Save',
      intro: () => ['The draft analysis form should go to the CDOP within 10 working days of the meeting.'],
      fields: (view, values, extra) => [
        { kind: 'date', name: 'heldOn', label: 'Date held', date: dateField(values, 'heldOn') },
        {
          kind: 'checkboxes',
          name: 'attended',
          label: 'Who attended',
          items: (meetingOf(view, extra.meetingId)?.attendees ?? []).map((a) => ({
            value: a.name,
            text: named(a),
            checked: many(values.attended).includes(a.name),
          })),
        },
        { kind: 'textarea', name: 'notes', label: 'Discussion notes', rows: 8 },
      ],
      initial: (view, extra) => {
        const meeting = meetingOf(view, extra.meetingId);
        return meeting ? dateValues('heldOn', new Date(meeting.scheduledFor).toISOString().slice(0, 10)) : {};
      },
      read: (body) => {
        const errors: FieldError[] = [];
        const heldOn = readDate(body, 'heldOn', 'Date held', errors);
        const attended = many(body.attended);
        if (!attended.length) errors.push({ field: 'attended', text: 'Select who attended' });
        const notes = text(body, 'notes');
        return ok(errors, { heldOn: heldOn!, attended, ...(notes ? { notes } : {}) });
      },
      submit: (user, view, value, extra) =>
        this.meetings.held(user, view.id, extra.meetingId!, { ...value, version: extra.version }),
      fieldMap: { heldOn: { field: 'heldOn', label: 'Date held' } },
      fallback: 'heldOn',
      done: 'meeting-held',
      section: 'cdrm',
      path: (extra) => `review-meetings/${extra.meetingId}/held`,
    };
  }

  private finalise(): CaseFormSpec<{ reviewedOn: string }> {
    return {
      roles: ['cdop-admin', 'designated-doctor', 'cdop-panel-member'],
      heading: 'Finalise the analysis as agreed by the CDOP',
      submitText: 'Finalise the analysis',
      intro: () => [
        'Finalising records the CDOP’s agreement to the analysis at its review, and turns the recommendations into tracked actions.',
      ],
      warnings: (view) => (view.analysis?.missing ?? []).map((p) => p.message),
      fields: (_view, values) => [
        {
          kind: 'date',
          name: 'reviewedOn',
          label: 'Date of the CDOP meeting that agreed it',
          date: dateField(values, 'reviewedOn'),
        },
      ],
      read: (body) => {
        const errors: FieldError[] = [];
        const reviewedOn = readDate(body, 'reviewedOn', 'Date of the CDOP meeting', errors);
        return ok(errors, { reviewedOn: reviewedOn! });
      },
      formVersion: (view) => view.analysis?.version ?? undefined,
      submit: (user, view, value, extra) =>
        this.analysis.finalise(user, view.id, { ...value, version: extra.version }),
      fieldMap: { reviewedOn: { field: 'reviewedOn', label: 'Date of the CDOP meeting' } },
      fallback: 'reviewedOn',
      done: 'finalised',
      section: 'analysis',
      path: () => 'analysis/finalise',
    };
  }

  private ncmd(): CaseFormSpec<{ submittedOn: string }> {
    return {
      roles: ['cdop-admin'],
      heading: 'Record the NCMD submission',
      submitText: 'Save',
      fields: (_view, values) => [
        {
          kind: 'date',
          name: 'submittedOn',
          label: 'Date the data went to the NCMD',
          date: dateField(values, 'submittedOn'),
        },
      ],
      read: (body) => {
        const errors: FieldError[] = [];
        const submittedOn = readDate(body, 'submittedOn', 'Date the data went to the NCMD', errors);
        return ok(errors, { submittedOn: submittedOn! });
      },
      submit: (user, view, value, extra) =>
        this.lifecycle.recordNcmdSubmission(user, view.id, { ...value, version: extra.version }),
      fieldMap: { submittedOn: { field: 'submittedOn', label: 'Date' } },
      fallback: 'submittedOn',
      done: 'ncmd',
      section: 'analysis',
      path: () => 'ncmd-submission',
    };
  }

  private close(): CaseFormSpec<Record<string, never>> {
    return {
      roles: ['cdop-admin'],
      heading: 'Close the case',
      submitText: 'Close the case',
      intro: () => ['The CDOP’s analysis is final and the data has gone to the NCMD.'],
      fields: () => [],
      read: () => ({ value: {} }),
      submit: (user, view, _value, extra) => this.lifecycle.close(user, view.id, { version: extra.version }),
      fieldMap: {},
      fallback: 'version',
      done: 'closed',
      section: 'analysis',
      path: () => 'close',
    };
  }
}
