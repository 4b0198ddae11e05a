import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import type { AuditOperation } from './generated/prisma/enums.ts';

/** The kinds of record whose reads or writes are audited. */
export type AuditedEntity = 'Signal' | 'Youth' | 'RoleAssignment' | 'City' | 'School' | 'YouthWorkOrganisation' | 'Person' | 'Activity';

/**
 * The reads of one operation (or one subscription event): collected while fields resolve, written
 * as one statement when the result is ready (`flush`), so reading 50 signals is one INSERT.
 */
export class AuditTrail {
  private readonly reads = new Map<string, { entity: AuditedEntity; entityId: string; fields: Set<string> }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly actorId: string | null,
    /** Where flushed reads go (default: one INSERT per flush); see `batchedAuditWriter`. */
    private readonly writer?: (rows: AuditRead[]) => Promise<void>,
  ) {}

  /** Notes that the viewer read `field` of a record. */
  read(entity: AuditedEntity, entityId: string, field: string) {
    const key = `${entity}:${entityId}`;
    const entry = this.reads.get(key) ?? { entity, entityId, fields: new Set<string>() };
    entry.fields.add(field);
    this.reads.set(key, entry);
  }

  /** Whether no read is waiting to be written. */
  get empty() {
    return this.reads.size === 0;
  }

  /** Notes the reads collected here in `other` as well (a result executed once for several receivers). */
  copyTo(other: AuditTrail) {
    for (const r of this.reads.values()) for (const field of r.fields) other.read(r.entity, r.entityId, field);
  }

  /** Writes the collected reads as READ events, in one statement, and starts afresh. */
  async flush() {
    if (this.reads.size === 0) return;
    const at = new Date();
    const data = [...this.reads.values()].map((r) => ({
      at,
      actorId: this.actorId,
      operation: 'READ' as const,
      entity: r.entity,
      entityId: r.entityId,
      fields: [...r.fields].sort(),
    }));
    this.reads.clear();
    await (this.writer ? this.writer(data) : this.prisma.auditEvent.createMany({ data }));
  }
}

export type AuditRead = Prisma.AuditEventCreateManyInput;

/**
 * Writes READ events of many trails together: those flushed in the same turn of the event loop go
 * out as one statement, and each flush resolves once its rows are written. For subscription events,
 * whose receivers all flush at about the same moment, so the audit of one event is one INSERT
 * however many subscribers read it.
 */
export function batchedAuditWriter(prisma: PrismaClient) {
  let pending: { rows: AuditRead[]; written: Promise<void> } | undefined;
  return (rows: AuditRead[]): Promise<void> => {
    if (!pending) {
      const batch: { rows: AuditRead[]; written: Promise<void> } = {
        rows: [],
        // Runs after this turn: rows flushed from here on go into the next batch.
        written: new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
          pending = undefined;
          await prisma.auditEvent.createMany({ data: batch.rows });
        }),
      };
      pending = batch;
    }
    pending.rows.push(...rows);
    return pending.written;
  };
}

/** Records a write in the same transaction as the write itself. */
export function auditWrite(
  tx: Prisma.TransactionClient,
  actorId: string | null,
  operation: Exclude<AuditOperation, 'READ'>,
  entity: AuditedEntity,
  entityId: string,
  fields: string[],
) {
  return tx.auditEvent.create({ data: { actorId, operation, entity, entityId, fields }, select: { id: true } });
}

/**
 * SQL for a new audit event id at `at` (a `timestamp` expression), for audit events written by
 * INSERT … SELECT: a UUIDv7 like Prisma's uuid(7) default (PostgreSQL < 18 has no uuidv7()), the
 * millisecond timestamp over the first 48 bits of a random UUID, version nibble 7.
 */
export function auditIdSql(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch FROM ${at}) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid`;
}
