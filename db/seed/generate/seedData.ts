import { SEED_SIZES, type SeedSize } from "../seedSizes";
import { inBatches } from "./batches";
import { drawDirectory } from "./directory";
import type { IsoDate } from "./parisCalendar";
import { populatePractice } from "./population";
import type { SeedBatch } from "./rows";
import { drawUsers, secretaryIds } from "./users";

export interface SeedPlan {
  size: SeedSize;
  /** The data's "today" (Paris): the agenda spans a month before it and three months after. */
  referenceDate: IsoDate;
}

/**
 * The whole dataset as a stream of batches, in foreign-key order: the directory and the users
 * first, then each practice's population in turn. Pure: the same plan gives the same rows.
 */
export function* generateSeedData({ size, referenceDate }: SeedPlan): Generator<SeedBatch> {
  const spec = SEED_SIZES[size];
  const directory = drawDirectory(spec.practices, referenceDate);
  const users = drawUsers(directory.map(({ practice }) => practice.id));

  yield* inBatches("practice", directory.map(({ practice }) => practice));
  yield* inBatches("dialledNumber", directory.flatMap(({ dialledNumbers }) => dialledNumbers));
  yield* inBatches("practitioner", directory.flatMap(({ staff }) => staff.map(({ row }) => row)));
  yield* inBatches("appointmentType", directory.flatMap(({ staff }) => staff.flatMap(({ motifs }) => motifs)));
  yield* inBatches("directive", directory.flatMap(({ directives }) => directives));
  yield* inBatches("user", users);

  const patientCounts = shareOut(spec.patients, directory.map(({ staff }) => staff.length));
  const population = { referenceDate, bookingRate: spec.bookingRate, secretaryIds: secretaryIds(users) };
  for (const practice of directory) yield* populatePractice(practice, patientCounts[practice.index] ?? 0, population);
}

/**
 * Splits `total` in proportion to `weights` (bigger teams have more patients), exactly: the
 * rounding remainder goes to the first shares, so the planned total is the written total.
 */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.floor((total * weight) / sum));
  // Each share loses less than one to flooring, so the remainder is smaller than the share count.
  const remainder = total - shares.reduce((a, b) => a + b, 0);
  return shares.map((share, i) => (i < remainder ? share + 1 : share));
}
