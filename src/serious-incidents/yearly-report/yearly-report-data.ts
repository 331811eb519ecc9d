import { EntityManager } from 'typeorm';
import { financialYear } from './financial-year';

type Count = { n: string };
const count = (rows: Count[]) => Number(rows[0]?.n ?? 0);

/**
 * The figures for a partnership's yearly report (WT 112–113, 411): notifications, rapid reviews,
 * LCSPRs and national reviews in the financial year, how timely they were, and how the recommendations
 * and their actions are progressing. `areas` are the local authorities the partnership covers.
 */
export async function yearlyReportData(
  m: EntityManager,
  partnershipId: string,
  areas: string[],
  year: number,
  today: string,
) {
  const { from, to, label } = financialYear(year);
  const inArea = `(si.local_authority_id = ANY($1::uuid[]) OR si.lead_local_authority_id = ANY($1::uuid[]))`;
  const window = [areas, from, to];

  const notificationRows: { type: string; n: string; looked_after: string }[] = await m.query(
    `SELECT si.type, COUNT(*)::text AS n,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM si_child c WHERE c.incident_id = si.id
                                             AND c.legal_status IN ('looked-after', 'care-leaver')))::text AS looked_after
       FROM serious_incident si
      WHERE ${inArea} AND si.status = 'submitted' AND si.submitted_on BETWEEN $2 AND $3
      GROUP BY si.type`,
    window,
  );
  const byType = Object.fromEntries(['death', 'serious-harm', 'other'].map((t) => [t, 0])) as Record<
    string,
    number
  >;
  for (const row of notificationRows) byType[row.type] = Number(row.n);

  const clockCounts = async (rule: string, basisFrom: string, basisTo: string) => {
    const rows: { status: string; n: string }[] = await m.query(
      `SELECT c.status, COUNT(*)::text AS n FROM clock c JOIN serious_incident si ON si.id = c.case_id
        WHERE ${inArea} AND c.rule_id = $4 AND c.basis_date BETWEEN $2 AND $3 GROUP BY c.status`,
      [areas, basisFrom, basisTo, rule],
    );
    const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { onTime: of('met'), late: of('met-late'), open: of('running') + of('paused') };
  };

  const rapidReviews = count(
    await m.query(
      `SELECT COUNT(*)::text AS n FROM si_rapid_review rr JOIN serious_incident si ON si.id = rr.incident_id
        WHERE ${inArea} AND rr.submitted_on BETWEEN $2 AND $3`,
      window,
    ),
  );
  const lcspr = await m.query(
    `SELECT
       COUNT(*) FILTER (WHERE l.decision = 'lcspr' AND l.decided_on BETWEEN $2 AND $3)::text AS decided,
       COUNT(*) FILTER (WHERE l.decision = 'no-lcspr' AND l.decided_on BETWEEN $2 AND $3)::text AS not_needed,
       COUNT(*) FILTER (WHERE l.published_on BETWEEN $2 AND $3)::text AS published,
       COUNT(*) FILTER (WHERE l.published_on BETWEEN $2 AND $3
                          AND l.published_on <= (l.decided_on + INTERVAL '6 months')::date)::text AS published_within_six_months,
       COUNT(*) FILTER (WHERE l.decision = 'lcspr' AND l.published_on IS NULL)::text AS in_progress,
       COUNT(*) FILTER (WHERE l.delay_reason_sent_on BETWEEN $2 AND $3)::text AS delays_explained
     FROM si_lcspr l JOIN serious_incident si ON si.id = l.incident_id WHERE ${inArea}`,
    window,
  );
  const localLearningReviews = count(
    await m.query(
      `SELECT COUNT(*)::text AS n FROM serious_incident si
        WHERE ${inArea} AND (si.local_learning_review->>'decidedOn')::date BETWEEN $2 AND $3`,
      window,
    ),
  );
  const nationalReviews = count(
    await m.query(
      `SELECT COUNT(*)::text AS n FROM si_national_review r
        WHERE r.organisation_ids && $1::uuid[] AND r.decided_on BETWEEN $2 AND $3`,
      window,
    ),
  );

  const recommendationArea = [partnershipId, ...areas];
  const actions: {
    themes: string[];
    due_date: string;
    completed_on: string | null;
    rag: string;
    made_on: string;
  }[] = await m.query(
    `SELECT r.themes, r.made_on::text AS made_on, a.due_date::text AS due_date, a.completed_on::text AS completed_on, a.rag
         FROM recommendation r JOIN recommendation_action a ON a.recommendation_id = r.id
        WHERE r.organisation_ids && $1::uuid[] AND r.made_on <= $2`,
    [recommendationArea, to],
  );
  const asAt = today < to ? today : to;
  const done = actions.filter((a) => a.completed_on && a.completed_on <= to);
  const themes = new Map<string, { actions: number; completed: number }>();
  for (const a of actions) {
    for (const theme of a.themes.length ? a.themes : ['(no theme)']) {
      const t = themes.get(theme) ?? { actions: 0, completed: 0 };
      t.actions += 1;
      if (a.completed_on && a.completed_on <= to) t.completed += 1;
      themes.set(theme, t);
    }
  }
  const recommendationsMade = count(
    await m.query(
      `SELECT COUNT(*)::text AS n FROM recommendation r WHERE r.organisation_ids && $1::uuid[] AND r.made_on BETWEEN $2 AND $3`,
      [recommendationArea, from, to],
    ),
  );

  return {
    partnershipId,
    financialYear: year,
    label,
    from,
    to,
    notifications: {
      total: Object.values(byType).reduce((a, b) => a + b, 0),
      byType,
      involvingLookedAfterChildrenOrCareLeavers: notificationRows.reduce(
        (a, r) => a + Number(r.looked_after),
        0,
      ),
      timeliness: await clockCounts('SI-NOTIFY', from, to),
    },
    // Rapid review clocks start at submission of the notification, so they are counted by that date.
    rapidReviews: { submitted: rapidReviews, timeliness: await clockCounts('SI-RAPID-REVIEW', from, to) },
    lcsprs: {
      decided: Number(lcspr[0].decided),
      decidedNotToHold: Number(lcspr[0].not_needed),
      published: Number(lcspr[0].published),
      publishedWithinSixMonths: Number(lcspr[0].published_within_six_months),
      inProgress: Number(lcspr[0].in_progress),
      delaysExplained: Number(lcspr[0].delays_explained),
    },
    localLearningReviews,
    nationalReviews,
    recommendations: {
      made: recommendationsMade,
      actions: {
        total: actions.length,
        completed: done.length,
        completedOnTime: done.filter((a) => a.completed_on! <= a.due_date).length,
        overdue: actions.filter((a) => !(a.completed_on && a.completed_on <= to) && a.due_date < asAt).length,
        byRag: Object.fromEntries(
          ['red', 'amber', 'green'].map((rag) => [
            rag,
            actions.filter((a) => a.rag === rag && !(a.completed_on && a.completed_on <= to)).length,
          ]),
        ),
      },
      byTheme: [...themes.entries()]
        .map(([theme, t]) => ({ theme, ...t }))
        .sort((a, b) => b.actions - a.actions),
    },
  };
}
