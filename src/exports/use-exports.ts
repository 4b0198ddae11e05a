import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { evaluationCityIds } from '../auth/policy.ts';
import { type ContextDeps, loadViewer } from '../context.ts';
import { appError, ErrorCode, forbidden, unauthenticated } from '../errors.ts';
import { type ExportDefinition, EXPORTS } from './definitions.ts';
import { paramsOf, parseExportFilter } from './filters.ts';
import { type ExportFormat, exportStream } from './stream.ts';

export const EXPORTS_PATH = '/exports/';

export interface ExportsOptions {
  /** Rows per query (default 1000). */
  batchSize?: number;
  /** The exports served (default: all of `EXPORTS`). */
  exports?: readonly ExportDefinition[];
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
};

/** Today in Amsterdam as YYYY-MM-DD, for the file name. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** An error response in the GraphQL shape, so clients handle both APIs alike. */
function errorResponse(error: GraphQLError, status = STATUS[error.extensions.code as string] ?? 500): Response {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return Response.json({ errors: [{ message: error.message, extensions }] }, { status });
}

/**
 * Streaming exports of pseudonymised rows for evaluation: `GET /exports/<name>.csv` or `.ndjson`
 * (`activities`, `signals`), with the same bearer token and filters as the `evaluation` query. Who
 * may export is `evaluationCityIds` (analysts, policy advisors of their cities, admins). Every
 * refusal is a JSON error before the first byte; rows are then streamed in batches (see
 * `exportStream`).
 */
export function useExports(deps: ContextDeps, options: ExportsOptions = {}): Plugin {
  const batchSize = options.batchSize ?? 1000;
  const byName = new Map((options.exports ?? EXPORTS).map((d) => [d.name, d]));

  async function handle(request: Request, url: URL): Promise<Response> {
    const match = /^\/exports\/([a-z0-9-]+)\.(csv|ndjson)$/.exec(url.pathname);
    const definition = match ? byName.get(match[1]!) : undefined;
    if (!match || !definition) {
      return errorResponse(appError(ErrorCode.NOT_FOUND, `No export at ${url.pathname}; try /exports/activities.csv.`));
    }
    if (request.method !== 'GET') {
      return errorResponse(appError(ErrorCode.BAD_USER_INPUT, 'Exports are read with GET.', { field: 'method', rule: 'enum' }), 405);
    }
    const format = match[2] as ExportFormat;
    const { viewer } = await loadViewer(deps, request.headers.get('authorization'));
    if (!viewer.authenticated) return errorResponse(unauthenticated());
    const cityIds = evaluationCityIds(viewer);
    if (cityIds?.length === 0) return errorResponse(forbidden('Only analysts, policy advisors and administrators export evaluation data.'));
    const filter = parseExportFilter(definition.filter, paramsOf(url));

    let plan: { plan: string; matches: number | null } | undefined;
    const body = await exportStream({
      prisma: deps.prisma,
      definition,
      scope: { filter, cityIds },
      format,
      batchSize,
      signal: request.signal,
      onPlan: (chosen, matches) => (plan = { plan: chosen, matches }),
      onError: (error) => deps.log.error({ err: error, export: definition.name }, 'export failed while streaming'),
    });
    deps.log.info({ personId: viewer.personId, export: definition.name, format, filter, ...plan }, 'export started');
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${definition.name}-${today()}.${format}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(EXPORTS_PATH)) return;
      try {
        endResponse(await handle(request, url));
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code) return endResponse(errorResponse(error));
        deps.log.error({ err: error }, 'export failed');
        endResponse(errorResponse(new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }), 500));
      }
    },
  };
}
