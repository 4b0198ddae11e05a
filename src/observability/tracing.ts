import { useOpenTelemetry } from '@envelop/opentelemetry';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';

export interface TracingOptions {
  /** Where spans are POSTed (OTLP over HTTP, JSON), e.g. `http://collector:4318/v1/traces`. */
  url: string;
  serviceName: string;
}

/**
 * OpenTelemetry traces over OTLP (the envelop OpenTelemetry plugin on a tracer provider of the
 * app's own): one span per operation with its name and type. No document text, variables,
 * arguments or results are recorded: inline arguments and results can hold signal content.
 */
export function createTracing({ url, serviceName }: TracingOptions): { plugin: Plugin; shutdown(): Promise<void> } {
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  const plugin = useOpenTelemetry(
    { document: false, variables: false, result: false, resolvers: false, defaultResolvers: false },
    provider,
    undefined,
    undefined,
    serviceName,
  ) as Plugin;
  return { plugin, shutdown: () => provider.shutdown() };
}
