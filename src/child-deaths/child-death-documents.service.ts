import { ConflictException, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../identity/permissions';
import { CaseQueryService } from './case-query.service';
import { CaseStore } from './case-store.service';
import { AnalysisForm } from './entities/analysis-form.entity';
import { analysisForPack, PanelMeetingsService } from './panel-meetings.service';
import { analysisFormDefinition } from './rules/analysis-form';
import { DEATH_CATEGORIES } from './rules/death-categories';

/**
 * The data behind the printed documents (the analysis form PDF and the panel pack), for the PDF
 * renderer. Each call checks scope and records the read, as any other view of the case does.
 */
@Injectable()
export class ChildDeathDocuments {
  constructor(
    private readonly store: CaseStore,
    private readonly cases: CaseQueryService,
    private readonly panels: PanelMeetingsService,
  ) {}

  /** The case and its analysis form with every label; 409 when no analysis form has been drafted. */
  async analysisFormData(user: AuthenticatedUser, caseId: string) {
    const c = await this.store.read(user, caseId, 'analysis-form-document');
    const form = await this.store.dataSource.getRepository(AnalysisForm).findOneBy({ caseId: c.id });
    if (!form) throw new ConflictException('No analysis form has been drafted for this case');
    return {
      case: await this.cases.build(c),
      analysis: analysisForPack(form),
      definition: analysisFormDefinition(form.formVersion) ?? null,
      categories: DEATH_CATEGORIES,
    };
  }

  panelPackData(user: AuthenticatedUser, meetingId: string) {
    return this.panels.packData(user, meetingId);
  }
}
