#!/usr/bin/env node
/**
 * The set-up behind the README's two commands and `.ci/run`:
 * `node scripts/setup.mjs --for start|test`.
 *
 * 1. On Linux with apt-get, installs the system packages that are missing
 *    (as root, or through `sudo -n`); otherwise says exactly what to install.
 * 2. Runs `npm ci` when node_modules is missing or stale, with the environment
 *    this machine needs (Node's headers for better-sqlite3's source build; the
 *    Electron download skipped where it cannot be fetched).
 * 3. Prints a short summary.
 *
 * Plain Node with no dependencies: it runs before node_modules exists, on
 * Windows too. It never downloads a browser and never probes an internet host.
 * The decisions are pure functions, exported for tests/unit/setup.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file inside node_modules that remembers which lock (and which Node ABI) it was installed from. */
export const STAMP_NAME = '.sipas-setup.json';

/**
 * What the two commands need from the system, and how to tell it is there.
 * `buildOnly`: needed only while `npm ci` runs (better-sqlite3 is compiled when
 * its prebuilt binary cannot be fetched), so an installed tree never asks for it.
 * `blocking`: `npm test` cannot pass without it.
 */
export const SYSTEM_NEEDS = [
  {
    apt: 'build-essential',
    fact: 'cxx',
    purposes: ['start', 'test'],
    buildOnly: true,
    blocking: false,
    why: 'a C++ compiler for better-sqlite3',
  },
  {
    apt: 'python3',
    fact: 'python3',
    purposes: ['start', 'test'],
    buildOnly: true,
    blocking: false,
    why: 'node-gyp, for the same build',
  },
  {
    apt: 'chromium',
    fact: 'chromium',
    purposes: ['test'],
    buildOnly: false,
    blocking: true,
    why: 'the end-to-end tests drive it with playwright-core',
  },
  {
    apt: 'postgresql',
    fact: 'initdb',
    purposes: ['test'],
    buildOnly: false,
    blocking: false,
    why: "the hub's PostgreSQL tests (skipped without it)",
  },
];

/**
 * The system packages missing for `purpose`, given what the probe found.
 * @param {'start' | 'test'} purpose
 * @param {Record<string, boolean>} facts e.g. { cxx: true, python3: true, chromium: false, initdb: true }
 * @param {{ installingModules: boolean }} when
 */
export function missingSystemPackages(purpose, facts, { installingModules }) {
  return SYSTEM_NEEDS.filter(
    (need) => need.purposes.includes(purpose) && (installingModules || !need.buildOnly) && !facts[need.fact],
  );
}

/**
 * How apt-get can be run here: directly as root, through passwordless sudo, or not at all.
 * @param {{ hasApt: boolean, isRoot: boolean, sudoWorks: () => boolean }} machine
 * @returns {'root' | 'sudo' | 'none'}
 */
export function aptAccess({ hasApt, isRoot, sudoWorks }) {
  if (!hasApt) return 'none';
  if (isRoot) return 'root';
  return sudoWorks() ? 'sudo' : 'none';
}

/**
 * Whether `npm ci` must run.
 * @param {{
 *   hasNodeModules: boolean,
 *   stamp: { lock?: string, abi?: string } | null,
 *   lockHash: string,
 *   abi: string,
 *   lockMtimeMs: number,
 *   hiddenLockMtimeMs: number | null,
 * }} state hiddenLockMtimeMs: node_modules/.package-lock.json, which npm writes after every install
 * @returns {{ install: boolean, restamp: boolean, reason: string }}
 */
export function installDecision({ hasNodeModules, stamp, lockHash, abi, lockMtimeMs, hiddenLockMtimeMs }) {
  if (!hasNodeModules) return { install: true, restamp: false, reason: 'node_modules is missing' };
  // better-sqlite3 is compiled for one Node ABI: a Node upgrade needs a fresh install.
  if (stamp?.abi && stamp.abi !== abi)
    return { install: true, restamp: false, reason: `Node changed (ABI ${stamp.abi} → ${abi})` };
  if (stamp?.lock === lockHash) return { install: false, restamp: false, reason: 'node_modules up to date' };
  // No stamp, or a lock that changed since: npm itself may have installed after the change
  // (`npm install X` rewrites both files in one step, the lock a few ms first).
  if (hiddenLockMtimeMs !== null && hiddenLockMtimeMs >= lockMtimeMs - 1000) {
    return {
      install: false,
      restamp: true,
      reason: 'node_modules up to date (npm installed it after package-lock.json changed)',
    };
  }
  return { install: true, restamp: false, reason: 'package-lock.json changed since the last install' };
}

/** An environment flag: set, and not "0" or "false". @param {string | undefined} value */
const isSet = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

/**
 * The environment `npm ci` runs with, and whether it skips Electron's binary from the start.
 * Nothing here asks the network: the skip is decided from the environment, and otherwise
 * a failed Electron postinstall is retried with the skip (see electronPostinstallFailed).
 * @param {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   nodeMajor: number,
 *   systemHeadersMajor: number | null,
 * }} machine systemHeadersMajor: NODE_MAJOR_VERSION of /usr/include/node, null if absent
 * @returns {{ env: Record<string, string>, skipElectron: boolean, notes: string[] }}
 */
export function installEnvironment({ platform, env, nodeMajor, systemHeadersMajor }) {
  /** @type {Record<string, string>} */
  const extra = {};
  const notes = [];
  // Debian's nodejs ships its headers: node-gyp then needs no download from nodejs.org.
  // Only when they belong to the Node that runs (not with nvm's Node beside Debian's headers).
  if (platform === 'linux' && !env.npm_config_nodedir && systemHeadersMajor === nodeMajor) {
    extra.npm_config_nodedir = '/usr';
    notes.push('npm_config_nodedir=/usr (Node headers from the system)');
  }
  let skipElectron = false;
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    skipElectron = true;
    notes.push("Electron's binary skipped (ELECTRON_SKIP_BINARY_DOWNLOAD)");
  } else if (isSet(env.SIPAS_SKIP_ELECTRON)) {
    skipElectron = true;
    notes.push("Electron's binary skipped (SIPAS_SKIP_ELECTRON)");
  } else if (env.CI === 'true' || env.CI === '1') {
    skipElectron = true;
    notes.push("Electron's binary skipped (CI)");
  }
  if (skipElectron) extra.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  return { env: extra, skipElectron, notes };
}

/**
 * Whether a failed `npm ci` failed in Electron's postinstall (its binary download).
 * npm names the package whose script failed: `npm error path …/node_modules/electron`.
 * Electron 45 has no postinstall (it fetches its binary on the first `require('electron')`,
 * which scripts/start.ts survives); releases that download at install time need this retry.
 * @param {string} output npm's stdout and stderr
 */
export function electronPostinstallFailed(output) {
  return /^npm (?:error|ERR!) path \S*node_modules[\\/]electron\s*$/m.test(output);
}

/** The major version in a node_version.h, or null. */
export function headersMajor(nodeVersionH) {
  const match = /#define NODE_MAJOR_VERSION (\d+)/.exec(nodeVersionH);
  return match ? Number(match[1]) : null;
}

// ---------------------------------------------------------------------------
// Effects: everything below touches the machine.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const LOCK = path.join(ROOT, 'package-lock.json');

function say(line) {
  process.stdout.write(`[setup] ${line}\n`);
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function mtimeOrNull(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Debian keeps initdb under /usr/lib/postgresql/<version>/bin, off the PATH (see tests/support/postgres.ts). */
function hasInitdb() {
  const fromEnv = process.env.SIPAS_PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return true;
  let versions;
  try {
    versions = fs.readdirSync('/usr/lib/postgresql');
  } catch {
    return false;
  }
  return versions.some((version) => fs.existsSync(path.join('/usr/lib/postgresql', version, 'bin', 'initdb')));
}

/** The e2e tests launch CHROMIUM_PATH or /usr/bin/chromium (tests/e2e/support/browser.ts). */
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function probeFacts() {
  return {
    cxx: onPath('g++'),
    python3: onPath('python3'),
    chromium: fs.existsSync(chromiumPath()),
    initdb: hasInitdb(),
  };
}

function parseArgs(argv) {
  const at = argv.indexOf('--for');
  const purpose = at === -1 ? 'start' : argv[at + 1];
  if (purpose !== 'start' && purpose !== 'test') {
    process.stderr.write('usage: node scripts/setup.mjs --for start|test\n');
    process.exit(2);
  }
  return purpose;
}

/**
 * Installs the missing apt packages if it may; returns the ones still missing.
 * @param {typeof SYSTEM_NEEDS} missing
 */
function installSystemPackages(missing) {
  const names = missing.map((need) => need.apt);
  const access = aptAccess({
    hasApt: onPath('apt-get'),
    isRoot: process.getuid?.() === 0,
    sudoWorks: () => onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  });
  if (access === 'none') return missing;
  const prefix = access === 'sudo' ? ['sudo', '-n'] : [];
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    return spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  };
  say(`installing system packages: ${names.join(' ')} (apt-get${access === 'sudo' ? ' via sudo' : ''})`);
  if (!run(['apt-get', 'update', '-qq']) || !run(['apt-get', 'install', '-y', '-qq', ...names])) {
    say('apt-get failed (see above)');
    return missing;
  }
  const facts = probeFacts();
  return missing.filter((need) => !facts[need.fact]);
}

function reportMissing(missing, purpose) {
  for (const need of missing) say(`missing: ${need.apt} — ${need.why}`);
  if (process.platform === 'linux' && onPath('apt-get')) {
    say(`install with: sudo apt-get install -y ${missing.map((need) => need.apt).join(' ')}`);
  } else if (process.platform === 'linux') {
    say(
      "install your distribution's packages for these (a C++ compiler and make, Python 3, Chromium, PostgreSQL's server)",
    );
  }
  if (missing.some((need) => need.fact === 'chromium')) {
    say(`Chromium was looked for at ${chromiumPath()}; set CHROMIUM_PATH to use Chrome or Chromium elsewhere`);
  }
  const blocking = missing.filter((need) => need.blocking && need.purposes.includes(purpose));
  if (blocking.length > 0) {
    say(`cannot run \`npm ${purpose}\` without ${blocking.map((need) => need.apt).join(', ')}.`);
    say(`Không thể chạy \`npm ${purpose}\` khi thiếu ${blocking.map((need) => need.apt).join(', ')}.`);
    process.exit(1);
  }
}

/** `npm` as a child: the npm that runs us when there is one (no PATH or .cmd questions on Windows). */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return { command: process.execPath, args: [npmCli, ...args], shell: false };
  return process.platform === 'win32'
    ? { command: 'npm.cmd', args, shell: true }
    : { command: 'npm', args, shell: false };
}

/** Runs `npm ci`, showing its output and keeping it to read why it failed. */
function npmCi(extraEnv) {
  const { command, args, shell } = npmCommand(['ci', '--no-audit', '--no-fund']);
  const child = spawn(command, args, {
    cwd: ROOT,
    shell,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...extraEnv },
  });
  let output = '';
  const keep = (chunk, to) => {
    to.write(chunk);
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function writeStamp(lockHash, extra = {}) {
  const stamp = { lock: lockHash, abi: process.versions.modules, node: process.version, ...extra };
  fs.writeFileSync(path.join(NODE_MODULES, STAMP_NAME), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Electron's package writes path.txt once its binary is in place. */
const electronBinaryInstalled = () => fs.existsSync(path.join(NODE_MODULES, 'electron', 'path.txt'));

async function main() {
  const purpose = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const summary = [];

  const lockHash = createHash('sha256').update(fs.readFileSync(LOCK)).digest('hex');
  let stamp = null;
  try {
    stamp = JSON.parse(readOr(path.join(NODE_MODULES, STAMP_NAME), 'null'));
  } catch {
    // A damaged stamp counts as none.
  }
  const decision = installDecision({
    hasNodeModules: fs.existsSync(NODE_MODULES),
    stamp,
    lockHash,
    abi: process.versions.modules,
    lockMtimeMs: mtimeOrNull(LOCK) ?? 0,
    hiddenLockMtimeMs: mtimeOrNull(path.join(NODE_MODULES, '.package-lock.json')),
  });

  // System packages: only Linux has a list to install; elsewhere only the browser is checked.
  const facts =
    process.platform === 'linux'
      ? probeFacts()
      : { cxx: true, python3: true, chromium: fs.existsSync(chromiumPath()), initdb: true };
  const missing = missingSystemPackages(purpose, facts, { installingModules: decision.install });
  if (missing.length === 0) {
    summary.push('system packages present');
  } else {
    const still = process.platform === 'linux' ? installSystemPackages(missing) : missing;
    const installed = missing.filter((need) => !still.includes(need));
    if (still.length > 0) reportMissing(still, purpose);
    const names = (needs) => needs.map((need) => need.apt).join(' ');
    const parts = [
      installed.length > 0 ? `installed ${names(installed)}` : '',
      still.length > 0 ? `missing ${names(still)}` : '',
    ];
    summary.push(`system packages: ${parts.filter(Boolean).join(', ')}`);
  }

  if (decision.restamp) writeStamp(lockHash);
  if (!decision.install) {
    summary.push(decision.reason);
  } else {
    const plan = installEnvironment({
      platform: process.platform,
      env: process.env,
      nodeMajor: Number(process.versions.node.split('.')[0]),
      systemHeadersMajor: headersMajor(readOr('/usr/include/node/node_version.h', '')),
    });
    say(`${decision.reason}: running npm ci (a few minutes when better-sqlite3 must be compiled)`);
    for (const note of plan.notes) say(note);
    let result = await npmCi(plan.env);
    let skipped = plan.skipElectron;
    if (result.code !== 0 && !skipped && electronPostinstallFailed(result.output)) {
      say("Electron's binary could not be downloaded; installing again without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1).");
      say(
        'Không tải được tệp chạy của Electron; cài lại không có nó — `npm start` sẽ chạy ứng dụng trong trình duyệt.',
      );
      skipped = true;
      result = await npmCi({ ...plan.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    }
    if (result.code !== 0) {
      say(`npm ci failed (exit ${result.code}); see above.`);
      process.exit(result.code);
    }
    writeStamp(lockHash, { electronSkipped: skipped });
    summary.push(`node_modules installed by npm ci${skipped ? " without Electron's binary" : ''}`);
  }

  summary.push(
    electronBinaryInstalled()
      ? 'Electron installed (npm start opens the kiosk window)'
      : 'Electron binary not downloaded (npm start tries, else serves the app to a browser)',
  );
  say(`ready for npm ${purpose}: ${summary.join(' · ')} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Run only as a script, so the tests can import the decisions.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
