/**
 * The one Content-Security-Policy both hosts send: the HTTP host as a header,
 * Electron through onHeadersReceived, and renderer/index.html as a meta tag
 * (file:// pages may not get response headers in every Electron version).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
