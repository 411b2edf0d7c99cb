import fs from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

/** One formatter for the repository: `npm run lint` fails on a file Prettier would change. */
describe('formatting', () => {
  const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;

  it('is part of npm run lint', () => {
    expect(scripts.lint).toMatch(/prettier --check/);
  });

  it('flags an unformatted file and passes a formatted one with the repository settings', async () => {
    const filepath = 'src/domain/probe.ts';
    const options = { ...(await prettier.resolveConfig(filepath)), filepath };
    const messy = 'export const  a = {x:1,\n  y : "two"}\n';
    expect(await prettier.check(messy, options)).toBe(false);
    expect(await prettier.check(await prettier.format(messy, options), options)).toBe(true);
    expect(await prettier.format(messy, options)).toBe("export const a = { x: 1, y: 'two' };\n");
  });

  it('leaves generated files alone', async () => {
    const ignored = fs.readFileSync('.prettierignore', 'utf8').split('\n');
    expect(ignored).toContain('docs/openapi.json');
    expect((await prettier.getFileInfo('docs/openapi.json', { ignorePath: '.prettierignore' })).ignored).toBe(true);
  });
});
