/** Entry point of `npm run serve -- [--data DIR] [--port N] [--lan] [--no-demo]`. */
import { runHttpHost } from './serveCommand';

runHttpHost(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`SIPAS Kiosk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
