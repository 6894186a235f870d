/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The arithmetic mean (NaN for none). */
export function mean(values) {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `a / b`, or NaN when either is missing or `b` is zero. */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** `0.04×`; `n/a` when there is nothing to compare with. */
export function formatRatio(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/** A number with at most `digits` decimals, or `n/a`. */
export function formatNumber(value, digits = 1) {
  if (!Number.isFinite(value)) return 'n/a';
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Kilobytes (1 KB = 1,000 bytes, as bundle-size tools report them). */
export function formatKb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : 'n/a';
}
