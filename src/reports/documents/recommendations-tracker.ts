import type { IsoDate } from '../../calendar/iso-date';
import type { RecommendationsService } from '../../recommendations/recommendations.service';
import type { PdfRequest } from '../pdf.service';
import { pdfFilename } from '../pdf-filename';
import type { ReportOrganisation } from './annual-reports';
import { dateText, rows, textOrNotRecorded } from './format';

/** The recommendations from reviews and the actions that answer them, with where each stands (WT 403, 410). */

export type TrackedRecommendation = Awaited<ReturnType<RecommendationsService['list']>>[number];
type TrackedAction = TrackedRecommendation['actions'][number];

const SOURCE_LABELS: Record<string, string> = {
  lcspr: 'LCSPR',
  'rapid-review': 'Rapid review',
  cdop: 'CDOP review',
  'national-review': 'National review',
};

const RAG_LABELS: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

const STATUS_LABELS: Record<string, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', open: 'Open' };

function statusText(action: TrackedAction): string {
  if (action.completedOn) return `Completed ${dateText(action.completedOn)}`;
  return `${STATUS_LABELS[action.status] ?? action.status} (${RAG_LABELS[action.rag] ?? action.rag})`;
}

function latestUpdate(action: TrackedAction): string {
  const latest = action.progressUpdates[action.progressUpdates.length - 1];
  return latest ? `${dateText(latest.on)}: ${latest.note}` : 'None yet';
}

export function recommendationsTracker(
  recommendations: readonly TrackedRecommendation[],
  organisation: ReportOrganisation,
  asOf: IsoDate,
): PdfRequest {
  const actions = recommendations.flatMap((r) => r.actions);
  const completed = actions.filter((a) => a.status === 'completed').length;
  const overdue = actions.filter((a) => a.status === 'overdue').length;
  return {
    template: 'recommendations-tracker',
    documentType: 'recommendations-tracker',
    title: 'Recommendations and actions tracker',
    reference: `Tracker ${asOf}`,
    filename: pdfFilename('recommendations-tracker', asOf),
    organisationIds: [organisation.id],
    auditDetails: { recommendations: recommendations.length },
    data: {
      summaryRows: rows([
        ['Organisation', organisation.name],
        ['Position on', dateText(asOf)],
        ['Recommendations', String(recommendations.length)],
        ['Actions', String(actions.length)],
        ['Actions completed', String(completed)],
        ['Actions overdue', String(overdue)],
        ['Actions open and not yet due', String(actions.length - completed - overdue)],
      ]),
      recommendations: [...recommendations].sort(oldestFirst).map((r) => ({
        reference: r.reference,
        source: `${SOURCE_LABELS[r.sourceType] ?? r.sourceType} ${r.sourceReference}`,
        madeOn: dateText(r.madeOn),
        text: r.text,
        themes: r.themes.join(', ') || 'None recorded',
        actions: r.actions.map((a) => ({
          description: a.description,
          owner: a.ownerAgency,
          due: dateText(a.dueDate),
          status: statusText(a),
          update: latestUpdate(a),
          evidence: textOrNotRecorded(a.evidenceOfImpact),
        })),
      })),
    },
  };
}

function oldestFirst(a: TrackedRecommendation, b: TrackedRecommendation): number {
  return a.madeOn.localeCompare(b.madeOn) || a.reference.localeCompare(b.reference);
}
