import { describe, it, expect } from 'vitest';
import { nestsDeeperThan } from '../../../../server/http/jsonDepth';

const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;

describe('nestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{}}', 1, true],
    [deep(64), 64, false],
    [deep(65), 64, true],
    ['{"a":"[[[[[[[[[["}', 1, false], // brackets in a string do not count
    ['{"a":"\\"[[[[[["}', 1, false], // nor after an escaped quote
    ['["\\\\",[[1]]]', 2, true], // an escaped backslash ends its escape: the string closes there
    ['"just a string"', 0, false],
  ] as const)('%s deeper than %i: %s', (json, max, expected) => {
    expect(nestsDeeperThan(json, max)).toBe(expected);
    expect(nestsDeeperThan(Buffer.from(json), max)).toBe(expected);
  });
});
