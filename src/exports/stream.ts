import type { PrismaClient } from '../generated/prisma/client.ts';
import { csvLine, ndjsonLine, type Cell } from './csv.ts';
import { type BatchPlan, countMatches, type ExportDefinition, type ExportScope, readBatch } from './definitions.ts';
import { pluck, pluginColumns } from './plugin-columns.ts';

export type ExportFormat = 'csv' | 'ndjson';

export interface ExportStreamOptions {
  prisma: PrismaClient;
  definition: ExportDefinition;
  scope: ExportScope;
  format: ExportFormat;
  batchSize: number;
  /** Up to this many matching rows, batches are found by the filter's indexes (default 50 batches). */
  filteredUpTo?: number;
  /** Aborted when the client goes away: no further batch is queried. */
  signal?: AbortSignal;
  onError?(error: unknown): void;
  /** Told which batch plan the export uses, and how many rows match (null: all rows, not counted). */
  onPlan?(plan: BatchPlan, matches: number | null): void;
  /** Called with each batch before it is sent (e.g. to audit it); a failure ends the export. */
  onRows?(rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * The export as a pull-based byte stream: the first chunk is the header (CSV) plus the first batch,
 * every further chunk is one batch, queried only when the consumer asks for more (backpressure),
 * so memory holds one batch whatever the number of rows. The count and the first batch are read
 * before this resolves, so a failing query still becomes an error response rather than a cut-off file.
 */
export async function exportStream(options: ExportStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { prisma, definition, scope, format, batchSize, signal } = options;
  const extra = definition.pluginTarget ? pluginColumns(definition.pluginTarget) : [];
  const headers = [...definition.columns.map((c) => c.header), ...extra.map((c) => c.header)];
  const encoder = new TextEncoder();
  const render = (rows: Record<string, unknown>[]): string => {
    let text = '';
    for (const row of rows) {
      const cells: Cell[] = definition.columns.map((c) => c.value(row as never));
      for (const c of extra) {
        const value = pluck(row.pilotData, c.jsonPath);
        cells.push((value !== null && c.valid && !c.valid(value) ? null : value) as Cell);
      }
      text += format === 'csv' ? csvLine(cells) : ndjsonLine(headers, cells);
    }
    return text;
  };

  // With conditions, count the matches first: few of them are found faster by the filter's indexes,
  // many are walked in key order, but only between the first and the last match.
  const matches = await countMatches(prisma, definition, scope);
  const plan: BatchPlan = matches && matches.rows <= (options.filteredUpTo ?? 50 * batchSize) ? 'filtered' : 'ordered';
  options.onPlan?.(plan, matches?.rows ?? null);

  let after: string | null = null;
  let done = matches?.rows === 0;
  const next = async (): Promise<Record<string, unknown>[]> => {
    if (done) return [];
    const rows = await readBatch<Record<string, unknown> & { id: string }>(prisma, definition, scope, after, batchSize, plan, matches ?? undefined);
    if (rows.length < batchSize) done = true;
    if (rows.length) after = rows[rows.length - 1]!.id;
    if (rows.length) await options.onRows?.(rows);
    return rows;
  };

  let pending: string | null = (format === 'csv' ? csvLine(headers) : '') + render(await next());
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (pending !== null) {
            const text = pending;
            pending = null;
            if (text) controller.enqueue(encoder.encode(text));
            if (done) controller.close();
            return;
          }
          if (done || signal?.aborted) return controller.close();
          const text = render(await next());
          if (signal?.aborted) return controller.close();
          if (text) controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        } catch (error) {
          options.onError?.(error);
          controller.error(error);
        }
      },
      cancel() {
        done = true;
      },
    },
    { highWaterMark: 0 },
  );
}
