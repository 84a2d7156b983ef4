/**
 * RabbitMQ's `rabbit_password_hashing_sha256`, through WebCrypto: a 4-byte random salt, then
 * base64(salt ++ SHA-256(salt ++ UTF-8 password)). What `rabbitmqctl import_definitions` accepts as a
 * user's `password_hash`, and what `export_definitions` writes.
 */
export const SHA256_ALGORITHM = 'rabbit_password_hashing_sha256';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function salted(salt: Uint8Array, password: string): Promise<Uint8Array> {
  const pw = new TextEncoder().encode(password);
  const input = new Uint8Array(salt.length + pw.length);
  input.set(salt);
  input.set(pw, salt.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  const out = new Uint8Array(salt.length + digest.length);
  out.set(salt);
  out.set(digest, salt.length);
  return out;
}

/** A new hash of `password` with a random salt (or the given one, for tests). */
export async function hashPassword(password: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(4))): Promise<string> {
  return toBase64(await salted(salt, password));
}

/** Whether `hash` (a SHA-256 `password_hash`) is the hash of `password`. */
export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  const bytes = fromBase64(hash);
  if (!bytes || bytes.length !== 36) return false;
  return toBase64(await salted(bytes.slice(0, 4), password)) === hash;
}
