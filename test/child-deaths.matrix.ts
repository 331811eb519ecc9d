/**
 * Access matrix rows for the child death routes (see the header of access-matrix.e2e-spec.ts). Cases are
 * made through the services as area A's CDOP staff; every call gets a fresh case so that rows may change
 * state freely. Rows that would need a long history (an NCMD submission, closing) are let through and
 * then refused for the case's state, which proves the same thing about access.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays } from '../src/calendar/iso-date';
import { TimeSource } from '../src/calendar/time-source';
import { InformationGatheringService } from '../src/child-deaths/information-gathering.service';
import { ImmediateDecisionsService } from '../src/child-deaths/immediate-decisions.service';
import { CaseLifecycleService } from '../src/child-deaths/case-lifecycle.service';
import { NotificationIntakeService } from '../src/child-deaths/notification-intake.service';
import { PanelMeetingsService } from '../src/child-deaths/panel-meetings.service';
import { ReviewMeetingsService } from '../src/child-deaths/review-meetings.service';
import type { NotificationDto } from '../src/child-deaths/dto/notification.dto';
import { ALL_ROLES, AuthenticatedUser, Role } from '../src/identity/permissions';
import type { MatrixContext } from './access-matrix.e2e-spec';
import { testFamilyName, testNhsNumber } from './child-deaths.fixtures';
import { signIn } from './support/auth';

interface Row {
  route: string;
  allowed: readonly Role[] | 'public';
  expect: number;
  scope?: 'read' | 'act';
  request?: (m: MatrixContext) => Promise<{ path?: string; body?: object; query?: Record<string, string> }>;
}

interface Staff {
  admin: AuthenticatedUser;
  doctor: AuthenticatedUser;
}

const staffByApp = new WeakMap<NestExpressApplication, Promise<Staff>>();

function staff(m: MatrixContext): Promise<Staff> {
  const known = staffByApp.get(m.app);
  if (known) return known;
  const as = async (role: Role): Promise<AuthenticatedUser> => ({
    ...(await signIn(m.app, { roles: [role], organisationIds: [m.areaA.cdopId] })).user,
    via: 'token',
  });
  const made = (async () => ({ admin: await as('cdop-admin'), doctor: await as('designated-doctor') }))();
  staffByApp.set(m.app, made);
  return made;
}

const PRACTITIONERS = ALL_ROLES.filter((r) => r !== 'reviewer');
const READERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only'];
const WORKERS: Role[] = ['cdop-admin', 'designated-doctor'];
const PANEL: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member'];
const AGENCY_STAFF = PRACTITIONERS.filter((r) => r !== 'system-admin');

function today(m: MatrixContext): string {
  return m.app.get(TimeSource).today();
}

function death(m: MatrixContext, extra: Partial<NotificationDto> = {}): NotificationDto {
  const died = addDays(today(m), -1);
  return {
    child: {
      givenName: 'Matrix',
      familyName: testFamilyName(),
      dateOfBirth: addDays(died, -120),
      sex: 'female',
      nhsNumber: testNhsNumber(),
    },
    dateOfDeath: died,
    placeOfDeath: 'home',
    notifiedAt: new Date().toISOString(),
    expected: false,
    circumstances: { suddenNoApparentCause: true },
    cdopId: m.areaA.cdopId,
    residentLocalAuthorityId: m.areaA.localAuthorityId,
    notifier: { name: 'Matrix Notifier', role: 'Paediatrician', organisation: 'Matrix Trust' },
    professionals: [
      { name: 'Dr Matrix', role: 'GP', organisation: 'Matrix Surgery', email: 'gp@matrix.example' },
    ],
    ...extra,
  } as NotificationDto;
}

async function fresh(m: MatrixContext, extra: Partial<NotificationDto> = {}) {
  const { admin } = await staff(m);
  const made = await m.app.get(NotificationIntakeService).notify(death(m, extra), admin);
  return { ...made, version: await versionOf(m, made.caseId) };
}

async function versionOf(m: MatrixContext, caseId: string): Promise<number> {
  const rows: { version: number }[] = await m.app
    .get(DataSource)
    .query('SELECT version FROM cdr_case WHERE id = $1', [caseId]);
  return rows[0].version;
}

async function decided(m: MatrixContext) {
  const made = await fresh(m);
  const decision = await m.app
    .get(ImmediateDecisionsService)
    .decideJar((await staff(m)).doctor, made.caseId, { required: true });
  return { ...made, version: decision.version };
}

async function withRequest(m: MatrixContext, agencyOrganisationId?: string) {
  const made = await fresh(m);
  const [request] = await m.app
    .get(InformationGatheringService)
    .requestForms((await staff(m)).admin, made.caseId, {
      requests: [
        {
          kind: 'reporting',
          recipient: { name: 'Dr Matrix', role: 'GP', organisation: 'Matrix Surgery' },
          ...(agencyOrganisationId ? { agencyOrganisationId } : {}),
          sendLink: true,
        },
      ],
    });
  return { ...made, request, token: request.linkToken! };
}

async function withMeeting(m: MatrixContext) {
  const made = await fresh(m);
  const meeting = await m.app.get(ReviewMeetingsService).schedule((await staff(m)).admin, made.caseId, {
    scheduledFor: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    attendees: [{ name: 'Dr Matrix', role: 'GP', organisation: 'Matrix Surgery' }],
  });
  return { ...made, meetingId: meeting.id };
}

async function panelMeeting(m: MatrixContext) {
  return m.app
    .get(PanelMeetingsService)
    .create((await staff(m)).admin, { cdopId: m.areaA.cdopId, meetingOn: today(m), caseIds: [] });
}

const RETURNED = {
  answers: { agencyInvolvement: 'Registered at birth.', eventsLeadingToDeath: 'Not known to us.' },
};
const base = (id: string) => `/api/child-deaths/${id}`;

export const CHILD_DEATH_ROWS: Row[] = [
  {
    route: 'POST /api/child-deaths/notifications',
    allowed: PRACTITIONERS,
    expect: 201,
    request: async (m) => ({ body: death(m) }),
  },
  { route: 'GET /api/child-deaths', allowed: PRACTITIONERS, expect: 200 },
  {
    route: 'GET /api/child-deaths/:caseId',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: base((await fresh(m)).caseId) }),
  },
  {
    route: 'GET /api/child-deaths/:caseId/deadlines',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `${base((await fresh(m)).caseId)}/deadlines` }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/jar/decision',
    allowed: ['designated-doctor'],
    expect: 200,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/jar/decision`,
      body: { required: true },
    }),
  },
  {
    route: 'PUT /api/child-deaths/:caseId/jar/record',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await decided(m);
      return {
        path: `${base(c.caseId)}/jar/record`,
        body: { version: c.version, professionals: [], policeInvestigationStatus: 'ongoing' },
      };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/designated-doctor-informed',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/designated-doctor-informed`,
      body: { names: ['Dr On Call'] },
    }),
  },
  {
    route: 'PUT /api/child-deaths/:caseId/key-worker',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await fresh(m);
      return {
        path: `${base(c.caseId)}/key-worker`,
        body: { version: c.version, name: 'Kim', role: 'Nurse', organisation: 'Trust' },
      };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/family-contacts',
    allowed: WORKERS,
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/family-contacts`,
      body: { contactedOn: today(m), method: 'phone', contactBy: 'Kim', guideOffered: true },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/pause',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => ({ path: `${base((await fresh(m)).caseId)}/pause`, body: { reason: 'inquest' } }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/resume',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await fresh(m);
      await m.app.get(CaseLifecycleService).pause((await staff(m)).admin, c.caseId, { reason: 'inquest' });
      return { path: `${base(c.caseId)}/resume`, body: {} };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/ncmd-submission',
    allowed: ['cdop-admin'],
    // Let through, then refused: the CDOP has not finalised the analysis of a case just notified.
    expect: 409,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/ncmd-submission`,
      body: { submittedOn: today(m) },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/close',
    allowed: ['cdop-admin'],
    // Let through, then refused with what is outstanding.
    expect: 422,
    scope: 'act',
    request: async (m) => ({ path: `${base((await fresh(m)).caseId)}/close`, body: {} }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/reviewing-cdop',
    allowed: WORKERS,
    // Let through, then refused: area B's CDOP cannot see this case, so cannot take its review.
    expect: 400,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/reviewing-cdop`,
      body: { cdopId: m.areaB.cdopId, reason: 'Agreed' },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/merge',
    allowed: ['cdop-admin'],
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const [keep, duplicate] = [await fresh(m), await fresh(m)];
      return {
        path: `${base(keep.caseId)}/merge`,
        body: { duplicateCaseId: duplicate.caseId, reason: 'Same child' },
      };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/split',
    allowed: ['cdop-admin'],
    expect: 201,
    scope: 'act',
    request: async (m) => {
      const nhsNumber = testNhsNumber();
      const first = await fresh(m, { child: { ...death(m).child, nhsNumber } });
      const second = await m.app
        .get(NotificationIntakeService)
        .notify(death(m, { child: { ...death(m).child, nhsNumber } }), (await staff(m)).admin);
      return {
        path: `${base(first.caseId)}/split`,
        body: { notificationIds: [second.notificationId], reason: 'Different child' },
      };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/reporting-requests',
    allowed: WORKERS,
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/reporting-requests`,
      body: {
        requests: [
          { kind: 'reporting', recipient: { name: 'Dr Matrix', role: 'GP', organisation: 'Matrix Surgery' } },
        ],
      },
    }),
  },
  {
    route: 'GET /api/child-deaths/:caseId/reporting-requests',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `${base((await withRequest(m)).caseId)}/reporting-requests` }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/reporting-requests/chase',
    allowed: ['cdop-admin'],
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await withRequest(m);
      return { path: `${base(c.caseId)}/reporting-requests/chase`, body: { requestIds: [c.request.id] } };
    },
  },
  {
    route: 'PUT /api/child-deaths/:caseId/investigations',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await fresh(m);
      return {
        path: `${base(c.caseId)}/investigations`,
        body: { version: c.version, postMortem: { status: 'awaited' } },
      };
    },
  },
  {
    route: 'POST /api/child-deaths/:caseId/abuse-or-neglect',
    allowed: WORKERS,
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/abuse-or-neglect`,
      body: { summary: 'Unexplained injuries' },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/looked-after-referral',
    allowed: WORKERS,
    // Let through, then refused: this child was not looked after.
    expect: 409,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/looked-after-referral`,
      body: { localAuthorityId: m.areaA.localAuthorityId },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/review-meetings',
    allowed: WORKERS,
    expect: 201,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/review-meetings`,
      body: {
        scheduledFor: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        attendees: [{ name: 'Dr Matrix', role: 'GP', organisation: 'Matrix Surgery' }],
      },
    }),
  },
  {
    route: 'GET /api/child-deaths/:caseId/review-meetings',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `${base((await withMeeting(m)).caseId)}/review-meetings` }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/review-meetings/:meetingId/held',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => {
      const c = await withMeeting(m);
      return {
        path: `${base(c.caseId)}/review-meetings/${c.meetingId}/held`,
        body: { heldOn: today(m), attended: ['Dr Matrix'] },
      };
    },
  },
  {
    route: 'GET /api/child-deaths/:caseId/review-meetings/:meetingId/invitation.ics',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => {
      const c = await withMeeting(m);
      return { path: `${base(c.caseId)}/review-meetings/${c.meetingId}/invitation.ics` };
    },
  },
  {
    route: 'GET /api/child-deaths/:caseId/analysis',
    allowed: READERS,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `${base((await fresh(m)).caseId)}/analysis` }),
  },
  {
    route: 'PUT /api/child-deaths/:caseId/analysis',
    allowed: WORKERS,
    expect: 200,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/analysis`,
      body: { formVersion: '2026-04', primaryCategory: 10 },
    }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/analysis/send-to-cdop',
    allowed: WORKERS,
    // Let through, then refused: nothing has been drafted yet.
    expect: 409,
    scope: 'act',
    request: async (m) => ({ path: `${base((await fresh(m)).caseId)}/analysis/send-to-cdop`, body: {} }),
  },
  {
    route: 'POST /api/child-deaths/:caseId/analysis/finalise',
    allowed: PANEL,
    // Let through, then refused with the list of what is missing.
    expect: 422,
    scope: 'act',
    request: async (m) => ({
      path: `${base((await fresh(m)).caseId)}/analysis/finalise`,
      body: { reviewedOn: today(m) },
    }),
  },
  { route: 'GET /api/reporting-forms', allowed: AGENCY_STAFF, expect: 200 },
  {
    route: 'GET /api/reporting-forms/:requestId',
    allowed: AGENCY_STAFF,
    expect: 200,
    request: async (m) => ({
      path: `/api/reporting-forms/${(await withRequest(m, agencyOf(m))).request.id}`,
    }),
  },
  {
    route: 'POST /api/reporting-forms/:requestId/return',
    allowed: AGENCY_STAFF,
    expect: 200,
    request: async (m) => ({
      path: `/api/reporting-forms/${(await withRequest(m, agencyOf(m))).request.id}/return`,
      body: RETURNED,
    }),
  },
  {
    route: 'GET /api/reporting-form-links',
    allowed: 'public',
    expect: 200,
    request: async (m) => ({ query: { token: (await withRequest(m)).token } }),
  },
  {
    route: 'POST /api/reporting-form-links/return',
    allowed: 'public',
    expect: 200,
    request: async (m) => ({
      body: { ...RETURNED, token: (await withRequest(m)).token },
    }),
  },
  {
    route: 'GET /api/cdop/panel-meetings/ready',
    allowed: PANEL,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ query: { cdopId: m.areaA.cdopId } }),
  },
  {
    route: 'GET /api/cdop/panel-meetings',
    allowed: PANEL,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ query: { cdopId: m.areaA.cdopId } }),
  },
  {
    route: 'POST /api/cdop/panel-meetings',
    allowed: ['cdop-admin'],
    expect: 201,
    scope: 'act',
    request: async (m) => ({ body: { cdopId: m.areaA.cdopId, meetingOn: today(m), caseIds: [] } }),
  },
  {
    route: 'GET /api/cdop/panel-meetings/:meetingId',
    allowed: PANEL,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/cdop/panel-meetings/${(await panelMeeting(m)).id}` }),
  },
  {
    route: 'POST /api/cdop/panel-meetings/:meetingId/agenda',
    allowed: ['cdop-admin'],
    // Let through, then refused: a case just notified is not ready for the panel.
    expect: 409,
    scope: 'act',
    request: async (m) => ({
      path: `/api/cdop/panel-meetings/${(await panelMeeting(m)).id}/agenda`,
      body: { caseId: (await fresh(m)).caseId },
    }),
  },
  {
    route: 'POST /api/cdop/panel-meetings/:meetingId/outcomes',
    allowed: ['cdop-admin'],
    // Let through, then refused: the case is not on this meeting's agenda.
    expect: 400,
    scope: 'act',
    request: async (m) => ({
      path: `/api/cdop/panel-meetings/${(await panelMeeting(m)).id}/outcomes`,
      body: { caseId: (await fresh(m)).caseId, outcome: 'deferred' },
    }),
  },
  {
    route: 'GET /api/cdop/panel-meetings/:meetingId/pack',
    allowed: PANEL,
    expect: 200,
    scope: 'read',
    request: async (m) => ({ path: `/api/cdop/panel-meetings/${(await panelMeeting(m)).id}/pack` }),
  },
  { route: 'GET /api/cdop/actions', allowed: READERS, expect: 200 },
  {
    route: 'PATCH /api/cdop/actions/:actionId',
    allowed: ['cdop-admin'],
    // Let through, then not found: there is no such action.
    expect: 404,
    request: async () => ({
      path: `/api/cdop/actions/${randomUUID()}`,
      body: { version: 1, status: 'completed' },
    }),
  },
  { route: 'GET /api/child-death-notices', allowed: ALL_ROLES, expect: 200 },
  {
    route: 'POST /api/child-death-notices/:noticeId/read',
    allowed: ALL_ROLES,
    // Let through, then not found: the notice is not the caller's.
    expect: 404,
    request: async () => ({ path: `/api/child-death-notices/${randomUUID()}/read` }),
  },
  { route: 'GET /api/child-death-forms', allowed: PRACTITIONERS, expect: 200 },
];

/** The form is asked of the caller's own organisation, so every agency member may open it. */
function agencyOf(m: MatrixContext): string {
  return m.caller?.organisationIds[0] ?? m.areaA.agencyId;
}
