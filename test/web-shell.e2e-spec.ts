import { Get, Injectable, Module, Param, Render } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import request from 'supertest';
import { AuditService } from '../src/audit/audit.service';
import { addDays } from '../src/calendar/iso-date';
import { TimeSource } from '../src/calendar/time-source';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { AccessService } from '../src/identity/access.service';
import { AuthenticatedUser, CurrentUser, Permission } from '../src/identity/permissions';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { loadEnvironment } from '../src/config/environment';
import type { CasePage } from '../src/web/case/case-page';
import { viewEnvironment } from '../src/web/configure-web';
import { CasePages } from '../src/web/case/case-pages.service';
import {
  CaseSearch,
  CaseSearchProvider,
  NavItem,
  WorkQueuePanel,
  WorkQueuePanelProvider,
} from '../src/web/shell/contributions';
import { WebController } from '../src/web/shell/web-controller';
import { createOrganisation, signIn } from './support/auth';
import { csrfToken, signInWithForm } from './support/browser';

/** A capability's case, as the probe capability below stores it. */
const probeCases = new Map<string, { reference: string; organisationId: string; child: string }>();

@WorkQueuePanel()
@Injectable()
class ProbeQueuePanel implements WorkQueuePanelProvider {
  readonly roles = ['cdop-admin'] as const;
  readonly order = 20;
  async panel(user: AuthenticatedUser) {
    const mine = [...probeCases.values()].filter((c) => user.organisationIds.includes(c.organisationId));
    return {
      title: 'Probe notifications',
      items: [{ text: 'to triage', count: mine.length, href: '/probe-cases?status=new', urgent: true }],
    };
  }
}

@WorkQueuePanel()
@Injectable()
class BrokenPanel implements WorkQueuePanelProvider {
  readonly roles = ['cdop-admin'] as const;
  readonly order = 30;
  async panel(): Promise<null> {
    throw new Error('database on fire');
  }
}

@CaseSearch()
@Injectable()
class ProbeSearch implements CaseSearchProvider {
  readonly kind = 'Probe case';
  async search(user: AuthenticatedUser, query: string) {
    return [...probeCases.entries()]
      .filter(([, c]) => user.organisationIds.includes(c.organisationId))
      .filter(([, c]) => c.reference === query || c.child.toLowerCase().includes(query.toLowerCase()))
      .map(([id, c]) => ({
        reference: c.reference,
        kind: this.kind,
        summary: c.child,
        href: `/probe-cases/${id}`,
      }));
  }
}

@NavItem({ text: 'Probe cases', href: '/probe-cases', roles: ['cdop-admin'], order: 20 })
@Permission('cdop-admin', 'designated-doctor')
@WebController('probe-cases')
class ProbeCasePagesController {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly casePages: CasePages,
  ) {}

  @Get('boom')
  @NavItem({ text: 'Probe errors', href: '/probe-cases/boom', roles: ['cdop-admin'], order: 25 })
  boom(): never {
    throw new Error('secret internals: relation "child" detail 9434765919');
  }

  @Get(':id')
  @Render('probe/case.njk')
  async show(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    const found = probeCases.get(id);
    const scope = { caseId: id, owningOrganisationIds: found ? [found.organisationId] : [] };
    await this.access.assertCanRead(user, scope);
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: id,
      organisationIds: scope.owningOrganisationIds,
    });
    const casePage: CasePage = {
      kind: 'Probe case',
      reference: found!.reference,
      title: found!.child,
      status: { text: 'Open', classes: 'govuk-tag--blue' },
      summary: [{ key: 'Date of death', value: '3 March 2026' }],
      sections: [{ id: 'probe-section', title: 'Probe section' }],
      clocks: [
        { rule: 'CDR-NOTIFY', name: 'Notify the CDOP', dueDate: '2026-03-05', status: 'met' },
        { rule: 'CDR-JAR', name: 'Joint agency response', dueDate: '2026-03-04', status: 'overdue' },
        {
          rule: 'CDR-REVIEW',
          name: 'Child death review meeting',
          dueDate: '2026-09-01',
          status: 'paused',
          pausedReason: 'Inquest',
        },
      ],
      timeline: [{ at: '2026-03-03T14:05:00Z', title: 'Death notified', by: 'Probe notifier' }],
      documents: [],
      accessHistory: await this.casePages.accessHistory(user, scope),
    };
    return { casePage };
  }
}

@Module({
  controllers: [ProbeCasePagesController],
  providers: [ProbeSearch, ProbeQueuePanel, BrokenPanel],
})
class ProbeCapabilityModule {}

describe('the web shell that capabilities plug into', () => {
  let app: NestExpressApplication;
  let cdop: { id: string };
  let otherCdop: { id: string };
  let caseId: string;

  beforeAll(async () => {
    const env = loadEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MFA_REQUIRED_ROLES: '',
    });
    const root = AppModule.forRoot(env, process.env.DATABASE_URL!);
    app = await NestFactory.create<NestExpressApplication>(
      { ...root, imports: [...(root.imports ?? []), ProbeCapabilityModule] },
      { logger: false, bufferLogs: true },
    );
    configureApp(app);
    // A capability's own view folder, as src/web/views/<capability>/ would be.
    const views = viewEnvironment(app) as unknown as { loaders: { searchPaths: string[] }[] };
    views.loaders[0].searchPaths.push(path.join(__dirname, 'browser/views'));
    await app.init();
    const la = await createOrganisation(app, { type: 'local-authority' });
    cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
    otherCdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
    caseId = randomUUID();
    probeCases.set(caseId, { reference: 'CDR-PROBE-0001', organisationId: cdop.id, child: 'Alex Example' });
  });

  afterAll(() => app.close());

  async function signedIn(roles: Parameters<typeof signIn>[1]['roles'], organisationIds: string[]) {
    const person = await signIn(app, { roles, organisationIds });
    const agent = request.agent(app.getHttpServer());
    await signInWithForm(agent, person);
    return { person, agent };
  }

  it('shows a capability’s panels on the right role’s "My work", counts linking to their lists', async () => {
    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Probe notifications');
    expect(home.text).toMatch(
      /href="\/probe-cases\?status=new">\s*<span class="app-work-queue__count">1<\/span>\s*to triage/,
    );
    expect(home.text).toContain('app-work-queue__item--urgent');
    // A panel that fails says so; the page and the other panels still show.
    expect(home.text).toContain('This part of your work could not be shown just now');
    const nav = [...home.text.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(nav[0]).toBe('/');
    // Links come in their `order`: the class's (20) before its method's (25).
    expect(nav.indexOf('/probe-cases')).toBeGreaterThan(0);
    expect(nav.indexOf('/probe-cases/boom')).toBeGreaterThan(nav.indexOf('/probe-cases'));

    const { agent: doctor } = await signedIn(['designated-doctor'], [cdop.id]);
    const theirs = await doctor.get('/').expect(200);
    expect(theirs.text).not.toContain('Probe notifications');
    expect(theirs.text).not.toContain('href="/probe-cases"');
  });

  it('lays out a case page: summary, the capability’s section, clocks with status and pause reason, timeline', async () => {
    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const page = await agent.get(`/probe-cases/${caseId}`).expect(200);
    expect(page.text).toContain('<title>Probe case CDR-PROBE-0001 – ');
    expect(page.text).toContain('Alex Example');
    expect(page.text).toContain('<p class="govuk-body">The probe capability’s own section.</p>');
    expect(page.text).toContain('href="#probe-section"');
    const clocks = /<section id="case-clocks"[\s\S]*?<\/section>/.exec(page.text)![0];
    expect(clocks).toMatch(/Notify the CDOP[\s\S]*5 March 2026[\s\S]*govuk-tag--green[^>]*>\s*Met/);
    expect(clocks).toMatch(/Joint agency response[\s\S]*govuk-tag--red[^>]*>\s*Overdue/);
    expect(clocks).toMatch(/Child death review meeting[\s\S]*Paused[\s\S]*Inquest/);
    expect(page.text).toMatch(/Death notified[\s\S]*3 March 2026 at 2:05pm, by Probe notifier/);
  });

  it('shows the access history to a CDOP admin, not to a designated doctor', async () => {
    const { agent, person } = await signedIn(['cdop-admin'], [cdop.id]);
    await agent.get(`/probe-cases/${caseId}`).expect(200);
    const page = await agent.get(`/probe-cases/${caseId}`).expect(200);
    const history = /<section id="case-access-history"[\s\S]*?<\/section>/.exec(page.text)![0];
    expect(history).toContain(person.user.name);
    expect(history).toContain('Viewed the case');

    const { agent: doctor } = await signedIn(['designated-doctor'], [cdop.id]);
    const theirs = await doctor.get(`/probe-cases/${caseId}`).expect(200);
    expect(theirs.text).not.toContain('case-access-history');
  });

  it('answers a case outside the user’s organisations with the same page as a missing one', async () => {
    const { agent } = await signedIn(['cdop-admin'], [otherCdop.id]);
    const page = await agent.get(`/probe-cases/${caseId}`).expect(404);
    expect(page.text).toContain('Page not found');
    expect(page.text).not.toContain('CDR-PROBE-0001');
  });

  it('finds cases through the search providers, scoped to what the user may see', async () => {
    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const form = await agent.get('/search').expect(200);
    const found = await agent
      .post('/search')
      .type('form')
      .send({ _csrf: csrfToken(form.text), q: 'alex' })
      .expect(200);
    expect(found.text).toContain('1 case found');
    expect(found.text).toContain(`href="/probe-cases/${caseId}">CDR-PROBE-0001</a>`);

    const { agent: outsider } = await signedIn(['cdop-admin'], [otherCdop.id]);
    const theirForm = await outsider.get('/search').expect(200);
    const none = await outsider
      .post('/search')
      .type('form')
      .send({ _csrf: csrfToken(theirForm.text), q: 'CDR-PROBE-0001' })
      .expect(200);
    expect(none.text).toContain('0 cases found');
  });

  it('counts overdue and soon-due clocks on "My work" and lists them, filtered and sorted', async () => {
    const deadlines = app.get(DeadlinesService);
    const today = app.get(TimeSource).today();
    const start = (reference: string, ruleId: 'CDR-NOTIFY' | 'CDR-CDOP-REVIEW', daysAgo: number) =>
      deadlines.start({
        caseId: randomUUID(),
        caseType: 'cdr',
        caseReference: reference,
        casePath: `/probe-cases/${reference}`,
        organisationIds: [cdop.id],
        ruleId,
        basis: { instant: new Date(Date.now() - daysAgo * 86_400_000) },
      });
    const tag = randomUUID().slice(0, 4).toUpperCase();
    const clocks = [
      await start(`CDR-${tag}-B`, 'CDR-NOTIFY', 60),
      await start(`CDR-${tag}-A`, 'CDR-NOTIFY', 30),
      await start(`CDR-${tag}-C`, 'CDR-NOTIFY', 0),
      await start(`CDR-${tag}-D`, 'CDR-CDOP-REVIEW', 0),
    ];
    const overdue = clocks.filter((c) => c.status === 'overdue');
    const soon = clocks.filter((c) => c.status === 'pending' && c.dueDate <= addDays(today, 7));
    expect(overdue.map((c) => c.caseReference).sort()).toEqual([`CDR-${tag}-A`, `CDR-${tag}-B`]);
    expect(soon.map((c) => c.caseReference)).toEqual([`CDR-${tag}-C`]);

    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const home = await agent.get('/').expect(200);
    const panel = /<h3 class="govuk-heading-m">Statutory clocks<\/h3>[\s\S]*?<\/div>/.exec(home.text)![0];
    const count = (query: string) =>
      Number(
        new RegExp(`${query}&amp;process=cdr">\\s*<span class="app-work-queue__count">(\\d+)`).exec(
          panel,
        )![1],
      );
    expect(count('status=overdue')).toBe(2);
    expect(count('due=soon')).toBe(1);

    const list = await agent.get('/deadlines?status=overdue&process=cdr&sort=due&direction=asc').expect(200);
    const listed = [...list.text.matchAll(new RegExp(`>(CDR-${tag}-[A-D])<`, 'g'))].map((m) => m[1]);
    expect(listed).toEqual([`CDR-${tag}-B`, `CDR-${tag}-A`]);
    expect(list.text).toContain('govuk-tag--red');

    const upcoming = await agent.get('/deadlines?due=soon&process=cdr').expect(200);
    expect(upcoming.text).toContain(`CDR-${tag}-C`);
    expect(upcoming.text).not.toContain(`CDR-${tag}-D`);

    const { agent: outsider } = await signedIn(['cdop-admin'], [otherCdop.id]);
    expect((await outsider.get('/deadlines').expect(200)).text).not.toContain(`CDR-${tag}`);
  });

  it('shows a 500 page with the correlation id and nothing of the internals', async () => {
    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const res = await agent.get('/probe-cases/boom').set('X-Correlation-Id', 'web-shell-boom-1').expect(500);
    expect(res.text).toContain('Sorry, there is a problem with the service');
    expect(res.text).toContain('web-shell-boom-1');
    expect(res.text).not.toMatch(/secret|9434765919|relation/);
  });

  it('escapes what users typed wherever it is shown', async () => {
    const { agent } = await signedIn(['cdop-admin'], [cdop.id]);
    const form = await agent.get('/search').expect(200);
    const res = await agent
      .post('/search')
      .type('form')
      .send({ _csrf: csrfToken(form.text), q: '<script>alert(1)</script>' })
      .expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
