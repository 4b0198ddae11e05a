/**
 * The hand-written baseline for `npm run bench:baseline`: node:http + pg, the same JWT check (jose
 * HS256, same secret and issuer) and, per screen, the SQL an admin's request needs. Counts its own
 * statements (GET /stats).
 */
import { createServer } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';

const key = new TextEncoder().encode(process.env.JWT_SECRET!);
const issuer = process.env.JWT_ISSUER ?? 'jongerenwerk-school-api';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
let statements = 0;
const q = (text: string, values?: unknown[]) => {
  statements++;
  return pool.query(text, values);
};

async function viewer(header: string | undefined) {
  if (!header?.startsWith('Bearer ')) return null;
  const { payload } = await jwtVerify(header.slice(7), key, { issuer, algorithms: ['HS256'] });
  return typeof payload.sub === 'string' ? payload.sub : null;
}
const roles = (id: string) => q('SELECT role, scope, "cityId", "partnershipId" FROM "RoleAssignment" WHERE "personId" = $1', [id]);

const screens: Record<string, (sub: string, body: any) => Promise<unknown>> = {
  async typename() {
    return { data: { __typename: 'Query' } };
  },
  async node(sub, body) {
    await roles(sub);
    const { rows } = await q('SELECT id, name, form, status, goals, version FROM "Partnership" WHERE id = $1', [body.id]);
    return { data: { node: rows[0] ?? null } };
  },
  async activities(sub) {
    await roles(sub);
    const [{ rows }, count] = await Promise.all([
      q('SELECT id, kind, "startsAt", "durationMinutes", "partnershipId" FROM "Activity" ORDER BY "startsAt" DESC, id DESC LIMIT 101'),
      q('SELECT count(*)::int AS n FROM "Activity"'),
    ]);
    const ids = rows.map((r) => r.id);
    const pids = [...new Set(rows.map((r) => r.partnershipId))];
    const [ps, fs] = await Promise.all([
      q('SELECT p.id, p.name, s.name AS school FROM "Partnership" p JOIN "School" s ON s.id = p."schoolId" WHERE p.id = ANY($1)', [pids]),
      q('SELECT f."activityId", pe.name FROM "ActivityFacilitator" f JOIN "Person" pe ON pe.id = f."personId" WHERE f."activityId" = ANY($1)', [ids]),
    ]);
    const byP = new Map(ps.rows.map((p) => [p.id, { name: p.name, school: { name: p.school } }]));
    return {
      data: {
        activities: {
          totalCount: count.rows[0].n,
          edges: rows.slice(0, 100).map((r) => ({
            node: { ...r, partnership: byP.get(r.partnershipId), facilitators: fs.rows.filter((f) => f.activityId === r.id).map((f) => ({ name: f.name })) },
          })),
        },
      },
    };
  },
  async logActivity(sub, body) {
    await roles(sub);
    const p = await q('SELECT id FROM "Partnership" WHERE id = $1 AND status = \'ACTIVE\'', [body.partnershipId]);
    if (!p.rows[0]) return { errors: [{ message: 'partnership' }] };
    const client = await pool.connect();
    try {
      statements++;
      await client.query('BEGIN');
      statements++;
      const { rows } = await client.query(
        `INSERT INTO "Activity" (id, "partnershipId", kind, "startsAt", "durationMinutes", "participantCount", themes, details, "loggedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'BREAK_CONVERSATION', $2, 15, 6, '{}', '{}', $3, now()) RETURNING *`,
        [body.partnershipId, body.startsAt, sub],
      );
      statements++;
      await client.query('INSERT INTO "ActivityFacilitator" ("activityId", "personId") VALUES ($1, $2)', [rows[0].id, sub]);
      statements++;
      await client.query('COMMIT');
      return { data: { logActivity: { activity: { id: rows[0].id, kind: rows[0].kind } } } };
    } finally {
      client.release();
    }
  },
};

const server = createServer(async (req, res) => {
  if (req.url === '/stats') return void res.end(JSON.stringify({ statements }));
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const sub = await viewer(req.headers.authorization);
    if (!sub) return void res.writeHead(401).end();
    const screen = screens[req.url!.slice(1)];
    if (!screen) return void res.writeHead(404).end();
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await screen(sub, body)));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
