import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '../calendar/iso-date';
import { TimeSource } from '../calendar/time-source';
import { demoOrganisationIds, demoUser } from '../demo/demo-directory';
import { DemoSeeder, SeedsDemoData } from '../demo/demo-seeder';
import type { AuthenticatedUser } from '../identity/permissions';
import { AnalysisService } from './analysis.service';
import { londonInstant } from './case-facts';
import type { NotificationDto } from './dto/notification.dto';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { ImmediateDecisionsService } from './immediate-decisions.service';
import { InformationGatheringService } from './information-gathering.service';
import { NotificationIntakeService } from './notification-intake.service';
import { ReportingFormsService } from './reporting-forms.service';
import { ReviewMeetingsService } from './review-meetings.service';

/** The first demo case's NHS number: its presence means the demo cases are already loaded. */
const MARKER_NHS_NUMBER = '9990001006';

type Org = Record<'cdop' | 'northshire' | 'southvale' | 'trust' | 'police', string>;

/**
 * A few invented child deaths at different stages for `npm start -- --demo`, each taken through the
 * real services with the demo staff as the actors and the clock set to when each step happened, so the
 * clocks read as they would have. NHS numbers are in the 999 range, which belongs to nobody.
 */
@Injectable()
@DemoSeeder(40)
export class ChildDeathsDemoSeeder implements SeedsDemoData {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly intake: NotificationIntakeService,
    private readonly decisions: ImmediateDecisionsService,
    private readonly information: InformationGatheringService,
    private readonly forms: ReportingFormsService,
    private readonly meetings: ReviewMeetingsService,
    private readonly analysis: AnalysisService,
  ) {}

  async seedDemo(): Promise<void> {
    if (await this.dataSource.getRepository(ChildDeathCase).existsBy({ nhsNumber: MARKER_NHS_NUMBER }))
      return;
    const org = await this.organisations();
    if (!org) {
      this.logger.warn('demo child deaths skipped: the demo organisations are missing');
      return;
    }
    const admin = await demoUser(this.dataSource, 'cdop.admin@northshire.example');
    const doctor = await demoUser(this.dataSource, 'designated.doctor@northshire.example');
    const notifier = await demoUser(this.dataSource, 'la.notifier@northshire.example');
    if (!admin || !doctor || !notifier) return;
    const today = this.time.today();
    const realNow = this.time.now.bind(this.time);
    try {
      await this.sudiAwaitingDecision(org, notifier, today);
      await this.chronicConditionGathering(org, notifier, admin, today);
      await this.teenagerAwaitingCdrm(org, notifier, admin, doctor, today);
      await this.infectionReviewed(org, notifier, admin, doctor, today);
    } finally {
      this.time.now = realNow;
    }
    this.logger.log('demo child death cases ready');
  }

  /** Runs `work` as if it were `date` at `time` in London. */
  private async on<T>(date: string, time: string, work: () => Promise<T>): Promise<T> {
    const at = londonInstant(date, time);
    this.time.now = () => at;
    return work();
  }

  private async sudiAwaitingDecision(org: Org, notifier: AuthenticatedUser, today: string) {
    const died = addDays(today, -1);
    const hospital = notification(org, {
      child: {
        givenName: 'Freya',
        familyName: 'Marsh',
        dateOfBirth: addDays(died, -96),
        sex: 'female',
        nhsNumber: MARKER_NHS_NUMBER,
        postcode: 'NS1 4AB',
        ethnicity: 'A',
      },
      dateOfDeath: died,
      timeOfDeath: '06:10',
      placeOfDeath: 'home',
      expected: false,
      circumstances: { suddenNoApparentCause: true },
      postMortemRequired: true,
      coronerInvolved: true,
      notifier: {
        name: 'Dr Nadia Rahman',
        role: 'Consultant paediatrician',
        organisation: 'Northshire Hospitals NHS Foundation Trust',
      },
    });
    await this.on(died, '08:00', () =>
      this.intake.notify({ ...hospital, notifiedAt: londonInstant(died, '08:00').toISOString() }, notifier),
    );
    await this.on(died, '11:30', () =>
      this.intake.notify(
        {
          ...hospital,
          child: { ...hospital.child, familyName: 'Marshe' },
          notifiedAt: londonInstant(died, '11:30').toISOString(),
          notifier: {
            name: 'DS Paul Greaves',
            role: 'Detective sergeant',
            organisation: 'Northshire Constabulary',
          },
        },
        notifier,
      ),
    );
  }

  private async chronicConditionGathering(
    org: Org,
    notifier: AuthenticatedUser,
    admin: AuthenticatedUser,
    today: string,
  ) {
    const died = addDays(today, -20);
    const body = notification(org, {
      child: {
        givenName: 'Isaac',
        familyName: 'Oduya',
        dateOfBirth: '2015-06-02',
        sex: 'male',
        nhsNumber: '9990001375',
        postcode: 'SV3 9QT',
        ethnicity: 'N',
      },
      dateOfDeath: died,
      timeOfDeath: '14:25',
      placeOfDeath: 'hospital',
      expected: true,
      circumstances: {},
      residentLocalAuthorityId: org.southvale,
      notifier: {
        name: 'Sister Jo Walsh',
        role: 'Ward sister',
        organisation: 'Northshire Hospitals NHS Foundation Trust',
      },
    });
    const opened = await this.on(died, '17:00', () =>
      this.intake.notify({ ...body, notifiedAt: londonInstant(died, '17:00').toISOString() }, notifier),
    );
    const [gp] = await this.on(addDays(died, 2), '10:00', () =>
      this.information.requestForms(admin, opened.caseId, {
        requests: [
          {
            kind: 'reporting',
            recipient: {
              name: 'Dr Helen Cho',
              role: 'GP',
              organisation: 'Southvale Medical Centre',
              email: 'helen.cho@nhs.example',
            },
          },
          {
            kind: 'reporting',
            recipient: { name: 'Mrs Ann Fry', role: 'Headteacher', organisation: 'Southvale Primary School' },
          },
        ],
      }),
    );
    await this.on(addDays(died, 9), '15:30', () =>
      this.forms.returnByLink(gp.linkToken!, {
        answers: {
          agencyInvolvement:
            'Registered with the practice since birth; reviewed every three months by the complex care team.',
          eventsLeadingToDeath:
            'Admitted with a chest infection on a background of a progressive neuromuscular condition.',
          livedInPovertyOrDeprivation: false,
          bereavementSupportOffered: true,
        },
      }),
    );
  }

  private async teenagerAwaitingCdrm(
    org: Org,
    notifier: AuthenticatedUser,
    admin: AuthenticatedUser,
    doctor: AuthenticatedUser,
    today: string,
  ) {
    const died = addDays(today, -45);
    const body = notification(org, {
      child: {
        givenName: 'Kieran',
        familyName: 'Doyle',
        dateOfBirth: '2010-11-19',
        sex: 'male',
        nhsNumber: '9990002118',
        postcode: 'NS7 2LP',
        ethnicity: 'B',
      },
      dateOfDeath: died,
      timeOfDeath: '21:50',
      placeOfDeath: 'public-place',
      expected: false,
      circumstances: { externalCause: true },
      postMortemRequired: true,
      coronerInvolved: true,
      residentLocalAuthorityId: org.northshire,
      notifier: {
        name: 'PC Amy Lord',
        role: 'Roads policing officer',
        organisation: 'Northshire Constabulary',
      },
    });
    const opened = await this.on(died, '23:40', () =>
      this.intake.notify({ ...body, notifiedAt: londonInstant(died, '23:40').toISOString() }, notifier),
    );
    const decided = await this.on(addDays(died, 1), '01:30', () =>
      this.decisions.decideJar(doctor, opened.caseId, { required: true }),
    );
    await this.on(addDays(died, 1), '11:00', () =>
      this.decisions.recordJar(admin, opened.caseId, {
        version: decided.version,
        professionals: [
          { name: 'Dr Tom Ellis', role: 'Designated doctor', organisation: 'Northshire and Southvale CDOP' },
          { name: 'DS Paul Greaves', role: 'Investigating officer', organisation: 'Northshire Constabulary' },
        ],
        informationSharing: { heldAt: londonInstant(addDays(died, 1), '09:00').toISOString() },
        homeVisit: {
          notDoneReason: 'Death at the roadside; the scene was examined by collision investigators',
        },
        policeInvestigationStatus: 'ongoing',
      }),
    );
    await this.on(addDays(died, 3), '10:00', () =>
      this.meetings.schedule(admin, opened.caseId, {
        scheduledFor: londonInstant(addDays(today, 20), '10:00').toISOString(),
        location: 'Committee room 3, County Hall',
        attendees: [
          {
            name: 'Dr Tom Ellis',
            role: 'Designated doctor (chair)',
            organisation: 'Northshire and Southvale CDOP',
            email: 'designated.doctor@northshire.example',
          },
          { name: 'PC Amy Lord', role: 'Roads policing officer', organisation: 'Northshire Constabulary' },
        ],
      }),
    );
  }

  private async infectionReviewed(
    org: Org,
    notifier: AuthenticatedUser,
    admin: AuthenticatedUser,
    doctor: AuthenticatedUser,
    today: string,
  ) {
    const died = addDays(today, -150);
    const body = notification(org, {
      child: {
        givenName: 'Maisie',
        familyName: 'Tran',
        dateOfBirth: '2022-02-14',
        sex: 'female',
        nhsNumber: '9990002487',
        postcode: 'NS2 8DW',
        ethnicity: 'R',
      },
      dateOfDeath: died,
      timeOfDeath: '04:15',
      placeOfDeath: 'hospital',
      expected: false,
      circumstances: { suddenNoApparentCause: true },
      residentLocalAuthorityId: org.northshire,
      notifier: {
        name: 'Dr Nadia Rahman',
        role: 'Consultant paediatrician',
        organisation: 'Northshire Hospitals NHS Foundation Trust',
      },
    });
    const opened = await this.on(died, '07:00', () =>
      this.intake.notify({ ...body, notifiedAt: londonInstant(died, '07:00').toISOString() }, notifier),
    );
    const decided = await this.on(died, '09:00', () =>
      this.decisions.decideJar(doctor, opened.caseId, { required: true }),
    );
    await this.on(died, '16:00', () =>
      this.decisions.recordJar(admin, opened.caseId, {
        version: decided.version,
        professionals: [
          {
            name: 'Dr Nadia Rahman',
            role: 'On-call paediatrician',
            organisation: 'Northshire Hospitals NHS Foundation Trust',
          },
        ],
        informationSharing: { heldAt: londonInstant(died, '11:00').toISOString() },
        homeVisit: { visitedAt: londonInstant(died, '14:00').toISOString() },
        policeInvestigationStatus: 'no-further-action',
      }),
    );
    const meeting = await this.on(addDays(died, 40), '10:00', () =>
      this.meetings.schedule(admin, opened.caseId, {
        scheduledFor: londonInstant(addDays(died, 75), '10:00').toISOString(),
        attendees: [
          {
            name: 'Dr Tom Ellis',
            role: 'Designated doctor (chair)',
            organisation: 'Northshire and Southvale CDOP',
          },
        ],
      }),
    );
    await this.on(addDays(died, 75), '13:00', () =>
      this.meetings.held(admin, opened.caseId, meeting.id, {
        heldOn: addDays(died, 75),
        attended: ['Dr Tom Ellis', 'Dr Nadia Rahman'],
      }),
    );
    const draft = await this.on(addDays(died, 80), '10:00', () =>
      this.analysis.saveDraft(doctor, opened.caseId, {
        formVersion: '2026-04',
        domains: [
          {
            domain: 'A',
            factors: [{ code: 'A03', label: 'Acute or chronic illness', score: 2, modifiable: false }],
          },
          {
            domain: 'D',
            factors: [
              { code: 'D01', label: 'Delay in recognition or diagnosis', score: 2, modifiable: true },
            ],
          },
        ],
        modifiableFactors: 'yes',
        primaryCategory: 9,
        otherCategories: [],
        causeOfDeath: 'Meningococcal septicaemia',
        icd10Codes: ['A39.2'],
        learningPoints: [
          'Parents were not given written advice on when to return after the first attendance.',
        ],
        actions: [
          {
            owner: 'Northshire Hospitals NHS Foundation Trust',
            description: 'Give written safety-netting advice at every paediatric discharge',
            dueDate: addDays(today, 30),
          },
        ],
        referredToSafeguarding: false,
      }),
    );
    await this.on(addDays(died, 120), '16:00', () =>
      this.analysis.finalise(admin, opened.caseId, {
        reviewedOn: addDays(died, 120),
        version: draft.version ?? undefined,
      }),
    );
  }

  private async organisations(): Promise<Org | null> {
    const codes = ['DEMO-CDOP', 'DEMO-LA-NORTHSHIRE', 'DEMO-LA-SOUTHVALE', 'DEMO-TRUST', 'DEMO-POLICE'];
    const ids = await demoOrganisationIds(this.dataSource, codes);
    const [cdop, northshire, southvale, trust, police] = codes.map((code) => ids.get(code));
    return cdop && northshire && southvale && trust && police
      ? { cdop, northshire, southvale, trust, police }
      : null;
  }
}

function notification(
  org: Org,
  answers: Partial<NotificationDto> & Pick<NotificationDto, 'child' | 'notifier'>,
): NotificationDto {
  return {
    cdopId: org.cdop,
    notifiedAt: '',
    professionals: [
      {
        name: 'Dr Nadia Rahman',
        role: 'Consultant paediatrician',
        organisation: 'Northshire Hospitals NHS Foundation Trust',
        email: 'nadia.rahman@nhs.example',
      },
      {
        name: 'Lucy Hart',
        role: 'Health visitor',
        organisation: 'Northshire Community Health',
        email: 'lucy.hart@nhs.example',
      },
      { name: 'DS Paul Greaves', role: 'Detective sergeant', organisation: 'Northshire Constabulary' },
    ],
    dateOfDeath: '',
    placeOfDeath: 'home',
    expected: false,
    circumstances: {},
    ...answers,
  } as NotificationDto;
}
