import type { PrismaClient } from '../generated/prisma/client.ts';
import { csvLine, ndjsonLine, type Cell } from './csv.ts';
import type { ExportDefinition, ExportScope } from './definitions.ts';
import { pluck, pluginColumns } from './plugin-columns.ts';

export type ExportFormat = 'csv' | 'ndjson';

export interface ExportStreamOptions {
  prisma: PrismaClient;
  definition: ExportDefinition;
  scope: ExportScope;
  format: ExportFormat;
  batchSize: number;
  /** Aborted when the client goes away: no further batch is queried. */
  signal?: AbortSignal;
  onError?(error: unknown): void;
}

/**
 * The export as a pull-based byte stream: the first chunk is the header (CSV) plus the first batch,
 * every further chunk is one batch, queried only when the consumer asks for more (backpressure),
 * so memory holds one batch whatever the number of rows. The first batch is read before this
 * resolves, so a failing query still becomes an error response rather than a cut-off file.
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
      for (const c of extra) cells.push(pluck(row.pilotData, c.jsonPath) as Cell);
      text += format === 'csv' ? csvLine(cells) : ndjsonLine(headers, cells);
    }
    return text;
  };

  let after: string | null = null;
  let done = false;
  const next = async () => {
    const rows = await definition.batch(prisma, scope, after, batchSize);
    if (rows.length < batchSize) done = true;
    if (rows.length) after = rows[rows.length - 1]!.id;
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
