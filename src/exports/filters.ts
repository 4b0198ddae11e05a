import { z } from 'zod';
import { badInput, fromZodError, type InputIssue } from '../errors.ts';
import { activityKinds } from '../schema/activity/kinds.ts';
import { globalId } from '../validation.ts';

/** Most values one repeatable query parameter may have. */
export const MAX_VALUES = 100;

const isoDate = z.iso.date('must be a date (YYYY-MM-DD)');
const one = <T extends z.ZodType>(schema: T) =>
  z.array(schema).max(1, 'must be given at most once').optional().transform((values) => values?.[0]);
const many = (typename: string) => z.array(globalId(typename)).max(MAX_VALUES, `must be given at most ${MAX_VALUES} times`).default([]);

const common = {
  from: one(isoDate),
  to: one(isoDate),
  cityId: many('City'),
  schoolId: many('School'),
  partnershipId: many('Partnership'),
};

const refineRange = (f: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (f.from && f.to && f.to < f.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from', params: { rule: 'range' } });
  }
};

/**
 * Query parameters of the exports, the same filters as the `evaluation` query: `from` and `to` are
 * dates in Europe/Amsterdam (both inclusive); `cityId`, `schoolId`, `partnershipId` are global IDs
 * and repeatable (any of them matches); `kind` (activities only) is repeatable. Unknown parameters
 * are refused, so a typo never silently exports everything.
 */
export const activityExportFilter = z
  .strictObject({
    ...common,
    kind: z
      .array(z.string().refine((k) => activityKinds().some((d) => d.kind === k), { message: 'unknown activity kind', params: { rule: 'enum' } }))
      .max(MAX_VALUES, `must be given at most ${MAX_VALUES} times`)
      .default([]),
  })
  .superRefine(refineRange);

/** The filters of every partnership-scoped export without kinds (signals, and e.g. monitor scores). */
export const partnershipExportFilter = z.strictObject(common).superRefine(refineRange);
export const signalExportFilter = partnershipExportFilter;

export type ExportFilter = { from?: string; to?: string; cityId: string[]; schoolId: string[]; partnershipId: string[]; kind?: string[] };

/** Query parameters as lists per name (each parameter may repeat). */
export function paramsOf(url: URL): Record<string, string[]> {
  // A Map, not an object: a parameter named `__proto__` or `constructor` is just an unknown parameter.
  const params = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return Object.fromEntries(params);
}

/** Parses the query parameters; throws one BAD_USER_INPUT error whose `field` is the parameter name. */
export function parseExportFilter(schema: z.ZodType<ExportFilter, any>, params: Record<string, string[]>): ExportFilter {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue): z.core.$ZodIssue[] =>
    // An unknown parameter: one issue per name, reported as that parameter with rule `unknown`.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ ...issue, code: 'custom', path: [key], message: 'is not a parameter of this export', params: { rule: 'unknown' } }) as z.core.$ZodIssue)
      : [issue],
  );
  // fromZodError names the rule of each issue; clients name parameters (`cityId`), not positions (`query.cityId.0`).
  const coded = fromZodError(new z.ZodError(issues), 'query');
  throw badInput((coded.extensions.issues as InputIssue[]).map((i) => ({ ...i, field: i.field.split('.')[1] ?? i.field })));
}
