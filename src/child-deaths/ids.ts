import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';
import { CASE_NOT_FOUND_MESSAGE } from '../identity/access.service';
import { ALL_ROLES, AuthenticatedUser, Role } from '../identity/permissions';

/** A case id that is not even a UUID is answered like any other case the caller cannot see. */
export const CaseIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new NotFoundException(CASE_NOT_FOUND_MESSAGE),
});

export const idPipe = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with this id was found`) });

/**
 * Every practitioner with an account may notify a death, and reads are decided by the case's scope; an
 * independent reviewer works only on the reviews they are commissioned for.
 */
export const PRACTITIONERS: Role[] = ALL_ROLES.filter((role) => role !== 'reviewer');

/** Whoever may be in a CDOP's team; the case's scope then decides which cases they see. */
export const CASE_READERS: Role[] = ['cdop-admin', 'designated-doctor', 'cdop-panel-member', 'read-only'];

/** Agency staff complete the forms asked of their agency, whatever their role; the portal's own administrators are not an agency. */
export const AGENCY_STAFF: Role[] = PRACTITIONERS.filter((role) => role !== 'system-admin');

/** Practitioners who notify deaths but do not work in a CDOP's team. */
export const NOTIFIERS_OUTSIDE_CDOPS: Role[] = PRACTITIONERS.filter((role) => !CASE_READERS.includes(role));

export function isCaseReader(user: Pick<AuthenticatedUser, 'roles'>): boolean {
  return user.roles.some((role) => CASE_READERS.includes(role));
}
