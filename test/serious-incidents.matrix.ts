/**
 * Access matrix rows for the serious incident, recommendation, national review and yearly report routes
 * (see the header of access-matrix.e2e-spec.ts). Cases are made through the services as area A's
 * people; every call gets a fresh case so that rows may change state freely.
 *
 * A reviewer sees a case only once commissioned and declared. The matrix calls area A's reviewer before
 * area B's for every row, so `firstReviewer` commissions the first reviewer a row meets (area A's) and
 * leaves the other uncommissioned: it must then get 404 (reads) or 403 (actions).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ALL_ROLES, AuthenticatedUser, Role } from '../src/identity/permissions';
import { RecommendationsService } from '../src/recommendations/recommendations.service';
import { AttachmentService } from '../src/serious-incidents/attachments/attachment.service';
import { LcsprService } from '../src/serious-incidents/lcspr/lcspr.service';
import { NationalReviewService } from '../src/serious-incidents/national-reviews/national-review.service';
import { NotificationWorkflowService } from '../src/serious-incidents/notification-workflow.service';
import { NotificationService } from '../src/serious-incidents/notification.service';
import { RapidReviewService } from '../src/serious-incidents/rapid-review/rapid-review.service';
import type { MatrixContext } from './access-matrix.e2e-spec';
import { signIn } from './support/auth';

interface Row {
  route: string;
  allowed: readonly Role[];
  expect: number;
  scope?: 'read' | 'act';
  request?: (
    m: MatrixContext,
  ) => Promise<{ path?: string; body?: object }> | { path?: string; body?: object };
}

interface Actors {
  notifier: AuthenticatedUser;
  dcs: AuthenticatedUser;
  manager: AuthenticatedUser;
  reviewer: AuthenticatedUser;
}

const actorsByApp = new WeakMap<NestExpressApplication, Promise<Actors>>();

function actors(m: MatrixContext): Promise<Actors> {
  const known = actorsByApp.get(m.app);
  if (known) return known;
  const as = async (roles: Role[], organisationIds: string[]): Promise<AuthenticatedUser> => ({
    ...(await signIn(m.app, { roles, organisationIds })).user,
    via: 'token',
  });
  const made = (async () => ({
    notifier: await as(['la-notifier'], [m.areaA.localAuthorityId]),
    dcs: await as(['dcs'], [m.areaA.localAuthorityId]),
    manager: await as(['partnership-manager'], [m.areaA.partnershipId]),
    reviewer: await as(['reviewer'], []),
  }))();
  actorsByApp.set(m.app, made);
  return made;
}

const SI_READERS = ALL_ROLES.filter((r) => r !== 'system-admin');
const ORGANISATIONAL_READERS = SI_READERS.filter((r) => r !== 'reviewer');
const NOTIFIERS: Role[] = ['la-notifier', 'dcs'];
const PARTNERSHIP: Role[] = ['partnership-manager', 'safeguarding-partner'];
const ASSESSMENT = [
  'knowledge',
  'research',
  'complexity',
  'hindsight',
  'communication',
  'conflict-of-interest',
].map((quality) => ({ quality: quality as 'knowledge', met: true, evidence: 'Interview' }));

function notification(m: MatrixContext, extra: object = {}) {
  return {
    localAuthorityId: m.areaA.localAuthorityId,
    becameAwareOn: '2026-01-12',
    type: 'death' as const,
    abuseOrNeglect: 'suspected' as const,
    location: 'in-area' as const,
    summary: 'Matrix incident',
    children: [{ identityKnown: false, ageYears: 4, legalStatus: 'none' as const }],
    ...extra,
  };
}

async function draft(m: MatrixContext, extra: object = {}) {
  return m.app.get(NotificationService).create(notification(m, extra), (await actors(m)).notifier);
}

async function signedOff(m: MatrixContext, extra: object = {}) {
  const incident = await draft(m, extra);
  await m.app.get(NotificationWorkflowService).signOff(incident.id, {}, (await actors(m)).dcs);
  return incident;
}

async function submitted(m: MatrixContext, extra: object = {}, submittedOn = '2026-01-12') {
  const incident = await signedOff(m, extra);
  await m.app
    .get(NotificationWorkflowService)
    .submit(incident.id, { submittedOn }, (await actors(m)).notifier);
  return incident;
}

const FULL_REVIEW = {
  facts: 'Facts',
  agencyInvolvement: [{ agency: 'Police', summary: 'Attended' }],
  immediateSafetyActions: [],
  learning: 'Learning',
  lcsprRecommended: false,
  lcsprRationale: 'Rationale',
  nationalReviewMayBeAppropriate: false,
  familyInformed: { on: '2026-01-13', how: 'Visit' },
};

async function rapidReview(m: MatrixContext, stage: 'complete' | 'signed' | 'submitted') {
  const incident = await submitted(m);
  const { manager } = await actors(m);
  const reviews = m.app.get(RapidReviewService);
  await reviews.save(incident.id, FULL_REVIEW, manager);
  if (stage === 'complete') return incident;
  for (const partner of ['local-authority', 'icb', 'police'] as const) {
    await reviews.signOff(incident.id, { partner, agreedByName: 'A Partner' }, manager);
  }
  if (stage === 'submitted') await reviews.submit(incident.id, {}, manager);
  return incident;
}

async function lcspr(m: MatrixContext, dates = { aware: '2026-01-12', decided: '2026-02-04' }) {
  const incident = await submitted(m, { becameAwareOn: dates.aware }, dates.aware);
  const decision = {
    decision: 'lcspr' as const,
    decidedOn: dates.decided,
    rationale: 'Learning',
    criteria: ['recurrent-themes'],
  };
  await m.app.get(LcsprService).decide(incident.id, decision, (await actors(m)).manager);
  return incident;
}

/** Commissions `reviewer` on the case and records their declaration. */
async function commission(m: MatrixContext, id: string, reviewer: AuthenticatedUser, hasConflict = false) {
  const service = m.app.get(LcsprService);
  const { manager } = await actors(m);
  await service.commission(
    id,
    {
      reviewerName: 'Reviewer',
      reviewerUserId: reviewer.id,
      commissionedOn: '2026-02-10',
      assessment: ASSESSMENT,
    },
    manager,
  );
  return service.declare(id, { hasConflict, details: hasConflict ? 'Former colleague' : 'None' }, reviewer);
}

/** The caller as a service sees them, when they are the reviewer this row meets first. */
function firstReviewer() {
  let first: string | undefined;
  return (m: MatrixContext): AuthenticatedUser | null => {
    if (!m.caller?.roles.includes('reviewer')) return null;
    first ??= m.caller.id;
    return first === m.caller.id ? { ...m.caller, email: '', name: 'Reviewer', via: 'token' } : null;
  };
}

/** A case area A's people may read; with an LCSPR the first reviewer is commissioned on, for reviewers. */
function readableCase() {
  const reviewerOf = firstReviewer();
  return async (m: MatrixContext): Promise<string> => {
    if (!m.caller?.roles.includes('reviewer')) return (await draft(m)).id;
    const reviewer = reviewerOf(m);
    const incident = await lcspr(m);
    if (reviewer) await commission(m, incident.id, reviewer);
    return incident.id;
  };
}

function readRow(
  route: string,
  suffix: (id: string, m: MatrixContext) => Promise<string> | string = () => '',
): Row {
  const caseFor = readableCase();
  return {
    route,
    allowed: SI_READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => {
      const id = await caseFor(m);
      return { path: `/api/serious-incidents/${id}${await suffix(id, m)}` };
    },
  };
}

function actRow(
  route: string,
  allowed: readonly Role[],
  expect: number,
  prepare: (m: MatrixContext) => Promise<{ id: string; tail?: string; body?: object }>,
): Row {
  return {
    route,
    allowed,
    expect,
    scope: 'act',
    request: async (m) => {
      const { id, tail, body } = await prepare(m);
      const path = route
        .split(' ')[1]
        .replace(':id', id)
        .replace(/\/:[a-zA-Z]+$/, tail ? `/${tail}` : '');
      return { path, body };
    },
  };
}

async function recommendation(m: MatrixContext) {
  const incident = await lcspr(m);
  return m.app.get(RecommendationsService).create(
    {
      sourceType: 'lcspr',
      sourceId: incident.id,
      text: 'Recommendation',
      madeOn: '2026-03-01',
      actions: [{ description: 'Action', ownerAgency: 'ICB', dueDate: '2026-06-30' }],
    },
    (await actors(m)).manager,
  );
}

const reviewerActing = firstReviewer();
const reviewerAnswering = firstReviewer();
const reviewerLogging = firstReviewer();

export const SERIOUS_INCIDENT_ROWS: Row[] = [
  {
    route: 'POST /api/serious-incidents',
    allowed: NOTIFIERS,
    expect: 201,
    scope: 'act',
    request: (m) => ({ body: notification(m) }),
  },
  { route: 'GET /api/serious-incidents', allowed: SI_READERS, expect: 200 },
  readRow('GET /api/serious-incidents/:id'),
  actRow('PATCH /api/serious-incidents/:id', NOTIFIERS, 200, async (m) => {
    const incident = await draft(m);
    return { id: incident.id, body: { version: incident.version, summary: 'Changed' } };
  }),
  actRow('POST /api/serious-incidents/:id/children', NOTIFIERS, 201, async (m) => ({
    id: (await draft(m)).id,
    body: { identityKnown: false, legalStatus: 'none' },
  })),
  actRow('PATCH /api/serious-incidents/:id/children/:childId', NOTIFIERS, 200, async (m) => {
    const incident = await draft(m);
    const child = incident.children[0];
    return { id: incident.id, tail: child.id, body: { version: child.version, givenName: 'Alex' } };
  }),
  actRow('POST /api/serious-incidents/:id/sign-off', ['dcs'], 200, async (m) => ({
    id: (await draft(m)).id,
  })),
  actRow('POST /api/serious-incidents/:id/submit', NOTIFIERS, 200, async (m) => ({
    id: (await signedOff(m)).id,
    body: { submittedOn: '2026-01-12' },
  })),
  actRow(
    'POST /api/serious-incidents/:id/partners-informed',
    [...NOTIFIERS, 'partnership-manager'],
    200,
    async (m) => ({
      id: (await draft(m)).id,
      body: { informedOn: '2026-01-13' },
    }),
  ),
  actRow('PUT /api/serious-incidents/:id/partner-views/:partner', PARTNERSHIP, 200, async (m) => ({
    id: (await draft(m)).id,
    tail: 'local-authority',
    body: { criteriaMet: true, reason: 'Neglect suspected', agreedByName: 'A Partner' },
  })),
  actRow('PUT /api/serious-incidents/:id/criteria-resolution', PARTNERSHIP, 200, async (m) => ({
    id: (await draft(m)).id,
    body: { criteriaMet: true, how: 'Agreed at the partners meeting', resolvedOn: '2026-01-14' },
  })),
  actRow(
    'PUT /api/serious-incidents/:id/local-learning-review',
    [...NOTIFIERS, ...PARTNERSHIP],
    200,
    async (m) => ({
      id: (await draft(m, { abuseOrNeglect: 'not-suspected' })).id,
      body: { decidedOn: '2026-01-20', rationale: 'Local learning' },
    }),
  ),
  readRow('GET /api/serious-incidents/:id/deadlines', () => '/deadlines'),
  readRow('GET /api/serious-incidents/:id/national-notification', () => '/national-notification'),
  // Signed in and let through; refused only because no file was sent.
  actRow('POST /api/serious-incidents/:id/attachments', [...NOTIFIERS, ...PARTNERSHIP], 400, async (m) => ({
    id: (await draft(m)).id,
  })),
  readRow('GET /api/serious-incidents/:id/attachments/:attachmentId', async (id, m) => {
    const text = Buffer.from('Chronology');
    const file = { originalname: 'chronology.txt', size: text.length, buffer: text };
    const added = await m.app.get(AttachmentService).add(id, file, undefined, (await actors(m)).notifier);
    return `/attachments/${added.id}`;
  }),
  readRow('GET /api/serious-incidents/:id/rapid-review', () => '/rapid-review'),
  actRow('PUT /api/serious-incidents/:id/rapid-review', [...PARTNERSHIP, 'la-notifier'], 200, async (m) => ({
    id: (await submitted(m)).id,
    body: { facts: 'Facts so far' },
  })),
  actRow('POST /api/serious-incidents/:id/rapid-review/sign-off', PARTNERSHIP, 200, async (m) => ({
    id: (await rapidReview(m, 'complete')).id,
    body: { partner: 'local-authority', agreedByName: 'A Partner' },
  })),
  actRow('POST /api/serious-incidents/:id/rapid-review/submit', PARTNERSHIP, 200, async (m) => ({
    id: (await rapidReview(m, 'signed')).id,
  })),
  actRow(
    'POST /api/serious-incidents/:id/rapid-review/contributions',
    [...PARTNERSHIP, 'la-notifier'],
    201,
    async (m) => ({
      id: (await submitted(m)).id,
      body: { agency: 'School', requestedOn: '2026-01-13', dueOn: '2026-01-20' },
    }),
  ),
  actRow(
    'PUT /api/serious-incidents/:id/rapid-review/contributions/:contributionId',
    [...PARTNERSHIP, 'la-notifier'],
    200,
    async (m) => {
      const incident = await submitted(m);
      const review = await m.app
        .get(RapidReviewService)
        .requestContribution(
          incident.id,
          { agency: 'School', requestedOn: '2026-01-13', dueOn: '2026-01-20' },
          (await actors(m)).manager,
        );
      return {
        id: incident.id,
        tail: review.agencyContributions[0].id,
        body: { receivedOn: '2026-01-19', summary: 'Attended' },
      };
    },
  ),
  actRow('PUT /api/serious-incidents/:id/rapid-review/panel-reply', PARTNERSHIP, 200, async (m) => ({
    id: (await rapidReview(m, 'submitted')).id,
    body: { receivedOn: new Date().toISOString().slice(0, 10), nationalReviewDecision: 'no-further-review' },
  })),
  readRow('GET /api/serious-incidents/:id/lcspr', () => '/lcspr'),
  actRow('POST /api/serious-incidents/:id/lcspr', PARTNERSHIP, 201, async (m) => ({
    id: (await submitted(m)).id,
    body: { decision: 'no-lcspr', decidedOn: '2026-02-04', rationale: 'Learning captured', criteria: [] },
  })),
  actRow('POST /api/serious-incidents/:id/lcspr/informed', PARTNERSHIP, 200, async (m) => ({
    id: (await lcspr(m)).id,
    body: { informedOn: '2026-02-06', reviewerName: 'Reviewer' },
  })),
  actRow('PUT /api/serious-incidents/:id/lcspr/reviewer', PARTNERSHIP, 200, async (m) => ({
    id: (await lcspr(m)).id,
    body: { reviewerName: 'Reviewer', commissionedOn: '2026-02-10', assessment: ASSESSMENT },
  })),
  actRow(
    'POST /api/serious-incidents/:id/lcspr/reviewer/declaration',
    ['reviewer', 'partnership-manager'],
    200,
    async (m) => {
      const incident = await lcspr(m);
      const reviewer = reviewerActing(m) ?? (await actors(m)).reviewer;
      await m.app.get(LcsprService).commission(
        incident.id,
        {
          reviewerName: 'Reviewer',
          reviewerUserId: reviewer.id,
          commissionedOn: '2026-02-10',
          assessment: ASSESSMENT,
        },
        (await actors(m)).manager,
      );
      return { id: incident.id, body: { hasConflict: false, details: 'None' } };
    },
  ),
  actRow('PUT /api/serious-incidents/:id/lcspr/reviewer/conflict-decision', PARTNERSHIP, 200, async (m) => {
    const incident = await lcspr(m);
    await commission(m, incident.id, (await actors(m)).reviewer, true);
    return { id: incident.id, body: { accepted: true, how: 'Second reviewer', decidedOn: '2026-02-12' } };
  }),
  actRow('PUT /api/serious-incidents/:id/lcspr/terms-of-reference', PARTNERSHIP, 200, async (m) => ({
    id: (await lcspr(m)).id,
    body: { termsOfReference: 'Terms', agreedOn: '2026-02-12' },
  })),
  actRow('POST /api/serious-incidents/:id/lcspr/supervision', PARTNERSHIP, 201, async (m) => ({
    id: (await lcspr(m)).id,
    body: { requestedOn: '2026-03-01', requestedBy: 'Business manager', request: 'Progress note please' },
  })),
  actRow(
    'PUT /api/serious-incidents/:id/lcspr/supervision/:entryId',
    ['reviewer', ...PARTNERSHIP],
    200,
    async (m) => {
      const incident = await lcspr(m);
      const reviewer = reviewerAnswering(m);
      if (reviewer) await commission(m, incident.id, reviewer);
      const view = await m.app
        .get(LcsprService)
        .supervisionRequest(
          incident.id,
          { requestedOn: '2026-03-01', requestedBy: 'Manager', request: 'Progress?' },
          (await actors(m)).manager,
        );
      return {
        id: incident.id,
        tail: view.supervisionLog[0].id,
        body: { respondedOn: '2026-03-02', response: 'On track' },
      };
    },
  ),
  actRow(
    'POST /api/serious-incidents/:id/lcspr/involvement',
    ['reviewer', ...PARTNERSHIP],
    201,
    async (m) => {
      const incident = await lcspr(m);
      const reviewer = reviewerLogging(m);
      if (reviewer) await commission(m, incident.id, reviewer);
      return {
        id: incident.id,
        body: {
          kind: 'practitioner',
          who: 'Health visitor',
          invitedOn: '2026-03-01',
          outcome: 'Interviewed',
        },
      };
    },
  ),
  actRow('PUT /api/serious-incidents/:id/lcspr/publication', PARTNERSHIP, 200, async (m) => ({
    id: (await lcspr(m)).id,
    body: { plannedPublicationDate: '2027-06-15', publishFullReport: true },
  })),
  actRow(
    'POST /api/serious-incidents/:id/lcspr/publication/availability-confirmed',
    PARTNERSHIP,
    200,
    async (m) => {
      // Published in January 2020, so the year it had to stay public is long over.
      const incident = await lcspr(m, { aware: '2019-09-02', decided: '2019-10-01' });
      await m.app
        .get(LcsprService)
        .publication(
          incident.id,
          { plannedPublicationDate: '2020-01-15', publishedOn: '2020-01-15', publishFullReport: true },
          (await actors(m)).manager,
        );
      return { id: incident.id, body: { confirmedOn: new Date().toISOString().slice(0, 10) } };
    },
  ),
  {
    route: 'POST /api/national-reviews',
    allowed: PARTNERSHIP,
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      body: {
        kind: 'case',
        title: 'Child M',
        incidentIds: [(await submitted(m)).id],
        decidedOn: '2026-02-20',
        scope: 'The whole case',
      },
    }),
  },
  { route: 'GET /api/national-reviews', allowed: ORGANISATIONAL_READERS, expect: 200 },
  ...(['GET', 'PATCH'] as const).map((method): Row => ({
    route: `${method} /api/national-reviews/:id`,
    allowed: method === 'GET' ? ORGANISATIONAL_READERS : PARTNERSHIP,
    expect: 200,
    scope: method === 'GET' ? 'read' : 'act',
    request: async (m) => {
      const incident = await submitted(m);
      const review = await m.app.get(NationalReviewService).create(
        {
          kind: 'case',
          title: 'Child M',
          incidentIds: [incident.id],
          decidedOn: '2026-02-20',
          scope: 'Case',
        },
        (await actors(m)).manager,
      );
      return {
        path: `/api/national-reviews/${review.id}`,
        ...(method === 'PATCH' ? { body: { version: review.version, reviewerName: 'R. Okafor' } } : {}),
      };
    },
  })),
  {
    route: 'POST /api/recommendations',
    allowed: [...PARTNERSHIP, 'cdop-admin'],
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      body: m.caller?.roles.includes('cdop-admin')
        ? {
            sourceType: 'cdop',
            cdopId: m.areaA.cdopId,
            sourceReference: 'CDOP 2026/1',
            text: 'Water safety',
            madeOn: '2026-03-01',
          }
        : { sourceType: 'lcspr', sourceId: (await lcspr(m)).id, text: 'Escalation', madeOn: '2026-03-01' },
    }),
  },
  { route: 'GET /api/recommendations', allowed: ORGANISATIONAL_READERS, expect: 200 },
  {
    route: 'GET /api/recommendations/:id',
    allowed: ORGANISATIONAL_READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/recommendations/${(await recommendation(m)).id}` }),
  },
  {
    route: 'POST /api/recommendations/:id/actions',
    allowed: [...PARTNERSHIP, 'cdop-admin'],
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      path: `/api/recommendations/${(await recommendation(m)).id}/actions`,
      body: { description: 'Another action', ownerAgency: 'Police', dueDate: '2026-09-30' },
    }),
  },
  ...(
    [
      ['PATCH', '', [...PARTNERSHIP, 'cdop-admin'], (v: number) => ({ version: v, rag: 'amber' })],
      [
        'POST',
        '/progress',
        [...PARTNERSHIP, 'cdop-admin', ...NOTIFIERS],
        () => ({ on: '2026-03-02', note: 'Started', rag: 'green' }),
      ],
      [
        'POST',
        '/complete',
        [...PARTNERSHIP, 'cdop-admin'],
        () => ({ completedOn: '2026-03-03', evidenceOfImpact: 'Audit' }),
      ],
    ] as const
  ).map(([method, tail, allowed, body]): Row => ({
    route: `${method} /api/recommendations/actions/:actionId${tail}`,
    allowed,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const action = (await recommendation(m)).actions[0];
      return { path: `/api/recommendations/actions/${action.id}${tail}`, body: body(action.version) };
    },
  })),
  {
    route: 'GET /api/yearly-reports/:partnershipId/:financialYear',
    allowed: ['partnership-manager', 'safeguarding-partner', 'dcs', 'read-only'],
    expect: 200,
    scope: 'read',
    request: (m) => ({ path: `/api/yearly-reports/${m.areaA.partnershipId}/2025` }),
  },
  {
    route: 'PUT /api/yearly-reports/:partnershipId/:financialYear',
    allowed: PARTNERSHIP,
    expect: 200,
    scope: 'act',
    request: (m) => ({ path: `/api/yearly-reports/${m.areaA.partnershipId}/2025`, body: {} }),
  },
];
