import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessService, CaseScope } from '../src/identity/access.service';
import type { AuthenticatedUser, Role } from '../src/identity/permissions';
import { createOrganisation, signIn } from './support/auth';
import { createTestApp } from './support/test-app';

describe('identity: case scope (AccessService)', () => {
  let app: NestExpressApplication;
  let access: AccessService;
  const ids: Record<string, string> = {};

  const user = async (roles: Role[], organisations: string[]): Promise<AuthenticatedUser> => {
    const signed = await signIn(app, { roles, organisationIds: organisations.map((o) => ids[o]) });
    return { ...signed.user, via: 'token' };
  };
  const caseOf = (owner: string, extra: Partial<CaseScope> = {}): CaseScope => ({
    caseId: randomUUID(),
    owningOrganisationIds: [ids[owner]],
    ...extra,
  });

  beforeAll(async () => {
    app = await createTestApp();
    access = app.get(AccessService);
    const org = async (key: string, input: Parameters<typeof createOrganisation>[1]) => {
      ids[key] = (await createOrganisation(app, input)).id;
    };
    await org('laNorth', { type: 'local-authority' });
    await org('laSouth', { type: 'local-authority' });
    await org('laFar', { type: 'local-authority' });
    await org('icb', { type: 'icb' });
    await org('police', { type: 'police' });
    await org('cdop', { type: 'cdop', coversLocalAuthorityIds: [ids.laNorth, ids.laSouth] });
    await org('farCdop', { type: 'cdop', coversLocalAuthorityIds: [ids.laFar] });
    await org('scp', {
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: [ids.laNorth],
      partnerOrganisationIds: [ids.laNorth, ids.icb, ids.police],
    });
  });
  afterAll(() => app.close());

  it('lets CDOP members see their footprint’s cases, and answers 404 for any other area', async () => {
    const panel = await user(['cdop-panel-member'], ['cdop']);
    expect((await access.visibleOrganisationIds(panel)).sort()).toEqual(
      [ids.cdop, ids.laNorth, ids.laSouth].sort(),
    );
    await expect(access.assertCanRead(panel, caseOf('laSouth'))).resolves.toBeUndefined();
    await expect(access.assertCanRead(panel, caseOf('cdop'))).resolves.toBeUndefined();
    await expect(access.assertCanRead(panel, caseOf('laFar'))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('lets another CDOP in when a case is shared with it (a non-resident child who died in its area)', async () => {
    const farAdmin = await user(['cdop-admin'], ['farCdop']);
    const shared = caseOf('cdop', { sharedWithOrganisationIds: [ids.farCdop] });
    await expect(access.assertCanRead(farAdmin, shared)).resolves.toBeUndefined();
    await expect(access.assertCanAct(farAdmin, shared, ['cdop-admin'])).resolves.toBeUndefined();
  });

  it('lets the ICB and police partners see the partnership’s local authority cases', async () => {
    const icbPartner = await user(['safeguarding-partner'], ['icb']);
    expect((await access.visibleOrganisationIds(icbPartner)).sort()).toEqual(
      [ids.icb, ids.scp, ids.laNorth].sort(),
    );
    await expect(
      access.assertCanAct(icbPartner, caseOf('laNorth'), ['safeguarding-partner']),
    ).resolves.toBeUndefined();
    await expect(access.assertCanRead(icbPartner, caseOf('laSouth'))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('answers 403 for an action by the wrong role or on another area’s case', async () => {
    const readOnly = await user(['read-only'], ['laNorth']);
    await expect(access.assertCanAct(readOnly, caseOf('laNorth'), ['dcs'])).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    const dcs = await user(['dcs'], ['laSouth']);
    await expect(access.assertCanAct(dcs, caseOf('laNorth'), ['dcs'])).rejects.toBeInstanceOf(
      ForbiddenException,
    );
  });

  it('lets a reviewer see a review only once commissioned for it, whatever their organisation', async () => {
    const reviewer = await user(['reviewer'], ['laNorth']);
    await expect(access.assertCanRead(reviewer, caseOf('laNorth'))).rejects.toBeInstanceOf(NotFoundException);
    const commissioned = caseOf('laFar', { reviewerUserIds: [reviewer.id] });
    await expect(access.assertCanRead(reviewer, commissioned)).resolves.toBeUndefined();
    await expect(access.assertCanAct(reviewer, commissioned, ['reviewer'])).resolves.toBeUndefined();
    await expect(access.assertCanAct(reviewer, commissioned, ['dcs'])).rejects.toBeInstanceOf(
      ForbiddenException,
    );
  });

  it('records every refusal in the audit trail against the case', async () => {
    const outsider = await user(['dcs'], ['laFar']);
    const scope = caseOf('laNorth');
    await expect(access.assertCanRead(outsider, scope)).rejects.toThrow();
    const rows = await app
      .get(DataSource)
      .query(`SELECT action, user_id, details, organisation_ids FROM audit_event WHERE case_id = $1`, [
        scope.caseId,
      ]);
    expect(rows).toEqual([
      {
        action: 'access.denied',
        user_id: outsider.id,
        details: { reason: 'outside-scope', status: 404 },
        organisation_ids: [ids.laNorth],
      },
    ]);
  });
});
