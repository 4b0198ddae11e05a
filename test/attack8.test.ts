/**
 * Attack probes (security review, branch attack8): the live push path (src/live/hub.ts,
 * grouped-execution.ts, delivery.ts, the ws guard, the viewer cache, the outbox). Each `it` states
 * what must hold; a failing one is a finding (see /work/helpers/reports/attack8.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApp, gid } from './support/fixtures.ts';
import { ACTIVITY_DOC, codes, codesOf, endErrors, liveActivity, Raw, SIGNAL_DOC, sleep, world, type World, pauseReading, backUp, activeSubscriptionsGauge, streamCount } from './support/live-probes.ts';

// ---------------------------------------------------------------------------------------------
// attack8 helpers


// ---------------------------------------------------------------------------------------------
// 1–3: the per-ID queue, orphans, slots and the gauge.

describe('attack8: per-ID queue, orphans, slots, gauge', () => {
  let w: World;
  let gaugeBase = 0;
  let streamBase = 0;
  const sockets: Raw[] = [];
  const raw = async (token?: string) => {
    const r = await Raw.connect(w.url, token);
    sockets.push(r);
    return r;
  };

  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '1000' });
    gaugeBase = await activeSubscriptionsGauge(w.url);
    streamBase = streamCount(await w.hub());
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  const firsts: [string, string, string?][] = [
    ['a validation error', 'subscription { nope }'],
    ['an unknown operationName', ACTIVITY_DOC, 'Nope'],
    ['a query over ws', '{ livePosition }'],
    ['a syntax error', 'subscription {'],
  ];
  for (const [name, query, operationName] of firsts) {
    it(`1a: after ${name} for id X, "complete X, subscribe X" (sent at once) gives a live X that gets events, and the socket stays`, async () => {
      const P = await w.person(`1a ${name}`, [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
      const r = await raw(P.token);
      r.send({ id: 'X', type: 'subscribe', payload: { query, operationName, variables: { p: w.p.gid } } });
      r.complete('X');
      r.subscribe('X', ACTIVITY_DOC, { p: w.p.gid });
      await sleep(600);
      const id = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
      const got = await r.until((m) => m.id === 'X' && m.type === 'next' && m.payload?.data?.activityLogged?.id === id, 3_000).catch(() => undefined);
      expect({ closed: r.closed, live: Boolean(got) }, JSON.stringify(r.of('X')).slice(0, 500)).toEqual({ closed: undefined, live: true });
    });
  }

  it('1b: a query over ws whose result waits on a backed-up socket, then "complete X, subscribe X (signals)": after the client completes X again, nothing more for X; after close, no audit rows, no hub stream', async () => {
    const P = await w.person('1b', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const hub = await w.hub();
    const sBase = streamCount(hub);
    const r = await raw(P.token);
    const resume = pauseReading(r);
    await backUp(r);
    r.send({ id: 'X', type: 'subscribe', payload: { query: '{ livePosition }' } });
    await sleep(300);
    r.complete('X');
    r.subscribe('X', SIGNAL_DOC, { p: w.p.gid });
    await sleep(1_500);
    resume();
    await r.until((m) => m.id === 'X' && m.type === 'next' && m.payload?.data?.livePosition !== undefined, 20_000);
    await sleep(1_000);
    const s1 = await w.report(w.demo.tokens.YOUTH_WORKER, '1b first');
    await r.until((m) => m.id === 'X' && m.payload?.data?.signalReported?.id === s1.id, 5_000).catch(() => undefined);
    const completesBefore = r.of('X').filter((m) => m.type === 'complete').length;
    r.complete('X');
    await sleep(500);
    const from = r.messages.length;
    const s2 = await w.report(w.demo.tokens.YOUTH_WORKER, '1b after the last complete');
    await sleep(1_000);
    const afterComplete = r.messages.slice(from).filter((m) => m.id === 'X' && m.type === 'next').length;
    r.ws.close();
    await sleep(800);
    const s3 = await w.report(w.demo.tokens.YOUTH_WORKER, '1b after close: nobody receives this');
    await sleep(1_000);
    const rawId = Buffer.from(s3.id, 'base64').toString().split(':')[1]!;
    const auditAfterClose = await w.t.db.prisma.auditEvent.count({ where: { actorId: P.id, operation: 'READ', entity: 'Signal', entityId: rawId } });
    void s2;
    expect(
      { afterComplete, auditAfterClose, streamsLeft: streamCount(hub) - sBase },
      `complete messages for X while its second subscription was live: ${completesBefore}`,
    ).toEqual({ afterComplete: 0, auditAfterClose: 0, streamsLeft: 0 });
  }, 90_000);

  it('1c: a validation error whose error message waits on a backed-up socket, then "complete X, subscribe X": the same must hold', async () => {
    const P = await w.person('1c', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const hub = await w.hub();
    const sBase = streamCount(hub);
    const r = await raw(P.token);
    const resume = pauseReading(r);
    await backUp(r);
    r.subscribe('X', 'subscription { nope }');
    await sleep(300);
    r.complete('X');
    r.subscribe('X', SIGNAL_DOC, { p: w.p.gid });
    await sleep(1_500);
    resume();
    await r.until((m) => m.id === 'X' && m.type === 'error', 20_000);
    await sleep(1_000);
    r.complete('X');
    await sleep(500);
    const from = r.messages.length;
    await w.report(w.demo.tokens.YOUTH_WORKER, '1c after complete');
    await sleep(1_000);
    const afterComplete = r.messages.slice(from).filter((m) => m.id === 'X' && m.type === 'next').length;
    r.ws.close();
    await sleep(800);
    const s3 = await w.report(w.demo.tokens.YOUTH_WORKER, '1c after close');
    await sleep(1_000);
    const rawId = Buffer.from(s3.id, 'base64').toString().split(':')[1]!;
    const auditAfterClose = await w.t.db.prisma.auditEvent.count({ where: { actorId: P.id, operation: 'READ', entity: 'Signal', entityId: rawId } });
    expect({ afterComplete, auditAfterClose, streamsLeft: streamCount(hub) - sBase }).toEqual({ afterComplete: 0, auditAfterClose: 0, streamsLeft: 0 });
  }, 90_000);

  it('2a: subscribes with an operationName the document lacks do not hold MAX_SUBSCRIPTIONS_PER_VIEWER slots (the person can still subscribe on another socket)', async () => {
    const P = await w.person('2a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await raw(P.token);
    for (let i = 0; i < 505; i++) r.send({ id: `n${i}`, type: 'subscribe', payload: { query: ACTIVITY_DOC, operationName: 'Nope' } });
    await r.until((m) => m.id === 'n504' && m.type === 'error', 20_000);
    const other = await raw(P.token);
    other.subscribe('fresh', ACTIVITY_DOC, { p: w.p.gid });
    await sleep(600);
    const refused = other.of('fresh').flatMap((m) => (m.type === 'error' ? m.payload : (m.payload?.errors ?? [])));
    expect(codes(refused), 'a fresh subscription on another socket').not.toContain('TOO_MANY_SUBSCRIPTIONS');
  }, 60_000);

  it('3a: after races (close mid-set-up, complete mid-set-up, refused, errors) and every socket closed, graphql_active_subscriptions and the hub streams are back where they were', async () => {
    const P = await w.person('3a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const hub = await w.hub();
    const base = await activeSubscriptionsGauge(w.url);
    const sBase = streamCount(hub);
    for (let i = 0; i < 10; i++) {
      const r = await raw(P.token);
      r.subscribe('a', ACTIVITY_DOC, { p: w.p.gid });
      r.subscribe('b', SIGNAL_DOC, { p: w.p.gid });
      if (i % 2) r.ws.terminate();
      else r.ws.close();
    }
    const r = await raw(P.token);
    for (let i = 0; i < 20; i++) {
      r.subscribe(`c${i}`, ACTIVITY_DOC, { p: w.p.gid });
      r.complete(`c${i}`);
      r.subscribe(`d${i}`, ACTIVITY_DOC, { after: '99999999999' });
      r.subscribe(`e${i}`, ACTIVITY_DOC, { after: 'x' });
      r.subscribe(`f${i}`, '{ livePosition }');
    }
    await liveActivity(w, r, 'live');
    r.ws.close();
    await sleep(1_000);
    expect({ gauge: (await activeSubscriptionsGauge(w.url)) - base, streams: streamCount(hub) - sBase }).toEqual({ gauge: 0, streams: 0 });
  }, 60_000);

  it('3z (last): with every socket of this file closed, graphql_active_subscriptions and the hub streams are back at the start', async () => {
    for (const s of sockets) s.close();
    await sleep(1_500);
    expect({ gauge: (await activeSubscriptionsGauge(w.url)) - gaugeBase, streams: streamCount(await w.hub()) - streamBase }).toEqual({ gauge: 0, streams: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// 4: cursors, and errors of a stream that ends while catching up.

describe('attack8 4: cursors', () => {
  let w: World;
  const sockets: Raw[] = [];
  const raw = async (token?: string) => {
    const r = await Raw.connect(w.url, token);
    sockets.push(r);
    return r;
  };
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('4a (control): after = livePosition now is accepted and gets the next event', async () => {
    await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    const now = await w.livePosition(w.demo.tokens.YOUTH_WORKER);
    const r = await raw(w.demo.tokens.YOUTH_WORKER);
    r.subscribe('c', ACTIVITY_DOC, { p: w.p.gid, after: now });
    await sleep(300);
    const id = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    const got = await r.until((m) => m.id === 'c', 4_000).catch(() => undefined);
    expect(got?.payload?.data?.activityLogged?.id, JSON.stringify(got)).toBe(id);
  });

  // Open (attack review 8, F5): telling a gap in the positions from pruned events needs a watermark of what was pruned.
  // Refusing errs on the safe side (the client reloads); nothing is skipped.
  it.skip('4b: a cursor whose next position was consumed by a rolled-back write, the cursor\'s own event pruned, resumes (no LIVE_POSITION_EXPIRED: nothing was missed)', async () => {
    await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(400);
    // The client's last event is the newest in the outbox.
    const max = (await w.t.db.prisma.$queryRaw<{ max: bigint }[]>`SELECT max("position") AS "max" FROM "LiveEvent"`)[0]!.max;
    const last = String(max);
    // A write that rolls back: its trigger took the next position.
    await w.t.db.prisma
      .$transaction(async (tx) => {
        // The triggers are deferred to the commit: run them now, as a commit that then fails would.
        await tx.$executeRawUnsafe('SET CONSTRAINTS ALL IMMEDIATE');
        await tx.$executeRaw`INSERT INTO "Activity" ("id", "partnershipId", "kind", "startsAt", "durationMinutes", "themes", "updatedAt")
          VALUES (gen_random_uuid(), ${w.p.id}::uuid, 'BREAK_CONVERSATION', now(), 5, '{}', now())`;
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
    const next = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    const positions = await w.t.db.prisma.$queryRaw<{ position: bigint }[]>`SELECT "position" FROM "LiveEvent" WHERE "position" > ${BigInt(last)} ORDER BY "position"`;
    // Retention pruned everything up to the client's last event.
    await w.t.db.prisma.$executeRaw`DELETE FROM "LiveEvent" WHERE "position" <= ${BigInt(last)}`;
    const r = await raw(w.demo.tokens.YOUTH_WORKER);
    r.subscribe('g', ACTIVITY_DOC, { p: w.p.gid, after: last });
    const got = await r.until((m) => m.id === 'g', 4_000).catch(() => undefined);
    expect(got?.payload?.data?.activityLogged?.id, `last ${last}, kept ${positions.map((x) => String(x.position)).join(',')}: ${JSON.stringify(got)}`).toBe(next);
  });

  it('4c: after retention pruned every event, a cursor older than the pruned ones is LIVE_POSITION_EXPIRED (not silently resumed past what it missed)', async () => {
    const before = await w.livePosition(w.demo.tokens.YOUTH_WORKER);
    for (let i = 0; i < 3; i++) await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(300);
    await w.t.db.prisma.$executeRaw`DELETE FROM "LiveEvent"`;
    const r = await raw(w.demo.tokens.YOUTH_WORKER);
    r.subscribe('old', ACTIVITY_DOC, { p: w.p.gid, after: before });
    await sleep(500);
    const id = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    const got = await r.until((m) => m.id === 'old', 4_000).catch(() => undefined);
    expect({ type: got?.type, codes: codesOf(got) }, `3 events after ${before} were pruned; got ${JSON.stringify(got)} (live ${id})`).toEqual({ type: 'error', codes: ['LIVE_POSITION_EXPIRED'] });
  });

  it('4d: the outbox unreadable while a stream catches up: the error has a code and shows no SQL or internals; the socket stays', async () => {
    const after = await w.livePosition(w.demo.tokens.YOUTH_WORKER);
    const r = await raw(w.demo.tokens.YOUTH_WORKER);
    await w.t.db.prisma.$executeRawUnsafe('ALTER TABLE "LiveEvent" RENAME TO "LiveEvent_away"');
    try {
      r.subscribe('down', ACTIVITY_DOC, { p: w.p.gid, after });
      const errors = await endErrors(r, 'down', 6_000);
      expect(codes(errors).every((c: unknown) => typeof c === 'string'), JSON.stringify(errors)).toBe(true);
      expect(JSON.stringify(errors)).not.toMatch(/LiveEvent|relation|SELECT|prisma|at .*\.(ts|js):\d+/i);
      expect(r.closed).toBeUndefined();
    } finally {
      await w.t.db.prisma.$executeRawUnsafe('ALTER TABLE "LiveEvent_away" RENAME TO "LiveEvent"');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 5: the heartbeat (WS_KEEPALIVE_SECONDS=1).

describe('attack8 5: heartbeat', () => {
  let w: World;
  const sockets: Raw[] = [];
  const raw = async (token?: string) => {
    const r = await Raw.connect(w.url, token);
    sockets.push(r);
    return r;
  };
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', WS_KEEPALIVE_SECONDS: '1' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('5a: healthy connections (ws auto-pong, the graphql-ws client) stay open over 6 beats, idle and while a burst of events arrives', async () => {
    const idle = await raw(w.demo.tokens.YOUTH_WORKER);
    idle.subscribe('i', ACTIVITY_DOC, { p: w.p.gid });
    const busy = await raw(w.demo.tokens.SCHOOL_CONTACT);
    await liveActivity(w, busy, 'b');
    const notes = 'n'.repeat(1_900);
    const BIG = Array.from({ length: 25 }, (_, i) => `n${i}: notes`).join(' ');
    for (let i = 0; i < 30; i++) busy.subscribe(`big${i}`, `subscription ($p: ID) { activityLogged(partnershipId: $p) { id ${BIG} } }`, { p: w.p.gid });
    const t0 = Date.now();
    while (Date.now() - t0 < 6_000) await w.logActivity(w.demo.tokens.YOUTH_WORKER, { notes });
    expect({ idle: idle.closed, busy: busy.closed }).toEqual({ idle: undefined, busy: undefined });
  }, 30_000);

  it('5b: a connection whose token expires is closed 4403 within two beats of the expiry', async () => {
    const P = await w.person('5b', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }], 3);
    const r = await raw(P.token);
    r.subscribe('s', SIGNAL_DOC, { p: w.p.gid });
    const t0 = Date.now();
    const closed = await r.untilClosed(8_000).catch(() => undefined);
    const at = Date.now() - t0;
    expect({ code: closed?.code, inTime: at < 3_000 + 2_500 }, `closed after ${at} ms`).toEqual({ code: 4403, inTime: true });
  });
});

// ---------------------------------------------------------------------------------------------
// 6: messages for an id while its set-up waits (the database is held).

describe('attack8 6: the per-ID queue while a set-up waits', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('6a: 60,000 "complete X" while X\'s set-up waits on a held table do not pile up in memory (< 30 MB) and the socket still works after', async () => {
    const r = await Raw.connect(w.url, w.demo.tokens.YOUTH_WORKER);
    sockets.push(r);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const tx = w.t.db.prisma
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe('LOCK TABLE "Activity" IN ACCESS EXCLUSIVE MODE');
          locked();
          await held;
        },
        { timeout: 60_000, maxWait: 10_000 },
      )
      .catch((e: unknown) => e);
    await isLocked;
    r.send({ id: 'X', type: 'subscribe', payload: { query: '{ activities(first: 1) { edges { node { id } } } }' } });
    await sleep(300);
    const flood = async (id: string) => {
      (globalThis as any).gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const frame = JSON.stringify({ id, type: 'complete' });
      for (let i = 0; i < 60_000; i++) {
        r.ws.send(frame);
        if (i % 2_000 === 0) await sleep(5);
      }
      // Let the server read them all.
      await sleep(3_000);
      (globalThis as any).gc?.();
      return process.memoryUsage().heapUsed - heap0;
    };
    // Control: an id with nothing being set up.
    const control = await flood('Y');
    const grown = await flood('X');
    console.log(`6a: heap after 60,000 completes: +${Math.round(control / 1e6)} MB (no set-up waiting), +${Math.round(grown / 1e6)} MB (set-up waiting); gc ${typeof (globalThis as any).gc}`);
    release();
    await tx;
    await sleep(500);
    r.subscribe('after', '{ livePosition }');
    const ok = await r.until((m) => m.id === 'after' && m.type === 'next', 10_000).catch(() => undefined);
    expect({ grownMB: Math.round(grown / 1e6) < 30, works: Boolean(ok) }, `heap grew ${Math.round(grown / 1e6)} MB (control ${Math.round(control / 1e6)} MB)`).toEqual({ grownMB: true, works: true });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// 1d: many orphans in one backed-up episode, past MAX_SUBSCRIPTIONS_PER_VIEWER and the socket's close.

describe('attack8 1d: orphans and the limits', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '1000', MAX_SUBSCRIPTIONS_PER_VIEWER: '60' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('1d: one person cannot hold more than MAX_SUBSCRIPTIONS_PER_VIEWER (60) hub streams, and none once all their sockets are closed', async () => {
    const P = await w.person('1d', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const hub = await w.hub();
    const base = streamCount(hub);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    const resume = pauseReading(r);
    await backUp(r);
    const n = 30;
    for (let i = 0; i < n; i++) r.send({ id: `X${i}`, type: 'subscribe', payload: { query: '{ livePosition }' } });
    await sleep(500);
    for (let i = 0; i < n; i++) {
      r.complete(`X${i}`);
      r.subscribe(`X${i}`, SIGNAL_DOC, { p: w.p.gid });
    }
    await sleep(2_000);
    resume();
    await r.until((m) => m.id === `X${n - 1}` && m.type === 'next' && m.payload?.data?.livePosition !== undefined, 30_000);
    await sleep(1_000);
    // A second socket of the same person takes the whole limit.
    const s = await Raw.connect(w.url, P.token);
    sockets.push(s);
    for (let i = 0; i < 59; i++) s.subscribe(`ok${i}`, ACTIVITY_DOC, { p: w.p.gid });
    // The re-subscribed X… on the first socket are live subscriptions: they hold their share of the 60.
    s.subscribe('ok59', ACTIVITY_DOC, { p: w.p.gid });
    await sleep(1_500);
    const refused = s.messages.filter((m) => m.type === 'error').length;
    const held = streamCount(hub) - base;
    r.ws.close();
    s.ws.close();
    await sleep(1_000);
    const sig = await w.report(w.demo.tokens.YOUTH_WORKER, '1d nobody is connected');
    await sleep(1_500);
    const rawId = Buffer.from(sig.id, 'base64').toString().split(':')[1]!;
    const audit = await w.t.db.prisma.auditEvent.count({ where: { actorId: P.id, operation: 'READ', entity: 'Signal', entityId: rawId } });
    expect({ heldAtMost60: held <= 60, afterClose: streamCount(hub) - base, auditAfterClose: audit }, `hub streams held by the person: ${held} (${refused} of the second socket's 60 refused)`).toEqual({
      heldAtMost60: true,
      afterClose: 0,
      auditAfterClose: 0,
    });
  }, 120_000);

  it('1e (bounds 1d): an orphan ends at the first event after its token expired (UNAUTHENTICATED), so it lives at most JWT_TTL', async () => {
    const P = await w.person('1e', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }], 20);
    const hub = await w.hub();
    const base = streamCount(hub);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    const resume = pauseReading(r);
    await backUp(r);
    for (let i = 0; i < 5; i++) r.send({ id: `X${i}`, type: 'subscribe', payload: { query: '{ livePosition }' } });
    await sleep(500);
    for (let i = 0; i < 5; i++) {
      r.complete(`X${i}`);
      r.subscribe(`X${i}`, SIGNAL_DOC, { p: w.p.gid });
    }
    await sleep(1_500);
    resume();
    await r.until((m) => m.id === 'X4' && m.type === 'next' && m.payload?.data?.livePosition !== undefined, 30_000);
    r.ws.close();
    await sleep(800);
    // Since the fix there are none (1d); should one exist, it must end at the first event after expiry.
    const orphans = streamCount(hub) - base;
    const expiresAt = JSON.parse(Buffer.from(P.token.split('.')[1]!, 'base64url').toString()).exp * 1000;
    while (Date.now() < expiresAt + 500) await sleep(250);
    await w.report(w.demo.tokens.YOUTH_WORKER, '1e after expiry');
    await sleep(1_500);
    expect({ orphansAfterClose: orphans, left: streamCount(hub) - base }).toEqual({ orphansAfterClose: 0, left: 0 });
  }, 60_000);
});
