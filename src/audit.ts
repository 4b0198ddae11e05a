import type { Prisma, PrismaClient } from './generated/prisma/client.ts';
import type { AuditOperation } from './generated/prisma/enums.ts';

/** The kinds of record whose reads or writes are audited. */
export type AuditedEntity = 'Signal' | 'Youth' | 'RoleAssignment' | 'Person';

/**
 * The reads of one operation (or one subscription event): collected while fields resolve, written
 * as one statement when the result is ready (`flush`), so reading 50 signals is one INSERT.
 */
export class AuditTrail {
  private readonly reads = new Map<string, { entity: AuditedEntity; entityId: string; fields: Set<string> }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly actorId: string | null,
  ) {}

  /** Notes that the viewer read `field` of a record. */
  read(entity: AuditedEntity, entityId: string, field: string) {
    const key = `${entity}:${entityId}`;
    const entry = this.reads.get(key) ?? { entity, entityId, fields: new Set<string>() };
    entry.fields.add(field);
    this.reads.set(key, entry);
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
    await this.prisma.auditEvent.createMany({ data });
  }
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
