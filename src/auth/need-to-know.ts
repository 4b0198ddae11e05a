import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * The fields of one result that were hidden from the viewer. They resolve to `null`; the response's
 * `extensions.hiddenFields` lists their paths with the reason, so clients can tell "hidden" from
 * "empty".
 */
export class HiddenFields {
  private readonly paths: (string | number)[][] = [];
  private readonly invalid: { path: (string | number)[]; rule: string; message: string }[] = [];

  hide(info: GraphQLResolveInfo) {
    this.paths.push(pathOf(info));
  }

  /**
   * A stored pilot value that its plugin's current definition no longer accepts: it reads as null
   * and is listed in `extensions.invalidPilotValues`; the stored value is kept.
   */
  invalidValue(info: GraphQLResolveInfo, problem: { rule: string; message: string }) {
    this.invalid.push({ path: pathOf(info), ...problem });
  }

  /** The `extensions` entries for this result, or undefined when there are none; starts afresh. */
  take(): Record<string, unknown> | undefined {
    if (this.paths.length === 0 && this.invalid.length === 0) return undefined;
    const paths = this.paths.splice(0);
    const invalid = this.invalid.splice(0);
    return {
      ...(paths.length && {
        hiddenFields: {
          code: ErrorCode.NEED_TO_KNOW,
          message: 'These fields are hidden: your role may know that the record exists, not its content.',
          paths,
        },
      }),
      ...(invalid.length && {
        invalidPilotValues: {
          code: ErrorCode.INVALID_PILOT_VALUE,
          message: 'These stored values no longer meet their plugin field definition; they read as null and are kept.',
          values: invalid,
        },
      }),
    };
  }
}

function pathOf(info: GraphQLResolveInfo) {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  return path;
}

/** When a field is hidden from the viewer: the same rule nulls the field and lists it in `hiddenFields`. */
export type HiddenRule<P = any, C = any> = (parent: P, ctx: C) => boolean | Promise<boolean>;

const hiddenRules = new Map<string, Map<string, HiddenRule>>();

/**
 * Registers the need-to-know rule of `typeName.field` (an object or interface type) and returns it,
 * for the field's resolver to use: one rule, so `hiddenFields` lists exactly what reads as hidden.
 */
export function hiddenWhen<P, C>(typeName: string, field: string, rule: HiddenRule<P, C>): HiddenRule<P, C> {
  const rules = hiddenRules.get(typeName) ?? new Map<string, HiddenRule>();
  rules.set(field, rule as HiddenRule);
  hiddenRules.set(typeName, rules);
  return rule;
}

/** The fields of this record hidden from the viewer, by the rules of its type and of its interfaces. */
export async function hiddenFieldsOf(typeNames: readonly string[], parent: unknown, ctx: unknown): Promise<string[]> {
  const hidden: string[] = [];
  for (const typeName of typeNames) {
    for (const [field, rule] of hiddenRules.get(typeName) ?? []) {
      if (!hidden.includes(field) && (await rule(parent, ctx))) hidden.push(field);
    }
  }
  return hidden.sort();
}
