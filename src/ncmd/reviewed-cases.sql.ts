/**
 * The one query behind every NCMD export: one page of reviewed child death cases of one CDOP, in
 * (cdop_reviewed_on, id) order after a keyset position, with what the export needs from the notifications,
 * the analysis form and the reporting forms. A case the same CDOP already exported in the same mode at
 * its current revision is flagged rather than filtered, so that a page's last row is always the keyset
 * position of the next page. Paging by keyset keeps each round trip small and the memory
 * flat however many cases there are; the partial index ncmd_reviewed_case serves the order.
 *
 * A case's revision is the sum of the versions of the records its export is built from, plus its
 * notification count: it goes up whenever any of them changes or a notification arrives, and never down.
 *
 * $1 CDOP id, $2 reviewed from, $3 reviewed to (either may be null), $4 the mode whose earlier exports to
 * compare with (null: none; "alreadyExported" is then false; only completed exports count, so an export
 * cut off half way leaves its cases to the next one), $5/$6 the keyset position, $7 the page size.
 */
export const REVIEWED_CASES_PAGE_SQL = `
SELECT page.*,
       $4::text IS NOT NULL AND EXISTS (
         SELECT 1 FROM ncmd_export_case ec JOIN ncmd_export e ON e.id = ec.export_id
          WHERE ec.case_id = page."caseId" AND e.cdop_id = $1 AND e.mode = $4::text
            AND e.completed_at IS NOT NULL
            AND ec.revision >= page.revision) AS "alreadyExported"
FROM (
  SELECT
    c.id AS "caseId",
    coalesce(cdop.code, cdop.name) AS "cdopCode",
    c.version + af.version + coalesce(rr.versions, 0) + coalesce(n.count, 0) AS revision,
    greatest(c.updated_at, af.updated_at, rr.last_updated_at, n.last_updated_at) AS "lastChangedAt",
    c.given_name AS "givenName",
    c.family_name AS "familyName",
    to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
    c.nhs_number AS "nhsNumber",
    coalesce(la.code, la.name) AS "residentLocalAuthority",
    to_char(c.date_of_death, 'YYYY-MM-DD') AS "dateOfDeath",
    c.expected,
    c.looked_after AS "lookedAfter",
    c.first_notified_at AS "notifiedAt",
    coalesce(c.jar_decision -> 'required', c.jar_evaluation -> 'required') AS "jarRequired",
    c.jar_evaluation -> 'criteria' AS "jarCriteria",
    c.investigations,
    to_char(c.cdrm_held_on, 'YYYY-MM-DD') AS "cdrmHeldOn",
    to_char(c.cdop_reviewed_on, 'YYYY-MM-DD') AS "cdopReviewedOn",
    n.notifications,
    coalesce(rr.asked, 0)::int AS "agenciesAsked",
    coalesce(rr.returned, 0)::int AS "agenciesReturned",
    rr.poverty AS "livedInPovertyOrDeprivation",
    coalesce(rr.barriers, '{}') AS "barriersToAccessingServices",
    rr.bereavement AS "bereavementSupportOffered",
    coalesce(rr.supplementary, '{}') AS "supplementaryForms",
    af.form_version AS "formVersion",
    af.answers AS "analysisAnswers"
  FROM cdr_case c
  JOIN cdr_analysis_form af ON af.case_id = c.id AND af.status = 'final'
  JOIN organisation cdop ON cdop.id = c.owning_cdop_id
  LEFT JOIN organisation la ON la.id = c.resident_local_authority_id
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS count,
           max(updated_at) AS last_updated_at,
           jsonb_agg(jsonb_build_object('id', id, 'notifiedAt', notified_at,
                     'answers', answers - 'professionals' - 'notifier') ORDER BY notified_at) AS notifications
      FROM cdr_notification WHERE case_id = c.id
  ) n ON true
  LEFT JOIN LATERAL (
    SELECT sum(version)::int AS versions,
           max(updated_at) AS last_updated_at,
           count(*) FILTER (WHERE kind = 'reporting') AS asked,
           count(*) FILTER (WHERE kind = 'reporting' AND returned_at IS NOT NULL) AS returned,
           bool_or((answers ->> 'livedInPovertyOrDeprivation')::boolean)
             FILTER (WHERE returned_at IS NOT NULL) AS poverty,
           bool_or((answers ->> 'bereavementSupportOffered')::boolean)
             FILTER (WHERE returned_at IS NOT NULL) AS bereavement,
           (SELECT array_agg(DISTINCT barrier ORDER BY barrier)
              FROM cdr_reporting_request r2,
                   jsonb_array_elements_text(
                     CASE jsonb_typeof(r2.answers -> 'barriersToAccessingServices')
                       WHEN 'array' THEN r2.answers -> 'barriersToAccessingServices' ELSE '[]' END) AS barrier
             WHERE r2.case_id = c.id AND r2.returned_at IS NOT NULL) AS barriers,
           array_agg(DISTINCT supplementary_type ORDER BY supplementary_type)
             FILTER (WHERE kind = 'supplementary' AND returned_at IS NOT NULL) AS supplementary
      FROM cdr_reporting_request WHERE case_id = c.id
  ) rr ON true
  WHERE c.owning_cdop_id = $1
    AND c.cdop_reviewed_on IS NOT NULL
    AND c.merged_into_case_id IS NULL
    AND ($2::date IS NULL OR c.cdop_reviewed_on >= $2::date)
    AND ($3::date IS NULL OR c.cdop_reviewed_on <= $3::date)
    AND (c.cdop_reviewed_on, c.id) > ($5::date, $6::uuid)
  ORDER BY c.cdop_reviewed_on, c.id
  LIMIT $7
) page
ORDER BY page."cdopReviewedOn", page."caseId"`;

/** The keyset position before the first case. */
export const FIRST_PAGE_AFTER = ['-infinity', '00000000-0000-0000-0000-000000000000'] as const;
