import type { z } from 'zod';

/** Writes a path the way people read it: dimensions[2].items[0].text.vi */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field`).join('; ');
  }
  const where = formatPath(issue.path);
  // zod 4 does not keep the input in issues; its message says what it received.
  const message =
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'required' : issue.message;
  return where === '' ? message : `${where}: ${message}`;
}

/** A short message naming each bad field (at most five, so a hostile input cannot make it huge). */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map(describe);
  const more = error.issues.length - parts.length;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}
