import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";

/**
 * argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane): about 20 ms a hash here, slow enough
 * for a stolen hash to resist guessing, fast enough for a login. (`Algorithm` is a const enum,
 * which isolated modules cannot read: 2 is its Argon2id.)
 */
const ARGON2ID_OPTIONS: Options = { algorithm: 2 satisfies Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** False for a wrong password and for a hash that is not one (a damaged row must not throw a 500). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification when there is no hash to check (unknown login, user
 * without password), so the answer time does not reveal which logins exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("aucun-compte-ne-porte-ce-mot-de-passe");
  await verifyPassword(await dummyHash, password);
  return false;
}
