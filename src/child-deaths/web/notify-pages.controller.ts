import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { TimeSource } from '../../calendar/time-source';
import type { Organisation } from '../../identity/organisation.entity';
import { OrganisationsService } from '../../identity/organisations.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { dateInputValues, readDateInput } from '../../web/forms/dates';
import { FormErrors, formErrors, validateForm } from '../../web/forms/form';
import { FormDrafts } from '../../web/forms/form-drafts.service';
import { NavItem } from '../../web/shell/contributions';
import { WebController } from '../../web/shell/web-controller';
import type { NotificationDto } from '../dto/notification.dto';
import { ETHNIC_CATEGORIES, PLACE_OF_DEATH_LABELS } from '../forms/notification-options';
import { isCaseReader, NOTIFIERS_OUTSIDE_CDOPS, PRACTITIONERS } from '../ids';
import { checkNotification } from '../notification-checks';
import { NotificationIntakeService } from '../notification-intake.service';
import { NHS_NUMBER_MISSING_REASON_LABELS } from '../rules/nhs-number';
import { NotificationForm } from './notify.form';
import {
  circumstanceItems,
  CIRCUMSTANCE_LABELS,
  ethnicityItems,
  missingReasonItems,
  organisationSelect,
  placeItems,
  SEX_LABELS,
  sexItems,
  yesNoItems,
  yesNoNotKnownItems,
} from './options';
import { FieldMap, many, pageErrors, yesNo } from './page-errors';
import { parseProfessionals, professionalsText } from './professionals-text';

const FIELDS: FieldMap = {
  'child.givenName': { field: 'givenName', label: 'First name' },
  'child.familyName': { field: 'familyName', label: 'Last name' },
  'child.dateOfBirth': { field: 'dateOfBirth', label: 'Date of birth' },
  'child.sex': { field: 'sex', label: 'Sex' },
  'child.nhsNumber': { field: 'nhsNumber', label: 'NHS number' },
  'child.nhsNumberMissingReason': { field: 'nhsNumberMissingReason', label: 'Reason there is no NHS number' },
  'child.postcode': { field: 'postcode', label: 'Postcode' },
  dateOfDeath: { field: 'dateOfDeath', label: 'Date of death' },
  timeOfDeath: { field: 'timeOfDeath', label: 'Time of death' },
  notifiedAt: { field: 'dateOfDeath', label: 'Date of death' },
  medicalAttendanceAtBirth: { field: 'stillbirth', label: 'Stillbirth' },
  stillbirth: { field: 'stillbirth', label: 'Stillbirth' },
  cdopId: { field: 'cdopId', label: 'CDOP' },
  residentLocalAuthorityId: {
    field: 'residentLocalAuthorityId',
    label: 'Local authority where the child lived',
  },
  placeOfDeathLocalAuthorityId: {
    field: 'placeOfDeathLocalAuthorityId',
    label: 'Local authority where the child died',
  },
};
const ANCHORS = {
  dateOfBirth: 'dateOfBirth-day',
  dateOfDeath: 'dateOfDeath-day',
  sex: 'sex',
  placeOfDeath: 'placeOfDeath',
};
const NOT_KNOWN = 'not-known';

interface Draft extends Record<string, unknown> {
  form: Record<string, unknown>;
  notification: NotificationDto;
}

/**
 * Notifying a child death from the pages (WT 447): the form, "check your answers", and the confirmation
 * that says whether the death had already been notified.
 */
@NavItem({
  text: 'Notify a child death',
  href: '/child-deaths/notify',
  roles: NOTIFIERS_OUTSIDE_CDOPS,
  order: 21,
})
@Permission(...PRACTITIONERS)
@WebController('child-deaths/notify')
export class NotifyPagesController {
  constructor(
    private readonly intake: NotificationIntakeService,
    private readonly organisations: OrganisationsService,
    private readonly drafts: FormDrafts,
    private readonly time: TimeSource,
  ) {}

  @Get()
  async form(@Query('draft') sealed: unknown, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const organisations = await this.organisations.list();
    const draft = this.drafts.open(sealed) as Draft | undefined;
    if (draft) return this.render(res, 200, organisations, draft.form);
    const own = organisations.find((o) => user.organisationIds.includes(o.id));
    const cdop = organisations.find((o) => o.type === 'cdop' && user.organisationIds.includes(o.id));
    return this.render(res, 200, organisations, {
      notifierOrganisation: own?.name ?? '',
      cdopId: cdop?.id ?? '',
    });
  }

  @Post()
  async check(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const organisations = await this.organisations.list();
    const built = await this.build(body, user);
    if ('errors' in built) return this.render(res, 400, organisations, body, built.errors);
    const n = built.notification;
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const draft = this.drafts.seal({ form: body, notification: n } satisfies Draft);
    res.render('child-deaths/notify-check.njk', {
      pageTitle: 'Check the notification before sending it',
      draft,
      changeHref: `/child-deaths/notify?draft=${encodeURIComponent(draft)}`,
      rows: [
        { key: 'Name', value: `${n.child.givenName} ${n.child.familyName}` },
        { key: 'Date of birth', value: n.child.dateOfBirth, date: true },
        { key: 'Sex', value: SEX_LABELS[n.child.sex] },
        {
          key: 'NHS number',
          value:
            n.child.nhsNumber ??
            `None: ${NHS_NUMBER_MISSING_REASON_LABELS[n.child.nhsNumberMissingReason as keyof typeof NHS_NUMBER_MISSING_REASON_LABELS]}`,
        },
        { key: 'Postcode', value: n.child.postcode },
        {
          key: 'Ethnicity',
          value: n.child.ethnicity
            ? ETHNIC_CATEGORIES[n.child.ethnicity as keyof typeof ETHNIC_CATEGORIES]
            : undefined,
        },
        { key: 'Date of death', value: n.dateOfDeath, date: true },
        { key: 'Time of death', value: n.timeOfDeath },
        {
          key: 'Place of death',
          value: PLACE_OF_DEATH_LABELS[n.placeOfDeath as keyof typeof PLACE_OF_DEATH_LABELS],
        },
        { key: 'Expected', value: n.expected ? 'Yes' : 'No' },
        {
          key: 'Circumstances',
          value:
            Object.entries(n.circumstances)
              .filter(([, v]) => v)
              .map(([k]) => CIRCUMSTANCE_LABELS[k])
              .join('; ') || 'None of these',
        },
        { key: 'Looked after', value: n.lookedAfter ? 'Yes' : 'No' },
        { key: 'CDOP notified', value: names.get(n.cdopId) },
        {
          key: 'Where the child lived',
          value: n.residentLocalAuthorityId ? names.get(n.residentLocalAuthorityId) : undefined,
        },
        {
          key: 'Professionals who knew the child',
          value: professionalsText(n.professionals) || 'None listed',
        },
      ],
    });
  }

  @Post('confirm')
  async confirm(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const draft = this.drafts.open(body.draft) as Draft | undefined;
    if (!draft) return res.redirect(303, '/child-deaths/notify');
    try {
      const result = await this.intake.notify(draft.notification, user);
      res.render('confirmation.njk', {
        pageTitle: 'Child death notified',
        title: result.duplicateOfExistingCase
          ? 'Notification added to the existing case'
          : 'Child death notified',
        reference: result.caseReference,
        referenceLabel: 'Case reference',
        paragraphs: [
          result.duplicateOfExistingCase
            ? 'This death had already been notified. Your notification has been added to the same case, so the CDOP has both accounts.'
            : 'The child death overview panel has the notification, and the designated doctor has been told.',
          result.jar.required
            ? 'Your answers suggest a joint agency response is needed. The designated doctor will decide.'
            : 'Your answers do not suggest a joint agency response is needed.',
        ],
        links: [
          { text: 'Notify another child death', href: '/child-deaths/notify' },
          ...(isCaseReader(user) ? [{ text: 'Go to the case', href: `/child-deaths/${result.caseId}` }] : []),
        ],
      });
    } catch (error) {
      const organisations = await this.organisations.list();
      return this.render(
        res,
        400,
        organisations,
        draft.form,
        pageErrors(error, FIELDS, 'givenName', ANCHORS),
      );
    }
  }

  /** The API body from the page's answers, or the errors to show on the form. */
  private async build(
    body: Record<string, unknown>,
    user: AuthenticatedUser,
  ): Promise<{ notification: NotificationDto } | { errors: FormErrors }> {
    const outcome = await validateForm(NotificationForm, body, { anchors: ANCHORS });
    const found: { field: string; text: string }[] = outcome.valid ? [] : errorEntries(outcome.errors);
    const birth = readDateInput('dateOfBirth', dateParts(body, 'dateOfBirth'), 'Date of birth');
    const death = readDateInput('dateOfDeath', dateParts(body, 'dateOfDeath'), 'Date of death');
    if ('empty' in birth) found.push({ field: 'dateOfBirth', text: 'Enter the date of birth' });
    if ('error' in birth) found.push({ field: 'dateOfBirth', text: birth.error });
    if ('empty' in death) found.push({ field: 'dateOfDeath', text: 'Enter the date of death' });
    if ('error' in death) found.push({ field: 'dateOfDeath', text: death.error });
    const professionals = parseProfessionals(
      typeof body.professionals === 'string' ? body.professionals : '',
    );
    if ('error' in professionals) found.push({ field: 'professionals', text: professionals.error });
    if (
      !outcome.valid ||
      found.length ||
      !('date' in birth) ||
      !('date' in death) ||
      'error' in professionals
    ) {
      return { errors: formErrors(found, { anchors: ANCHORS }) };
    }
    const form = outcome.value;
    const circumstances = Object.fromEntries(many(body.circumstances).map((key) => [key, true]));
    const now = this.time.now();
    const notification = {
      child: {
        givenName: form.givenName,
        familyName: form.familyName,
        dateOfBirth: birth.date,
        sex: form.sex,
        ...(form.nhsNumber ? { nhsNumber: form.nhsNumber } : {}),
        ...(form.nhsNumberMissingReason && !form.nhsNumber
          ? { nhsNumberMissingReason: form.nhsNumberMissingReason }
          : {}),
        ...(form.postcode ? { postcode: form.postcode.toUpperCase() } : {}),
        ...(form.ethnicity ? { ethnicity: form.ethnicity } : {}),
      },
      dateOfDeath: death.date,
      ...(form.timeOfDeath ? { timeOfDeath: form.timeOfDeath.padStart(5, '0') } : {}),
      placeOfDeath: form.placeOfDeath,
      notifiedAt: now.toISOString(),
      expected: form.expected === 'yes',
      circumstances,
      ...(form.circumstancesSummary ? { circumstancesSummary: form.circumstancesSummary } : {}),
      ...(form.stillbirth ? { stillbirth: yesNo(form.stillbirth) } : {}),
      ...(form.postMortemRequired && form.postMortemRequired !== NOT_KNOWN
        ? { postMortemRequired: yesNo(form.postMortemRequired) }
        : {}),
      ...(form.coronerInvolved && form.coronerInvolved !== NOT_KNOWN
        ? { coronerInvolved: yesNo(form.coronerInvolved) }
        : {}),
      lookedAfter: form.lookedAfter === 'yes',
      cdopId: form.cdopId,
      ...(form.residentLocalAuthorityId ? { residentLocalAuthorityId: form.residentLocalAuthorityId } : {}),
      ...(form.placeOfDeathLocalAuthorityId
        ? { placeOfDeathLocalAuthorityId: form.placeOfDeathLocalAuthorityId }
        : {}),
      notifier: {
        name: user.name,
        role: form.notifierRole,
        organisation: form.notifierOrganisation,
        email: user.email,
      },
      professionals: professionals.people,
    } as NotificationDto;
    const check = checkNotification(notification, now);
    if (check.outcome === 'invalid') {
      const errors = check.problems.map((p) => ({
        field: FIELDS[p.field]?.field ?? 'givenName',
        text: readable(p.field, p.message),
      }));
      return { errors: formErrors(errors, { anchors: ANCHORS }) };
    }
    if (check.outcome === 'out-of-scope')
      return { errors: formErrors([{ field: 'stillbirth', text: check.message }], { anchors: ANCHORS }) };
    return { notification };
  }

  private render(
    res: Response,
    status: number,
    organisations: Organisation[],
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const chosen = many(values.circumstances);
    res.status(status).render('child-deaths/notify.njk', {
      pageTitle: 'Notify a child death',
      values: {
        ...values,
        dateOfBirth: dateValues(values, 'dateOfBirth'),
        dateOfDeath: dateValues(values, 'dateOfDeath'),
      },
      errors,
      items: {
        sex: sexItems(values.sex),
        missingReason: missingReasonItems(values.nhsNumberMissingReason),
        ethnicity: ethnicityItems(values.ethnicity),
        place: placeItems(values.placeOfDeath),
        expected: yesNoItems(values.expected),
        circumstances: circumstanceItems(chosen),
        postMortem: yesNoNotKnownItems(values.postMortemRequired),
        coroner: yesNoNotKnownItems(values.coronerInvolved),
        lookedAfter: yesNoItems(values.lookedAfter),
        stillbirth: yesNoItems(values.stillbirth),
        cdop: organisationSelect(organisations, 'cdop', values.cdopId, 'Select a CDOP'),
        residentLa: organisationSelect(
          organisations,
          'local-authority',
          values.residentLocalAuthorityId,
          'Not known or outside England',
        ),
        deathLa: organisationSelect(
          organisations,
          'local-authority',
          values.placeOfDeathLocalAuthorityId,
          'Not known or outside England',
        ),
      },
    });
  }
}

function dateParts(body: Record<string, unknown>, field: string) {
  return { day: body[`${field}-day`], month: body[`${field}-month`], year: body[`${field}-year`] };
}

function dateValues(values: Record<string, unknown>, field: string) {
  const typed = dateParts(values, field);
  return typed.day !== undefined || typed.month !== undefined || typed.year !== undefined
    ? typed
    : dateInputValues(undefined);
}

function errorEntries(errors: FormErrors): { field: string; text: string }[] {
  return Object.entries(errors.byField).map(([field, { text }]) => ({ field, text }));
}

/** The rules name fields the API way; on the page, say it the way the form does. */
function readable(field: string, message: string): string {
  const label = FIELDS[field]?.label;
  return /^[A-Z]/.test(message) || !label ? message : `${label} ${message}`;
}
