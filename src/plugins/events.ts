/**
 * Live events of plugins. Core events (a signal reported, an activity logged, …) are published after
 * their write commits; the instance that made the write then runs the plugins' handlers of that
 * event, which may publish the plugin's own events. Every event carries IDs only; subscriptions
 * re-read the record through the access rules for each subscriber.
 */
import type { Logger } from 'pino';
import { AuditTrail } from '../audit.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { PubSub, RecordEvent } from '../pubsub.ts';
import { CORE_EVENTS, type CoreEventName, type HookApi } from './define.ts';
import { enabledPlugins, type LoadedPlugin } from './registry.ts';
import { eventPrisma, type EventScope } from './scoped-prisma.ts';

/** The pub/sub topic of a plugin's event. */
export const pluginTopic = (plugin: string, event: string): `plugin:${string}` => `plugin:${plugin}:${event}`;

/** What a plugin event carries: the record's IDs and the declared extra values. */
export interface PluginEventPayload extends RecordEvent {
  data?: Record<string, unknown>;
}

const isCoreEvent = (topic: string): topic is CoreEventName => (CORE_EVENTS as readonly string[]).includes(topic);

const RECORD_OF: Record<CoreEventName, EventScope['record']> = {
  signalReported: 'Signal',
  signalChanged: 'Signal',
  activityLogged: 'Activity',
  activityChanged: 'Activity',
};

export interface PluginHooks {
  /** The event bus for contexts: publishing a core event also runs the plugins' handlers. */
  pubsub: PubSub;
  /** Waits for handlers still running (on shutdown). */
  drain(): Promise<void>;
}

/** Wraps the event bus so that the plugins' handlers run after each core event this instance publishes. */
export function withPluginHooks(pubsub: PubSub, deps: { prisma: PrismaClient; log: Logger }): PluginHooks {
  const running = new Set<Promise<void>>();
  const handlers = enabledPlugins().flatMap((plugin) =>
    Object.entries(plugin.definition.on ?? {}).map(([event, handler]) => ({ plugin, event, handler: handler! })),
  );
  if (handlers.length === 0) return { pubsub, drain: async () => {} };

  // A handler reads through the same guard as resolvers, scoped to the event (see eventPrisma), and
  // its reads of signal content are audited like a resolver's: one READ per signal, with the columns
  // read, by the system (no viewer: actorId null), written when the handler has finished.
  const apiOf = (plugin: LoadedPlugin, scope: EventScope, audit: AuditTrail): HookApi => {
    const prisma = eventPrisma(deps.prisma, scope, (id, fields) => fields.forEach((field) => audit.read('Signal', id, field)));
    return {
      prisma,
      log: deps.log.child({ plugin: plugin.name }),
      publish: (event, payload) => {
        const def = plugin.definition.events?.[event];
        if (!def) throw new Error(`Plugin "${plugin.name}" has no event "${event}"`);
        // A handler publishes about the record it was called for (or its partnership), never another:
        // subscribers are checked against that record, so its content cannot travel under another's ID.
        const own = def.record === 'Partnership' ? scope.partnershipId : def.record === scope.record ? scope.id : null;
        if (payload.id !== own || payload.partnershipId !== scope.partnershipId) {
          throw new Error(`Plugin "${plugin.name}" event "${event}" must be about the handled ${def.record === 'Partnership' ? 'partnership' : 'record'} (${own ?? `a ${def.record}, which this handler does not handle`}), not ${payload.id}`);
        }
        (pubsub.publish as (topic: string, payload: PluginEventPayload) => void)(pluginTopic(plugin.name, event), payload);
      },
      pilotValues: async (target, id) => {
        const row =
          target === 'Signal'
            ? await prisma.signal.findUnique({ where: { id }, select: { pilotData: true } })
            : await prisma.activity.findUnique({ where: { id }, select: { pilotData: true } });
        return (row?.pilotData as Record<string, Record<string, unknown>> | undefined)?.[plugin.name] ?? null;
      },
    };
  };

  /** Runs the handlers of one core event, only those of plugins for the event's city. */
  const runHandlers = async (topic: CoreEventName, payload: RecordEvent) => {
    const listening = handlers.filter((h) => h.event === topic);
    if (listening.length === 0) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The partnership's city in one statement (a nested select would read the partnership, then the city).
    const city = await deps.prisma.city.findFirst({ where: { partnerships: { some: { id: payload.partnershipId } } }, select: { name: true } });
    const scope: EventScope = { record: RECORD_OF[topic], id: payload.id, partnershipId: payload.partnershipId };
    for (const { plugin, event, handler } of listening) {
      if (!city || !plugin.cities.has(city.name)) continue;
      const audit = new AuditTrail(deps.prisma, null);
      try {
        await handler({ id: payload.id, partnershipId: payload.partnershipId, ...(payload.kind && { kind: payload.kind }) }, apiOf(plugin, scope, audit));
      } catch (error) {
        deps.log.error({ err: error, plugin: plugin.name, event }, 'plugin event handler failed');
      } finally {
        // Also when the handler failed: what it read before failing was read.
        await audit.flush().catch((error: unknown) => deps.log.error({ err: error, plugin: plugin.name, event }, 'plugin event handler reads not audited'));
      }
    }
  };

  const wrapped = new Proxy(pubsub, {
    get(target, prop, receiver) {
      if (prop !== 'publish') return Reflect.get(target, prop, receiver);
      return (topic: string, payload: RecordEvent) => {
        (target.publish as (t: string, p: unknown) => void)(topic, payload);
        if (!isCoreEvent(topic)) return;
        // After the response: a slow or failing handler never delays or fails the write.
        const run = runHandlers(topic, payload).catch((error: unknown) => deps.log.error({ err: error, event: topic }, 'plugin event handlers failed'));
        running.add(run);
        void run.finally(() => running.delete(run));
      };
    },
  });
  return {
    pubsub: wrapped,
    drain: async () => {
      await Promise.all([...running]);
    },
  };
}
