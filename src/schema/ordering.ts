import { builder } from '../builder.ts';
import { OrderDirection } from './enums.ts';

type Direction = 'ASC' | 'DESC';
type PrismaOrder = Record<string, 'asc' | 'desc'>;

/**
 * A sortable list's `<name>` input (`field` of `<name>Field`, `direction`) and the Prisma `orderBy`
 * it means. The row ID breaks ties, so cursor pages stay stable when values repeat.
 */
export function defineOrder<const C extends Record<string, string>>(
  name: string,
  columns: C,
  defaults: { field: keyof C & string; direction: Direction },
) {
  const Field = builder.enumType(`${name}Field`, { values: Object.keys(columns) as (keyof C & string)[] });
  const Input = builder.inputType(name, {
    fields: (t) => ({
      field: t.field({ type: Field, required: true }),
      direction: t.field({ type: OrderDirection, defaultValue: defaults.direction }),
    }),
  });
  const orderBy = (order?: { field: keyof C & string; direction?: Direction | null } | null): PrismaOrder[] => {
    const direction = (order?.direction ?? defaults.direction) === 'ASC' ? 'asc' : 'desc';
    return [{ [columns[order?.field ?? defaults.field]!]: direction }, { id: direction }];
  };
  return { Input, orderBy };
}

/** A Prisma range filter from an inclusive start and an exclusive end, or undefined for neither. */
export function range(from?: Date | null, before?: Date | null) {
  if (!from && !before) return undefined;
  return { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) };
}
