import { Platform1763950000000 } from './1763950000000-platform';
import { Identity1764100000000 } from './1764100000000-identity';
import { Audit1764110000000 } from './1764110000000-audit';
import { SeriousIncidents1764500000000 } from './1764500000000-serious-incidents';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the app, the CLI and the tests
 * (which load TypeScript) all run exactly the same set.
 */
export const MIGRATIONS = [Platform1763950000000, Identity1764100000000, Audit1764110000000, SeriousIncidents1764500000000];
