import type { ChildDeathCase } from './entities/child-death-case.entity';
import { CASE_STATE_LABELS } from './rules/case-lifecycle';

/** What a change to a case answers with: enough to carry on (the new version) without reading it again. */
export function caseRecord(c: ChildDeathCase) {
  return {
    id: c.id,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
    reference: c.reference,
    status: c.state,
    statusLabel: CASE_STATE_LABELS[c.state],
    paused: c.pausedSince ? { reason: c.pausedReason, text: c.pausedText, since: c.pausedSince } : null,
    owningCdopId: c.owningCdopId,
    sharedWithCdopIds: c.sharedWithCdopIds,
    mergedIntoCaseId: c.mergedIntoCaseId,
  };
}
