import { randomUUID } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "../../db/central/passwords";
import { DEMO_PRACTICE, DEMO_PRACTITIONER } from "../../db/seed/demo";
import { DEMO_PASSWORD } from "../../db/seed/seedCentral";

export const DEMO_PRACTITIONER_LOGIN = "praticien";

/** The demo doctor's address for notices (a reserved domain: nothing is ever delivered there). */
export const DEMO_PRACTITIONER_EMAIL = "c.perrot@cabinet-des-tilleuls.invalid";

/**
 * `--demo` only: the TOTP secret of the demo doctor's portal account, known to everyone (printed at every
 * start) so that the portal can be tried at once. Never a real account's: those get a new random secret.
 */
export const DEMO_TOTP_SECRET = "TELESECDEMOPRATICIENPERROT234567";

/**
 * Makes the account `praticien` (password DEMO_PASSWORD) of the demo practice's Dr Camille Perrot, its second
 * factor already set up with DEMO_TOTP_SECRET, unless it exists; says at every start how to sign in with it.
 */
export async function ensureDemoPractitionerAccount(pool: pg.Pool, log: (line: string) => void, now: Date): Promise<void> {
  const { title, firstName, lastName } = DEMO_PRACTITIONER;
  const found = await pool.query<{ id: string }>(
    "SELECT id FROM practitioner WHERE practice_id = $1 AND first_name = $2 AND last_name = $3 AND deleted_at IS NULL LIMIT 1",
    [DEMO_PRACTICE.id, firstName, lastName],
  );
  // A database that is not the demo's (or an older demo's, drawn before the doctor was named): nothing to link.
  const practitionerId = found.rows[0]?.id;
  if (!practitionerId) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const id = randomUUID();
    const made = await client.query(
      `INSERT INTO "user" (id, login, display_name, role, practice_ids, practitioner_ids, password_hash, email)
       VALUES ($1, $2, $3, 'practitioner', $4, $5, $6, $7) ON CONFLICT (login) DO NOTHING`,
      [id, DEMO_PRACTITIONER_LOGIN, `${title} ${firstName} ${lastName}`, JSON.stringify([DEMO_PRACTICE.id]), JSON.stringify([practitionerId]), passwordHash, DEMO_PRACTITIONER_EMAIL],
    );
    if (made.rowCount === 1) {
      await client.query("INSERT INTO portal_second_factor (user_id, secret, created_at, confirmed_at) VALUES ($1, $2, $3, $3)", [id, DEMO_TOTP_SECRET, now]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  log(
    // The doctor's name stays out of the log: a seeded patient may bear it, and logs never name patients.
    `Mode démonstration : portail des praticiens sur /portail/, compte « ${DEMO_PRACTITIONER_LOGIN} » (mot de passe « ${DEMO_PASSWORD} ») d'un médecin du ${DEMO_PRACTICE.name}, ` +
      `second facteur : secret TOTP ${DEMO_TOTP_SECRET} à saisir dans une application d'authentification (démonstration seulement).`,
  );
}
