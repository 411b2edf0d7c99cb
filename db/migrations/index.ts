import m0001 from './0001_init';
import m0002 from './0002_officers';
import m0003 from './0003_kiosk_flow';
import m0004 from './0004_desks';
import m0005 from './0005_report_counts';
import m0006 from './0006_admin';
import m0007 from './0007_sync_outbox';

/**
 * Every migration, in order. Imported statically so they are bundled into the
 * build and never read from a path at run time. Migration N brings the database
 * to user_version N; never edit one that has shipped, add the next.
 */
export const migrations: readonly string[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007];

export const LATEST_SCHEMA_VERSION = migrations.length;
