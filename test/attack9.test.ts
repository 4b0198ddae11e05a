/**
 * Attack probes (security review, branch attack9): the rewritten per-ID queue (`PerId` in
 * src/server-plugins/ws-guard.ts), pushed delivery (src/live/delivery.ts) and the slots. Shared helpers
 * are in test/support/live-probes.ts. Each `it` states what must hold; a failing one is a finding (see
 * /work/helpers/reports/attack9.md).
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApp, gid } from './support/fixtures.ts';
import { ACTIVITY_DOC, codesOf, endOf, liveActivity, Raw, SIGNAL_DOC, sleep, world, type World, serverSocketOf, pauseReading, BIG_QUERY, backUp, activeSubscriptionsGauge, streamCount } from './support/live-probes.ts';

// ---------------------------------------------------------------------------------------------
// attack9 helpers

/** The server's `ws` WebSocket of a raw client, and a log of what it received and sent, in order. */
function serverLog(r: Raw) {
  const net = serverSocketOf(r);
  const sym = Object.getOwnPropertySymbols(net).find((x) => x.description === 'websocket')!;
  const sws = (net as any)[sym] as WebSocket;
  const log: { dir: 'in' | 'out'; m: any }[] = [];
  sws.on('message', (data) => {
    try {
      log.push({ dir: 'in', m: JSON.parse(String(data)) });
    } catch {
      // not JSON
    }
  });
  const send = sws.send.bind(sws);
  (sws as any).send = (data: any, ...rest: any[]) => {
    try {
      log.push({ dir: 'out', m: JSON.parse(String(data)) });
    } catch {
      // not JSON
    }
    return (send as any)(data, ...rest);
  };
  return log;
}

// ---------------------------------------------------------------------------------------------
// 1: pushed delivery and complete

describe('attack9 1: a delivery deferred behind a backed-up socket', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '1000', LIVE_MAX_BEHIND: '10' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('1a: once the server has handled "complete X", it writes no `next` of that subscription (here: an activity event of X written after complete X and after X was re-subscribed to signals)', async () => {
    const P = await w.person('9-1a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    const log = serverLog(r);
    r.subscribe('Y', SIGNAL_DOC, { p: w.p.gid });
    await liveActivity(w, r, 'X');
    const resume = pauseReading(r);
    await backUp(r, 400_000);
    // Y's event crosses the back-up threshold: the socket is "backed up" for pushed deliveries.
    await w.report(w.demo.tokens.YOUTH_WORKER, '9-1a signal for Y');
    await sleep(800);
    // X's event is chained behind Y's write (not written yet).
    const a1 = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(800);
    r.complete('X');
    r.subscribe('X', SIGNAL_DOC, { p: w.p.gid });
    await sleep(1_000);
    resume();
    await r.until((m) => m.id === 'Y' && m.type === 'next', 30_000);
    await sleep(2_000);
    const completeAt = log.findIndex((e) => e.dir === 'in' && e.m.type === 'complete' && e.m.id === 'X');
    const late = log.slice(completeAt + 1).filter((e) => e.dir === 'out' && e.m.id === 'X' && e.m.type === 'next');
    const clientSaw = r.nexts('X').filter((m) => m.payload?.data?.activityLogged?.id === a1).length;
    expect({ completeSeen: completeAt >= 0, nextsOfOldXWrittenAfterComplete: late.map((e) => Object.keys(e.m.payload?.data ?? {})) }, `the client got the activity ${clientSaw} time(s) on X`).toEqual({
      completeSeen: true,
      nextsOfOldXWrittenAfterComplete: [],
    });
  }, 90_000);

  it("1b: a subscription ended with LIVE_SUBSCRIBER_BEHIND gets no `next` after its `error` (else the event at the error's lastPosition comes after the error: a client resuming with `after: lastPosition` on a new id never sees it)", async () => {
    const P = await w.person('9-1b', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    const log = serverLog(r);
    r.subscribe('Y', SIGNAL_DOC, { p: w.p.gid });
    await liveActivity(w, r, 'X');
    const resume = pauseReading(r);
    await backUp(r, 400_000);
    await w.report(w.demo.tokens.YOUTH_WORKER, '9-1b signal for Y');
    await sleep(800);
    const first = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(500);
    for (let i = 0; i < 13; i++) await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(1_500);
    resume();
    const error = await r.until((m) => m.id === 'X' && m.type === 'error', 30_000);
    await sleep(2_000);
    const errorAt = log.findIndex((e) => e.dir === 'out' && e.m.id === 'X' && e.m.type === 'error');
    const nextsAfterError = log
      .slice(errorAt + 1)
      .filter((e) => e.dir === 'out' && e.m.id === 'X' && e.m.type === 'next')
      .map((e) => e.m.payload?.data?.activityLogged?.id);
    const clientOrder = r.of('X').slice(-3).map((m) => m.type);
    expect(
      { code: codesOf(error)[0], nextsAfterError },
      `lastPosition ${error.payload?.[0]?.extensions?.lastPosition}; first activity while backed up ${first}; client's last X messages: ${clientOrder}`,
    ).toEqual({ code: 'LIVE_SUBSCRIBER_BEHIND', nextsAfterError: [] });
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// 2: well-behaved clients reusing IDs

describe('attack9 2: well-behaved clients that reuse IDs', () => {
  let w: World;
  const sockets: Raw[] = [];
  let streamBase = 0;
  let gaugeBase = 0;
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '1000', MAX_SUBSCRIPTIONS_PER_VIEWER: '20' });
    streamBase = streamCount(await w.hub());
    gaugeBase = await activeSubscriptionsGauge(w.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });
  const raw = async (token: string) => {
    const r = await Raw.connect(w.url, token);
    sockets.push(r);
    return r;
  };

  it('2a: 100 queries over ws with the same id, each sent the moment the previous one\'s `complete` arrives: all answered, socket open', async () => {
    const P = await w.person('9-2a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await raw(P.token);
    let n = 0;
    const done = new Promise<void>((resolve) => {
      r.ws.on('message', (data) => {
        const m = JSON.parse(String(data));
        if (m.id === 'Q' && m.type === 'complete') {
          if (++n === 100) resolve();
          else r.send({ id: 'Q', type: 'subscribe', payload: { query: '{ livePosition }' } });
        }
      });
    });
    r.send({ id: 'Q', type: 'subscribe', payload: { query: '{ livePosition }' } });
    await Promise.race([done, r.untilClosed(20_000).then((c) => c)]).catch(() => undefined);
    expect({ answered: n, closed: r.closed }).toEqual({ answered: 100, closed: undefined });
  }, 30_000);

  it('2b: a subscription that ended with an error (bad cursor, validation, TOO_MANY) re-subscribed with the same id the moment its error arrives: live, socket open', async () => {
    const P = await w.person('9-2b', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await raw(P.token);
    const bad = [
      { query: ACTIVITY_DOC, variables: { p: w.p.gid, after: 'x' } },
      { query: 'subscription { nope }' },
      { query: ACTIVITY_DOC, variables: { p: w.p.gid, after: '99999999999' } },
      { query: ACTIVITY_DOC, operationName: 'Nope' },
    ];
    let i = 0;
    r.ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.id !== 'E' || (m.type !== 'error' && m.type !== 'complete')) return;
      i++;
      if (i < 20) r.send({ id: 'E', type: 'subscribe', payload: bad[i % bad.length] });
      else if (i === 20) r.subscribe('E', ACTIVITY_DOC, { p: w.p.gid });
    });
    r.send({ id: 'E', type: 'subscribe', payload: bad[0] });
    const t0 = Date.now();
    while (i < 20 && !r.closed && Date.now() - t0 < 15_000) await sleep(50);
    await sleep(500);
    const id = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    const got = await r.until((m) => m.id === 'E' && m.payload?.data?.activityLogged?.id === id, 5_000).catch(() => undefined);
    expect({ ends: i, closed: r.closed, live: Boolean(got) }).toEqual({ ends: 20, closed: undefined, live: true });
  }, 30_000);

  it('2c: the graphql-ws client with a constant generateID, subscribing and unsubscribing in a loop: no close, the last one live, only its events', async () => {
    const P = await w.person('9-2c', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const { createClient } = await import('graphql-ws');
    let closedWith: number | undefined;
    const client = createClient({
      url: w.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${P.token}` },
      generateID: () => 'same',
      retryAttempts: 0,
      on: { closed: (e: any) => (closedWith = e?.code) },
    });
    const got: any[] = [];
    let unsub = () => {};
    for (let k = 0; k < 30; k++) {
      unsub();
      const doc = k % 2 ? SIGNAL_DOC : ACTIVITY_DOC;
      unsub = client.subscribe({ query: doc, variables: { p: w.p.gid } }, { next: (v) => got.push({ k, v }), error: (e) => got.push({ k, e }), complete: () => {} });
      if (k % 7 === 0) await sleep(50);
    }
    // the last one (k = 29) is the signal subscription
    await sleep(1_500);
    const from = got.length;
    const s = await w.report(w.demo.tokens.YOUTH_WORKER, '9-2c');
    await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    await sleep(2_000);
    const after = got.slice(from);
    const closedDuring = closedWith;
    unsub();
    await client.dispose();
    closedWith = closedDuring;
    expect({
      closedWith,
      errors: got.filter((g) => g.e).length,
      last: after.map((g) => [g.k, Object.keys(g.v?.data ?? {})[0]]),
    }).toEqual({ closedWith: undefined, errors: 0, last: [[29, 'signalReported']] });
    void s;
  }, 30_000);

  it('2z (last): with every socket closed, the hub streams and the gauge are back, and the person of 2c holds no slot (a fresh socket takes all 20)', async () => {
    for (const s of sockets) s.close();
    await sleep(1_500);
    const P = await w.person('9-2z', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    void P;
    expect({ streams: streamCount(await w.hub()) - streamBase, gauge: (await activeSubscriptionsGauge(w.url)) - gaugeBase }).toEqual({ streams: 0, gauge: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// 3: random legal sequences per ID

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('attack9 3: random legal sequences of subscribe/complete on a few IDs', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '1000', MAX_SUBSCRIPTIONS_PER_VIEWER: '12' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`3-${seed}: after a random burst (every subscribe preceded by a complete of its ID; some while the socket is backed up), a final subscribe per ID is live, a final complete silences it, nothing is left after close, and the person's 12 slots are free`, async () => {
      const rand = rng(seed * 7919);
      const P = await w.person(`9-3-${seed}`, [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
      const hub = await w.hub();
      const sBase = streamCount(hub);
      const gBase = await activeSubscriptionsGauge(w.url);
      const r = await Raw.connect(w.url, P.token);
      sockets.push(r);
      const ids = ['a', 'b', 'c', 'd'];
      const payloads = [
        { query: ACTIVITY_DOC, variables: { p: w.p.gid } },
        { query: SIGNAL_DOC, variables: { p: w.p.gid } },
        { query: '{ livePosition }' },
        { query: 'subscription { nope }' },
        { query: ACTIVITY_DOC, variables: { p: w.p.gid, after: 'x' } },
        { query: ACTIVITY_DOC, operationName: 'Nope' },
        { query: 'subscription {' },
        { query: BIG_QUERY },
      ];
      let resume: (() => void) | undefined;
      if (seed % 2 === 0) {
        resume = pauseReading(r);
        await backUp(r, 300_000);
      }
      for (let step = 0; step < 200; step++) {
        const id = ids[Math.floor(rand() * ids.length)]!;
        const x = rand();
        if (x < 0.35) r.complete(id);
        else if (x < 0.45) {
          r.complete(id);
          r.complete(id);
        } else {
          r.complete(id);
          r.send({ id, type: 'subscribe', payload: payloads[Math.floor(rand() * payloads.length)] });
        }
        if (rand() < 0.05) await sleep(Math.floor(rand() * 100));
        if (rand() < 0.03) void w.logActivity(w.demo.tokens.YOUTH_WORKER);
      }
      for (const id of ids) {
        r.complete(id);
        r.subscribe(id, ACTIVITY_DOC, { p: w.p.gid });
      }
      await sleep(1_000);
      resume?.();
      await sleep(1_500);
      const probe = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
      const live: string[] = [];
      for (const id of ids) {
        const got = await r.until((m) => m.id === id && m.payload?.data?.activityLogged?.id === probe, 8_000).catch(() => undefined);
        if (got) live.push(id);
      }
      for (const id of ids) r.complete(id);
      await sleep(800);
      const from = r.messages.length;
      await w.logActivity(w.demo.tokens.YOUTH_WORKER);
      await sleep(1_200);
      const afterComplete = r.messages.slice(from).filter((m) => ids.includes(m.id!) && m.type === 'next').length;
      const closedBefore = r.closed;
      r.ws.close();
      await sleep(1_000);
      // slots: a fresh socket of the same person takes all 12
      const s = await Raw.connect(w.url, P.token);
      sockets.push(s);
      for (let i = 0; i < 12; i++) s.subscribe(`f${i}`, ACTIVITY_DOC, { p: w.p.gid });
      await sleep(1_000);
      const refused = s.messages.filter((m) => m.type === 'error').flatMap((m) => codesOf(m));
      s.ws.close();
      await sleep(800);
      expect({
        closedBefore,
        live,
        afterComplete,
        refused,
        streams: streamCount(hub) - sBase,
        gauge: (await activeSubscriptionsGauge(w.url)) - gBase,
      }).toEqual({ closedBefore: undefined, live: ids, afterComplete: 0, refused: [], streams: 0, gauge: 0 });
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------------------------
// 4: rate limits over ws

describe('attack9 4: RATE_LIMITED over ws', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', RATE_LIMIT_VIEWER_PER_MINUTE: '6', MAX_SUBSCRIPTIONS_PER_VIEWER: '8' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('4a: operations over ws past the rate limit get a coded RATE_LIMITED error for their id; the socket stays open; the refused ones hold no slot and no hub stream', async () => {
    const P = await w.person('9-4a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const hub = await w.hub();
    const base = streamCount(hub);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    for (let i = 0; i < 12; i++) {
      if (i % 2) r.subscribe(`s${i}`, ACTIVITY_DOC, { p: w.p.gid });
      else r.send({ id: `q${i}`, type: 'subscribe', payload: { query: '{ livePosition }' } });
    }
    await sleep(2_000);
    const ends = r.messages.filter((m) => m.type === 'error' || (m.type === 'next' && m.payload?.errors)).flatMap((m) => codesOf(m));
    const streams = streamCount(hub) - base;
    expect({ closed: r.closed, rateLimited: ends.filter((c: string) => c === 'RATE_LIMITED').length >= 5, streamsAtMost6: streams <= 6 }, JSON.stringify(ends)).toEqual({
      closed: undefined,
      rateLimited: true,
      streamsAtMost6: true,
    });
  }, 30_000);
});

describe('attack9 4b: RATE_LIMITED on a socket closed mid-set-up', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', RATE_LIMIT_VIEWER_PER_MINUTE: '20', MAX_SUBSCRIPTIONS_PER_VIEWER: '8' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('4b: subscribes refused as RATE_LIMITED on sockets the client closed during their set-up leave no per-viewer slot behind (a minute later the person can hold all 8)', async () => {
    const P = await w.person('9-4b', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const start = Date.now();
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    for (let i = 0; i < 20; i++) {
      r.send({ id: `q${i}`, type: 'subscribe', payload: { query: '{ livePosition }' } });
      await r.until(endOf(`q${i}`), 10_000);
    }
    r.ws.close();
    for (let k = 0; k < 12; k++) {
      const s = await Raw.connect(w.url, P.token);
      s.subscribe('a', ACTIVITY_DOC, { p: w.p.gid });
      s.subscribe('b', ACTIVITY_DOC, { p: w.p.gid });
      s.ws.terminate();
      await sleep(50);
    }
    // The rate window (one minute from the first operation) ends.
    while (Date.now() - start < 62_000) await sleep(500);
    const f = await Raw.connect(w.url, P.token);
    sockets.push(f);
    for (let i = 0; i < 8; i++) f.subscribe(`f${i}`, ACTIVITY_DOC, { p: w.p.gid });
    await sleep(1_500);
    const refused = f.messages.filter((m) => m.type === 'error').flatMap((m) => codesOf(m));
    expect({ refused, closed: f.closed }).toEqual({ refused: [], closed: undefined });
  }, 100_000);
});

describe('attack9 5: a socket that never reads', () => {
  let w: World;
  const sockets: Raw[] = [];
  beforeAll(async () => {
    w = await world({ LIVE_POLL_MS: '250', MAX_SUBSCRIPTIONS_PER_SOCKET: '100' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await closeTestApp(w?.t);
  });

  it('5a: a client that sends queries over ws and never reads cannot make the server hold more than 32 MB of unsent writes for it (it is closed first)', async () => {
    const P = await w.person('9-5a', [{ role: 'YOUTH_WORKER', partnershipId: w.p.id, cityId: w.p.cityId }]);
    const r = await Raw.connect(w.url, P.token);
    sockets.push(r);
    pauseReading(r);
    const server = serverSocketOf(r);
    const sym = Object.getOwnPropertySymbols(server).find((x) => x.description === 'websocket')!;
    const sws = (server as any)[sym] as WebSocket;
    let most = 0;
    const t0 = Date.now();
    for (let i = 0; Date.now() - t0 < 8_000 && sws.readyState === WebSocket.OPEN; i++) {
      for (let j = 0; j < 10; j++) r.send({ id: `b${i}.${j}`, type: 'subscribe', payload: { query: BIG_QUERY } });
      await sleep(20);
      most = Math.max(most, server.writableLength + sws.bufferedAmount);
    }
    expect({ mbHeld: Math.round(most / 1e6) }, `socket state ${sws.readyState}`).toEqual({ mbHeld: expect.toSatisfy((n: number) => n <= 32) });
  }, 30_000);
});
