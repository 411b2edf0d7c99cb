import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The headers every page and answer of our HTTP servers carries (kiosk host and hub). */
export function securityHeaders(contentSecurityPolicy: string): MiddlewareHandler[] {
  return [
    secureHeaders({
      contentSecurityPolicy: undefined,
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
    async (c, next) => {
      await next();
      c.header('Content-Security-Policy', contentSecurityPolicy);
    },
  ];
}
