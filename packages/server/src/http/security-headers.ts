import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, API and web app alike (issue 11 item 5), with
 * `@fastify/helmet`. The Content-Security-Policy allows scripts only from this origin (no
 * inline script, no eval), nothing may frame the app, and forms post only here.
 *
 * `style-src` allows 'unsafe-inline' (styles only), decided in docs/decisions/0020: Ant
 * Design's CSS-in-JS injects `<style>` elements at run time and its components (and ECharts)
 * set `style` attributes; a nonce would mean rendering index.html per request and would still
 * not cover style attributes. Injected CSS cannot run script, so script-src stays strict.
 */
const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

// HSTS tells browsers to refuse plain HTTP for a year; sent only on responses that came over
// HTTPS (directly or per a trusted proxy), since over HTTP it is ignored and on a plain-HTTP
// intranet deployment it must not be promised.
const HSTS = 'max-age=31536000; includeSubDomains';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy,
    hsts: false,
    // Links may carry secrets (case-tracking tokens); no page of ours needs the Referer.
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // The app loads nothing cross-origin; COEP would only get in the way of exported files.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
