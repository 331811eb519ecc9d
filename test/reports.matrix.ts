/**
 * Access matrix rows for the PDF routes (see the header of access-matrix.e2e-spec.ts). The documents
 * read cases made once per run through the owning services as area A's people; a reviewer reads a
 * serious incident document only once commissioned on it and declared, so the first reviewer a row
 * meets (area A's, called first) gets a case with their commission and any other reviewer gets none.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AnalysisService } from '../src/child-deaths/analysis.service';
import { NotificationIntakeService } from '../src/child-deaths/notification-intake.service';
import { PanelMeetingsService } from '../src/child-deaths/panel-meetings.service';
import type { NotificationDto } from '../src/child-deaths/dto/notification.dto';
import { ALL_ROLES, AuthenticatedUser, Role } from '../src/identity/permissions';
import { LcsprService } from '../src/serious-incidents/lcspr/lcspr.service';
import { NotificationWorkflowService } from '../src/serious-incidents/notification-workflow.service';
import { NotificationService } from '../src/serious-incidents/notification.service';
import { RapidReviewService } from '../src/serious-incidents/rapid-review/rapid-review.service';
import type { MatrixContext } from './access-matrix.e2e-spec';
import { testNhsNumber } from './child-deaths.fixtures';
import { signIn } from './support/auth';

interface Row {
  route: string;
  allowed: readonly Role[];
  expect: number;
  scope: 'read';
  request: (m: MatrixContext) => Promise<{ path?: string; query?: Record<string, string> }>;
}

interface Cases {
  childDeath: string;
  panelMeeting: string;
  incident: string;
  manager: AuthenticatedUser;
}

const CDOP_READERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only'];
const SI_READERS = ALL_ROLES.filter((r) => r !== 'system-admin');

const casesByApp = new WeakMap<NestExpressApplication, Promise<Cases>>();

async function person(
  m: MatrixContext,
  roles: Role[],
  organisationIds: string[],
): Promise<AuthenticatedUser> {
  return { ...(await signIn(m.app, { roles, organisationIds })).user, via: 'token' };
}

function childDeath(m: MatrixContext): NotificationDto {
  return {
    child: {
      givenName: 'Matrix',
      familyName: 'Child',
      dateOfBirth: '2025-12-01',
      sex: 'female',
      nhsNumber: testNhsNumber(),
    },
    dateOfDeath: '2026-03-02',
    placeOfDeath: 'home',
    notifiedAt: '2026-03-02T08:05:00+00:00',
    expected: false,
    circumstances: { suddenNoApparentCause: true },
    cdopId: m.areaA.cdopId,
    residentLocalAuthorityId: m.areaA.localAuthorityId,
    notifier: { name: 'Dr Matrix', role: 'Paediatrician', organisation: 'Hospital' },
    professionals: [],
  } as NotificationDto;
}

/** One serious incident, sent to the Panel, with a rapid review, an LCSPR and its publication date. */
async function seriousIncident(m: MatrixContext, manager: AuthenticatedUser): Promise<string> {
  const notifier = await person(m, ['la-notifier'], [m.areaA.localAuthorityId]);
  const dcs = await person(m, ['dcs'], [m.areaA.localAuthorityId]);
  const incident = await m.app.get(NotificationService).create(
    {
      localAuthorityId: m.areaA.localAuthorityId,
      becameAwareOn: '2026-01-12',
      type: 'death',
      abuseOrNeglect: 'suspected',
      location: 'in-area',
      summary: 'Matrix incident',
      children: [{ identityKnown: false, ageYears: 4, legalStatus: 'none' }],
    },
    notifier,
  );
  const workflow = m.app.get(NotificationWorkflowService);
  await workflow.signOff(incident.id, {}, dcs);
  await workflow.submit(incident.id, { submittedOn: '2026-01-12' }, notifier);
  await m.app.get(RapidReviewService).save(
    incident.id,
    {
      facts: 'Facts',
      agencyInvolvement: [{ agency: 'Police', summary: 'Attended' }],
      immediateSafetyActions: [],
      learning: 'Learning',
      lcsprRecommended: true,
      lcsprCriteria: ['recurrent-themes'],
      lcsprRationale: 'Rationale',
      nationalReviewMayBeAppropriate: false,
      familyInformed: { on: '2026-01-13', how: 'Visit' },
    },
    manager,
  );
  const lcspr = m.app.get(LcsprService);
  await lcspr.decide(
    incident.id,
    { decision: 'lcspr', decidedOn: '2026-02-04', rationale: 'Learning', criteria: ['recurrent-themes'] },
    manager,
  );
  await lcspr.publication(
    incident.id,
    { plannedPublicationDate: '2026-07-15', publishFullReport: true },
    manager,
  );
  return incident.id;
}

function cases(m: MatrixContext): Promise<Cases> {
  const known = casesByApp.get(m.app);
  if (known) return known;
  const made = (async () => {
    const admin = await person(m, ['cdop-admin'], [m.areaA.cdopId]);
    const doctor = await person(m, ['designated-doctor'], [m.areaA.cdopId]);
    const manager = await person(m, ['partnership-manager'], [m.areaA.partnershipId]);
    const { caseId } = await m.app.get(NotificationIntakeService).notify(childDeath(m), admin);
    await m.app
      .get(AnalysisService)
      .saveDraft(doctor, caseId, { formVersion: '2026-04', causeOfDeath: 'Matrix' });
    const meeting = await m.app
      .get(PanelMeetingsService)
      .create(admin, { cdopId: m.areaA.cdopId, meetingOn: '2026-05-12', caseIds: [] });
    return {
      childDeath: caseId,
      panelMeeting: meeting.id,
      incident: await seriousIncident(m, manager),
      manager,
    };
  })();
  casesByApp.set(m.app, made);
  return made;
}

const ASSESSMENT = [
  'knowledge',
  'research',
  'complexity',
  'hindsight',
  'communication',
  'conflict-of-interest',
].map((quality) => ({ quality: quality as 'knowledge', met: true, evidence: 'Interview' }));

/** The incident for area A's people; for the first reviewer met, a fresh one they are commissioned on. */
function incidentFor() {
  let firstReviewer: string | undefined;
  return async (m: MatrixContext): Promise<string> => {
    const { incident, manager } = await cases(m);
    if (!m.caller?.roles.includes('reviewer')) return incident;
    firstReviewer ??= m.caller.id;
    if (firstReviewer !== m.caller.id) return incident;
    const own = await seriousIncident(m, manager);
    const lcspr = m.app.get(LcsprService);
    const reviewer = { ...m.caller, email: '', name: 'Reviewer', via: 'token' as const };
    await lcspr.commission(
      own,
      {
        reviewerName: 'Reviewer',
        reviewerUserId: reviewer.id,
        commissionedOn: '2026-02-10',
        assessment: ASSESSMENT,
      },
      manager,
    );
    await lcspr.declare(own, { hasConflict: false, details: 'None' }, reviewer);
    return own;
  };
}

/** Area A's organisation that a caller with this role belongs to (area B's callers get 404 for it). */
function homeOrganisationOfA(m: MatrixContext): string {
  const roles = m.caller?.roles ?? [];
  if (roles.includes('partnership-manager')) return m.areaA.partnershipId;
  if (roles.some((r) => r === 'la-notifier' || r === 'dcs' || r === 'safeguarding-partner')) {
    return m.areaA.localAuthorityId;
  }
  return m.areaA.cdopId;
}

function incidentRow(route: string, allowed: readonly Role[], tail: string): Row {
  const caseFor = incidentFor();
  return {
    route,
    allowed,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/serious-incidents/${await caseFor(m)}${tail}` }),
  };
}

export const REPORT_ROWS: Row[] = [
  {
    route: 'GET /api/child-deaths/:caseId/notification-summary.pdf',
    allowed: CDOP_READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({
      path: `/api/child-deaths/${(await cases(m)).childDeath}/notification-summary.pdf`,
    }),
  },
  {
    route: 'GET /api/child-deaths/:caseId/analysis.pdf',
    allowed: CDOP_READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/child-deaths/${(await cases(m)).childDeath}/analysis.pdf` }),
  },
  {
    route: 'GET /api/cdop/panel-meetings/:meetingId/pack.pdf',
    allowed: ['cdop-admin', 'designated-doctor', 'cdop-panel-member'],
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/cdop/panel-meetings/${(await cases(m)).panelMeeting}/pack.pdf` }),
  },
  incidentRow('GET /api/serious-incidents/:id/notification.pdf', SI_READERS, '/notification.pdf'),
  incidentRow('GET /api/serious-incidents/:id/rapid-review.pdf', SI_READERS, '/rapid-review.pdf'),
  incidentRow(
    'GET /api/serious-incidents/:id/lcspr/pre-publication-letter.pdf',
    ['partnership-manager', 'safeguarding-partner', 'dcs'],
    '/lcspr/pre-publication-letter.pdf',
  ),
  {
    route: 'GET /api/reports/cdop-annual.pdf',
    allowed: CDOP_READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ query: { cdopId: m.areaA.cdopId, year: '2025' } }),
  },
  {
    route: 'GET /api/reports/partnership-yearly.pdf',
    allowed: ['partnership-manager', 'safeguarding-partner', 'dcs'],
    expect: 200,
    scope: 'read',
    request: async (m) => ({
      query: { partnershipId: m.areaA.partnershipId, year: '2025', published: 'true' },
    }),
  },
  {
    route: 'GET /api/reports/deadline-compliance.pdf',
    allowed: [
      'cdop-admin',
      'designated-doctor',
      'partnership-manager',
      'safeguarding-partner',
      'dcs',
      'read-only',
    ],
    expect: 200,
    scope: 'read',
    request: async (m) => ({
      query: { organisationId: homeOrganisationOfA(m), from: '2026-01-01', to: '2026-03-31' },
    }),
  },
  {
    route: 'GET /api/reports/recommendations-tracker.pdf',
    allowed: ['partnership-manager', 'safeguarding-partner', 'dcs', 'cdop-admin', 'read-only'],
    expect: 200,
    scope: 'read',
    request: async (m) => ({ query: { organisationId: homeOrganisationOfA(m) } }),
  },
];
