import { Body, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ORGANISATION_TYPES, Organisation } from '../../identity/organisation.entity';
import { OrganisationsService } from '../../identity/organisations.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { errorsFromService, FormErrors, validateForm } from '../forms/form';
import { AdminSection } from '../shell/contributions';
import { WebController } from '../shell/web-controller';
import { OrganisationForm } from './admin.forms';
import { ORGANISATION_TYPE_LABELS, organisationItems, organisationNames } from './organisation-options';

const BASE = '/admin/organisations';
const LABELS = {
  name: 'Name',
  type: 'Type',
  code: 'Code',
  coversLocalAuthorityIds: 'Local authorities covered',
  partnerOrganisationIds: 'Partners',
};

@AdminSection({
  title: 'Organisations',
  href: BASE,
  description:
    'CDOPs, local authorities, safeguarding partnerships and their partners, and which areas they cover.',
  roles: ['system-admin'],
  order: 20,
})
@Permission('system-admin')
@WebController('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  async index(@Res() res: Response) {
    const organisations = await this.organisations.list();
    const names = organisationNames(organisations);
    res.render('admin/organisations/index.njk', {
      pageTitle: 'Organisations',
      organisations: organisations.map((o) => ({
        id: o.id,
        name: o.name,
        code: o.code,
        type: ORGANISATION_TYPE_LABELS[o.type] ?? o.type,
        covers: o.coversLocalAuthorityIds.map((id) => names.get(id) ?? id),
        partners: o.partnerOrganisationIds.map((id) => names.get(id) ?? id),
      })),
    });
  }

  @Get('new')
  newPage(@Res() res: Response) {
    return this.renderForm(res, 200, {});
  }

  @Post('new')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const outcome = await validateForm(OrganisationForm, body);
    if (!outcome.valid) return this.renderForm(res, 400, outcome.values, outcome.errors);
    const form = outcome.value;
    const partnership = form.type === 'safeguarding-partnership';
    const coversAreas = form.type === 'cdop' || partnership;
    let created: Organisation;
    try {
      created = await this.organisations.create(
        {
          name: form.name,
          type: form.type,
          code: form.code || undefined,
          coversLocalAuthorityIds: coversAreas ? form.coversLocalAuthorityIds : [],
          partnerOrganisationIds: partnership
            ? [form.partnerLocalAuthorityId!, form.partnerIcbId!, form.partnerPoliceId!]
            : [],
        },
        actor,
      );
    } catch (error) {
      return this.renderForm(
        res,
        400,
        body,
        errorsFromService(error, LABELS, 'name', {
          anchors: { partnerOrganisationIds: 'partnerLocalAuthorityId' },
        }),
      );
    }
    res.render('confirmation.njk', {
      pageTitle: 'Organisation added',
      title: 'Organisation added',
      reference: created.name,
      referenceLabel: ORGANISATION_TYPE_LABELS[created.type],
      paragraphs: [],
      links: [
        { text: 'Add another organisation', href: `${BASE}/new` },
        { text: 'Back to organisations', href: BASE },
      ],
    });
  }

  private async renderForm(
    res: Response,
    status: number,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const all = await this.organisations.list();
    const ofType = (type: string) => all.filter((o) => o.type === type);
    const select = (type: string, chosen: unknown) => [
      { value: '', text: 'Choose' },
      ...organisationItems(ofType(type), chosen, 'selected'),
    ];
    res.status(status).render('admin/organisations/new.njk', {
      pageTitle: 'Add an organisation',
      values,
      errors,
      typeItems: ORGANISATION_TYPES.map((type) => ({
        value: type,
        text: ORGANISATION_TYPE_LABELS[type],
        checked: values.type === type,
      })),
      localAuthorityItems: organisationItems(
        ofType('local-authority'),
        values.coversLocalAuthorityIds,
        'checked',
      ).map((item) => ({ ...item, hint: undefined })),
      partnerLocalAuthorityItems: select('local-authority', values.partnerLocalAuthorityId),
      partnerIcbItems: select('icb', values.partnerIcbId),
      partnerPoliceItems: select('police', values.partnerPoliceId),
    });
  }
}
