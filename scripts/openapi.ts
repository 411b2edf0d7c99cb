/**
 * `npm run openapi`: writes docs/openapi.json from the operation table.
 * `npm run openapi -- --check`: writes nothing, exits 1 when the file is not what
 * the table gives today (tests/unit/openapi.test.ts makes the same check in `npm test`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../src/node/version';
import { buildOpenApiDocument, openApiJson } from '../src/contract/openapi';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');
const shown = path.relative(process.cwd(), FILE);

const text = openApiJson(buildOpenApiDocument({ version: APP_VERSION }));

if (process.argv.includes('--check')) {
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : null;
  if (current !== text) {
    process.stderr.write(
      `${shown} ${current === null ? 'is missing' : 'is out of date with the operation table'}; run \`npm run openapi\` and commit the result.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${shown} is current.\n`);
} else {
  fs.writeFileSync(FILE, text);
  process.stdout.write(`wrote ${shown}\n`);
}
