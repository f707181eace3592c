/**
 * The numbers the agency's PBX may be asked to dial for a callback: French fixed and mobile lines, the free
 * 0800–0805 numbers, and the overseas departments and territories. Never a premium-rate number (08 1x–08 9x
 * but the free ones) nor a foreign one: a callback's number is typed by whoever noted it, and the PBX's bill
 * is the agency's. Those are dialled by hand if ever needed.
 */
const DIALLABLE = [
  // Metropolitan fixed (01–05, 09) and mobile (06, 07) lines.
  /^\+33[1-79]\d{8}$/,
  // Free numbers, 0800 to 0805.
  /^\+3380[0-5]\d{6}$/,
  // Réunion and Mayotte, Guadeloupe (and Saint-Martin, Saint-Barthélemy), Guyane, Martinique, Saint-Pierre-et-Miquelon, Wallis-et-Futuna, Nouvelle-Calédonie, Polynésie.
  /^\+(262|269|590|594|596)\d{9}$/,
  /^\+(508|681|687)\d{6}$/,
  /^\+689\d{8}$/,
];

export function dialledByThePbx(e164: string): boolean {
  return DIALLABLE.some((pattern) => pattern.test(e164));
}
