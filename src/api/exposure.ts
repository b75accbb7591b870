import type { CORSOptions } from 'graphql-yoga';
import type { Config } from '../config.js';

/** What the API shows of itself to browsers and strangers. */
export interface Exposure {
  /** Origins allowed to call from a browser; `['*']` for any; empty for none (CORS off). */
  corsOrigins: string[];
  /** The GraphiQL page at /graphql. */
  graphiql: boolean;
  /** `__schema` and `__type` queries. */
  introspection: boolean;
}

/** Closed by default: no CORS; GraphiQL and introspection only outside production unless enabled. */
export const closedExposure: Exposure = { corsOrigins: [], graphiql: false, introspection: false };

const on = (value: string | undefined, fallback: boolean) => (value === undefined ? fallback : ['true', '1', 'on'].includes(value));

export function exposureFromConfig(config: Config): Exposure {
  const development = config.NODE_ENV !== 'production';
  return {
    corsOrigins: (config.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    graphiql: on(config.GRAPHIQL, development),
    introspection: on(config.INTROSPECTION, development),
  };
}

/**
 * yoga's CORS setting from an allow-list. Credentials are never allowed: tupu uses no cookies (tokens go
 * in the Authorization header), and credentials with a wildcard would let any site act as its visitors.
 * An origin off the list gets no CORS headers at all, rather than yoga's echo of whatever it sent.
 */
export function corsFor(origins: readonly string[]): false | ((request: Request) => CORSOptions | false) {
  if (!origins.length) return false;
  const common = { credentials: false, allowedHeaders: ['content-type', 'authorization'], methods: ['GET', 'POST'] };
  if (origins.includes('*')) return () => ({ ...common, origin: '*' });
  return (request) => {
    const origin = request.headers.get('origin');
    return origin && origins.includes(origin) ? { ...common, origin: [origin] } : false;
  };
}
