/**
 * The rules for the questions `evaluation` and the evaluation exports accept, shared by both: a
 * range covers whole buckets, and the follow-up window is one of a few fixed lengths. Both keep an
 * asker from choosing two questions that differ by one record: ranges one day apart (a signal's
 * category from "from its day" minus "from the day after", attack review 2, F1), or follow-up
 * windows one day apart (the day of its first follow-up).
 */
import type { Bucket } from './queries.ts';

/** The `followUpWithinDays` that may be asked for (`followedUpWithinShare`); 7 is the default. */
export const FOLLOW_UP_WINDOWS = [1, 3, 7, 14, 30] as const;
export const DEFAULT_FOLLOW_UP_WINDOW = 7;

/**
 * The windows (days after being reported) the percentiles of hours to the first follow-up and to
 * closing are given in: a percentile is the end of the first window whose perturbed share of the
 * signals reaches it (src/evaluation/queries.ts, `signalsSql`). Holds every follow-up window.
 */
export const PERCENTILE_WINDOWS = [1, 3, 7, 14, 30, 60, 90] as const;

export const isFollowUpWindow = (days: number) => (FOLLOW_UP_WINDOWS as readonly number[]).includes(days);
export const followUpWindowMessage = `must be one of ${FOLLOW_UP_WINDOWS.join(', ')}`;

const day = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);
const next = (ymd: string) => new Date(day(ymd).getTime() + 86_400_000);

/** Whether a date is the first day of a bucket (buckets as in `bucketStart` of queries.ts). */
function startsBucket(bucket: Bucket, d: Date): boolean {
  switch (bucket) {
    case 'WEEK':
      return d.getUTCDay() === 1; // ISO weeks start on Monday
    case 'MONTH':
      return d.getUTCDate() === 1;
    case 'SCHOOL_YEAR':
      return d.getUTCMonth() === 7 && d.getUTCDate() === 1; // 1 August
  }
}

const FIRST_DAY: Record<Bucket, string> = { WEEK: 'a Monday', MONTH: 'the first day of a month', SCHOOL_YEAR: '1 August' };
const LAST_DAY: Record<Bucket, string> = { WEEK: 'a Sunday', MONTH: 'the last day of a month', SCHOOL_YEAR: '31 July' };

/**
 * Issues (rule `bucketBoundary`) unless `from` (`YYYY-MM-DD`) is the first day of a bucket and `to`
 * (inclusive) the last day of one, so every bucket is whole.
 */
export function bucketBoundaryIssues(bucket: Bucket, from: string, to: string): { path: 'from' | 'to'; message: string }[] {
  const issues: { path: 'from' | 'to'; message: string }[] = [];
  if (!startsBucket(bucket, day(from))) issues.push({ path: 'from', message: `must be ${FIRST_DAY[bucket]}, the first day of a ${bucket} bucket` });
  if (!startsBucket(bucket, next(to))) issues.push({ path: 'to', message: `must be ${LAST_DAY[bucket]}, the last day of a ${bucket} bucket` });
  return issues;
}

/**
 * A question may name at most one school and one partnership: two questions about sets that differ
 * by one partnership (T with P, and T alone) would differ in P's records only (attack review 3, F1).
 * Several at once: `groupBy: SCHOOL` or `PARTNERSHIP`.
 */
export const ONE_ID_MESSAGE = 'must name at most one (ask groupBy: SCHOOL or PARTNERSHIP for several)';
