import { describe, it, expect } from 'vitest';
import { channelUrlProblem, eventProblems, urlPreview } from '../../../../server/notifications/channelInput';

describe('notification channel URLs', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/XYZ', null],
    ['http://127.0.0.1:8080/hook', null],
    ['ftp://example.com/x', 'must start with https:// or http:// (got ftp)'],
    ['javascript:alert(1)', 'must start with https:// or http:// (got javascript)'],
    ['hooks.slack.com/services/x', 'must be an absolute URL such as https://hooks.slack.com/services/…'],
    ['https://user:pw@example.com/x', 'must not hold a user name or password; a signed webhook uses its secret instead'],
    [`https://example.com/${'a'.repeat(2000)}`, 'must be at most 2000 characters'],
  ])('%s → %s', (url, problem) => {
    expect(channelUrlProblem(url)).toBe(problem);
  });

  it.each([
    ['https://hooks.slack.com/services/T0/B0/XYZ123', 'https://hooks.slack.com/…Z123'],
    ['http://127.0.0.1:8080/hook?token=abcd', 'http://127.0.0.1:8080/…abcd'],
    ['https://example.com', 'https://example.com'],
  ])('shows %s as %s', (url, preview) => {
    expect(urlPreview(url)).toBe(preview);
  });
});

describe('subscription events', () => {
  it.each([
    [['TEAM_STATUS'], 'alpha', []],
    [['WEEKLY_DIGEST'], null, []],
    [[], null, ['must name at least one of TEAM_STATUS, SPRINT_UNDER_RESERVED, WEEKLY_DIGEST']],
    [['TEAM_STATUS', 'TEAM_STATUS'], null, ['must name each event once']],
    [['WEEKLY_DIGEST'], 'alpha', ['WEEKLY_DIGEST covers the whole org: subscribe to it without a team']],
  ])('%j for team %s', (events, team, messages) => {
    expect(eventProblems(events, team).map((p) => p.message)).toEqual(messages);
  });
});
