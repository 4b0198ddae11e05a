/**
 * The keys the evaluation's population keys are made of, read with the same SQL expressions as
 * src/evaluation/queries.ts uses, so tests can compute each shown figure with the cell key method
 * (src/evaluation/disclosure.ts) by hand.
 */
import { GUIDANCE_KEY, REACH_SIGNAL_KEY, signalStateKeySql } from '../../src/evaluation/queries.ts';
import { Prisma, type PrismaClient } from '../../src/generated/prisma/client.ts';

const byId = (rows: { id: string; key: string }[]) => new Map(rows.map((r) => [r.id, BigInt(r.key)]));

/** Each signal's key in its city and bucket's population key, as an asker who may (not) tell a referral. */
export async function signalStateKeys(prisma: PrismaClient, referrals = false): Promise<Map<string, bigint>> {
  return byId(await prisma.$queryRaw(Prisma.sql`SELECT sg.id::text AS id, (${signalStateKeySql(referrals)})::text AS key FROM "Signal" sg`));
}

/** The keys reach's population key adds besides its young people's: one per signal, one per individual guidance. */
export async function reachRecordKeys(prisma: PrismaClient): Promise<{ signals: Map<string, bigint>; guidance: Map<string, bigint> }> {
  const [signals, guidance] = await Promise.all([
    prisma.$queryRaw<{ id: string; key: string }[]>(Prisma.sql`SELECT sg.id::text AS id, (${REACH_SIGNAL_KEY})::text AS key FROM "Signal" sg`),
    prisma.$queryRaw<{ id: string; key: string }[]>(
      Prisma.sql`SELECT a.id::text AS id, (${GUIDANCE_KEY})::text AS key FROM "Activity" a JOIN "Youth" y ON y.id = a."youthId"`,
    ),
  ]);
  return { signals: byId(signals), guidance: byId(guidance) };
}
