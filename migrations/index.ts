import { Platform1763950000000 } from './1763950000000-platform';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the app, the CLI and the tests
 * (which load TypeScript) all run exactly the same set.
 */
export const MIGRATIONS = [Platform1763950000000];
