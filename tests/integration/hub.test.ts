import { describe } from 'vitest';
import { adminSuite } from '../support/hubSuites/admin';
import { aggregatesSuite } from '../support/hubSuites/aggregates';
import { protocolSuite } from '../support/hubSuites/protocol';
import { reportSuite } from '../support/hubSuites/report';
import { revisionSuite } from '../support/hubSuites/revisions';
import { postgresTarget, sqliteTarget } from '../support/hubTargets';

/**
 * The reference collector ("hub"), one suite run against both of its stores:
 * SQLite in a temp folder and a real PostgreSQL server started for this file
 * (tests/support/postgres.ts). The PostgreSQL half is skipped, saying why, only
 * when PostgreSQL is not installed.
 */
for (const target of [sqliteTarget(), postgresTarget()]) {
  if (target.skipReason) process.stderr.write(`hub on ${target.name}: skipped — ${target.skipReason}\n`);
  describe.skipIf(target.skipReason !== null)(`hub on ${target.name}`, () => {
    target.setUp();
    protocolSuite(target);
    revisionSuite(target);
    reportSuite(target);
    adminSuite(target);
    aggregatesSuite(target);
  });
}
