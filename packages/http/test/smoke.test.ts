import { expect, test } from 'vitest';
import { placeholder } from '@azlro/http';
test('x', () => { expect(placeholder).toBe(1); });
