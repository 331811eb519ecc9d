import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, londonMidnight, parseIsoDate } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { demoOrganisationIds, demoUser } from '../demo/demo-directory';
import { DemoSeeder, SeedsDemoData } from '../demo/demo-seeder';
import type { AuthenticatedUser } from '../identity/permissions';
import { RecommendationsService } from '../recommendations/recommendations.service';
import type { CreateNotificationDto } from './dto/notification.dto';
import { LcsprService } from './lcspr/lcspr.service';
import { NotificationWorkflowService } from './notification-workflow.service';
import { NotificationService } from './notification.service';
import { RapidReviewService } from './rapid-review/rapid-review.service';
import { YearlyReportService } from './yearly-report/yearly-report.service';

/** The first demo incident's summary: its presence means the demo incidents are already loaded. */
const MARKER = 'Demo: Kian, 14 months, admitted with a head injury and unexplained older bruising.';

const ASSESSMENT = [
  ['knowledge', 'Led four LCSPRs for neighbouring partnerships; strong practitioner engagement.'],
  ['research', 'Published on neglect and infant harm.'],
  ['complexity', 'Experienced in multi-agency systems reviews.'],
  ['hindsight', 'Uses a systems method that looks at practice as it was at the time.'],
  ['communication', 'Clear, family-friendly reports.'],
  ['conflict-of-interest', 'No work for Northshire agencies in the last five years.'],
].map(([quality, evidence]) => ({ quality: quality as 'knowledge', met: true, evidence }));

interface People {
  notifier: AuthenticatedUser;
  dcs: AuthenticatedUser;
  manager: AuthenticatedUser;
  reviewer: AuthenticatedUser;
}

/**
 * Registered by the recommendations module, which sees both the incident services and its own.
 *
 * Invented serious incidents at different stages for `npm start -- --demo`, each taken through the real
 * services by the demo staff, with the clock set to when each step happened so the clocks read true.
 */
@Injectable()
@DemoSeeder(50)
export class SeriousIncidentsDemoSeeder implements SeedsDemoData {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly notifications: NotificationService,
    private readonly workflow: NotificationWorkflowService,
    private readonly rapidReviews: RapidReviewService,
    private readonly lcspr: LcsprService,
    private readonly recommendations: RecommendationsService,
    private readonly yearlyReports: YearlyReportService,
  ) {}

  async seedDemo(): Promise<void> {
    const seeded: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM serious_incident WHERE summary = $1`,
      [MARKER],
    );
    if (seeded.length) return;
    const organisations = await demoOrganisationIds(this.dataSource, ['DEMO-LA-NORTHSHIRE', 'DEMO-SCP']);
    const la = organisations.get('DEMO-LA-NORTHSHIRE');
    const partnership = organisations.get('DEMO-SCP');
    const people = {
      notifier: await demoUser(this.dataSource, 'la.notifier@northshire.example'),
      dcs: await demoUser(this.dataSource, 'dcs@northshire.example'),
      manager: await demoUser(this.dataSource, 'partnership.manager@northshire.example'),
      reviewer: await demoUser(this.dataSource, 'reviewer@northshire.example'),
    };
    if (!la || !partnership || Object.values(people).some((p) => !p)) {
      this.logger.warn('demo serious incidents skipped: the demo organisations or staff are missing');
      return;
    }
    const who = people as People;
    const today = this.time.today();
    const realNow = this.time.now.bind(this.time);
    try {
      await this.draftAwaitingSignOff(la, who, today);
      await this.rapidReviewUnderway(la, who, today);
      await this.lcsprUnderway(la, who, today);
      await this.lcsprPublished(la, who, today);
      await this.lookedAfterNaturalDeath(la, who, today);
      const lastYear =
        parseIsoDate(today).month >= 4 ? parseIsoDate(today).year - 1 : parseIsoDate(today).year - 2;
      const published = `${lastYear + 1}-09-25`;
      await this.on(published <= today ? published : today, () =>
        this.yearlyReports.save(
          partnership,
          lastYear,
          published <= today ? { publishedOn: published } : {},
          who.manager,
        ),
      );
    } finally {
      this.time.now = realNow;
    }
    this.logger.log('demo serious incidents ready');
  }

  private on<T>(date: string, work: () => Promise<T>): Promise<T> {
    const at = new Date(londonMidnight(date).getTime() + 10 * 3600 * 1000);
    this.time.now = () => at;
    return work();
  }

  private notification(
    la: string,
    aware: string,
    extra: Partial<CreateNotificationDto>,
  ): CreateNotificationDto {
    return {
      localAuthorityId: la,
      becameAwareOn: aware,
      incidentDate: addDays(aware, -1),
      type: 'death',
      abuseOrNeglect: 'suspected',
      location: 'in-area',
      summary: 'Demo incident',
      children: [],
      ...extra,
    };
  }

  private async submitted(la: string, who: People, aware: string, extra: Partial<CreateNotificationDto>) {
    const incident = await this.on(aware, () =>
      this.notifications.create(this.notification(la, aware, extra), who.notifier),
    );
    await this.on(addDays(aware, 1), async () => {
      await this.workflow.signOff(incident.id, {}, who.dcs);
      await this.workflow.submit(
        incident.id,
        { nationalReference: `CSIN-DEMO-${incident.reference.slice(-4)}` },
        who.notifier,
      );
      await this.workflow.partnersInformed(incident.id, { informedOn: addDays(aware, 1) }, who.notifier);
    });
    return incident;
  }

  private async draftAwaitingSignOff(la: string, who: People, today: string) {
    await this.on(addDays(today, -2), () =>
      this.notifications.create(
        this.notification(la, addDays(today, -2), {
          type: 'serious-harm',
          summary: MARKER,
          abuseCategories: ['physical'],
          widerRisk: true,
          widerRiskDetails:
            'A 4-year-old sibling lives at the address; placed with grandparents under a safety plan.',
          children: [
            {
              identityKnown: true,
              givenName: 'Kian',
              familyName: 'Doyle',
              ageYears: 1,
              sex: 'male',
              legalStatus: 'child-in-need',
            },
          ],
        }),
        who.notifier,
      ),
    );
  }

  private async rapidReviewUnderway(la: string, who: People, today: string) {
    const aware = addDays(today, -12);
    const incident = await this.submitted(la, who, aware, {
      summary: 'Demo: Lily, 7 months, died at home; concerns about neglect and unsafe sleeping.',
      abuseCategories: ['neglect'],
      children: [
        {
          identityKnown: true,
          givenName: 'Lily',
          familyName: 'Hart',
          dateOfBirth: addDays(aware, -215),
          sex: 'female',
          legalStatus: 'child-protection-plan',
        },
        {
          identityKnown: false,
          ageYears: 3,
          legalStatus: 'child-protection-plan',
          natureOfHarm: 'Sibling; neglect',
        },
      ],
    });
    await this.on(addDays(aware, 5), async () => {
      await this.rapidReviews.requestContribution(
        incident.id,
        { agency: 'GP practice', requestedOn: addDays(aware, 5), dueOn: addDays(aware, 9) },
        who.manager,
      );
      await this.rapidReviews.save(
        incident.id,
        {
          facts:
            'Lily was found unresponsive in an adult bed. The family was known to children’s social care.',
          agencyInvolvement: [
            {
              agency: 'Health visiting',
              summary: 'Three visits in six months; safe sleep advice given once.',
            },
          ],
          immediateSafetyActions: [
            {
              action: 'Strategy discussion for the sibling',
              owner: 'Children’s social care',
              dueDate: addDays(aware, 2),
            },
          ],
        },
        who.manager,
      );
    });
  }

  private async lcsprUnderway(la: string, who: People, today: string) {
    const aware = addDays(today, -95);
    const incident = await this.submitted(la, who, aware, {
      summary: 'Demo: Mason, 2, admitted with a fractured skull; abuse suspected.',
      type: 'serious-harm',
      abuseOrNeglect: 'suspected',
      abuseCategories: ['physical'],
      policeInvestigation: 'ongoing',
      children: [
        {
          identityKnown: true,
          givenName: 'Mason',
          familyName: 'Reid',
          ageYears: 2,
          sex: 'male',
          legalStatus: 'child-in-need',
        },
      ],
    });
    await this.fullRapidReview(incident.id, who, addDays(aware, 12), true);
    const decided = addDays(aware, 20);
    await this.on(decided, () =>
      this.lcspr.decide(
        incident.id,
        {
          decision: 'lcspr',
          decidedOn: decided,
          rationale: 'Several agencies held pieces of information that were not brought together.',
          criteria: ['multi-agency-concerns', 'improvements-needed'],
        },
        who.manager,
      ),
    );
    await this.on(addDays(decided, 3), async () => {
      await this.lcspr.informed(
        incident.id,
        { informedOn: addDays(decided, 3), reviewerName: who.reviewer.name },
        who.manager,
      );
      await this.lcspr.commission(
        incident.id,
        {
          reviewerName: who.reviewer.name,
          reviewerUserId: who.reviewer.id,
          commissionedOn: addDays(decided, 3),
          assessment: ASSESSMENT,
        },
        who.manager,
      );
      await this.lcspr.declare(
        incident.id,
        { hasConflict: false, details: 'No real or perceived conflict of interest.' },
        who.reviewer,
      );
      await this.lcspr.termsOfReference(
        incident.id,
        {
          termsOfReference:
            'How agencies shared information about Mason in the six months before his admission.',
          agreedOn: addDays(decided, 3),
        },
        who.manager,
      );
      await this.lcspr.supervisionRequest(
        incident.id,
        {
          requestedOn: addDays(decided, 3),
          requestedBy: 'Chris Walker, business manager',
          request: 'Please share the practitioner event plan.',
        },
        who.manager,
      );
      await this.lcspr.publication(
        incident.id,
        { plannedPublicationDate: addDays(decided, 170), publishFullReport: true },
        who.manager,
      );
    });
    await this.on(addDays(decided, 10), () =>
      this.recommendations.create(
        {
          sourceType: 'rapid-review',
          sourceId: incident.id,
          text: 'Emergency departments share every injury in a non-mobile child with children’s social care the same day.',
          themes: ['physical-abuse', 'information-sharing'],
          madeOn: addDays(decided, 10),
          actions: [
            {
              description: 'Add a bruising protocol prompt to the ED system',
              ownerAgency: 'Northshire Hospitals',
              dueDate: addDays(decided, 40),
              rag: 'red',
            },
            {
              description: 'Audit referrals for non-mobile infants',
              ownerAgency: 'ICB',
              dueDate: addDays(today, 30),
              rag: 'amber',
            },
          ],
        },
        who.manager,
      ),
    );
  }

  private async lcsprPublished(la: string, who: People, today: string) {
    const aware = addDays(today, -300);
    const incident = await this.submitted(la, who, aware, {
      summary: 'Demo: Noah, 15, died by suicide; neglect and exploitation were factors.',
      abuseCategories: ['neglect'],
      contextFactors: ['child-exploitation', 'extra-familial'],
      children: [
        {
          identityKnown: true,
          givenName: 'Noah',
          familyName: 'Bennett',
          ageYears: 15,
          sex: 'male',
          legalStatus: 'child-in-need',
        },
      ],
    });
    await this.fullRapidReview(incident.id, who, addDays(aware, 13), true);
    const decided = addDays(aware, 22);
    await this.on(decided, () =>
      this.lcspr.decide(
        incident.id,
        {
          decision: 'lcspr',
          decidedOn: decided,
          rationale: 'Recurrent themes of exploitation outside the home.',
          criteria: ['recurrent-themes'],
        },
        who.manager,
      ),
    );
    await this.on(addDays(decided, 2), () =>
      this.lcspr.informed(
        incident.id,
        { informedOn: addDays(decided, 2), reviewerName: 'Dr Sam Patel' },
        who.manager,
      ),
    );
    const planned = addDays(decided, 160);
    await this.on(addDays(planned, -12), () =>
      this.lcspr.publication(
        incident.id,
        {
          plannedPublicationDate: planned,
          publishFullReport: true,
          sentToPanelOn: addDays(planned, -12),
          sentToSecretaryOfStateOn: addDays(planned, -12),
          sentToOfstedOn: addDays(planned, -12),
        },
        who.manager,
      ),
    );
    await this.on(planned, async () => {
      await this.lcspr.publication(
        incident.id,
        {
          plannedPublicationDate: planned,
          publishFullReport: true,
          publishedOn: planned,
          publicationUrl: 'https://northshire-scp.example/reviews/child-n',
          reviewerNames: ['Dr Sam Patel'],
        },
        who.manager,
      );
      await this.recommendations.create(
        {
          sourceType: 'lcspr',
          sourceId: incident.id,
          text: 'A shared approach to contextual safeguarding across schools, police and youth services.',
          themes: ['exploitation', 'contextual-safeguarding'],
          madeOn: planned,
          actions: [
            {
              description: 'Publish a contextual safeguarding protocol',
              ownerAgency: 'Northshire County Council',
              dueDate: addDays(planned, 60),
            },
          ],
        },
        who.manager,
      );
    });
    const done = addDays(planned, 50);
    if (done <= today) {
      const [row]: { id: string }[] = await this.dataSource.query(
        `SELECT a.id FROM recommendation_action a JOIN recommendation r ON r.id = a.recommendation_id WHERE r.source_id = $1`,
        [incident.id],
      );
      await this.on(done, () =>
        this.recommendations.complete(
          row.id,
          { completedOn: done, evidenceOfImpact: 'Protocol in use in all secondary schools.' },
          who.manager,
        ),
      );
    }
  }

  private async lookedAfterNaturalDeath(la: string, who: People, today: string) {
    await this.submitted(la, who, addDays(today, -30), {
      summary: 'Demo: Evie, 9, a looked after child, died in hospital of a known heart condition.',
      abuseOrNeglect: 'not-suspected',
      children: [
        {
          identityKnown: true,
          givenName: 'Evie',
          familyName: 'Shaw',
          ageYears: 9,
          sex: 'female',
          legalStatus: 'looked-after',
        },
      ],
    });
  }

  private async fullRapidReview(id: string, who: People, submittedOn: string, lcsprRecommended: boolean) {
    await this.on(submittedOn, async () => {
      await this.rapidReviews.save(
        id,
        {
          facts: 'Facts established from agency chronologies.',
          agencyInvolvement: [
            { agency: 'Police', summary: 'Two previous call-outs to the address.' },
            { agency: 'School', summary: 'Attendance fell sharply over the spring term.' },
          ],
          immediateSafetyActions: [],
          learning: 'Concerns were held separately by agencies and not escalated.',
          lcsprRecommended,
          lcsprCriteria: lcsprRecommended ? ['multi-agency-concerns'] : [],
          lcsprRationale: 'Agencies working together is the central learning.',
          nationalReviewMayBeAppropriate: false,
          familyInformed: { on: addDays(submittedOn, -3), how: 'Meeting with the family and their advocate' },
        },
        who.manager,
      );
      for (const partner of ['local-authority', 'icb', 'police'] as const) {
        await this.rapidReviews.signOff(id, { partner, agreedByName: `${partner} lead` }, who.manager);
      }
      await this.rapidReviews.submit(id, { submittedOn }, who.manager);
    });
  }
}
