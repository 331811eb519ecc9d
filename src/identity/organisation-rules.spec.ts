import { organisationProblems } from './organisation-rules';

const types = new Map([
  ['la', 'local-authority'],
  ['la2', 'local-authority'],
  ['icb', 'icb'],
  ['police', 'police'],
  ['trust', 'agency'],
]);

describe('organisation rules', () => {
  it('requires a CDOP to cover at least one known local authority', () => {
    expect(organisationProblems({ type: 'cdop' }, types)).toEqual([
      'coversLocalAuthorityIds must name at least one local authority for a CDOP or partnership',
    ]);
    expect(organisationProblems({ type: 'cdop', coversLocalAuthorityIds: ['trust'] }, types)).toEqual([
      'coversLocalAuthorityIds: trust is not a known local authority',
    ]);
    expect(organisationProblems({ type: 'cdop', coversLocalAuthorityIds: ['la', 'la2'] }, types)).toEqual([]);
  });

  it('accepts a partnership naming a local authority it covers, an ICB and a police force', () => {
    const partnership = {
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: ['la'],
      partnerOrganisationIds: ['la', 'icb', 'police'],
    };
    expect(organisationProblems(partnership, types)).toEqual([]);
  });

  it('refuses a partnership without exactly the three statutory partners', () => {
    const problems = organisationProblems(
      {
        type: 'safeguarding-partnership',
        coversLocalAuthorityIds: ['la'],
        partnerOrganisationIds: ['la', 'icb', 'trust'],
      },
      types,
    );
    expect(problems).toEqual([
      'partnerOrganisationIds must name exactly three partners: one local authority, one ICB and one police force',
    ]);
  });

  it('refuses a partner local authority outside the partnership’s area', () => {
    const problems = organisationProblems(
      {
        type: 'safeguarding-partnership',
        coversLocalAuthorityIds: ['la2'],
        partnerOrganisationIds: ['la', 'icb', 'police'],
      },
      types,
    );
    expect(problems).toEqual([
      'partnerOrganisationIds: the partner local authority must be one the partnership covers',
    ]);
  });

  it('refuses coverage or partners on other types', () => {
    expect(
      organisationProblems(
        { type: 'agency', coversLocalAuthorityIds: ['la'], partnerOrganisationIds: ['icb'] },
        types,
      ),
    ).toEqual([
      'coversLocalAuthorityIds: only a CDOP or a safeguarding partnership covers local authorities',
      'partnerOrganisationIds: only a safeguarding partnership names partners',
    ]);
  });
});
