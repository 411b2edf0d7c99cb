import m0001 from './0001_init';
import m0002 from './0002_officers';
import m0003 from './0003_kiosk_flow';
import m0004 from './0004_desks';
import m0005 from './0005_report_counts';
import m0006 from './0006_admin';
import m0007 from './0007_sync_outbox';
import m0008 from './0008_lan';
import m0009 from './0009_visit_purpose';
import m0010 from './0010_report_count_grains';
import m0011 from './0011_sync_by_questionnaire';
import m0012 from './0012_questionnaire_weights';
import m0013 from './0013_office_targets';
import m0014 from './0014_feedback_order';

/**
 * Every migration, in order. Imported statically so they are bundled into the
 * build and never read from a path at run time. Migration N brings the database
 * to user_version N; never edit one that has shipped, add the next.
 */
export const migrations: readonly string[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
