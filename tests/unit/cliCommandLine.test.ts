import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/runCli';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

// No data folder is touched by any of these: help and usage errors come before the app is composed.
const nowhere = '/nonexistent/sipas-cli-test';

describe('npm run cli -- --help', () => {
  it.each([['--help'], ['-h'], ['help']])('%s lists every command and exits 0', async (flag) => {
    expect(await runCli([flag])).toBe(0);
    expect(out).toMatch(/^usage: npm run cli -- <command> \[options\]/);
    for (const command of ['export', 'backup', 'restore', 'sync [status]']) expect(out).toContain(`  ${command} `);
    expect(err).toBe('');
  });

  it('without a command prints the usage on stderr and exits 2', async () => {
    expect(await runCli([])).toBe(2);
    expect(err).toContain('no command given\nusage: npm run cli -- <command>');
    expect(out).toBe('');
  });

  it('names an unknown command and exits 2', async () => {
    expect(await runCli(['vacuum', '--data', nowhere])).toBe(2);
    expect(err).toContain('unknown command vacuum\nusage: npm run cli -- <command>');
  });
});

describe.each([
  ['export', ['--from YYYY-MM-DD', '--since-last', '--format', '--out FILE', '--personal-data']],
  ['backup', []],
  ['restore', ['--file NAME_OR_PATH']],
  ['sync', ['[status]']],
])('npm run cli -- %s', (command, options) => {
  it.each([['--help'], ['-h']])('%s prints its usage with every option and exits 0', async (flag) => {
    // --help wins over everything else on the line, even a folder that does not exist.
    expect(await runCli([command, '--data', nowhere, flag])).toBe(0);
    expect(out).toMatch(new RegExp(`^usage: npm run cli -- ${command} `));
    for (const option of [...options, '--data DIR', '-h, --help']) expect(out).toContain(option);
    expect(err).toBe('');
  });

  it('names an unknown option, shows the usage and exits 2', async () => {
    expect(await runCli([command, '--dta', nowhere])).toBe(2);
    expect(err).toContain(`${command}: unknown option --dta\nusage: npm run cli -- ${command} `);
    expect(out).toBe('');
  });

  it('says which option lacks its value and exits 2', async () => {
    expect(await runCli([command, '--data'])).toBe(2);
    expect(err).toContain(`${command}: Option '--data <value>' argument missing\nusage: npm run cli -- ${command} `);
  });
});

describe('usage errors particular to a command', () => {
  it.each([
    [
      ['export', '--since-last', '--from', '2026-01-01', '--format', 'csv'],
      'export: --since-last goes without --from and --to',
    ],
    [['restore', '--data', nowhere], 'restore: --file NAME_OR_PATH is required'],
    [['sync', 'push', '--data', nowhere], 'sync: unknown sync command push'],
    [['backup', 'now', '--data', nowhere], 'backup: unexpected argument now'],
  ])('%j exits 2: %s', async (argv, message) => {
    expect(await runCli(argv)).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('\nusage: npm run cli -- ');
  });

  it('a missing data folder is a failure (1), not a usage error', async () => {
    expect(await runCli(['backup', '--data', nowhere])).toBe(1);
    expect(err).toBe(`backup: no SIPAS database in ${nowhere}\n`);
  });
});
