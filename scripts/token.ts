/**
 * Prints a bearer token for a person (`npm run token -- --role YOUTH_WORKER` or `--email EMAIL`).
 *
 * `--role` picks the demo person of that role. The person is looked up in the configured database;
 * when the embedded database is held by the running server, a demo person's ID is derived from
 * their e-mail instead (demo IDs are a function of the e-mail), so this works while `npm start` runs.
 * It signs with JWT_SECRET, or without it with the random secret of the data directory (made at the
 * server's first start, or here if this runs first): the server of that directory accepts the token,
 * no other does.
 */
import { DEMO_EMAILS, demoPersonId } from '../prisma/seed.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { DatabaseInUseError, openDatabase } from '../src/db.ts';
import { Role } from '../src/generated/prisma/enums.ts';

const USAGE = `usage: npm run token -- --role <${Object.keys(Role).join('|')}> | --email <email>`;

function parseArgs(args: string[]): { email: string; demo: boolean } {
  const [flag, value, ...rest] = args;
  if (rest.length || !value) throw new Error(USAGE);
  if (flag === '--role') {
    if (!(value in DEMO_EMAILS)) throw new Error(`unknown role ${value} (${USAGE})`);
    return { email: DEMO_EMAILS[value as Role], demo: true };
  }
  if (flag === '--email') return { email: value, demo: Object.values(DEMO_EMAILS).includes(value as never) };
  throw new Error(USAGE);
}

async function personIdOf(email: string, demo: boolean, config: ReturnType<typeof loadConfig>): Promise<string | null> {
  let db;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    if (!demo || !config.seedDemoData) {
      throw new Error(
        `${error.message} While it runs, only demo people of a demo database get a token (--role, or a demo e-mail); ` +
          'stop the server to look up anyone else.',
      );
    }
    console.error('(the server holds the embedded database: assuming demo data)');
    return demoPersonId(email);
  }
  try {
    const person = await db.prisma.person.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true, deactivatedAt: true } });
    if (person?.deactivatedAt) throw new Error(`${email} was deactivated on ${person.deactivatedAt.toISOString()}; no token`);
    return person?.id ?? null;
  } catch (error) {
    if ((error as Error).message.includes('was deactivated')) throw error;
    return null; // not migrated yet: nobody exists
  } finally {
    await db.close();
  }
}

try {
  const { email, demo } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const personId = await personIdOf(email, demo, config);
  if (!personId) {
    throw new Error(
      `no person with e-mail ${email} in this database; for demo data start the server once (npm start) or run npm run seed, ` +
        'for a real city create the first admin with npm run admin:create -- --email … --name …',
    );
  }
  console.error(`token for ${email}, valid for ${config.jwt.ttl}:`);
  console.log(await signToken(config.jwt, personId));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
