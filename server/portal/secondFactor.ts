import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import { portalRecoveryCodes, portalSecondFactors } from "../../db/central/schema";
import type { CentralTx } from "../centralTransaction";
import { hashSecretToken } from "../security/secretTokens";

/** RFC 6238's defaults, which every authenticator app reads: SHA-1, six digits, thirty seconds. */
const PERIOD_SECONDS = 30;
const ISSUER = "Télésec";

/** One step either side of now: a phone's clock a little off, or a code typed as it changed. */
const WINDOW_STEPS = 1;

export const RECOVERY_CODE_COUNT = 10;

const totpOf = (secret: string, login: string) =>
  new TOTP({ issuer: ISSUER, label: login, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

/** A new secret (160 bits, RFC 4226's advice) and how to hand it to an app: its otpauth:// address, as text and as a QR code. */
export function newTotpSetup(login: string): { secret: string; uri: string; qrSvg: string } {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpOf(secret, login).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** What a typed code is, by its shape alone: a malformed code tells nothing and counts as no attempt. */
export type TypedCode = { kind: "totp"; digits: string } | { kind: "recovery"; code: string } | { kind: "malformed" };

export function readTypedCode(typed: string): TypedCode {
  const compact = typed.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", digits: compact };
  // Crockford's base32: o read as 0, i and l as 1, as a person copying the code by hand may type them.
  const recovery = compact.replace(/o/g, "0").replace(/[il]/g, "1");
  if (/^[0-9a-hjkmnp-tv-z]{16}$/.test(recovery)) return { kind: "recovery", code: recovery };
  return { kind: "malformed" };
}

/**
 * The 30-second step a code belongs to, if it is right now (one step either side) and later than the last
 * step accepted: a code read over a shoulder, or replayed, is refused once it has been used (RFC 6238 §5.2).
 */
export function acceptedStep(secret: string, login: string, digits: string, now: Date, lastUsedStep: number | null): number | null {
  const delta = totpOf(secret, login).validate({ token: digits, timestamp: now.getTime(), window: WINDOW_STEPS });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The code an app shows at that instant (tests, and the demo's printed instructions). */
export const totpCodeAt = (secret: string, at: Date): string => totpOf(secret, "-").generate({ timestamp: at.getTime() });

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** 80 random bits as 16 characters of Crockford's base32, written `xxxx-xxxx-xxxx-xxxx`. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < 16; i++) code = CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)] + code;
  return code.match(/.{4}/g)!.join("-");
}

/** A fresh set of recovery codes, the earlier ones void; the codes themselves are returned once and never stored. */
export async function replaceRecoveryCodes(tx: CentralTx, userId: string, now: Date): Promise<string[]> {
  await tx.delete(portalRecoveryCodes).where(eq(portalRecoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(portalRecoveryCodes).values(
    codes.map((code) => ({ id: randomUUID(), userId, codeHash: hashSecretToken(readRecovery(code)), createdAt: now })),
  );
  return codes;
}

const readRecovery = (code: string) => code.replace(/-/g, "");

/** Uses up one recovery code of this account: false if it is not one, or was used already. */
export async function useRecoveryCode(tx: CentralTx, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(portalRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(portalRecoveryCodes.userId, userId), eq(portalRecoveryCodes.codeHash, hashSecretToken(code)), isNull(portalRecoveryCodes.usedAt)))
    .returning({ id: portalRecoveryCodes.id });
  return used.length === 1;
}

/** The account's second factor, locked for this transaction (two codes at once: one is judged after the other). */
export async function secondFactorOf(tx: CentralTx, userId: string) {
  const [factor] = await tx.select().from(portalSecondFactors).where(eq(portalSecondFactors.userId, userId)).for("update");
  return factor;
}
