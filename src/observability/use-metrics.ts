import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { whenPushedEnds } from '../live/grouped-execution.ts';

export const METRICS_PATH = '/metrics';

export interface MetricsOptions {
  /** A registry of the app's own (tests build several apps in one process). */
  registry?: Registry;
  /** The database's pool, read when metrics are scraped (PostgreSQL only). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/** Parse and validation errors get their codes from yoga only later, when the result is sent. */
const PHASE_CODES: Record<string, string> = { parse: 'GRAPHQL_PARSE_FAILED', validate: 'GRAPHQL_VALIDATION_FAILED' };

const codeOf = (error: unknown, phase: string | undefined) => {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string') return code;
  return (phase && PHASE_CODES[phase]) ?? 'INTERNAL_SERVER_ERROR';
};

/**
 * Prometheus metrics at `/metrics` (yoga's Prometheus plugin on a registry of the app's own):
 * operations and their duration by operation name and type, errors by `extensions.code` and phase,
 * HTTP duration by method and status, subscriptions open now, the PostgreSQL pool, and the
 * process's own metrics.
 * Labels carry operation names and codes only, never variables or results.
 */
export function useMetrics({ registry = new Registry(), poolStats }: MetricsOptions = {}): Plugin[] {
  collectDefaultMetrics({ register: registry });
  if (poolStats) {
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting = requests queued for one)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, stats[state]);
      },
    });
  }
  const activeSubscriptions = new Gauge({
    name: 'graphql_active_subscriptions',
    help: 'Subscriptions open now (graphql-ws and SSE)',
    labelNames: ['operationName'] as const,
    registers: [registry],
  });
  const operation = (params: { operationName?: string; operationType?: string }) => ({
    operationName: params.operationName ?? 'anonymous',
    operationType: params.operationType ?? 'unknown',
  });

  const prometheus = usePrometheus({
    registry,
    endpoint: METRICS_PATH,
    skipIntrospection: true,
    labels: { url: false },
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: { name: 'graphql_requests_total', help: 'GraphQL operations executed, by operation', labelNames: ['operationName', 'operationType'] },
        fillLabelsFn: operation,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_request_duration_seconds',
          help: 'Time to execute a GraphQL operation, by operation',
          labelNames: ['operationName', 'operationType'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        },
        fillLabelsFn: operation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: { name: 'graphql_errors_total', help: 'Errors in GraphQL results, by extensions.code and phase', labelNames: ['code', 'phase', 'operationName'] },
        fillLabelsFn: (params) => ({ code: codeOf(params.error, params.errorPhase), phase: params.errorPhase ?? 'execute', operationName: params.operationName ?? 'anonymous' }),
      }),
      graphql_yoga_http_duration: true,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  });

  const subscriptions: Plugin = {
    onSubscribe({ args }) {
      const name = getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous';
      return {
        onSubscribeResult({ result }) {
          const end = () => activeSubscriptions.dec({ operationName: name });
          if (Symbol.asyncIterator in result) {
            activeSubscriptions.inc({ operationName: name });
            return { onEnd: end };
          }
          // Pushed to a socket (src/live/grouped-execution.ts): the pipeline saw a plain result.
          if (whenPushedEnds(args.contextValue, end)) activeSubscriptions.inc({ operationName: name });
          return undefined;
        },
      };
    },
  };
  return [prometheus, subscriptions];
}
