import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { TimeSource } from '../src/calendar/time-source';
import { createOrganisation, signIn, SignedIn } from './support/auth';

/** A safeguarding partnership with its three partners and the people who work serious incidents in it. */
export interface Partnership {
  la: { id: string };
  icb: { id: string };
  police: { id: string };
  partnership: { id: string };
  notifier: SignedIn;
  dcs: SignedIn;
  manager: SignedIn;
  laPartner: SignedIn;
  icbPartner: SignedIn;
  policePartner: SignedIn;
}

export async function createPartnership(app: NestExpressApplication): Promise<Partnership> {
  const la = await createOrganisation(app, { type: 'local-authority' });
  const icb = await createOrganisation(app, { type: 'icb' });
  const police = await createOrganisation(app, { type: 'police' });
  const partnership = await createOrganisation(app, {
    type: 'safeguarding-partnership',
    coversLocalAuthorityIds: [la.id],
    partnerOrganisationIds: [la.id, icb.id, police.id],
  });
  return {
    la,
    icb,
    police,
    partnership,
    notifier: await signIn(app, { roles: ['la-notifier'], organisationIds: [la.id], name: 'Nina Notifier' }),
    dcs: await signIn(app, { roles: ['dcs'], organisationIds: [la.id], name: 'Dana Director' }),
    manager: await signIn(app, {
      roles: ['partnership-manager'],
      organisationIds: [partnership.id],
      name: 'Pat Manager',
    }),
    laPartner: await signIn(app, {
      roles: ['safeguarding-partner'],
      organisationIds: [la.id],
      name: 'Lee Lead',
    }),
    icbPartner: await signIn(app, {
      roles: ['safeguarding-partner'],
      organisationIds: [icb.id],
      name: 'Ida Health',
    }),
    policePartner: await signIn(app, {
      roles: ['safeguarding-partner'],
      organisationIds: [police.id],
      name: 'Pete Police',
    }),
  };
}

/** Sets the app's clock: every "today" and clock judgement follows it. */
export function setNow(app: NestExpressApplication, instant: string): void {
  app.get(TimeSource).now = () => new Date(instant);
}

export function api(app: NestExpressApplication, who: SignedIn) {
  const server = app.getHttpServer();
  return {
    get: (path: string) => request(server).get(path).set(who.auth),
    post: (path: string, body: object = {}) => request(server).post(path).set(who.auth).send(body),
    put: (path: string, body: object) => request(server).put(path).set(who.auth).send(body),
    patch: (path: string, body: object) => request(server).patch(path).set(who.auth).send(body),
  };
}

export function neglectDeath(localAuthorityId: string, becameAwareOn: string, extra: object = {}) {
  return {
    localAuthorityId,
    becameAwareOn,
    incidentDate: becameAwareOn,
    type: 'death',
    abuseOrNeglect: 'suspected',
    location: 'in-area',
    summary: 'Infant found unresponsive at home; concerns about neglect of basic care.',
    children: [
      {
        givenName: 'Ava',
        familyName: 'Marsh',
        identityKnown: true,
        dateOfBirth: '2025-06-10',
        sex: 'female',
        legalStatus: 'child-in-need',
      },
    ],
    ...extra,
  };
}

export interface Deadline {
  rule: string;
  basisDate: string;
  dueDate: string;
  status: string;
}

export function clock(deadlines: Deadline[], rule: string): Deadline | undefined {
  return deadlines.find((d) => d.rule === rule);
}

/** A submitted full-route notification with an LCSPR decided on `decidedOn`. */
export async function incidentWithLcspr(
  app: NestExpressApplication,
  p: Partnership,
  becameAwareOn: string,
  decidedOn: string,
): Promise<string> {
  const { body } = await api(app, p.notifier)
    .post('/api/serious-incidents', neglectDeath(p.la.id, becameAwareOn))
    .expect(201);
  await api(app, p.dcs).post(`/api/serious-incidents/${body.id}/sign-off`).expect(200);
  await api(app, p.notifier)
    .post(`/api/serious-incidents/${body.id}/submit`, { submittedOn: becameAwareOn })
    .expect(200);
  await api(app, p.manager)
    .post(`/api/serious-incidents/${body.id}/lcspr`, {
      decision: 'lcspr',
      decidedOn,
      rationale: 'Recurrent themes of neglect.',
      criteria: ['recurrent-themes'],
    })
    .expect(201);
  return body.id;
}
