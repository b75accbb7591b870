import { describe, expect, it } from 'vitest';
import { readConfig, redactorFor } from '../src/config.js';
import { createRedactor, redactingDestination, redactUrlCredentials } from '../src/redact.js';

describe('credentials never printed', () => {
  it('masks the password or token inside any URI, keeping the user name', () => {
    expect(redactUrlCredentials('at bolt://neo4j:s3cret@db:7687 and http://tok3n@search:7700/x')).toBe(
      'at bolt://neo4j:***@db:7687 and http://***@search:7700/x',
    );
    expect(redactUrlCredentials('bolt://db:7687, mail@example.org')).toBe('bolt://db:7687, mail@example.org');
  });

  it('masks the secret settings, also in their JSON-escaped form inside a log line', () => {
    const redact = redactorFor({ NEO4J_PASSWORD: 'pa"ss\\word', MEILI_MASTER_KEY: 'master-key-0123' });
    const line = JSON.stringify({ msg: 'refused pa"ss\\word', key: 'master-key-0123' });
    expect(redact(line)).toBe(JSON.stringify({ msg: 'refused ***', key: '***' }));
  });

  it('writes log lines through the redactor', () => {
    const written: string[] = [];
    const destination = redactingDestination(createRedactor(['hunter22']), { write: (line: string) => written.push(line) });
    destination.write('{"msg":"bolt://u:pw@h says hunter22"}\n');
    expect(written).toEqual(['{"msg":"bolt://u:***@h says ***"}\n']);
  });

  it('refuses a server address carrying credentials, without repeating them', () => {
    const addresses: [string, string][] = [['NEO4J_URI', 'bolt://neo4j:s3cret@db:7687'], ['MEILI_URL', 'http://user:s3cret@search:7700']];
    for (const [name, value] of addresses) {
      expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`${name}: must not carry a user or password`));
      expect(() => readConfig({ [name]: value })).not.toThrow(/s3cret/);
    }
  });
});
