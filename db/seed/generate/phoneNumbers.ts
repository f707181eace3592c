import type { SeededRandom } from "./random";
import type { Town } from "./places";

/**
 * French numbers in E.164, drawn only inside the ranges the numbering plan actually assigns
 * (libphonenumber's full metadata), so they stay valid under any validator a test may use.
 */
const SECOND_DIGITS_BY_ZONE: Record<Town["phoneZone"], string> = {
  1: "0123456789",
  2: "01234578",
  3: "0123456789",
  4: "123456789",
  5: "012345678",
};

export function drawLandline(random: SeededRandom, zone: Town["phoneZone"]): string {
  return `+33${zone}${random.pick([...SECOND_DIGITS_BY_ZONE[zone]])}${random.digits(7)}`;
}

/** 06 and 07 mobiles; 063 9x and 069 x are sparsely assigned, so they are left out. */
export function drawMobile(random: SeededRandom): string {
  return random.chance(0.7) ? `+336${random.pick([..."0124578"])}${random.digits(7)}` : `+337${random.int(3, 9)}${random.digits(7)}`;
}

/** 09: the non-geographic numbers agencies often give their practices' lines. */
export function drawVoipNumber(random: SeededRandom): string {
  return `+339${random.digits(8)}`;
}

/** Draws until a number no one holds yet: dialled numbers are the screen pop's key. */
export class DistinctNumbers {
  private readonly taken = new Set<string>();

  reserve(e164: string): string {
    if (this.taken.has(e164)) throw new Error(`Numéro déjà attribué : ${e164}`);
    this.taken.add(e164);
    return e164;
  }

  draw(drawOne: () => string): string {
    let candidate = drawOne();
    while (this.taken.has(candidate)) candidate = drawOne();
    return this.reserve(candidate);
  }
}
