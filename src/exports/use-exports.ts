import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { CODEBOOK_COLUMNS, codebook } from './codebook.ts';
import { evaluationCityIds, evaluationSeesReferrals } from '../auth/policy.ts';
import { type ContextDeps, loadViewer } from '../context.ts';
import { appError, ErrorCode, forbidden, unauthenticated, unexpectedError } from '../errors.ts';
import { createHash } from 'node:crypto';
import { AuditTrail } from '../audit.ts';
import { csvLine, ndjsonLine } from './csv.ts';
import { dataSubjectReport } from '../data-subject/report.ts';
import { type ExportDefinition, EXPORTS } from './definitions.ts';
import { evaluationFamilyOf, evaluationTable } from './evaluation.ts';
import { type ExportFilter, paramsOf, parseExportFilter } from './filters.ts';
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

/**
 * The file name says what was asked, so two downloads with different filters do not overwrite each
 * other: `activities_2025-08-01_2026-07-31_CONSULTATION_f3a9c2d1_<today>.csv`, where the hash stands
 * for the city, school and partnership filters (IDs are too long for a file name).
 */
function fileName(name: string, filter: Pick<ExportFilter, 'from' | 'to' | 'kind'>, url: URL, format: ExportFormat, describe?: string): string {
  const ids = ['cityId', 'schoolId', 'partnershipId'].flatMap((p) => url.searchParams.getAll(p).map((v) => `${p}=${v}`)).sort();
  const parts = [
    name,
    ...(describe ? [describe] : [filter.from ?? 'start', filter.to ?? 'end', ...(filter.kind ?? [])]),
    ...(ids.length ? [createHash('sha256').update(ids.join('&')).digest('hex').slice(0, 8)] : []),
    today(),
  ];
  return `${parts.join('_').replace(/[^A-Za-z0-9._-]/g, '-')}.${format}`;
}

const fileHeaders = (format: ExportFormat, file: string) => ({
  'content-type': CONTENT_TYPES[format],
  'content-disposition': `attachment; filename="${file}"`,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});

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
  let schema: GraphQLSchema | undefined;

  /**
   * `GET /exports/data-subject/youth/<id>.json` or `/person/<id>.json`: every record that refers to
   * the subject (AVG art. 15), for admins only; every run is an audit event (READ of
   * `dataSubjectReport`) about the subject.
   */
  async function dataSubject(request: Request, kind: 'youth' | 'person', id: string): Promise<Response> {
    if (request.method !== 'GET') {
      return errorResponse(appError(ErrorCode.BAD_USER_INPUT, 'Exports are read with GET.', { field: 'method', rule: 'enum' }), 405);
    }
    const { viewer } = await loadViewer(deps, request.headers.get('authorization'));
    if (!viewer.authenticated) return errorResponse(unauthenticated());
    if (!viewer.isAdmin) return errorResponse(forbidden('Data-subject reports are for administrators only.'));
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      return errorResponse(appError(ErrorCode.NOT_FOUND, `No ${kind} with id ${id}: id must be a UUID.`));
    }
    const report = await dataSubjectReport(deps.prisma, kind, id);
    if (!report) return errorResponse(appError(ErrorCode.NOT_FOUND, `No ${kind} with id ${id}.`));
    await deps.prisma.auditEvent.create({
      data: { actorId: viewer.personId, operation: 'READ', entity: kind === 'youth' ? 'Youth' : 'Person', entityId: id, fields: ['dataSubjectReport'] },
    });
    deps.log.info({ personId: viewer.personId, export: 'data-subject', kind, subjectId: id }, 'data-subject report');
    return new Response(JSON.stringify(report, null, 2), {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="data-subject_${kind}_${id}_${today()}.json"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  async function handle(request: Request, url: URL): Promise<Response> {
    const subject = /^\/exports\/data-subject\/(youth|person)\/([^/]+)\.json$/.exec(url.pathname);
    if (subject) return dataSubject(request, subject[1] as 'youth' | 'person', subject[2]!);
    const match = /^\/exports\/([a-z0-9-]+)\.(csv|ndjson)$/.exec(url.pathname);
    const definition = match ? byName.get(match[1]!) : undefined;
    const family = match ? evaluationFamilyOf(match[1]!) : undefined;
    if (match?.[1] === 'codebook' && schema && request.method === 'GET') {
      // What the columns mean is not data: no token needed.
      const rows = codebook(schema, [...byName.values()]).map((row) => CODEBOOK_COLUMNS.map((c) => row[c]));
      const format = match[2] as ExportFormat;
      const body = format === 'csv' ? csvLine(CODEBOOK_COLUMNS) + rows.map(csvLine).join('') : rows.map((r) => ndjsonLine(CODEBOOK_COLUMNS, r)).join('');
      return new Response(body, { status: 200, headers: fileHeaders(format, `codebook_${today()}.${format}`) });
    }
    if (!match || (!definition && !family)) {
      return errorResponse(appError(ErrorCode.NOT_FOUND, `No export at ${url.pathname}; try /exports/activities.csv.`));
    }
    if (request.method !== 'GET') {
      return errorResponse(appError(ErrorCode.BAD_USER_INPUT, 'Exports are read with GET.', { field: 'method', rule: 'enum' }), 405);
    }
    const format = match[2] as ExportFormat;
    const { viewer } = await loadViewer(deps, request.headers.get('authorization'));
    if (!viewer.authenticated) return errorResponse(unauthenticated(viewer.signInProblem));
    const cityIds = evaluationCityIds(viewer);
    if (cityIds?.length === 0) return errorResponse(forbidden('Only analysts, policy advisors and administrators export evaluation data.'));
    if (family) {
      const table = await evaluationTable(deps.prisma, family, url, cityIds, { referrals: evaluationSeesReferrals(viewer) });
      deps.log.info({ personId: viewer.personId, export: match[1], format, rows: table.rows.length }, 'evaluation export');
      const body =
        format === 'csv'
          ? csvLine(table.headers) + table.rows.map(csvLine).join('')
          : table.rows.map((row) => ndjsonLine(table.headers, row)).join('');
      return new Response(body, { status: 200, headers: fileHeaders(format, fileName(match[1]!, {}, url, format, table.describe)) });
    }
    if (!definition) throw new Error('unreachable');
    if (definition.readers === 'admins' && !viewer.isAdmin) {
      return errorResponse(
        forbidden(
          `One row per record of /exports/${definition.name} is for those who may read every such record. ` +
            `Evaluation figures as files: /exports/evaluation-${definition.name}.csv (same filters, under disclosure control).`,
        ),
      );
    }
    const filter = parseExportFilter(definition.filter, paramsOf(url));
    const audited = definition.audited;
    const columns = definition.columns.map((c) => c.header);
    const onRows = audited
      ? async (rows: Record<string, unknown>[]) => {
          const trail = new AuditTrail(deps.prisma, viewer.personId);
          for (const row of rows) for (const column of columns) trail.read(audited, row.id as string, column);
          await trail.flush();
        }
      : undefined;

    let plan: { plan: string; matches: number | null } | undefined;
    const body = await exportStream({
      prisma: deps.prisma,
      definition,
      scope: { filter, cityIds },
      format,
      batchSize,
      signal: request.signal,
      onPlan: (chosen, matches) => (plan = { plan: chosen, matches }),
      onRows,
      onError: (error) => deps.log.error({ err: error, export: definition.name }, 'export failed while streaming'),
    });
    deps.log.info({ personId: viewer.personId, export: definition.name, format, filter, ...plan }, 'export started');
    return new Response(body, {
      status: 200,
      headers: fileHeaders(format, fileName(definition.name, filter, url, format)),
    });
  }

  return {
    onSchemaChange({ schema: changed }) {
      schema = changed;
    },
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(EXPORTS_PATH)) return;
      try {
        endResponse(await handle(request, url));
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code) return endResponse(errorResponse(error));
        deps.log.error({ err: error }, 'export failed');
        endResponse(errorResponse(unexpectedError(), 500));
      }
    },
  };
}
