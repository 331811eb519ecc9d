import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomInt } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TimeSource } from '../src/calendar/time-source';
import { nhsNumberCheckDigit } from '../src/child-deaths/rules/nhs-number';
import { createOrganisation, signIn, SignedIn } from './support/auth';

/** A CDOP footprint with its local authority, a hospital trust, a police force and the people who work it. */
export interface Footprint {
  la: { id: string };
  cdop: { id: string };
  trust: { id: string };
  police: { id: string };
  admin: SignedIn;
  doctor: SignedIn;
  panel: SignedIn;
  hospitalNotifier: SignedIn;
  policeNotifier: SignedIn;
  trustAgency: SignedIn;
}

export async function createFootprint(app: NestExpressApplication): Promise<Footprint> {
  const la = await createOrganisation(app, { type: 'local-authority' });
  const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
  const trust = await createOrganisation(app, { type: 'agency' });
  const police = await createOrganisation(app, { type: 'police' });
  return {
    la,
    cdop,
    trust,
    police,
    admin: await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id], name: 'Ada Admin' }),
    doctor: await signIn(app, { roles: ['designated-doctor'], organisationIds: [cdop.id], name: 'Dr Dee' }),
    panel: await signIn(app, { roles: ['cdop-panel-member'], organisationIds: [cdop.id], name: 'Pam Panel' }),
    hospitalNotifier: await signIn(app, {
      roles: ['read-only'],
      organisationIds: [trust.id],
      name: 'Hal Hospital',
    }),
    policeNotifier: await signIn(app, {
      roles: ['read-only'],
      organisationIds: [police.id],
      name: 'Poppy Police',
    }),
    trustAgency: await signIn(app, { roles: ['read-only'], organisationIds: [trust.id], name: 'Tina Trust' }),
  };
}

/** Sets the app's clock: every "today" and every clock judgement follows it. */
export function setNow(app: NestExpressApplication, instant: string): void {
  app.get(TimeSource).now = () => new Date(instant);
}

export function api(app: NestExpressApplication, who?: SignedIn) {
  const server = app.getHttpServer();
  const auth = who?.auth ?? {};
  return {
    get: (path: string) => request(server).get(path).set(auth),
    post: (path: string, body: object = {}) => request(server).post(path).set(auth).send(body),
    put: (path: string, body: object) => request(server).put(path).set(auth).send(body),
    patch: (path: string, body: object) => request(server).patch(path).set(auth).send(body),
  };
}

/** A valid NHS number in the 999 range reserved for testing, different each call. */
export function testNhsNumber(): string {
  for (;;) {
    const nine = `999${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** An invented surname unlikely to match any other test's child. */
export function testFamilyName(): string {
  const letters = 'bcdfghjklmnpqrstvwz';
  return `Test${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

export interface Deadline {
  rule: string;
  subject?: string;
  status: string;
  dueDate: string;
  basisDate: string;
  completedAt?: string;
  pausedReason?: string;
}

export function clock(deadlines: Deadline[], rule: string): Deadline | undefined {
  return deadlines.find((d) => d.rule === rule);
}

/** A sudden unexpected infant death as a hospital would notify it. */
export function sudiNotification(
  f: Footprint,
  child: { nhsNumber?: string; familyName?: string } = {},
  extra: object = {},
) {
  return {
    child: {
      givenName: 'Olivia',
      familyName: child.familyName ?? testFamilyName(),
      dateOfBirth: '2025-12-01',
      sex: 'female',
      nhsNumber: child.nhsNumber ?? testNhsNumber(),
      postcode: 'NS1 4AB',
      ethnicity: 'A',
    },
    dateOfDeath: '2026-03-02',
    timeOfDeath: '06:10',
    placeOfDeath: 'home',
    notifiedAt: '2026-03-02T08:05:00+00:00',
    expected: false,
    circumstances: { suddenNoApparentCause: true },
    postMortemRequired: true,
    coronerInvolved: true,
    cdopId: f.cdop.id,
    residentLocalAuthorityId: f.la.id,
    notifier: {
      name: 'Dr Hal Hospital',
      role: 'Consultant paediatrician',
      organisation: 'Northshire Hospitals',
    },
    professionals: [
      {
        name: 'Dr Hal Hospital',
        role: 'Consultant paediatrician',
        organisation: 'Northshire Hospitals',
        email: 'hal@nhs.example',
      },
      {
        name: 'Lucy Hart',
        role: 'Health visitor',
        organisation: 'Northshire Community Health',
        email: 'lucy@nhs.example',
      },
      { name: 'Dr Gee', role: 'GP', organisation: 'Mill Lane Surgery' },
    ],
    ...extra,
  };
}

/** Rows in the child death tables (and clocks), to prove a refused request left nothing behind. */
export async function childDeathRowCounts(app: NestExpressApplication): Promise<Record<string, number>> {
  const ds = app.get(DataSource);
  const tables = [
    'cdr_case',
    'cdr_notification',
    'cdr_reporting_request',
    'cdr_analysis_form',
    'cdr_action',
    'cdr_notice',
    'clock',
    'serious_incident',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}
