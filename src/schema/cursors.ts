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

type Counter<W> = { count(args: { where: { AND: W[] } }): Promise<number> };

/**
 * Every connection's rule for cursors. A cursor is a position in the list's scope: what the viewer
 * may list there before any filter (for signals filtered or sorted on content, the signals whose
 * content they may read). A cursor of a row outside it (another city's, one the viewer may not see,
 * another parent's) is refused, as Prisma would place it by that row's sort values. Inside it, the
 * page holds the filtered list's rows after (or before) that position whether or not the cursor's
 * own row matches the filter, so no answer depends on a value the filter tests (no cursor oracle).
 *
 * Returns what the query needs beyond Pothos' own cursor arguments: Prisma skips the cursor row
 * (`skip: 1`) as if it were in the page, which it is not when the filter leaves it out.
 */
export async function cursorPosition<W>(model: Counter<W>, scope: W, where: W, args: CursorArgs): Promise<{ skip?: number }> {
  const rows = cursorRows(args);
  for (const { field, id } of rows) {
    if ((await model.count({ where: { AND: [scope, { id } as W] } })) === 0) {
      throw badInput([{ field, rule: 'cursor', message: 'is not a position in this list' }]);
    }
  }
  return rows.length && (await model.count({ where: { AND: [where, { id: rows[0]!.id } as W] } })) === 0 ? { skip: 0 } : {};
}

/**
 * The same rule for nested lists, whose query serves every parent at once: the `where` holds only
 * for the parent whose scope holds the cursor row (`inScope(id)`), so a foreign cursor yields an
 * empty page; the skip is as above (only that one parent gets rows).
 */
export async function nestedCursorPosition<W>(
  model: Counter<W>,
  where: W,
  inScope: (id: string) => W,
  args: CursorArgs,
): Promise<{ where: W; skip?: number }> {
  const rows = cursorRows(args);
  if (!rows.length) return { where };
  const matches = await model.count({ where: { AND: [where, { id: rows[0]!.id } as W] } });
  return { where: { AND: [where, ...rows.map((r) => inScope(r.id))] } as W, ...(matches ? {} : { skip: 0 }) };
}

/**
 * A nested connection's `query` as Pothos takes it: the installed plugin-prisma waits for a promise
 * from `query` (the cursor rule needs a lookup), though its types only say so for plain values.
 */
export const awaitedQuery = <T>(query: Promise<T>) => query as unknown as T;
