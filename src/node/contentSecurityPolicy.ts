import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The hashes of the <script> and <style> index.html carries inline: the kiosk's first
 * paint needs nothing but the page itself (vite.config.ts). Each is one 'sha256-…'
 * source: exactly that text may run, never any other inline code ('unsafe-inline').
 */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The hashes of a page's inline scripts (those without src) and styles, as the browser
 * computes them: over the element's text, exactly as written.
 */
export function inlineHashesOf(html: string): InlineHashes {
  const texts = (pattern: RegExp) => [...html.matchAll(pattern)].map(([, text]) => hashOf(text ?? ''));
  return {
    scripts: texts(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi),
    styles: texts(/<style[^>]*>([\s\S]*?)<\/style>/gi),
  };
}

/** The policy, allowing the given inline script and style texts besides the app's own files. */
export const contentSecurityPolicy = ({ scripts, styles }: InlineHashes): string =>
  [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The policy of everything the hosts send but a page (the API's answers, the files):
 * no inline code at all.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ scripts: [], styles: [] });

/**
 * A page's own policy: its inline script and style allowed by their hashes. Made
 * from the very page a host sends (the HTTP host, Electron's app:// handler, and the
 * build's meta tag), so a page and its policy always agree, whichever build is served.
 */
export const pagePolicyOf = (html: string): string => contentSecurityPolicy(inlineHashesOf(html));

/**
 * The policy of the index.html in a built renderer folder, read again only when the
 * file changes (a rebuild while the host runs); the API's policy while there is none.
 */
export function builtPagePolicy(dir: string): () => string {
  const file = path.join(dir, 'index.html');
  let seen = '';
  let policy = CONTENT_SECURITY_POLICY;
  return () => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const version = stat ? `${stat.mtimeMs}/${stat.size}` : '';
    if (version !== seen) {
      seen = version;
      policy = stat ? pagePolicyOf(fs.readFileSync(file, 'utf8')) : CONTENT_SECURITY_POLICY;
    }
    return policy;
  };
}
