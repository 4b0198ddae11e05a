import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * The fields of one result that were hidden from the viewer. They resolve to `null`; the response's
 * `extensions.hiddenFields` lists their paths with the reason, so clients can tell "hidden" from
 * "empty".
 */
export class HiddenFields {
  private readonly paths: (string | number)[][] = [];

  hide(info: GraphQLResolveInfo) {
    const path: (string | number)[] = [];
    for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
    this.paths.push(path);
  }

  /** The `extensions` entry for this result, or undefined when nothing was hidden; starts afresh. */
  take(): Record<string, unknown> | undefined {
    if (this.paths.length === 0) return undefined;
    const paths = this.paths.splice(0);
    return {
      hiddenFields: {
        code: ErrorCode.NEED_TO_KNOW,
        message: 'These fields are hidden: your role may know that the record exists, not its content.',
        paths,
      },
    };
  }
}
