import { describe, expect, test } from 'vitest';
import { isTerminal, readServiceStatus } from '../src/status.js';

describe('readServiceStatus', () => {
  test.each([
    ['NotStarted', 'notStarted'],
    ['not started', 'notStarted'],
    ['notStarted', 'notStarted'],
    ['Accepted', 'running'],
    ['InProgress', 'running'],
    ['inprogress', 'running'],
    ['Running', 'running'],
    ['Canceling', 'running'],
    ['Cancelling', 'running'],
    ['Succeeded', 'succeeded'],
    ['SUCCEEDED', 'succeeded'],
    ['completed', 'succeeded'],
    ['Failed', 'failed'],
    ['Canceled', 'canceled'],
    ['Cancelled', 'canceled'],
  ])('%j -> %s', (word, status) => {
    expect(readServiceStatus(word)).toEqual({ status, recognized: true });
  });

  test.each(['Provisioning', 'Succeeded!', '', undefined, 42, null])('%j is unknown: still running', (word) => {
    expect(readServiceStatus(word)).toEqual({ status: 'running', recognized: false });
  });

  test('terminal statuses', () => {
    expect(['notStarted', 'running', 'succeeded', 'failed', 'canceled'].filter((s) => isTerminal(s as never))).toEqual(['succeeded', 'failed', 'canceled']);
  });
});
