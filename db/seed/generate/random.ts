/**
 * The seed's only source of chance. Every stream is named ("practice", 7) rather than shared,
 * so a practice's data depends on its own stream alone: the first practices come out the same
 * whatever the size, and changing how patients are drawn leaves practices untouched.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick() sur une liste vide");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: [["a", 3], ["b", 1]] gives "a" three times out of four. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return chosen;
  }

  digits(count: number): string {
    let text = "";
    for (let i = 0; i < count; i++) text += String(Math.floor(this.next() * 10));
    return text;
  }

  /** A version 4 UUID made of this stream's numbers, so ids are as reproducible as the data. */
  uuid(): string {
    let hex = "";
    for (let i = 0; i < 4; i++) hex += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, "0");
    const variant = "89ab"[parseInt(hex[16] as string, 16) & 3] as string;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** The stream named by `labels`: the same labels always give the same numbers. */
export function randomStream(...labels: ReadonlyArray<string | number>): SeededRandom {
  return new SeededRandom(fnv1a(`telesec-seed|${labels.join("|")}`));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
