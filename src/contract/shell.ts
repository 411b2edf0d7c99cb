import { z } from 'zod';
import { EmptyInput } from './schemas';
import { operation } from './operation';

/**
 * What only the desktop shell can do. Over HTTP these answer `forbidden`; the
 * screens then fall back (the browser's own print dialog) or hide the button.
 */
export const shellOperations = {
  shellCapabilities: operation({
    role: 'citizen',
    summary: 'Which desktop-only actions this host offers.',
    input: EmptyInput,
    output: z.object({ exitKiosk: z.boolean(), savePdf: z.boolean() }),
  }),
  exitKiosk: operation({
    role: 'admin',
    summary: 'Leaves kiosk mode and closes the app (the only way out of the kiosk).',
    input: EmptyInput,
    output: z.object({ exiting: z.literal(true) }),
  }),
  saveReportPdf: operation({
    role: 'staff',
    summary: 'Saves the page on screen (the printable daily report) as a PDF; returns where.',
    input: z
      .object({ fileName: z.string().regex(/^[\p{L}\p{N} ._-]{1,80}\.pdf$/u, 'a file name ending in .pdf') })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  }),
};
