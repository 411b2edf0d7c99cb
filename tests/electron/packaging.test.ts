/** The packaging configuration: what the installed app is locked with and built from. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The value of `key:` inside the electronFuses block. */
function fuse(key: string): string | undefined {
  const block = /^electronFuses:\n((?:[ ]{2}.+\n?)+)/m.exec(builder)?.[1] ?? '';
  return new RegExp(`^\\s+${key}:\\s*(\\S+)`, 'm').exec(block)?.[1];
}

describe('electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['grantFileProtocolExtraPrivileges', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['enableCookieEncryption', 'true'],
  ])('sets the fuse %s to %s', (key, value) => expect(fuse(key)).toBe(value));

  it('never rebuilds node_modules (the Node build of better-sqlite3) and ships the Electron build unpacked', () => {
    expect(builder).toMatch(/^npmRebuild: false$/m);
    expect(builder).toMatch(/^asarUnpack:\n\s+- native\/electron\/\*\*$/m);
    expect(builder).toMatch(/^\s+- native\/electron\/\*\*$/m);
  });
});

describe('package.json', () => {
  it('pins a supported Electron major exactly, and packaging builds the native module first', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pkg.devDependencies.electron?.split('.')[0])).toBeGreaterThanOrEqual(45);
    expect(pkg.scripts.dist).toMatch(/build:electron-native.*electron-builder/);
    // npm test builds what ships: its checks step runs `build`, which builds the Electron bundles.
    expect(pkg.scripts.test).toMatch(/parallel\.mjs [^&]*\bbuild\b/);
    expect(pkg.scripts.build).toContain('npm run build:electron');
  });
});
