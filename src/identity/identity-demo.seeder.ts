import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DemoSeeder, SeedsDemoData } from '../demo/demo-seeder';
import { Organisation, OrganisationType } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import type { Role } from './permissions';
import { UsersService } from './users.service';

/** Every demo user's password (demo mode only; listed in the README). */
export const DEMO_PASSWORD = 'northshire-demo-2026';

interface DemoOrganisation {
  code: string;
  name: string;
  type: OrganisationType;
  covers?: string[];
  partners?: string[];
}

/** A fictional area: two councils, their CDOP, the NHS and police partners, and a hospital trust. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { code: 'DEMO-LA-NORTHSHIRE', name: 'Northshire County Council', type: 'local-authority' },
  { code: 'DEMO-LA-SOUTHVALE', name: 'Southvale Borough Council', type: 'local-authority' },
  { code: 'DEMO-ICB', name: 'NHS Northshire and Southvale Integrated Care Board', type: 'icb' },
  { code: 'DEMO-POLICE', name: 'Northshire Constabulary', type: 'police' },
  {
    code: 'DEMO-CDOP',
    name: 'Northshire and Southvale Child Death Overview Panel',
    type: 'cdop',
    covers: ['DEMO-LA-NORTHSHIRE', 'DEMO-LA-SOUTHVALE'],
  },
  {
    code: 'DEMO-SCP',
    name: 'Northshire Safeguarding Children Partnership',
    type: 'safeguarding-partnership',
    covers: ['DEMO-LA-NORTHSHIRE'],
    partners: ['DEMO-LA-NORTHSHIRE', 'DEMO-ICB', 'DEMO-POLICE'],
  },
  { code: 'DEMO-TRUST', name: 'Northshire Hospitals NHS Foundation Trust', type: 'agency' },
];

export const DEMO_USERS: { email: string; name: string; roles: Role[]; organisations: string[] }[] = [
  { email: 'admin@northshire.example', name: 'Alex Morgan', roles: ['system-admin'], organisations: [] },
  {
    email: 'cdop.admin@northshire.example',
    name: 'Priya Shah',
    roles: ['cdop-admin'],
    organisations: ['DEMO-CDOP'],
  },
  {
    email: 'designated.doctor@northshire.example',
    name: 'Dr Tom Ellis',
    roles: ['designated-doctor'],
    organisations: ['DEMO-CDOP'],
  },
  {
    email: 'panel.member@northshire.example',
    name: 'Grace Okafor',
    roles: ['cdop-panel-member'],
    organisations: ['DEMO-CDOP'],
  },
  {
    email: 'la.notifier@northshire.example',
    name: 'Ben Carter',
    roles: ['la-notifier'],
    organisations: ['DEMO-LA-NORTHSHIRE'],
  },
  {
    email: 'dcs@northshire.example',
    name: 'Helen Price',
    roles: ['dcs'],
    organisations: ['DEMO-LA-NORTHSHIRE'],
  },
  {
    email: 'partner.la@northshire.example',
    name: 'Mark Lewis',
    roles: ['safeguarding-partner'],
    organisations: ['DEMO-LA-NORTHSHIRE'],
  },
  {
    email: 'partner.icb@northshire.example',
    name: 'Dr Aisha Khan',
    roles: ['safeguarding-partner'],
    organisations: ['DEMO-ICB'],
  },
  {
    email: 'partner.police@northshire.example',
    name: 'Det Supt Rachel Hughes',
    roles: ['safeguarding-partner'],
    organisations: ['DEMO-POLICE'],
  },
  {
    email: 'partnership.manager@northshire.example',
    name: 'Chris Walker',
    roles: ['partnership-manager'],
    organisations: ['DEMO-SCP'],
  },
  { email: 'reviewer@northshire.example', name: 'Jane Fletcher', roles: ['reviewer'], organisations: [] },
  {
    email: 'read.only@northshire.example',
    name: 'Sophie Turner',
    roles: ['read-only'],
    organisations: ['DEMO-CDOP'],
  },
];

@Injectable()
@DemoSeeder(10)
export class IdentityDemoSeeder implements SeedsDemoData {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  async seedDemo(): Promise<void> {
    const ids = new Map<string, string>();
    for (const demo of DEMO_ORGANISATIONS) {
      const existing = await this.dataSource.getRepository(Organisation).findOneBy({ code: demo.code });
      const organisation =
        existing ??
        (await this.organisations.create(
          {
            name: demo.name,
            type: demo.type,
            code: demo.code,
            coversLocalAuthorityIds: demo.covers?.map((code) => ids.get(code)!),
            partnerOrganisationIds: demo.partners?.map((code) => ids.get(code)!),
          },
          null,
        ));
      ids.set(demo.code, organisation.id);
    }
    for (const demo of DEMO_USERS) {
      if (await this.users.findWithSecretsByEmail(demo.email)) continue;
      await this.users.create(
        {
          email: demo.email,
          name: demo.name,
          password: DEMO_PASSWORD,
          roles: demo.roles,
          organisationIds: demo.organisations.map((code) => ids.get(code)!),
        },
        null,
      );
    }
    this.logger.log(`demo organisations and ${DEMO_USERS.length} demo users ready (see README)`);
  }
}
