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
