import { distance } from 'fastest-levenshtein';
import type { Unrecognised } from './usage-error.js';

/**
 * The closest candidate to what was typed, if it is close enough to be a typo: 2 edits (a swapped
 * pair of letters is 2), 3 for long words, and never all of a short one.
 */
export function closest({ typed, candidates, prefix = '' }: Unrecognised): string | undefined {
  const limit = Math.min(typed.length - 1, typed.length >= 9 ? 3 : 2);
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(typed.toLowerCase(), candidate.toLowerCase());
    if (edits <= limit && (best === undefined || edits < best.edits)) best = { candidate, edits };
  }
  // `--endpoint` where only `--account-endpoint` exists: a flag whose last words are what was typed.
  const bare = typed.replace(/^-+/, '');
  best ??= bare.length >= 3 ? candidates.map((candidate) => ({ candidate, edits: 0 })).find(({ candidate }) => candidate.endsWith(`-${bare}`)) : undefined;
  return best && `${prefix}${best.candidate}`;
}

/** The best suggestion over every reading of the mistake. */
export function suggestion(unrecognised: readonly Unrecognised[]): string | undefined {
  for (const entry of unrecognised) {
    const found = closest(entry);
    if (found !== undefined) return found;
  }
  return undefined;
}
