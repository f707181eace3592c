import { createHash, randomBytes } from "node:crypto";

/**
 * A device's bearer token: 32 random bytes, base64url. Only its SHA-256 is stored: a copy of the
 * database lets nobody act as a workstation. (A fast hash suffices for 256 random bits, which no
 * one can guess, unlike a password.)
 */
export function newDeviceToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashDeviceToken(token) };
}

export const hashDeviceToken = (token: string): string => createHash("sha256").update(token).digest("hex");
