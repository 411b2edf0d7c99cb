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
    expect(await problems("import fs from 'node:fs';\nexport const a = fs;\n", 'src/domain/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await problems("import Database from 'better-sqlite3';\nexport const a = Database;\n", 'src/services/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await problems("import { app } from 'electron';\nexport const a = app;\n", 'src/services/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(await problems('export const a = document.title;\n', 'src/domain/probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(
      await problems(
        "import { composeApp } from '../app/composeApp';\nexport const a = composeApp;\n",
        'src/services/probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps the renderer away from Node and the inner layers', async () => {
    expect(await problems("import fs from 'fs';\nexport const a = fs;\n", 'renderer/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await problems(
        "import { createSurveyService } from '../src/services/survey';\nexport const a = createSurveyService;\n",
        'renderer/probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  // Each outer folder: one import it may make passes, one planted import across the wall fails.
  const walls: Array<{ file: string; allowed: string; planted: string[] }> = [
    {
      file: 'src/node/probe.ts',
      allowed: '../domain/localDay',
      planted: [
        '../app/composeApp',
        '../server/httpApp',
        '../hub/ingest',
        '../cli/main',
        '../../electron/main',
        'electron',
      ],
    },
    {
      file: 'src/app/probe.ts',
      allowed: '../node/logger',
      planted: ['../server/httpApp', '../cli/main', '../hub/ingest', '../../electron/main'],
    },
    {
      file: 'src/hub/probe.ts',
      allowed: '../node/signing',
      planted: ['../app/composeApp', '../../db/openDatabase', '../server/httpApp', '../cli/main'],
    },
    {
      file: 'src/hub/store/probe.ts',
      allowed: '../../node/sqliteOptions',
      planted: ['../../../db/openDatabase', '../../app/logger'],
    },
    {
      file: 'src/cli/probe.ts',
      allowed: '../app/composeApp',
      planted: ['../../db/openDatabase', '../../db/auditStore', '../server/httpApp', '../hub/ingest'],
    },
    {
      file: 'src/server/probe.ts',
      allowed: '../app/composeApp',
      planted: ['../../db/openDatabase', '../cli/main', '../hub/ingest'],
    },
    {
      file: 'electron/probe.ts',
      allowed: '../src/app/composeApp',
      planted: ['../db/openDatabase', '../src/cli/main', '../src/hub/ingest', '../renderer/App'],
    },
  ];
  for (const { file, allowed, planted } of walls) {
    it(`walls ${file.replace('/probe.ts', '')} off from its neighbours`, async () => {
      expect(await problems(`import * as ok from '${allowed}';\nexport const a = ok;\n`, file)).not.toContain(
        'no-restricted-imports',
      );
      for (const spec of planted) {
        expect(
          await problems(`import * as m from '${spec}';\nexport const a = m;\n`, file),
          `${file} importing ${spec}`,
        ).toContain('no-restricted-imports');
      }
    });
  }

  it('flags untranslated text in JSX', async () => {
    expect(await problems('export const A = () => <p>Xin chào</p>;\n', 'renderer/Probe.tsx')).toContain(
      'sipas/no-jsx-text',
    );
    expect(
      await problems(
        "export const A = ({ t }: { t: (k: string) => string }) => <p>{t('hello')}</p>;\n",
        'renderer/Probe.tsx',
      ),
    ).toEqual([]);
  });
});
