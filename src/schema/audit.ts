import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import type { AuditedEntity } from '../audit.ts';
import { builder } from '../builder.ts';
import { forbidden } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { AuditOperation } from '../generated/prisma/enums.ts';
import { globalId, parseInput } from '../validation.ts';
import { range } from './ordering.ts';

const AuditOperationEnum = builder.enumType(AuditOperation, { name: 'AuditOperation' });
const AUDITED = ['Signal', 'Youth', 'RoleAssignment', 'City', 'School', 'YouthWorkOrganisation', 'Person', 'Activity'] as const satisfies readonly AuditedEntity[];
const AuditedEntityEnum = builder.enumType('AuditedEntity', { values: AUDITED });

const AuditEventRef = builder.prismaObject('AuditEvent', {
  description: 'One audited read or write. The log is append-only: nothing in the API (or the database) changes it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.id({
      nullable: true,
      description: 'The Person who acted (a global ID); null for the system, e.g. retention.',
      resolve: (e) => (e.actorId ? encodeGlobalID('Person', e.actorId) : null),
    }),
    operation: t.expose('operation', { type: AuditOperationEnum }),
    entity: t.field({ type: AuditedEntityEnum, resolve: (e) => e.entity as (typeof AUDITED)[number] }),
    entityId: t.id({ description: 'Global ID of the record.', resolve: (e) => encodeGlobalID(e.entity, e.entityId) }),
    fields: t.exposeStringList('fields', { description: 'The fields read or written.' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    actorId: t.id(),
    entityId: t.id({ description: 'The global ID of an audited record (a Signal, Youth, RoleAssignment, City, School, YouthWorkOrganisation, Person or Activity).' }),
    entity: t.field({ type: AuditedEntityEnum }),
    operation: t.field({ type: [AuditOperationEnum] }),
    from: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    before: t.field({ type: 'DateTime', description: 'Before this instant.' }),
  }),
});

const auditFilterSchema = z
  .object({
    actorId: globalId('Person').nullish(),
    entityId: globalId(...AUDITED).nullish(),
    entity: z.enum(AUDITED).nullish(),
    operation: z.array(z.enum(AuditOperation)).max(10).nullish(),
    from: z.date().nullish(),
    before: z.date().nullish(),
  })
  .nullish();

function auditWhere(rawFilter: unknown): Prisma.AuditEventWhereInput {
  const f = parseInput(auditFilterSchema, rawFilter, 'filter') ?? {};
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.operation?.length ? { operation: { in: f.operation } } : {}),
    at: range(f.from, f.before),
  };
}

const AuditEventConnection = builder.connectionObject({ type: AuditEventRef, name: 'AuditEventConnection' }, { name: 'AuditEventEdge' });

builder.queryField('auditEvents', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEvent',
      cursor: 'id',
      description: 'The audit log, newest first (admins only).',
      args: { filter: t.arg({ type: AuditEventFilter, description: 'Only the items matching every field given (fields left out do not filter).' }) },
      resolve: (query, _root, args, ctx) => {
        if (!ctx.viewer.isAdmin) throw forbidden('Only admins read the audit log.');
        return ctx.prisma.auditEvent.findMany({ ...query, where: auditWhere(args.filter), orderBy: [{ at: 'desc' }, { id: 'desc' }] });
      },
      totalCount: (_c, args, ctx) => (ctx.viewer.isAdmin ? ctx.prisma.auditEvent.count({ where: auditWhere(args.filter) }) : 0),
    },
    AuditEventConnection,
  ),
);
