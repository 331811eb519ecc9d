import { Platform1763950000000 } from './1763950000000-platform';
import { Identity1764100000000 } from './1764100000000-identity';
import { Audit1764110000000 } from './1764110000000-audit';
import { Calendar1764200000000 } from './1764200000000-calendar';
import { Deadlines1764200100000 } from './1764200100000-deadlines';
import { Reminders1764210000000 } from './1764210000000-reminders';
import { WebSecrets1764300000000 } from './1764300000000-web-secrets';
import { ChildDeaths1764400000000 } from './1764400000000-child-deaths';
import { InvitationsInEmailOutbox1764400010000 } from './1764400010000-invitations-in-email-outbox';
import { SeriousIncidents1764500000000 } from './1764500000000-serious-incidents';
import { SeriousIncidentReviews1764500000001 } from './1764500000001-serious-incident-reviews';
import { Recommendations1764500000002 } from './1764500000002-recommendations';
import { NcmdExport1764600000000 } from './1764600000000-ncmd-export';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the app, the CLI and the tests
 * (which load TypeScript) all run exactly the same set.
 */
export const MIGRATIONS = [
  Platform1763950000000,
  Identity1764100000000,
  Audit1764110000000,
  Calendar1764200000000,
  Deadlines1764200100000,
  Reminders1764210000000,
  WebSecrets1764300000000,
  ChildDeaths1764400000000,
  InvitationsInEmailOutbox1764400010000,
  SeriousIncidents1764500000000,
  SeriousIncidentReviews1764500000001,
  Recommendations1764500000002,
  NcmdExport1764600000000,
];
