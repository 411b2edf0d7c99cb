import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep the layering (README, Architecture) from rotting actually fire. */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}`);
}

// The first lint loads the TypeScript project (seconds on a busy 2-core machine).
describe('layering lint', { timeout: 60_000 }, () => {
  it('keeps domain and services free of Node, SQLite, Electron and the DOM', async () => {
    expect(await problems("import fs from 'node:fs';\nexport const a = fs;\n", 'src/domain/probe.ts')).toContain('no-restricted-imports');
    expect(await problems("import Database from 'better-sqlite3';\nexport const a = Database;\n", 'src/services/probe.ts')).toContain('no-restricted-imports');
    expect(await problems("import { app } from 'electron';\nexport const a = app;\n", 'src/services/probe.ts')).toContain('no-restricted-imports');
    expect(await problems('export const a = document.title;\n', 'src/domain/probe.ts')).toContain('no-restricted-globals');
    expect(await problems("import { composeApp } from '../app/composeApp';\nexport const a = composeApp;\n", 'src/services/probe.ts')).toContain('no-restricted-imports');
  });

  it('keeps the renderer away from Node and the inner layers', async () => {
    expect(await problems("import fs from 'fs';\nexport const a = fs;\n", 'renderer/probe.ts')).toContain('no-restricted-imports');
    expect(await problems("import { createSurveyService } from '../src/services/survey';\nexport const a = createSurveyService;\n", 'renderer/probe.ts')).toContain('no-restricted-imports');
  });

  it('flags untranslated text in JSX', async () => {
    expect(await problems('export const A = () => <p>Xin chào</p>;\n', 'renderer/Probe.tsx')).toContain('sipas/no-jsx-text');
    expect(await problems("export const A = ({ t }: { t: (k: string) => string }) => <p>{t('hello')}</p>;\n", 'renderer/Probe.tsx')).toEqual([]);
  });
});
