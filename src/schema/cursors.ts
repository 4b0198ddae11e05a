import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { badInput } from '../errors.ts';

export type CursorArgs = { after?: string | null; before?: string | null };

/** The row ID a connection cursor (`after` or `before`) points at, or null (none, or not one of ours). */
export function cursorRowId(args: CursorArgs): string | null {
  const cursor = args.after ?? args.before;
  if (!cursor) return null;
  try {
    const decoded = decodeBase64(cursor);
    return decoded.startsWith('GPC:') ? String(decodeCursorChunk(decoded.slice(4))) : null;
  } catch {
    return null;
  }
}

/**
 * Prisma places a cursor by reading the cursor row's sort values without the list's filter, so a
 * cursor made from a row the viewer may not see would reveal its values by the page it yields. Only
 * a row of the list itself may be a cursor.
 */
export async function assertCursorInList<W>(
  model: { count(args: { where: { AND: W[] } }): Promise<number> },
  where: W,
  args: CursorArgs,
) {
  const id = cursorRowId(args);
  if (id && (await model.count({ where: { AND: [where, { id } as W] } })) === 0) {
    throw badInput([{ field: args.after ? 'after' : 'before', rule: 'cursor', message: 'is not a position in this list' }]);
  }
}
