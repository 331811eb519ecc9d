import type { EmbeddedCluster } from '../../src/database/embedded-cluster';

declare global {
  var __TEST_DB__:
    { cluster?: EmbeddedCluster; dataDir?: string; external?: string; name?: string } | undefined;
}

export {};
