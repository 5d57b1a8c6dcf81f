import { describe, expect, test } from 'vitest';
import { parseDuration } from '../../scripts/lib/astro-duration.mjs';

describe('parseDuration (the bench reading Astro build logs)', () => {
  test('reads milliseconds and seconds', () => {
    expect(parseDuration('850ms')).toBe(0.85);
    expect(parseDuration('1.23s')).toBe(1.23);
    expect(parseDuration('12s.')).toBe(12);
  });

  test('reads a phase over a minute whole, not cut to its minutes', () => {
    expect(parseDuration('1m 55s')).toBe(115);
    expect(parseDuration('3m 0s')).toBe(180);
  });

  test('says nothing for text that is no duration', () => {
    expect(parseDuration('soon')).toBeUndefined();
  });
});
