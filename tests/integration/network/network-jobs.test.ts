/**
 * Durable router jobs against the RouterOS simulator and its faults, once per version profile: a
 * router that is down, a connection cut mid-batch, a command that hangs, a change the router refuses,
 * a restart with work still queued. The manual clock moves the retry schedule; nothing sleeps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { auditText, cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, networkTest, RETRY_MS, tablesText, type NetworkTest } from './network-support';
import { closedPort, sim } from './routeros-support';

afterAll(cleanupTestCores);

// The process must survive whatever a router does: nothing may escape as an unhandled rejection.
const escaped: unknown[] = [];
const onUnhandled = (reason: unknown) => escaped.push(reason);
beforeEach(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(escaped.splice(0)).toEqual([]);
});

describe.each(SIM_VERSIONS)('RouterOS %s: router jobs', (version) => {
  let n: NetworkTest;
  beforeAll(async () => {
    n = await networkTest({ commandTimeoutMs: 300 });
  });

  async function upsert(routerId: string, name: string, profile = 'default') {
    return unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId, name, password: `pw-${name}`, profile }, n.owner.token));
  }

  it('keeps jobs for a router that is down, retries with backoff, in order, and finishes when it comes up', async () => {
    const port = await closedPort();
    const created = await n.addRouter({ port });
    const jobs = [];
    for (const name of ['a1', 'a2', 'a3']) jobs.push((await upsert(created.id, name)).job);
    await n.runJobs();
    // The first is tried and waits for its retry; the others wait behind it, untried.
    const first = await n.job(jobs[0]!.id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: n.t.clock.now() + RETRY_MS });
    expect(first.lastError).toMatch(/ECONNREFUSED|refused/i);
    for (const job of jobs.slice(1)) expect(await n.job(job.id)).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
    expect(unwrap(await n.t.call('network.routers.list', {}, n.owner.token)).find((r) => r.id === created.id)?.pendingJobs).toBe(3);

    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    expect(await n.job(jobs[0]!.id)).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: n.t.clock.now() + 2 * RETRY_MS });
    // Not due yet: nothing is tried.
    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    expect(await n.job(jobs[0]!.id)).toMatchObject({ attempts: 2 });

    const router = await sim({ version, port });
    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    for (const job of jobs) expect(await n.job(job.id)).toMatchObject({ state: 'done', lastError: null });
    expect(menu(router, '/ppp/secret').map((s) => s.name)).toEqual(['a1', 'a2', 'a3']);
  });

  it('retries a batch cut off mid-way by a dropped connection and finishes it: nothing lost, nothing twice', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    // 60 secrets Gerai knows and the router does not: reconcile turns them into one batch job.
    const names = Array.from({ length: 60 }, (_, i) => `batch-${String(i).padStart(2, '0')}`);
    for (const name of names) unwrap(await n.t.call('network.jobs.cancel', { id: (await upsert(created.id, name)).job.id }, n.owner.token));
    const { jobs } = unwrap(await n.t.call('network.reconcile.apply', { routerId: created.id }, n.owner.token));
    expect(jobs).toHaveLength(1);
    const [batch] = jobs;
    // The connection drops after 30 more sentences arrive: some adds applied, some lost with it.
    router.setFault({ dropAfterCommands: 30 });
    await n.runJobs();
    const cut = await n.job(batch!.id);
    expect(cut).toMatchObject({ state: 'pending', attempts: 1 });
    expect(cut.lastError).toMatch(/ECONNRESET|closed|EOF|connection/i);
    const applied = menu(router, '/ppp/secret').length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(60);

    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    expect(await n.job(batch!.id)).toMatchObject({ state: 'done', attempts: 2, lastError: null });
    const onRouter = menu(router, '/ppp/secret').map((s) => s.name);
    expect(onRouter).toHaveLength(60);
    expect([...onRouter].sort()).toEqual(names);
    expect(unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token)).drift).toEqual([]);
  });

  it('treats a command that hangs as a timeout and retries it', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    await behindTheBack(router).print('/system/identity');
    router.setFault({ hang: true });
    const { job } = await upsert(created.id, 'lambat');
    await n.runJobs();
    const waiting = await n.job(job.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/no reply|within 300 ms|ETIMEDOUT/);
    router.setFault({ hang: false });
    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(menu(router, '/ppp/secret').map((s) => s.name)).toEqual(['lambat']);
  });

  it('fails a change the router refuses (unknown profile), shows it, and a retry after the fix works', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const { job } = await upsert(created.id, 'salah-paket', 'paket-99M');
    const { job: next } = await upsert(created.id, 'benar', 'default');
    await n.runJobs();
    const failed = await n.job(job.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toContain('input does not match any value of profile');
    expect(failed.lastError).not.toContain('pw-salah-paket');
    // A failed job does not hold up the router's other jobs.
    expect(await n.job(next.id)).toMatchObject({ state: 'done' });
    expect(unwrap(await n.t.call('network.jobs.list', { routerId: created.id, state: 'failed' }, n.owner.token)).map((j) => j.id)).toEqual([job.id]);
    // Retrying without a fix fails again; with the profile made, it goes through.
    unwrap(await n.t.call('network.jobs.retry', { id: job.id }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'failed', attempts: 2 });
    unwrap(await n.t.call('network.ppp.profiles.upsert', { routerId: created.id, name: 'paket-99M', rateLimit: '20M/99M' }, n.owner.token));
    await n.runJobs();
    const retried = unwrap(await n.t.call('network.jobs.retry', { id: job.id }, n.owner.token));
    expect(retried).toMatchObject({ state: 'pending', finishedAt: null });
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done', attempts: 3, lastError: null });
    expect(menu(router, '/ppp/secret').find((s) => s.name === 'salah-paket')).toMatchObject({ profile: 'paket-99M' });
    expect(codeOf(await n.t.call('network.jobs.retry', { id: job.id }, n.owner.token))).toBe('CONFLICT');
    expect(codeOf(await n.t.call('network.jobs.cancel', { id: job.id }, n.owner.token))).toBe('CONFLICT');
  });

  it('fails jobs while the router refuses the login, and retries them once the password is fixed', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router, { password: 'lupa' });
    const { job } = await upsert(created.id, 'masuk');
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/login refused/) });
    unwrap(await n.t.call('network.routers.update', { id: created.id, password: 'rahasia-123' }, n.owner.token));
    unwrap(await n.t.call('network.jobs.retry', { id: job.id }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done' });
  });

  it('cancels a waiting job: it never runs', async () => {
    const port = await closedPort();
    const created = await n.addRouter({ port });
    const { job } = await upsert(created.id, 'batal');
    const cancelled = unwrap(await n.t.call('network.jobs.cancel', { id: job.id }, n.owner.token));
    expect(cancelled).toMatchObject({ state: 'cancelled', nextAttemptAt: null, finishedAt: n.t.clock.now() });
    const router = await sim({ version, port });
    n.t.clock.advance(RETRY_MS);
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'cancelled', attempts: 0 });
    expect(menu(router, '/ppp/secret')).toEqual([]);
    expect(codeOf(await n.t.call('network.jobs.retry', { id: job.id }, n.owner.token))).toBe('CONFLICT');
  });

  it('keeps the PPP and router passwords out of every table but `secrets`, the audit log, the log file and every answer', async () => {
    const router = await sim({ version, users: { admin: 'Router-Kunci-77' } });
    const created = await n.addRouter(router, { password: 'Router-Kunci-77' });
    const answers: unknown[] = [];
    answers.push(unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'rahasia', password: 'PPP-Sandi-88', profile: 'default' }, n.owner.token)));
    await n.runJobs();
    answers.push(unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'rahasia', password: 'PPP-Sandi-99', profile: 'nope' }, n.owner.token)));
    await n.runJobs();
    answers.push(unwrap(await n.t.call('network.ppp.secrets.list', { routerId: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.jobs.list', { routerId: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.ppp.secrets.remove', { routerId: created.id, name: 'rahasia' }, n.owner.token)));
    await n.runJobs();
    expect(menu(router, '/ppp/secret')).toEqual([]);
    const log = readFileSync(join(n.t.dataDir, 'logs', 'gerai.log'), 'utf8');
    for (const text of [tablesText(n.t), auditText(n.t.core), JSON.stringify(answers), log]) {
      for (const secret of ['Router-Kunci-77', 'PPP-Sandi-88', 'PPP-Sandi-99']) expect(text).not.toContain(secret);
    }
  });
});

describe('restarts', () => {
  it('picks up queued jobs after a restart, and puts back jobs a crash left running', async () => {
    const n = await networkTest();
    const port = await closedPort();
    const created = await n.addRouter({ port });
    const { job } = unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'tetap', password: 'pw-t', profile: 'default' }, n.owner.token));
    const kick = unwrap(await n.t.call('network.ppp.active.kick', { routerId: created.id, name: 'tetap' }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'pending', attempts: 1 });
    // As if the process died mid-attempt: a job still marked running.
    n.t.core.deps.store.sqlite.prepare("UPDATE router_jobs SET state = 'running' WHERE id = ?").run(kick.id);

    await n.t.reopen();
    const owner = await n.t.login(n.owner.username);
    const jobs = unwrap(await n.t.call('network.jobs.list', { routerId: created.id }, owner.token));
    expect(jobs.map((j) => [j.id, j.state])).toEqual([
      [kick.id, 'pending'],
      [job.id, 'pending'],
    ]);
    const router = await sim({ version: '7.18', port });
    n.t.clock.advance(RETRY_MS);
    await n.t.core.deps.network.jobs.runDue();
    const after = unwrap(await n.t.call('network.jobs.list', { routerId: created.id }, owner.token));
    expect(after.map((j) => j.state)).toEqual(['done', 'done']);
    expect(menu(router, '/ppp/secret').map((s) => s.name)).toEqual(['tetap']);
  });

  it('closes cleanly with a job under way: it goes back to the queue untouched and runs after the restart', async () => {
    const n = await networkTest({ commandTimeoutMs: 5_000 });
    const router = await sim({ version: '7.18' });
    const created = await n.addRouter(router);
    await behindTheBack(router).print('/system/identity');
    router.setFault({ hang: true });
    const { job } = unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'tutup', password: 'pw', profile: 'default' }, n.owner.token));
    const running = n.t.core.deps.network.jobs.runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(n.t.core.deps.network.jobs.isBusy(created.id)).toBe(true);
    // The router answers again, but the attempt under way is stuck on a login that will never be answered.
    router.setFault({ hang: false });
    const started = Date.now();
    await n.t.reopen();
    await running;
    // Closing aborted the stuck login instead of waiting out its 5 s timeout.
    expect(Date.now() - started).toBeLessThan(2_000);
    await n.t.core.deps.network.jobs.runDue();
    const owner = await n.t.login(n.owner.username);
    // The interrupted attempt was not counted: one attempt, the one after the restart.
    expect(unwrap(await n.t.call('network.jobs.list', {}, owner.token)).find((j) => j.id === job.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(menu(router, '/ppp/secret').map((s) => s.name)).toEqual(['tutup']);
  });
});
