import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtPagePolicy,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  inlineHashesOf,
} from '../../src/node/contentSecurityPolicy';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the inline hashes of a page', () => {
  it('are those of its inline scripts and styles, over their exact text', () => {
    const script = '(function(e){e.documentElement.dataset.x="ở"})(document);';
    const style = '\n.a{color:red}\n';
    const html = `<head><style>${style}</style><script data-app="./a.js">${script}</script>
      <script type="module" src="./b.js"></script><script src="./c.js"></script></head>`;
    expect(inlineHashesOf(html)).toEqual({ scripts: [sha256(script)], styles: [sha256(style)] });
  });

  it('are none for a page that names its files only', () => {
    expect(inlineHashesOf('<link rel="stylesheet" href="./a.css"><script src="./a.js"></script>')).toEqual({
      scripts: [],
      styles: [],
    });
  });
});

describe('the policy', () => {
  it('allows exactly the hashed inline texts, never inline code at large', () => {
    const policy = contentSecurityPolicy({ scripts: ["'sha256-AAA='"], styles: ["'sha256-BBB='", "'sha256-CCC='"] });
    expect(policy).toContain("script-src 'self' 'sha256-AAA=';");
    expect(policy).toContain("style-src 'self' 'sha256-BBB=' 'sha256-CCC=';");
    expect(policy).not.toContain('unsafe');
    expect(contentSecurityPolicy({ scripts: [], styles: [] })).toContain("script-src 'self'; style-src 'self';");
  });

  it('of everything but a page allows no inline code at all', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy({ scripts: [], styles: [] }));
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'; style-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('of a built page is made from the page the host serves, and follows it when it is rebuilt', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-csp-'));
    try {
      const policy = builtPagePolicy(dir);
      expect(policy()).toBe(CONTENT_SECURITY_POLICY); // nothing built yet
      const page = (script: string) => `<head><script>${script}</script></head>`;
      fs.writeFileSync(path.join(dir, 'index.html'), page('a()'));
      expect(policy()).toContain(`script-src 'self' ${sha256('a()')};`);
      fs.writeFileSync(path.join(dir, 'index.html'), page('bb()'));
      fs.utimesSync(path.join(dir, 'index.html'), new Date(), new Date(Date.now() + 5_000));
      expect(policy()).toContain(`script-src 'self' ${sha256('bb()')};`);
      expect(policy()).not.toContain(sha256('a()'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
