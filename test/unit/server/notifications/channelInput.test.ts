import { describe, it, expect } from 'vitest';
import { channelUrlProblem, subscriptionProblems, urlPreview } from '../../../../server/notifications/channelInput';

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

describe('subscription targets and events', () => {
  it.each([
    [['TEAM_STATUS'], { team: 'alpha' }, []],
    [['TEAM_STATUS', 'WEEKLY_DIGEST'], { group: '3' }, []],
    [['WEEKLY_DIGEST'], {}, []],
    [[], {}, ['must name at least one of TEAM_STATUS, SPRINT_UNDER_RESERVED, WEEKLY_DIGEST']],
    [['TEAM_STATUS', 'TEAM_STATUS'], {}, ['must name each event once']],
    [['WEEKLY_DIGEST'], { team: 'alpha' }, ['WEEKLY_DIGEST covers the whole org or a group: subscribe to it without a team']],
    [['TEAM_STATUS'], { team: 'alpha', group: '3' }, ['give a team or a group, not both (neither: the whole org)']],
    [['TEAM_STATUS'], { team: null, group: null }, []],
  ])('%j for %j', (events, target, messages) => {
    expect(subscriptionProblems(events, target).map((p) => p.message)).toEqual(messages);
  });
});
