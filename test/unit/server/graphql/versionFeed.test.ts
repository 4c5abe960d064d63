import { describe, expect, it } from 'vitest';
import { isRead } from '../../../../server/graphql/versionFeed';

describe('isRead: which statements leave the data version counters alone', () => {
  it.each([
    ['SELECT 1', true],
    ['  select id from teams', true],
    ['/* data version feed */ SELECT d.scope FROM data_versions d', true],
    ['WITH w AS (SELECT * FROM unnest($1::date[])) SELECT * FROM w', true],
    ['with w as (select updated_at from teams) select * from w', true],
    ['INSERT INTO teams (slug) VALUES ($1)', false],
    ['update teams set name = $1', false],
    ['DELETE FROM sessions', false],
    ['COMMIT', false],
    ['WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved', false],
    ['WITH x AS (UPDATE teams SET name = $1 RETURNING id) SELECT * FROM x', false],
    ['', false],
  ])('%s → %s', (sql, expected) => {
    expect(isRead(sql)).toBe(expected);
  });
});
