import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { badInput } from '../errors.ts';

export type CursorArgs = { after?: string | null; before?: string | null };

/**
 * The row IDs the connection cursors (`after`, `before`) point at. Every cursor given counts, an
 * empty one too: one that is not a cursor of ours is BAD_USER_INPUT.
 */
export function cursorRows(args: CursorArgs): { field: 'after' | 'before'; id: string }[] {
  const rows: { field: 'after' | 'before'; id: string }[] = [];
  for (const field of ['after', 'before'] as const) {
    const cursor = args[field];
    if (cursor == null) continue;
    let id: string | null = null;
    try {
      const decoded = decodeBase64(cursor);
      if (decoded.startsWith('GPC:')) id = String(decodeCursorChunk(decoded.slice(4)));
    } catch {
      id = null;
    }
    if (!id) throw badInput([{ field, rule: 'cursor', message: 'is not a cursor of this list' }]);
    rows.push({ field, id });
  }
  return rows;
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
  for (const { field, id } of cursorRows(args)) {
    if ((await model.count({ where: { AND: [where, { id } as W] } })) === 0) {
      throw badInput([{ field, rule: 'cursor', message: 'is not a position in this list' }]);
    }
  }
}

/**
 * For nested lists, where the cursor cannot be checked before the query: a `where` that holds only
 * when every cursor row is in the list (`inList(id)`), so a foreign cursor yields an empty page.
 */
export function cursorsInList<W>(args: CursorArgs, where: W, inList: (id: string) => W): W {
  const rows = cursorRows(args);
  return rows.length ? ({ AND: [where, ...rows.map((r) => inList(r.id))] } as W) : where;
}
