import { z } from 'zod';
import { createRedactor, redactUrlCredentials } from './redact.js';

// An empty variable (NEO4J_URI=) means unset, as in most tools.
const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
// A switch left unset takes its default from NODE_ENV (see exposure.ts).
const flag = z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false', '1', '0', 'on', 'off']).optional());

// Credentials belong in their own variables, where they are known to be secret and kept out of every message.
const serverAddress = (credentials: string) =>
  optional.refine((uri) => !uri || redactUrlCredentials(uri) === uri, {
    message: `must not carry a user or password (user:password@); give them in ${credentials}`,
  });

/** The environment tupu reads, validated once at start; an invalid value stops start-up with its name. */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  TUPU_DATA: z.string().default('./.tupu'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: serverAddress('NEO4J_USER and NEO4J_PASSWORD'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  MEILI_URL: serverAddress('MEILI_MASTER_KEY, MEILI_INDEX_KEY or MEILI_SEARCH_KEY'),
  MEILI_MASTER_KEY: optional,
  MEILI_INDEX_KEY: optional,
  MEILI_SEARCH_KEY: optional,
  MEILI_INDEX: z.string().default('tupu'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  CORS_ORIGINS: optional,
  GRAPHIQL: flag,
  INTROSPECTION: flag,
  TUPU_TOKENS: optional,
  TUPU_TOKENS_FILE: optional,
});

export type Config = z.output<typeof environment>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(`invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
}

/** Names of the settings that hold secrets: never printed, logged or returned. */
export const SECRET_SETTINGS = ['NEO4J_PASSWORD', 'MEILI_MASTER_KEY', 'MEILI_INDEX_KEY', 'MEILI_SEARCH_KEY'] as const;

/**
 * Masks the secret settings' values and any credentials written inside a URI, in text about to be printed or
 * logged. Given the raw environment, it works even when the configuration itself is invalid.
 */
export function redactorFor(settings: Partial<Record<(typeof SECRET_SETTINGS)[number], string>> = process.env): (text: string) => string {
  return createRedactor(SECRET_SETTINGS.map((name) => settings[name]));
}
