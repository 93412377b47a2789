import { endToEnd } from './end-to-end-suite.js';

// The same suite on a local six-node Redis Cluster (issue #12): REDIS_CLUSTER=true everywhere.
endToEnd('cluster');
