import { randomBytes } from 'node:crypto';
import { auditIdSql, auditWrite } from '../audit.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/** The prefix of an erased youth reference's new random code: nothing links it to the old one. */
export const ERASED_CODE_PREFIX = 'ERASED-';
/** The pseudonym an erased staff member's name becomes, followed by 4 hex digits of a random value. */
export const FORMER_STAFF_NAME = 'Former staff member';

/** The fields a youth erasure clears, as recorded in its one audit event. */
export const YOUTH_ERASED_FIELDS = ['code', 'registeredById', 'signals.summary', 'signals.referralDestination', 'signals.pilotData', 'signals.followUps.note', 'activities.notes', 'activities.locationNote'];
/** The fields a staff erasure replaces or revokes, as recorded in its one audit event. */
export const PERSON_ERASED_FIELDS = ['name', 'email', 'oidcSubject', 'deactivatedAt', 'roleAssignments'];

export interface ErasureResult {
  /** False when the subject had been erased already: nothing was changed (and nothing audited). */
  changed: boolean;
}

/**
 * AVG art. 17 for a youth reference, in one transaction with one ANONYMISE audit event: the code is
 * replaced by a random one, the registering person unlinked, and every free text that could identify
 * the young person cleared (signals' summary, referral destination and plugin values, follow-ups'
 * notes, the notes of activities about them). The pseudonymous row and its links stay, so the
 * evaluation figures (distinct young people reached, their record keys) are unchanged. `null` when
 * there is no such youth reference.
 */
export async function eraseYouth(prisma: PrismaClient, actorId: string | null, youthId: string): Promise<ErasureResult | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${youthId}))`;
    const youth = await tx.youth.findUnique({ where: { id: youthId }, select: { code: true } });
    if (!youth) return null;
    if (youth.code.startsWith(ERASED_CODE_PREFIX)) return { changed: false };
    const now = new Date();
    await tx.youth.update({
      where: { id: youthId },
      data: { code: `${ERASED_CODE_PREFIX}${randomBytes(12).toString('hex')}`, registeredById: null, version: { increment: 1 } },
    });
    await tx.signalFollowUp.updateMany({ where: { signal: { youthId } }, data: { note: null } });
    await tx.signal.updateMany({
      where: { youthId },
      data: { summary: null, referralDestination: null, pilotData: {}, version: { increment: 1 } },
    });
    await tx.signal.updateMany({ where: { youthId, anonymisedAt: null }, data: { anonymisedAt: now } });
    await tx.activity.updateMany({ where: { youthId }, data: { notes: null, locationNote: null, version: { increment: 1 } } });
    await auditWrite(tx, actorId, 'ANONYMISE', 'Youth', youthId, YOUTH_ERASED_FIELDS);
    return { changed: true };
  });
}

/** The domain of an erased staff member's new random e-mail address (RFC 6761: never delivered). */
export const ERASED_EMAIL_DOMAIN = '@erased.invalid';

/**
 * The common table expressions that pseudonymise the people `selection` (a query of person ids)
 * returns, at `at` (a `timestamp` expression), in one statement: name and e-mail become a pseudonym,
 * the OIDC subject cleared, the person deactivated (if not already), every role revoked, and one ANONYMISE audit event
 * written per person by `actorId` (null: the system). Shared by `erasePerson` and retention, so an
 * erasure on request and one after the retention period are the same. Defines `staff_erased` (the
 * ids), `staff_revoked` and `staff_audited`; follow it with a SELECT that counts them.
 */
export function pseudonymiseStaffSql(selection: Prisma.Sql, actorId: string | null, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    staff_erased AS (
      UPDATE "Person" p
      SET "name" = ${`${FORMER_STAFF_NAME} `} || substr(md5(gen_random_uuid()::text), 1, 4),
          "email" = replace(gen_random_uuid()::text, '-', '') || ${ERASED_EMAIL_DOMAIN},
          "oidcSubject" = NULL,
          "deactivatedAt" = coalesce(p."deactivatedAt", ${at}),
          "updatedAt" = ${at},
          "version" = p."version" + 1
      WHERE p."id" IN (${selection})
      RETURNING p."id"
    ),
    staff_revoked AS (
      DELETE FROM "RoleAssignment" r USING staff_erased e WHERE r."personId" = e."id" RETURNING 1
    ),
    staff_audited AS (
      INSERT INTO "AuditEvent" ("id", "at", "actorId", "operation", "entity", "entityId", "fields")
      SELECT ${auditIdSql(at)}, ${at}, ${actorId}::uuid, 'ANONYMISE', 'Person', e."id", ${PERSON_ERASED_FIELDS}::text[]
      FROM staff_erased e
      RETURNING 1
    )`;
}

/** `at` as a `timestamp(3)` holding UTC, as Prisma writes them, whatever the session time zone. */
export const utcTimestampSql = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')::timestamp(3)`;

/**
 * AVG art. 17 for a staff member, in one transaction with one ANONYMISE audit event: name and e-mail
 * become a pseudonym, the OIDC subject is cleared, every role is revoked and the person deactivated (cannot sign in). What they
 * recorded stays, attributed to the pseudonymous person. `null` when there is no such person.
 */
export async function erasePerson(prisma: PrismaClient, actorId: string | null, personId: string): Promise<ErasureResult | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${personId}))`;
    const person = await tx.person.findUnique({ where: { id: personId }, select: { name: true, email: true, deactivatedAt: true } });
    if (!person) return null;
    const roles = await tx.roleAssignment.count({ where: { personId } });
    if (person.name.startsWith(FORMER_STAFF_NAME) && person.email.endsWith(ERASED_EMAIL_DOMAIN) && person.deactivatedAt && roles === 0) {
      return { changed: false };
    }
    const ctes = pseudonymiseStaffSql(Prisma.sql`SELECT ${personId}::uuid`, actorId, utcTimestampSql(new Date()));
    await tx.$queryRaw`WITH ${ctes} SELECT (SELECT count(*) FROM staff_revoked)::int AS revoked, (SELECT count(*) FROM staff_audited)::int AS audited`;
    return { changed: true };
  });
}
