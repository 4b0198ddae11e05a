/**
 * Disclosure control of evaluation figures about young people and signals: the cell key method
 * (as in the ABS TableBuilder and Eurostat's census tables) plus threshold suppression.
 *
 * - Every young person (`Youth.recordKey`) and every signal (`Signal.recordKey`) has a random
 *   record key, drawn once when the record is made and never shown.
 * - The cell key of a figure is the sum of the record keys of the records it counts. The same
 *   records give the same cell key, so the same cell always shows the same value, however it is
 *   asked for; two overlapping cells that differ by a few records have unrelated cell keys.
 * - The cell key picks a perturbation from a fixed table: a whole number from −D to +D (D is
 *   `City.maxPerturbation`, default 2), mean 0, small changes more likely than large ones.
 * - A count below `City.minCellSize` (k) is not shown at all; a count that is shown is never below k.
 *
 * So a shown count is within D of the true count (and the difference of two shown counts within 2D
 * of the true difference): a city total of 200 is off by at most 1%, and subtracting tables from
 * each other gives noise instead of a suppressed cell.
 */
import { Prisma } from '../generated/prisma/client.ts';

const { sql, raw } = Prisma;

/** Entries of the perturbation table; the cell key modulo this picks one. */
export const PTABLE_SIZE = 256;
/** The largest `City.maxPerturbation` that is honoured (larger values count as this). */
export const MAX_PERTURBATION = 5;

/**
 * The perturbation for a cell key (index = cell key mod `PTABLE_SIZE`) when the largest allowed
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
  perturbationTable(Math.min(Math.max(d, 0), MAX_PERTURBATION))[Number(BigInt(cellKey) % BigInt(PTABLE_SIZE))]!;

/** A SQL array of arrays: row d + 1 is the table for largest change d. */
const TABLES = raw(
  `ARRAY[${Array.from({ length: MAX_PERTURBATION + 1 }, (_v, d) => `ARRAY[${perturbationTable(d).join(',')}]`).join(',')}]::int[][]`,
);

/** SQL: the perturbation for the cell key `key` (a bigint sum of record keys) and largest change `d`. */
export const perturbationSql = (key: Prisma.Sql, d: Prisma.Sql) =>
  sql`(${TABLES})[LEAST(GREATEST(${d}, 0), ${MAX_PERTURBATION}::int) + 1][(coalesce(${key}, 0) % ${PTABLE_SIZE}::int)::int + 1]`;

/**
 * SQL: the count `n` as shown: null below `k`; otherwise `n` plus its perturbation, never below `k`.
 */
export const protectedCountSql = (n: Prisma.Sql, key: Prisma.Sql, k: Prisma.Sql, d: Prisma.Sql) =>
  sql`CASE WHEN ${n} >= ${k} THEN GREATEST(${k}, ${n} + ${perturbationSql(key, d)}) END`;

/**
 * SQL: a part `m` of a shown total (e.g. the signals followed up within N days), perturbed by its
 * own cell key and kept between 0 and the shown total `shown`.
 */
export const protectedPartSql = (m: Prisma.Sql, key: Prisma.Sql, d: Prisma.Sql, shown: Prisma.Sql) =>
  sql`LEAST(${shown}, GREATEST(0, ${m} + CASE WHEN ${m} > 0 THEN ${perturbationSql(key, d)} ELSE 0 END))`;
