import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseClocks } from './case-clocks.service';
import { CASE_WORKERS, CaseStore } from './case-store.service';
import { changesBetween, snapshot } from './changes';
import type {
  DesignatedDoctorInformedDto,
  FamilyContactDto,
  JarDecisionDto,
  JarRecordDto,
  KeyWorkerDto,
} from './dto/decisions.dto';
import type { JarRecord, PoliceInvestigationStatus } from './entities/case-records';
import { ChildDeathCase } from './entities/child-death-case.entity';
import { FamilyContact } from './entities/family-contact.entity';
import { problemMessages } from './notification-checks';
import { checkJarDecision } from './rules/joint-agency-response';
import { instantOn } from './when';

function notInFuture(field: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw new BadRequestException([`${field}: cannot be in the future`]);
}

/**
 * The decisions of the first days (WT 438, 449, 432): the joint agency response, telling the designated
 * doctor, and the key worker's contact with the family.
 */
@Injectable()
export class ImmediateDecisionsService {
  constructor(
    private readonly store: CaseStore,
    private readonly clocks: CaseClocks,
  ) {}

  /** The designated doctor confirms or overrides the evaluation of the WT 449 criteria. */
  async decideJar(user: AuthenticatedUser, caseId: string, body: JarDecisionDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, ['designated-doctor'], body.version);
      this.store.assertOpen(c);
      const check = checkJarDecision(c.jarEvaluation, body);
      if (!check.ok) throw new BadRequestException(problemMessages(check.problems));
      const now = this.store.now();
      const before = c.jarDecision;
      c.jarDecision = {
        required: body.required,
        outcome: check.outcome,
        ...(body.reason?.trim() ? { reason: body.reason.trim() } : {}),
        evaluatedRequired: c.jarEvaluation.required,
        evaluatedCriteria: c.jarEvaluation.criteria,
        decidedAt: now.toISOString(),
        decidedByUserId: user.id,
        decidedByName: user.name,
      };
      await this.clocks.meet(m, c, 'CDR-JAR-DECISION', now);
      if (body.required) {
        await this.clocks.start(m, c, 'CDR-JAR-MEETING', { instant: now });
        await this.clocks.start(m, c, 'CDR-HOME-VISIT', { instant: now });
      } else {
        const why = 'The designated doctor decided no joint agency response is required';
        await this.clocks.notApplicable(m, c, 'CDR-JAR-MEETING', why);
        await this.clocks.notApplicable(m, c, 'CDR-HOME-VISIT', why);
      }
      const moved = this.store.advance(
        c,
        body.required ? 'jar-in-progress' : 'information-gathering',
        user,
        false,
      );
      const saved = await this.store.save(m, user, c, 'jar-decided', {
        jarDecision: { before, after: c.jarDecision },
        ...moved,
      });
      return {
        id: saved.id,
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
        version: saved.version,
        caseId: saved.id,
        status: saved.state,
        ...c.jarDecision,
        evaluation: { required: c.jarEvaluation.required, criteria: c.jarEvaluation.criteria },
      };
    });
  }

  /** What the JAR professionals did; each step meets its own clock (SUDIC 2016 guidance). */
  async recordJar(user: AuthenticatedUser, caseId: string, body: JarRecordDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      if (!c.jarDecision?.required) {
        throw new ConflictException(
          c.jarDecision
            ? 'The designated doctor decided no joint agency response is required for this case'
            : 'The designated doctor must decide on the joint agency response before it is recorded',
        );
      }
      const now = this.store.now();
      if (body.homeVisit?.visitedAt && body.homeVisit.notDoneReason) {
        throw new BadRequestException(['homeVisit: give either visitedAt or notDoneReason, not both']);
      }
      if (body.informationSharing)
        notInFuture('informationSharing.heldAt', new Date(body.informationSharing.heldAt), now);
      if (body.homeVisit?.visitedAt)
        notInFuture('homeVisit.visitedAt', new Date(body.homeVisit.visitedAt), now);
      const before = c.jarRecord;
      const record: JarRecord = {
        professionals: body.professionals.map((p) => ({ ...p })),
        ...(body.informationSharing ? { informationSharing: { ...body.informationSharing } } : {}),
        ...(body.homeVisit ? { homeVisit: { ...body.homeVisit } } : {}),
        ...(body.policeInvestigationStatus
          ? { policeInvestigationStatus: body.policeInvestigationStatus as PoliceInvestigationStatus }
          : {}),
        ...(body.section47 ? { section47: { ...body.section47 } } : {}),
      };
      c.jarRecord = record;
      if (record.informationSharing) {
        await this.clocks.meet(m, c, 'CDR-JAR-MEETING', new Date(record.informationSharing.heldAt));
      }
      if (record.homeVisit?.visitedAt)
        await this.clocks.meet(m, c, 'CDR-HOME-VISIT', new Date(record.homeVisit.visitedAt));
      if (record.homeVisit?.notDoneReason) {
        await this.clocks.notApplicable(
          m,
          c,
          'CDR-HOME-VISIT',
          `No home or scene visit: ${record.homeVisit.notDoneReason}`,
        );
      }
      const complete = record.informationSharing && record.homeVisit;
      const moved = complete ? this.store.advance(c, 'information-gathering', user, false) : {};
      return this.store.save(m, user, c, 'jar-recorded', { jarRecord: { before, after: record }, ...moved });
    });
  }

  /** Records how the designated doctor was told when the portal could not tell them itself. */
  async designatedDoctorInformed(user: AuthenticatedUser, caseId: string, body: DesignatedDoctorInformedDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      const now = this.store.now();
      const at = body.informedAt ? new Date(body.informedAt) : now;
      notInFuture('informedAt', at, now);
      const before = c.designatedDoctorInformed;
      c.designatedDoctorInformed = { at: at.toISOString(), how: 'recorded', names: body.names };
      await this.clocks.meet(m, c, 'CDR-DESIGNATED-DR', at);
      return this.store.save(m, user, c, 'designated-doctor-informed', {
        designatedDoctorInformed: { before, after: c.designatedDoctorInformed },
      });
    });
  }

  async nameKeyWorker(user: AuthenticatedUser, caseId: string, body: KeyWorkerDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      this.store.assertOpen(c);
      const before = snapshot(c, ['keyWorker']);
      const { version: _version, ...worker } = body;
      c.keyWorker = { ...worker, namedAt: this.store.now().toISOString() };
      await this.meetFamilyLeaflet(m, c);
      return this.store.save(
        m,
        user,
        c,
        'key-worker-named',
        changesBetween(before, snapshot(c, ['keyWorker'])),
      );
    });
  }

  async recordFamilyContact(user: AuthenticatedUser, caseId: string, body: FamilyContactDto) {
    return this.store.transaction(async (m) => {
      const c = await this.store.forChange(m, user, caseId, CASE_WORKERS, body.version);
      if (body.contactedOn > this.store.today()) {
        throw new BadRequestException(['contactedOn: cannot be in the future']);
      }
      const contact = await m.getRepository(FamilyContact).save(
        m.getRepository(FamilyContact).create({
          caseId: c.id,
          contactedOn: body.contactedOn,
          method: body.method,
          contactBy: body.contactBy,
          guideOffered: body.guideOffered,
          questionsForCdrm: body.questionsForCdrm ?? [],
          notes: body.notes ?? null,
          recordedByUserId: user.id,
        }),
      );
      await this.meetFamilyLeaflet(m, c);
      await this.store.save(m, user, c, 'family-contact-recorded', {}, { familyContactId: contact.id });
      return contact;
    });
  }

  /** CDR-FAMILY-LEAFLET is met once a key worker is named and has offered the guide (WT 432). */
  private async meetFamilyLeaflet(m: EntityManager, c: ChildDeathCase): Promise<void> {
    if (!c.keyWorker) return;
    const offered = await m.getRepository(FamilyContact).findOne({
      where: { caseId: c.id, guideOffered: true },
      order: { contactedOn: 'ASC' },
    });
    if (!offered) return;
    const named = new Date(c.keyWorker.namedAt);
    const offeredAt = instantOn(offered.contactedOn, this.store.today(), this.store.now());
    await this.clocks.meet(m, c, 'CDR-FAMILY-LEAFLET', named > offeredAt ? named : offeredAt);
  }
}
