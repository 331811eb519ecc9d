import { caseAccess, mayAct, OrganisationLink, visibleOrganisations } from './access-rules';

const la1 = 'la-1';
const la2 = 'la-2';
const la3 = 'la-3';
const organisations: OrganisationLink[] = [
  { id: la1, type: 'local-authority', coversLocalAuthorityIds: [], partnerOrganisationIds: [] },
  { id: la2, type: 'local-authority', coversLocalAuthorityIds: [], partnerOrganisationIds: [] },
  { id: 'cdop', type: 'cdop', coversLocalAuthorityIds: [la1, la2], partnerOrganisationIds: [] },
  { id: 'icb', type: 'icb', coversLocalAuthorityIds: [], partnerOrganisationIds: [] },
  { id: 'police', type: 'police', coversLocalAuthorityIds: [], partnerOrganisationIds: [] },
  {
    id: 'scp',
    type: 'safeguarding-partnership',
    coversLocalAuthorityIds: [la1, la3],
    partnerOrganisationIds: [la1, 'icb', 'police'],
  },
];

describe('visible organisations', () => {
  it('gives a CDOP member the local authorities in its footprint', () => {
    expect(visibleOrganisations(['cdop'], organisations).sort()).toEqual(['cdop', la1, la2].sort());
  });

  it('gives a partnership member the local authorities it covers', () => {
    expect(visibleOrganisations(['scp'], organisations).sort()).toEqual(['scp', la1, la3].sort());
  });

  it('gives a named partner (here the ICB) the partnership and its local authorities', () => {
    expect(visibleOrganisations(['icb'], organisations).sort()).toEqual(['icb', 'scp', la1, la3].sort());
  });

  it('gives a local authority that is not a partner only itself', () => {
    expect(visibleOrganisations([la2], organisations)).toEqual([la2]);
  });
});

describe('case access', () => {
  const scope = { caseId: 'c1', owningOrganisationIds: [la1], sharedWithOrganisationIds: ['other-cdop'] };

  it('reaches a case through an owning or shared-with organisation', () => {
    expect(caseAccess({ id: 'u', roles: ['dcs'] }, [la1], scope)).toBe('organisation');
    expect(caseAccess({ id: 'u', roles: ['cdop-admin'] }, ['other-cdop'], scope)).toBe('organisation');
    expect(caseAccess({ id: 'u', roles: ['dcs'] }, [la2], scope)).toBe('none');
  });

  it('lets a reviewer in only when commissioned for this case, whatever their organisation', () => {
    expect(caseAccess({ id: 'r', roles: ['reviewer'] }, [la1], scope)).toBe('none');
    expect(caseAccess({ id: 'r', roles: ['reviewer'] }, [], { ...scope, reviewerUserIds: ['r'] })).toBe(
      'commissioned-reviewer',
    );
  });

  it('lets a commissioned reviewer act only as the reviewer', () => {
    expect(mayAct({ roles: ['reviewer', 'dcs'] }, 'commissioned-reviewer', ['dcs'])).toBe(false);
    expect(mayAct({ roles: ['reviewer', 'dcs'] }, 'commissioned-reviewer', ['reviewer'])).toBe(true);
    expect(mayAct({ roles: ['dcs'] }, 'organisation', ['dcs'])).toBe(true);
    expect(mayAct({ roles: ['read-only'] }, 'organisation', ['dcs'])).toBe(false);
  });
});
