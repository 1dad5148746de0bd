import type { FastifyHelmetOptions } from "@fastify/helmet";

/** Largest request body accepted. The API is read-only (GET), so any body is refused long before this. */
export const MAX_BODY_BYTES = 1024;
/** Longest request line and headers Node accepts (its own default is 16 KiB; no API call needs more than 4). */
export const MAX_HEADER_BYTES = 8 * 1024;
/** Longest raw (percent-encoded) path parameter: a 300-character Chinese key encodes to 2,700 characters. */
export const MAX_PARAM_CHARS = 3000;
/** A request that has not arrived whole within this many milliseconds is dropped (slow-loris). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Security headers through helmet. The page loads only its own scripts, styles and API, draws into canvases, and
 * may not be framed. `upgrade-insecure-requests` and HSTS are left out: the server speaks plain HTTP on the
 * loopback address, where upgrading would break every request.
 */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  },
  hsts: false,
  // the PNG and GEXF exports are downloads of blobs made in the page, not cross-origin resources
  crossOriginEmbedderPolicy: false,
};
