// An IDE's auto-import must never offer two functions of one name that do different things.
import * as batch from '@azlro/batch';
import * as cloudpartner from '@azlro/cloudpartner';
import * as containerservice from '@azlro/containerservice';
import * as http from '@azlro/http';
import { expect, test } from 'vitest';
import * as lro from '../src/index.js';

test('no function name is exported by @azlro/lro and by a package under it', () => {
  const shared = [containerservice, cloudpartner, batch, http].flatMap((pkg) =>
    Object.keys(pkg).filter((name) => typeof (pkg as Record<string, unknown>)[name] === 'function' && name in lro && (pkg as Record<string, unknown>)[name] !== (lro as Record<string, unknown>)[name]),
  );
  expect(shared).toEqual([]);
  expect('abortLatestOperation' in containerservice).toBe(false);
  expect(typeof containerservice.sendAbortLatestOperation).toBe('function');
});
