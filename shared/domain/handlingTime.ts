/**
 * The handling-time histogram's buckets, as migration 0025's telesec_duration_bucket makes them: 10 s wide
 * under 10 min, a minute wide under 30 min, one open bucket from 30 min.
 */
export const OPEN_HANDLING_BUCKET = 1800;

/** The bucket's upper bound, in seconds (the open one's is its lower bound). */
export function bucketEnd(bucket: number): number {
  if (bucket < 600) return bucket + 10;
  if (bucket < OPEN_HANDLING_BUCKET) return bucket + 60;
  return OPEN_HANDLING_BUCKET;
}

/**
 * The 90th percentile of handling times from their histogram: the upper bound of the bucket holding the
 * call at rank ⌈0.9 n⌉ (nearest-rank), so « 90 % des appels ont duré moins de » it. Null without calls.
 */
export function percentileOfBuckets(buckets: ReadonlyArray<{ bucket: number; calls: number }>, fraction = 0.9): number | null {
  const sorted = [...buckets].filter((entry) => entry.calls > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, entry) => sum + entry.calls, 0);
  if (total === 0) return null;
  const rank = Math.ceil(fraction * total);
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.calls;
    if (seen >= rank) return bucketEnd(entry.bucket);
  }
  return bucketEnd(sorted[sorted.length - 1]!.bucket);
}
