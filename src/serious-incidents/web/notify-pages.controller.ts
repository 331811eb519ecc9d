import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { formErrors } from '../../web/forms/form';
import { WebController } from '../../web/shell/web-controller';
import { ListIncidentsQuery } from '../dto/notification.dto';
import { READERS } from '../notification.controller';
import { NotificationService } from '../notification.service';
import { organisationNames } from '../partnership-directory';
import { ABUSE_OR_NEGLECT, INCIDENT_LOCATIONS, INCIDENT_TYPES } from '../rules/incident';
import {
  dateAnchors,
  dateBoxes,
  FieldMap,
  FormField,
  FormReader,
  optionItems,
  serviceErrors,
  yesNoItems,
} from './form-kit';
import { CHILD_FIELD_MAP, childFields, readChild } from './incident-forms';
import {
  ABUSE_LABELS,
  LOCATION_LABELS,
  ROUTE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from './labels';

const FIELD_MAP: FieldMap = {
  localAuthorityId: 'localAuthorityId',
  becameAwareOn: 'becameAwareOn',
  incidentDate: 'incidentDate',
  otherRationale: 'otherRationale',
  summary: 'summary',
  ...CHILD_FIELD_MAP,
};

/** The incident list, and starting a notification (WT 372–376). */
@Permission(...READERS)
@WebController('serious-incidents')
export class NotifyPagesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  @Get()
  async list(
    @Query() raw: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const status = ['draft', 'signed-off', 'submitted'].includes(String(raw.status))
      ? String(raw.status)
      : undefined;
    const query: ListIncidentsQuery = status ? { status } : {};
    const incidents = await this.notifications.list(user, query);
    const names = await organisationNames(
      this.dataSource.manager,
      incidents.map((i) => i.localAuthorityId),
    );
    res.render('serious-incidents/list.njk', {
      pageTitle: 'Serious incidents',
      incidents: incidents.map((i) => ({
        ...i,
        localAuthority: names.get(i.localAuthorityId) ?? '',
        statusTag: STATUS_LABELS[i.status],
        stageText: STAGE_LABELS[i.stage],
        routeText: ROUTE_LABELS[i.route],
      })),
      statusItems: [
        { value: '', text: 'All' },
        ...Object.entries(STATUS_LABELS).map(([value, tag]) => ({
          value,
          text: tag.text,
          selected: value === status,
        })),
      ],
      canNotify: user.roles.some((r) => r === 'la-notifier' || r === 'dcs'),
    });
  }

  @Get('new')
  @Permission('la-notifier', 'dcs')
  async showNew(@CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    await this.render(res, 200, user, { identityKnown: 'yes', widerRisk: 'no' });
  }

  @Post('new')
  @Permission('la-notifier', 'dcs')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const r = new FormReader(body);
    const localAuthorityId = r.text('localAuthorityId', 'Select the notifying local authority');
    const becameAwareOn = r.date(
      'becameAwareOn',
      'Date the local authority became aware',
      'Enter the date the local authority became aware',
    );
    const incidentDate = r.date('incidentDate', 'Date of the incident');
    const type = r.choice('type', INCIDENT_TYPES, 'Select whether it is a death, serious harm or other');
    const otherRationale = r.text('otherRationale');
    if (type === 'other' && !otherRationale)
      r.errors.push({ field: 'otherRationale', text: 'Enter why the incident is notified as “other”' });
    const abuseOrNeglect = r.choice(
      'abuseOrNeglect',
      ABUSE_OR_NEGLECT,
      'Select whether abuse or neglect is known or suspected',
    );
    const location = r.choice('location', INCIDENT_LOCATIONS, 'Select where the incident happened');
    const summary = r.text('summary', 'Enter a summary of the incident');
    const widerRisk = r.yesNo('widerRisk');
    const widerRiskDetails = r.text('widerRiskDetails');
    const child = readChild(r);
    if (r.errors.length) {
      return this.render(
        res,
        400,
        user,
        body,
        formErrors(r.errors, { anchors: dateAnchors(await this.fields(user, body)) }),
      );
    }
    try {
      const created = await this.notifications.create(
        {
          localAuthorityId: localAuthorityId!,
          becameAwareOn: becameAwareOn!,
          ...(incidentDate ? { incidentDate } : {}),
          type: type!,
          ...(otherRationale ? { otherRationale } : {}),
          abuseOrNeglect: abuseOrNeglect!,
          location: location!,
          summary: summary!,
          widerRisk: widerRisk ?? false,
          ...(widerRiskDetails ? { widerRiskDetails } : {}),
          children: [
            {
              identityKnown: child.identityKnown,
              legalStatus: child.legalStatus,
              ...(child.givenName ? { givenName: child.givenName } : {}),
              ...(child.familyName ? { familyName: child.familyName } : {}),
              ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}),
              ...(child.ageYears !== null ? { ageYears: child.ageYears } : {}),
              ...(child.sex ? { sex: child.sex } : {}),
            },
          ],
        },
        user,
      );
      res.redirect(303, `/serious-incidents/${created.id}?done=created`);
    } catch (error) {
      const fields = await this.fields(user, body);
      return this.render(
        res,
        400,
        user,
        body,
        serviceErrors(error, FIELD_MAP, 'summary', dateAnchors(fields)),
      );
    }
  }

  private async fields(user: AuthenticatedUser, values: Record<string, unknown>): Promise<FormField[]> {
    const authorities: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[]) AND type = 'local-authority' ORDER BY name`,
      [user.organisationIds],
    );
    const chosen = values.localAuthorityId ?? (authorities.length === 1 ? authorities[0].id : undefined);
    return [
      {
        kind: 'radios',
        name: 'localAuthorityId',
        label: 'Notifying local authority',
        items: authorities.map((a) => ({ value: a.id, text: a.name, checked: a.id === chosen })),
      },
      {
        kind: 'date',
        name: 'becameAwareOn',
        label: 'Date the local authority became aware',
        hint: 'The 5 working days to notify run from this date',
        date: dateBoxes(values, 'becameAwareOn'),
      },
      {
        kind: 'date',
        name: 'incidentDate',
        label: 'Date of the incident (if known)',
        date: dateBoxes(values, 'incidentDate'),
      },
      {
        kind: 'radios',
        name: 'type',
        label: 'What happened',
        hint: 'A suicide where abuse or neglect is a factor is notified as a death',
        items: optionItems(TYPE_LABELS, values.type),
      },
      { kind: 'textarea', name: 'otherRationale', label: 'If “other”, why', rows: 3 },
      {
        kind: 'radios',
        name: 'abuseOrNeglect',
        label: 'Is abuse or neglect known or suspected?',
        items: optionItems(ABUSE_LABELS, values.abuseOrNeglect),
      },
      {
        kind: 'radios',
        name: 'location',
        label: 'Where did it happen?',
        items: optionItems(LOCATION_LABELS, values.location),
      },
      { kind: 'textarea', name: 'summary', label: 'Summary of the incident', rows: 6 },
      {
        kind: 'radios',
        name: 'widerRisk',
        label: 'Are other children at risk?',
        items: yesNoItems(values.widerRisk as string),
        inline: true,
      },
      {
        kind: 'textarea',
        name: 'widerRiskDetails',
        label: 'Who else may be at risk, and what is being done',
        rows: 3,
      },
      ...childFields(values),
    ];
  }

  private async render(
    res: Response,
    status: number,
    user: AuthenticatedUser,
    values: Record<string, unknown>,
    errors?: ReturnType<typeof formErrors>,
  ) {
    res.status(status).render('serious-incidents/new.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Start a serious incident notification`,
      fields: await this.fields(user, values),
      values,
      errors,
    });
  }
}
