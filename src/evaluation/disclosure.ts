/**
 * Disclosure control of evaluation figures about young people and signals: the cell key method
 * (as in the ABS TableBuilder and Eurostat's census tables) plus threshold suppression.
 *
 * - Every young person (`Youth.recordKey`) and every signal (`Signal.recordKey`) has a random
 *   record key, drawn once when the record is made and never shown.
 * - The population key of a city and bucket (a week, month or school year) is the sum of the keys
 *   of every record the question covers there, whatever the grouping: for signals, each signal
 *   reported in the city in the bucket within the filter, its record key hashed with its state as
 *   the figures can show it (`stateKeySql`: status, category, life domain, pilot values, follow-up
 *   and closing windows), so a change of state redraws every cell as an insertion does (attack
 *   review 4, F2); for reach, every young person reached plus every signal and individual guidance
 *   there (attack review 4, F3).
 * - The cell key of a figure is the sum of the record keys of the records it counts plus twice the
 *   population keys of its cities in its bucket (twice, so a cell that holds its whole population
 *   does not only get even keys). The same records in the same population give the same cell key,
 *   so the same cell of the same question always shows the same value (other ranges, buckets,
 *   groupings, the export); two overlapping cells that differ by a few records have unrelated cell keys.
 * - For reach, the cell key holds the keys of every signal (group signals too) and individual
 *   guidance in the cell besides its distinct young people, so a school and its big partnership
 *   differ whenever the other partnership has a record, even one that reaches nobody new (attack
 *   review 5, G2).
 * - For signals, the cell key also holds (three times) the record keys of the cell's *group*: the
 *   records that share its bucket and its values of the dimensions an asker may know a signal by
 *   (city, school, partnership, form, status, life domain; not category or signal plugin fields).
 *   Grouped by school and by partnership, one table each, a school's (S, c) and its big
 *   partnership's (P, c) held the same records for every category but the one signal of the
 *   school's other partnership, so they showed the same values there and differed only in that
 *   signal's category (attack review 4, E3a). The groups S and P differ by that signal, so now every
 *   category gets its own draw in each table.
 * - Why the population: with the records alone, a record added (a signal reported since the last
 *   question) changed only its own cell, and every other cell showed exactly the same value as
 *   before, so "which cell moved" told its category or status (attack review 2, F1). Now one
 *   record more or less in a city and bucket moves the noise of every cell of that city and bucket.
 *   The filter is part of the population (a school, and a partnership of it, are different
 *   questions with noise of their own: attack review 3 compared "T with P" and "T"), and a filter
 *   names at most one school and one partnership (src/evaluation/rules.ts), so the draws of one
 *   cell's noise are few: the city, its school, its partnership.
 * - The cell key picks a perturbation from a fixed table (by a hash of it: `tableIndexOf`): a whole number from −D to +D (D is
 *   `City.maxPerturbation`, default 2), mean 0, small changes more likely than large ones.
 * - A count whose perturbed value is below `City.minCellSize` (k) plus D is not shown at all, so a
 *   shown count rests on at least k true records (attack review 5, G4; `thresholdOf`). Every threshold and suppression flag reads perturbed counts only
 *   (attack review 4, F1: flags on true counts flipped exactly in the cell of the one record two
 *   questions differ by).
 * - A share is shown only when its part, as perturbed by its own cell key, and the rest of its
 *   shown total are both at least k + D (and so is every count it gives back), see `shareShownSql`.
 * - Percentiles of hours are not computed from hours: they are the end of the first window whose
 *   perturbed count reaches the percentile of the perturbed total (src/evaluation/queries.ts).
 *
 * So a shown count is within D of the true count (and the difference of two shown counts within 2D
 * of the true difference): a city total of 200 is off by at most 1%, and subtracting tables from
 * each other gives noise instead of a suppressed cell. What it does not stop: someone who asks the
 * same cell again each time other records of its city and bucket arrive gets a new draw each time,
 * and many draws average out (a query budget per viewer would limit that).
 */
import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import { extraSignalDimensions } from './dimensions.ts';

const { sql, raw } = Prisma;

/** Entries of the perturbation table; a hash of the cell key, modulo this, picks one (see `tableIndexOf`). */
export const PTABLE_SIZE = 256;
/** The largest `City.maxPerturbation` that is honoured (larger values count as this). */
export const MAX_PERTURBATION = 5;

/**
 * The perturbation for a cell key (index: `tableIndexOf`) when the largest allowed
 * change is `d`: the value −d … +d with weight d + 1 − |value| (a triangle), laid out by its
 * cumulative distribution over the table (entry i takes the value whose share holds (i + ½) / size),
 * which is symmetric, so the perturbations average 0.
 */
export function perturbationTable(d: number): number[] {
  if (d <= 0) return Array<number>(PTABLE_SIZE).fill(0);
  const values = Array.from({ length: 2 * d + 1 }, (_v, i) => i - d);
  const weights = values.map((v) => d + 1 - Math.abs(v));
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: PTABLE_SIZE }, (_e, i) => {
    const at = ((i + 0.5) / PTABLE_SIZE) * total;
    let cumulative = 0;
    for (let j = 0; j < values.length; j++) {
      cumulative += weights[j]!;
      if (at < cumulative) return values[j]!;
    }
    return d;
  });
}

/** The perturbation a count gets from its cell key (for tests and documentation; the SQL does the same). */
export const perturbationOf = (cellKey: bigint | number, d: number) =>
  perturbationTable(Math.min(Math.max(d, 0), MAX_PERTURBATION))[tableIndexOf(cellKey)]!;

/**
 * The entry of the perturbation table a cell key picks: the first 32 bits of the MD5 of its decimal
 * digits, modulo `PTABLE_SIZE` (for tests and documentation; `perturbationSql` does the same). Not
 * the cell key modulo the size: the table holds each value in one run, and a change of the
 * population key shifts the cell key of every cell of its city and bucket by the same amount, so a
 * small shift left most cells on the same value and the few cells that moved told which held the
 * changed record (attack review 4, F2). Hashed, every cell gets its own new draw.
 */
export const tableIndexOf = (cellKey: bigint | number) =>
  Number.parseInt(createHash('md5').update(BigInt(cellKey).toString()).digest('hex').slice(0, 8), 16) % PTABLE_SIZE;

/** A SQL array of arrays: row d + 1 is the table for largest change d. */
const TABLES = raw(
  `ARRAY[${Array.from({ length: MAX_PERTURBATION + 1 }, (_v, d) => `ARRAY[${perturbationTable(d).join(',')}]`).join(',')}]::int[][]`,
);

/**
 * SQL: the cell key of a cell whose records' keys sum to `keys` and whose population keys (its
 * cities in its bucket) sum to `population`.
 */
export const cellKeySql = (keys: Prisma.Sql, population: Prisma.Sql) => sql`(coalesce(${keys}, 0) + 2 * coalesce(${population}, 0))`;

/**
 * The cell key, for tests and documentation (the SQL does the same): the keys of the records
 * counted, twice the population key, and (signals) three times the record keys of the cell's group,
 * the cells of its row that share its bucket and its values of the dimensions an asker may know a
 * signal by (src/evaluation/queries.ts, `signalsSql`).
 */
export const cellKeyOf = (keys: readonly (bigint | number)[], population: readonly (bigint | number)[], group: readonly (bigint | number)[] = []) => {
  const sum = (values: readonly (bigint | number)[]) => values.reduce<bigint>((a, b) => a + BigInt(b), 0n);
  return sum(keys) + 2n * sum(population) + 3n * sum(group);
};

/** SQL: the perturbation for the cell key `key` (a bigint sum of record keys) and largest change `d`. */
export const perturbationSql = (key: Prisma.Sql, d: Prisma.Sql) =>
  sql`(${TABLES})[LEAST(GREATEST(${d}, 0), ${MAX_PERTURBATION}::int) + 1][(('x' || substr(md5((coalesce(${key}, 0))::text), 1, 8))::bit(32)::bigint % ${PTABLE_SIZE}::int)::int + 1]`;

/**
 * SQL: a count as perturbed, before any threshold: `n` plus the perturbation of its cell key, never
 * below 0. Every suppression decision is taken on these (never on the true count), so two questions
 * whose cells differ by one record do not flip a flag in that record's cell only (attack review 4, F1).
 */
export const perturbedSql = (n: Prisma.Sql, key: Prisma.Sql, d: Prisma.Sql) => sql`GREATEST(0, ${n} + ${perturbationSql(key, d)})`;

/** A count as perturbed (for tests and documentation; `perturbedSql` does the same). */
export const perturbedOf = (n: number, cellKey: bigint | number, d: number) => Math.max(0, n + perturbationOf(cellKey, d));

/**
 * The threshold every perturbed count is held to: `City.minCellSize` (k) plus the largest
 * perturbation (D). A perturbation is at most D, so a count shown at k + D or more rests on at least
 * k true records (attack review 5, G4: at k alone a true count of k − D showed, down to one signal at
 * k = 3, D = 5). The queries select this as `k` (src/evaluation/queries.ts).
 */
export const thresholdOf = (k: number, d: number) => k + Math.min(Math.max(d, 0), MAX_PERTURBATION);

/** A count as shown, null when suppressed (for tests and documentation; `protectedCountSql` does the same). */
export const shownCountOf = (n: number, cellKey: bigint | number, k: number, d: number) => {
  const perturbed = perturbedOf(n, cellKey, d);
  return perturbed >= thresholdOf(k, d) ? perturbed : null;
};

/**
 * SQL: the count `n` as shown: `n` plus its perturbation when that is at least `k`; otherwise null
 * (suppressed). The threshold applies to the perturbed count, so whether a cell is suppressed is as
 * noisy as its value. The queries pass `City.minCellSize + maxPerturbation` as `k` (`thresholdOf`),
 * so a shown count rests on at least minCellSize true records.
 */
export const protectedCountSql = (n: Prisma.Sql, key: Prisma.Sql, k: Prisma.Sql, d: Prisma.Sql) =>
  sql`CASE WHEN ${perturbedSql(n, key, d)} >= ${k} THEN ${perturbedSql(n, key, d)} END`;

/**
 * SQL: whether the share of a part in a total may be shown. A share times the shown total gives the
 * part back, and the total minus that gives the rest (a cell of 5 signals with share 0.6 says 3
 * followed up and 2 not), so a share is shown only when the part as perturbed (`pm`) and the rest
 * the share gives back (`shown − pm`) are both at least `k` (an unshown total, null, never is).
 */
export const shareShownSql = (pm: Prisma.Sql, k: Prisma.Sql, shown: Prisma.Sql) => sql`coalesce(${pm} >= ${k} AND ${shown} - ${pm} >= ${k}, false)`;

/**
 * SQL: the share (0–1, to 4 decimals) of a part (e.g. the signals followed up within N days), as
 * perturbed by its own cell key (`pm`, see `perturbedSql`), in the shown total `shown`, or null
 * unless `shareShownSql` allows it: neither the part nor the rest the share gives back is below `k`.
 */
export const protectedShareSql = (pm: Prisma.Sql, k: Prisma.Sql, shown: Prisma.Sql) =>
  sql`CASE WHEN ${shareShownSql(pm, k, shown)} THEN round(${pm}::numeric / ${shown}, 4)::float8 END`;

/**
 * SQL: a secret 32-bit key of a record *in a state*: a hash of its record key (secret) and the parts
 * of its state a figure can show. The population key of a city and bucket sums these, so a change of
 * state (a status change, a first follow-up, a closing, a pilot value) redraws the noise of every cell
 * of that city and bucket, as an insertion does, not only the cells that hold the record (attack
 * review 4, F2). Without the record key the hash could be computed by anyone who knows the state.
 */
export const stateKeySql = (recordKey: Prisma.Sql, state: readonly Prisma.Sql[]) =>
  sql`('x' || substr(md5(concat_ws('|', ${recordKey}::text, ${Prisma.join(state.map((part) => sql`coalesce((${part})::text, '')`), ', ')})), 1, 8))::bit(32)::bigint`;

/**
 * The split signature a signal cell's key adds (attack review 5, G1): 0 unless the question groups by
 * a signal dimension beyond the core ones (a city plugin's groupable signal field), then the first 31
 * bits of the MD5 of the sorted names of those. Two questions whose groups hold the same records
 * but split them by different plugin fields get unrelated draws; one without such a field is as before.
 */
export function splitSignatureOf(dimensionNames: readonly string[]): number {
  const extra = new Set(extraSignalDimensions().map((d) => d.name));
  const asked = [...new Set(dimensionNames.filter((name) => extra.has(name)))].sort();
  if (asked.length === 0) return 0;
  return Number.parseInt(createHash('md5').update(asked.join('|')).digest('hex').slice(0, 8), 16) >>> 1;
}
