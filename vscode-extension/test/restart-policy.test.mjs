// The bounded crash-restart policy, with the clock given explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './support/load.mjs';

const { CrashRestartPolicy, continueAfterError } = load('restartPolicy');
const minute = 60 * 1000;

test('restarts N times within the window, then gives up', () => {
  const policy = new CrashRestartPolicy(4, 3 * minute);
  const decisions = [0, 1000, 2000, 3000, 4000].map((t) => policy.onCrash(t));
  assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, false]);
  assert.deepEqual(decisions.map((d) => d.crashes), [1, 2, 3, 4, 5]);
  assert.equal(policy.stopped, true);
});

test('once given up it stays stopped, even after the window has passed', () => {
  const policy = new CrashRestartPolicy(1, minute);
  assert.equal(policy.onCrash(0).restart, true);
  assert.equal(policy.onCrash(10).restart, false);
  assert.equal(policy.onCrash(10 * minute).restart, false);
});

test('crashes spread wider than the window keep being restarted', () => {
  const policy = new CrashRestartPolicy(2, minute);
  for (let i = 0; i < 20; i++) {
    const decision = policy.onCrash(i * 40 * 1000);
    assert.equal(decision.restart, true, `crash ${i + 1}`);
    assert.ok(decision.crashes <= 2);
  }
});

test('a crash just outside the window is forgotten, one just inside is not', () => {
  const policy = new CrashRestartPolicy(1, minute);
  assert.equal(policy.onCrash(0).restart, true);
  assert.deepEqual(policy.onCrash(minute + 1), { restart: true, crashes: 1 });
  assert.deepEqual(policy.onCrash(2 * minute + 1), { restart: false, crashes: 2 });
});

test('a new policy (the Restart Server command) starts counting afresh', () => {
  const first = new CrashRestartPolicy(1, minute);
  first.onCrash(0);
  first.onCrash(1);
  assert.equal(first.stopped, true);
  assert.equal(new CrashRestartPolicy(1, minute).onCrash(2).restart, true);
});

test('connection errors: the first three are tolerated, the fourth shuts down', () => {
  assert.deepEqual([1, 2, 3, 4, undefined].map((n) => continueAfterError(n)), [true, true, true, false, false]);
});
