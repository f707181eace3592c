import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * A local verifier of the secretary's password, so a locked workstation can be unlocked offline.
 * scrypt (node:crypto) rather than argon2id: the packaged core bundles no native module but SQLite,
 * and @node-rs/argon2 is one. Parameters follow OWASP's scrypt table (N=2^15, r=8, p=3: 32 MiB,
 * about 0.2 s here), and are written in the verifier so they can be raised later.
 * The verifier is kept only inside the encrypted store; the password itself is never written.
 */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const MAX_MEMORY = 256 * 1024 * 1024;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function makePasswordVerifier(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PARAMETERS, HASH_BYTES);
  return ["scrypt", PARAMETERS.N, PARAMETERS.r, PARAMETERS.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

/** False for a wrong password and for a verifier that is not one (a damaged value must not unlock, nor throw). */
export async function checkPassword(verifier: string, password: string): Promise<boolean> {
  const parts = FORMAT.exec(verifier);
  if (!parts) return false;
  const [, n, r, p, saltText, hashText] = parts as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hashText, "base64url");
  if (expected.length !== HASH_BYTES) return false;
  try {
    const actual = await derive(password, Buffer.from(saltText, "base64url"), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
