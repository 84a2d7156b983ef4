import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches } from './passwordHash';
import fixture from './fixtures/real-broker.definitions.json';

// Hashes written by RabbitMQ 3.10.8's export_definitions (the fixture's users, built by
// scripts/real/definitions-fixture.ts with these passwords).
const REAL: Record<string, string> = { guest: 'guest', admin: 'admin-secret', ops: 'ops-secret', shop: 'shop-secret', 'policy-bot': 'bot-secret' };

describe('rabbit_password_hashing_sha256', () => {
  it('recomputes the real broker hashes from their salt', async () => {
    for (const u of fixture.users) {
      const salt = Uint8Array.from(atob(u.password_hash), (c) => c.charCodeAt(0)).slice(0, 4);
      expect(await hashPassword(REAL[u.name], salt)).toBe(u.password_hash);
      expect(await passwordMatches(u.password_hash, REAL[u.name])).toBe(true);
      expect(await passwordMatches(u.password_hash, 'wrong')).toBe(false);
    }
  });

  it('salts each new hash at random, and each verifies', async () => {
    const a = await hashPassword('s3cret');
    const b = await hashPassword('s3cret');
    expect(a).not.toBe(b);
    expect(atob(a)).toHaveLength(36);
    expect(await passwordMatches(a, 's3cret')).toBe(true);
    expect(await passwordMatches('not base64!', 's3cret')).toBe(false);
  });
});
