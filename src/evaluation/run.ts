/**
 * Runs one metric family's statement for the `evaluation` query and the evaluation exports alike:
 * checks that every dimension applies, then applies the disclosure control that is not SQL (rows
 * whose count is suppressed lose their signal group values; see `withoutSuppressedGroups`).
 */
import { badInput } from '../errors.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { appliesTo, familiesOf, type MetricFamily } from './dimensions.ts';
import type { CellBase, EvaluationScope } from './queries.ts';

type Cell = CellBase & Record<string, unknown>;

export async function evaluationCells<C extends Cell>(prisma: PrismaClient, scope: EvaluationScope, family: MetricFamily, statement: Prisma.Sql): Promise<C[]> {
  const issues = scope.dimensions
    .filter((d) => !appliesTo(d, family))
    .map((d) => ({ field: 'groupBy', rule: 'dimensionApplies', message: `${d.name} does not apply to ${family} (it applies to: ${familiesOf(d).join(', ')})` }));
  if (issues.length) throw badInput(issues);
  return withoutSuppressedGroups(await prisma.$queryRaw<C[]>(statement), scope, family);
}

/** Whether a row's count is suppressed, per family (families not about young people have none). */
const COUNT_SUPPRESSED: Partial<Record<MetricFamily, string>> = { reach: 'suppressed', signals: 'countSuppressed' };

/**
 * A row whose count is suppressed must not tell which group it is beyond what the viewer may know
 * anyway (where and when a signal was reported: city, school, partnership, form, bucket). Its values
 * of dimensions over the signal itself (category, life domain, status, pilot values: content or
 * metadata of signals) become null, and the suppressed rows that are then alike become one, so
 * neither a value nor the number of suppressed groups shows.
 */
export function withoutSuppressedGroups<C extends Cell>(cells: C[], scope: EvaluationScope, family: MetricFamily): C[] {
  const flag = COUNT_SUPPRESSED[family];
  const hidden = scope.dimensions.flatMap((d, i) => (d.table === 'Signal' ? [i] : []));
  if (!flag || !hidden.length) return cells;
  const seen = new Set<string>();
  const out: C[] = [];
  for (const cell of cells) {
    if (!cell[flag]) {
      out.push(cell);
      continue;
    }
    const masked: Cell = { ...cell };
    for (const i of hidden) {
      masked[`d${i}`] = null;
      masked[`l${i}`] = null;
    }
    const key = JSON.stringify([masked.bucketStart, ...scope.dimensions.map((_d, i) => masked[`d${i}`])]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(masked as C);
  }
  return out;
}
