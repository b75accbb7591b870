import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Config } from '../config.js';

export type Scope = 'read' | 'write';

/** A configured token: who it is for, what it may do, and the SHA-256 of the token (never the token). */
export interface TokenEntry {
  name: string;
  scope: Scope;
  sha256: Buffer;
}

/** Who is calling: the name of the token presented, and its scope. */
export interface Caller {
  name: string;
  scope: Scope;
}

// Tokens are 32 random bytes: a plain SHA-256 is enough to store them (no dictionary to guess from).
const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A new token and the line that configures it: the token goes to its holder, the line to the server. */
export function newToken(name: string, scope: Scope): { token: string; line: string } {
  const token = `tupu_${randomBytes(32).toString('base64url')}`;
  return { token, line: `${name}:${scope}:${hash(token).toString('hex')}` };
}

/** `name:scope:sha256hex`, as TUPU_TOKENS (comma-separated) and TUPU_TOKENS_FILE (one a line, # comments) hold them. */
function parseEntry(text: string, where: string): TokenEntry {
  const [name, scope, hex, ...rest] = text.split(':').map((p) => p.trim());
  const problem = !name || hex === undefined || rest.length
    ? 'is not name:scope:sha256'
    : scope !== 'read' && scope !== 'write'
      ? `has scope "${scope}"; use read or write`
      : !/^[0-9a-f]{64}$/i.test(hex ?? '')
        ? 'needs the SHA-256 of the token as 64 hex digits (tupu token NAME prints it), not the token'
        : null;
  if (problem) throw new ConfigError(`${where} ${problem}`);
  return { name: name!, scope: scope as Scope, sha256: Buffer.from(hex!, 'hex') };
}

/** Every token the configuration declares; a malformed entry stops start-up, naming where it is. */
export function readTokens(config: Pick<Config, 'TUPU_TOKENS' | 'TUPU_TOKENS_FILE'>): TokenEntry[] {
  const entries = (config.TUPU_TOKENS ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const tokens = entries.map((e, i) => parseEntry(e, `TUPU_TOKENS entry ${i + 1}`));
  if (config.TUPU_TOKENS_FILE) {
    const file = config.TUPU_TOKENS_FILE;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`TUPU_TOKENS_FILE ${file}: ${(error as Error).message}`);
    }
    text.split('\n').forEach((line, i) => {
      if (line.trim() && !line.trim().startsWith('#')) tokens.push(parseEntry(line, `TUPU_TOKENS_FILE ${file} line ${i + 1}`));
    });
  }
  const names = tokens.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new ConfigError(`the token name "${twice}" is configured twice; writes are logged by name`);
  return tokens;
}

/**
 * The caller a bearer token identifies, or null for none. Every configured hash is compared, in constant
 * time and without stopping at a match, so the time taken says nothing about which token nearly matched.
 */
export function identify(tokens: readonly TokenEntry[], presented: string): Caller | null {
  const digest = hash(presented);
  let found: TokenEntry | null = null;
  for (const entry of tokens) if (timingSafeEqual(entry.sha256, digest) && !found) found = entry;
  return found && { name: found.name, scope: found.scope };
}
