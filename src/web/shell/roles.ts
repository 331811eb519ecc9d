import type { Role } from '../../identity/permissions';

/** How each role is named on the pages (headings of the "My work" sections, admin forms). */
export const ROLE_LABELS: Record<Role, string> = {
  'system-admin': 'System administrator',
  'cdop-admin': 'CDOP administrator',
  'designated-doctor': 'Designated doctor for child deaths',
  'cdop-panel-member': 'CDOP panel member',
  'la-notifier': 'Local authority notifier',
  dcs: 'Director of children’s services',
  'safeguarding-partner': 'Safeguarding partner',
  'partnership-manager': 'Safeguarding partnership manager',
  reviewer: 'Independent reviewer',
  'read-only': 'Read-only user',
};
