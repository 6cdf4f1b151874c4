// Binary search over ascending line numbers, as the views' filtered line lists hold them.

/** The first index of `sorted` (ascending) whose value is at least `value`; `sorted.length` when none is. */
export function firstIndexAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
