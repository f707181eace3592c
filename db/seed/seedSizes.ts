/**
 * The two datasets. `small` is what tests and demos seed in a second or two; `agency` is the
 * benchmark: a large agency's whole client base with agendas most of whose slots are taken.
 */
export interface SeedSizeSpec {
  practices: number;
  patients: number;
  /** Chance that a free quarter of an hour in a working window gets booked. */
  bookingRate: number;
}

export const SEED_SIZES = {
  small: { practices: 20, patients: 4_000, bookingRate: 0.35 },
  agency: { practices: 200, patients: 400_000, bookingRate: 0.85 },
} as const satisfies Record<string, SeedSizeSpec>;

export type SeedSize = keyof typeof SEED_SIZES;
export const SEED_SIZE_NAMES = Object.keys(SEED_SIZES) as [SeedSize, ...SeedSize[]];
