import { DefaultAzureCredential } from '@azure/identity';
import { assertType, expectTypeOf, test } from 'vitest';
import {
  createPipeline, isApiError, SharedKeyCredential, type ApiErrorKind, type PipelineFetch, type PipelineOptions,
} from '@azlro/http';
import { validateSubscriptionId, validateThumbprintAlgorithm } from '@azlro/http/internal';

const userAgent = { packageName: 'x', packageVersion: '1.0.0' };

test('DefaultAzureCredential and SharedKeyCredential are accepted credentials', () => {
  assertType<PipelineOptions['credential']>(new DefaultAzureCredential());
  assertType<PipelineOptions['credential']>(new SharedKeyCredential('acct', 'a2V5'));
  createPipeline({ endpoint: 'https://management.azure.com', credential: new DefaultAzureCredential(), scopes: 'https://management.azure.com/.default', userAgent });
});

test('the pipeline can be handed to anything that takes typeof fetch (hey-api createClient({ fetch }))', () => {
  const pipeline = createPipeline({ endpoint: 'https://example.com', userAgent });
  assertType<typeof fetch>(pipeline);
  expectTypeOf(pipeline).toEqualTypeOf<PipelineFetch>();
  expectTypeOf(pipeline).returns.resolves.toEqualTypeOf<Response>();
});

test('options are typed', () => {
  // @ts-expect-error userAgent is required
  createPipeline({ endpoint: 'https://example.com' });
  // @ts-expect-error endpoint is a string
  createPipeline({ endpoint: new URL('https://example.com'), userAgent });
  // @ts-expect-error a credential needs getToken or sign
  createPipeline({ endpoint: 'https://example.com', userAgent, credential: { token: 'x' } });
  // @ts-expect-error durations are in ms and named so
  createPipeline({ endpoint: 'https://example.com', userAgent, retryOptions: { retryDelay: 5 } });
});

test('ApiErrorKind is a closed union and the guards narrow', () => {
  // @ts-expect-error not a kind
  assertType<ApiErrorKind>('teapot');
  const value: unknown = undefined;
  if (isApiError(value)) expectTypeOf(value.kind).toEqualTypeOf<ApiErrorKind>();
});

test('validators are assertion functions', () => {
  const id: unknown = '00000000-0000-0000-0000-000000000000';
  validateSubscriptionId(id);
  expectTypeOf(id).toEqualTypeOf<string>();
  const algorithm: unknown = 'sha1';
  validateThumbprintAlgorithm(algorithm);
  expectTypeOf(algorithm).toEqualTypeOf<'sha1'>();
});
