import { createHash, randomBytes } from "node:crypto";

/**
 * A bearer secret (a device's token, a calendar feed's address): 32 random bytes, base64url. Only its
 * SHA-256 is stored: a copy of the database lets nobody act with it. (A fast hash suffices for 256
 * random bits, which no one can guess, unlike a password.)
 */
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export const hashSecretToken = (token: string): string => createHash("sha256").update(token).digest("hex");
