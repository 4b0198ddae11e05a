/**
 * Creates the first administrator of an empty (production) database:
 * `npm run admin:create -- --email EMAIL --name NAME`. Uses the server's configuration (DATABASE_URL
 * or the embedded PGlite directory), applies pending migrations first, and gives the person a
 * GLOBAL ADMIN role. Running it again for the same e-mail changes nothing and says so.
 * Then: `npm run token -- --email EMAIL` prints a token for them.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import { migrate } from '../src/migrate.ts';
import { workEmailOf } from '../src/auth/email.ts';

const USAGE = 'usage: npm run admin:create -- --email <email> --name <name>';

function parseArgs(args: string[]): { email: string; name: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if ((flag !== '--email' && flag !== '--name') || !value?.trim()) throw new Error(USAGE);
    values[flag.slice(2)] = value.trim();
  }
  if (!values.email || !values.name) throw new Error(USAGE);
  const email = workEmailOf(values.email);
  if (!email) throw new Error(`--email: must be an e-mail address (${USAGE})`);
  return { email, name: values.name };
}

try {
  const { email, name } = parseArgs(process.argv.slice(2));
  const db = await openDatabase(loadConfig().database);
  try {
    const { applied } = await db.withSession((session) => migrate(session));
    if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
    const outcome = await db.prisma.$transaction(async (tx) => {
      const existing = await tx.person.findFirst({
        where: { email: { equals: email, mode: 'insensitive' } },
        select: { id: true, roleAssignments: { where: { role: 'ADMIN', scope: 'GLOBAL' }, select: { id: true } } },
      });
      if (existing?.roleAssignments.length) return `${email} exists already and is an admin; nothing changed`;
      const person = existing ?? (await tx.person.create({ data: { email, name }, select: { id: true } }));
      const role = await tx.roleAssignment.create({ data: { personId: person.id, role: 'ADMIN', scope: 'GLOBAL' }, select: { id: true } });
      if (!existing) await tx.auditEvent.create({ data: { actorId: null, operation: 'CREATE', entity: 'Person', entityId: person.id, fields: ['email', 'name'] } });
      await tx.auditEvent.create({ data: { actorId: null, operation: 'CREATE', entity: 'RoleAssignment', entityId: role.id, fields: ['personId', 'role', 'scope'] } });
      return existing ? `${email} exists already; gave them a global ADMIN role` : `created ${name} <${email}> with a global ADMIN role`;
    });
    console.log(outcome);
    console.log(`next: npm run token -- --email ${email}`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
