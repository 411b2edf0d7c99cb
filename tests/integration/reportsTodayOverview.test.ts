import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskStore } from '../../db/deskStore';
import { createReportStore } from '../../db/reportStore';
import { addDays } from '../../src/domain/localDay';
import { createReportService, type ReportService } from '../../src/services/reports';
import { createRawReportStore } from '../bench/rawReportStore';
import { seedResponses, SEED_LAST_DAY } from '../bench/seed';

/**
 * Today reads the week's kept counts by day once and derives today, yesterday and
 * the 7 days from that one read (src/services/reports.ts). Each figure must stay
 * what a GROUP BY of the raw responses of that very period gives, at the edges of
 * the week too: the benchmark's data (tests/bench/seed.ts, 183 responses a day of
 * every kind) answered by the kept counts and by plain GROUP BYs (the benchmark's
 * baseline), and by the service's own one-period reads.
 */

let dir: string;
let db: Database.Database;
let ours: ReportService;
let plain: ReportService;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-today-'));
  const file = path.join(dir, 'today.sqlite3');
  seedResponses(file, 3_000); // 17 days ending on SEED_LAST_DAY
  db = new Database(file, { readonly: true });
  const clock = { now: () => Date.parse(`${SEED_LAST_DAY}T09:00:00Z`) };
  const desks = createDeskStore(db);
  ours = createReportService({ store: createReportStore(db), desks, clock });
  plain = createReportService({ store: createRawReportStore(db), desks, clock });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The last seeded day, a day whose week starts before the first seeded day, a day after the last one, and none at all. */
const DAYS = [SEED_LAST_DAY, addDays(SEED_LAST_DAY, -14), addDays(SEED_LAST_DAY, 3), '2011-01-01'];

describe('the Today overview', () => {
  it.each(DAYS)('on %s equals the plain GROUP BYs of each period, figure for figure', (day) => {
    const overview = ours.todayOverview({ day });
    expect(overview).toEqual(plain.todayOverview({ day }));
    if (day === SEED_LAST_DAY) expect(overview.last7Days.responses.suspect).toBeGreaterThan(0);
  });

  it.each(DAYS)('on %s: today, yesterday and the 7 days are each read alone, and the edges of the week hold', (day) => {
    const overview = ours.todayOverview({ day });
    const { day: _today, ...today } = ours.dailySummary({ day });
    const { day: _yesterday, ...yesterday } = ours.dailySummary({ day: addDays(day, -1) });
    expect(overview.today).toEqual(today);
    expect(overview.yesterday).toEqual(yesterday);

    const week = ours.periodReport({
      period: { from: addDays(day, -6), to: day },
      filter: { includeSuspect: false, includeAbandoned: false },
    });
    expect(overview.last7Days).toEqual({
      from: week.from,
      to: week.to,
      responses: week.responses,
      byQuestionnaire: week.byQuestionnaire.map(({ trend: _trend, ...section }) => section),
    });
    // The day before the week is left out: the 7 days are its days only.
    const eight = ours.periodReport({
      period: { from: addDays(day, -7), to: day },
      filter: { includeSuspect: false, includeAbandoned: false },
    });
    if (day === SEED_LAST_DAY)
      expect(eight.responses.responses).toBeGreaterThan(overview.last7Days.responses.responses);
  });
});
