// Starts, stops and restarts of the server run one at a time, and restarts asked for while one
// waits join it. The fake server's start and stop finish only when the test lets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './support/load.mjs';

const { ServerLifecycle } = load('serverLifecycle');

/** A fake server whose starts and stops are promises the test resolves, with a log of steps. */
function fakeServers() {
  const log = [];
  const pending = [];
  let active = 0;
  let mostActive = 0;
  let made = 0;
  const step = (name, value) =>
    new Promise((resolve, reject) => {
      active++;
      mostActive = Math.max(mostActive, active);
      log.push(`${name} begins`);
      pending.push({
        name,
        finish: (error) => {
          active--;
          log.push(`${name} ends`);
          error ? reject(error) : resolve(value);
        },
      });
    });
  return {
    log,
    mostActive: () => mostActive,
    start: () => {
      made++;
      return step(`start ${made}`, `server ${made}`);
    },
    stop: (server) => step(`stop ${server}`),
    /** Finishes the oldest step under way, once the lifecycle has begun it. */
    async finishNext(error) {
      for (let i = 0; i < 50 && pending.length === 0; i++) await new Promise((r) => setImmediate(r));
      const next = pending.shift();
      assert.ok(next, `no step under way; log: ${log.join(', ')}`);
      next.finish(error);
      await new Promise((r) => setImmediate(r));
      return next.name;
    },
  };
}

test('a restart asked for while the server starts waits for the start to end', async () => {
  const fake = fakeServers();
  const lifecycle = new ServerLifecycle(fake.start, fake.stop);
  const started = lifecycle.ensureStarted();
  const restarted = lifecycle.restart();
  await fake.finishNext();
  assert.equal(await started, 'server 1');
  await fake.finishNext();
  await fake.finishNext();
  assert.equal(await restarted, 'server 2');
  assert.deepEqual(fake.log, [
    'start 1 begins', 'start 1 ends', 'stop server 1 begins', 'stop server 1 ends', 'start 2 begins', 'start 2 ends',
  ]);
  assert.equal(fake.mostActive(), 1);
  assert.equal(lifecycle.server, 'server 2');
});

test('restarts asked for while one waits its turn join it', async () => {
  const fake = fakeServers();
  const lifecycle = new ServerLifecycle(fake.start, fake.stop);
  const started = lifecycle.ensureStarted();
  const restarts = [lifecycle.restart(), lifecycle.restart(), lifecycle.restart()];
  await fake.finishNext();
  await started;
  await fake.finishNext();
  await fake.finishNext();
  assert.deepEqual(await Promise.all(restarts), ['server 2', 'server 2', 'server 2']);
  assert.equal(fake.log.filter((l) => l.endsWith('begins')).length, 3);
});

test('a restart asked for after the previous one began makes a restart of its own', async () => {
  const fake = fakeServers();
  const lifecycle = new ServerLifecycle(fake.start, fake.stop);
  const first = lifecycle.restart();
  // The first restart is under way (no server ran: it only starts one).
  assert.equal(await fake.finishNext(), 'start 1');
  assert.equal(await first, 'server 1');
  const second = lifecycle.restart();
  assert.equal(await fake.finishNext(), 'stop server 1');
  const third = lifecycle.restart();
  assert.equal(await fake.finishNext(), 'start 2');
  assert.equal(await second, 'server 2');
  assert.equal(await fake.finishNext(), 'stop server 2');
  assert.equal(await fake.finishNext(), 'start 3');
  assert.equal(await third, 'server 3');
  assert.equal(fake.mostActive(), 1);
});

test('ensureStarted leaves a running server alone; stop stops it once', async () => {
  const fake = fakeServers();
  const lifecycle = new ServerLifecycle(fake.start, fake.stop);
  const first = lifecycle.ensureStarted();
  await fake.finishNext();
  assert.equal(await first, 'server 1');
  assert.equal(await lifecycle.ensureStarted(), 'server 1');
  const stopped = lifecycle.stop();
  const stoppedAgain = lifecycle.stop();
  await fake.finishNext();
  await stopped;
  await stoppedAgain;
  assert.equal(lifecycle.server, undefined);
  assert.deepEqual(fake.log, ['start 1 begins', 'start 1 ends', 'stop server 1 begins', 'stop server 1 ends']);
});

test('a start that fails does not hold up the next one', async () => {
  const fake = fakeServers();
  const lifecycle = new ServerLifecycle(fake.start, fake.stop);
  const failed = lifecycle.ensureStarted();
  const next = lifecycle.ensureStarted();
  await fake.finishNext(new Error('no java'));
  await assert.rejects(failed, /no java/);
  await fake.finishNext();
  assert.equal(await next, 'server 2');
});

test('a server that could not start (undefined) is tried again by the next ensureStarted', async () => {
  let attempts = 0;
  const lifecycle = new ServerLifecycle(async () => (++attempts === 1 ? undefined : `server ${attempts}`), async () => {});
  assert.equal(await lifecycle.ensureStarted(), undefined);
  assert.equal(await lifecycle.ensureStarted(), 'server 2');
});
