import { describe, it, expect } from 'vitest';
import { requestFor } from '../../../../server/notifications/send';
import { verifySignature } from '../../../../server/notifications/signature';
import type { ChannelRow } from '../../../../server/notifications/queries';

const channel = (kind: ChannelRow['kind'], secret: string | null): ChannelRow => ({
  id: 1, name: 'c', kind, url: 'https://example.com/hook', secret, enabled: true, createdAt: new Date(0), createdBy: 'test',
});
const message = { id: 7, event: 'test' as const, payload: { message: 'hello', requestedBy: 'ana' }, createdAt: new Date('2026-12-01T09:00:00Z') };
const now = new Date('2026-12-01T09:00:30Z');

describe('the request of a message', () => {
  it('signs the JSON webhook body at the time of the attempt, with event and delivery headers', () => {
    const req = requestFor(channel('webhook', 'sekret'), message, now);
    expect(JSON.parse(req.body)).toEqual({ id: '7', event: 'test', createdAt: '2026-12-01T09:00:00.000Z', summary: 'hello', data: { message: 'hello', requestedBy: 'ana' } });
    expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'x-headroom-event': 'test', 'x-headroom-delivery': '7' });
    expect(req.headers['x-headroom-signature']).toMatch(/^t=1796115630,v1=[0-9a-f]{64}$/);
    expect(verifySignature('sekret', req.headers['x-headroom-signature'], req.body, 1796115630)).toBe(true);
  });

  it("posts Slack's { text, blocks } unsigned", () => {
    const req = requestFor(channel('slack', null), message, now);
    expect(JSON.parse(req.body).text).toBe('hello');
    expect(req.headers['x-headroom-signature']).toBeUndefined();
    expect(req.headers['x-headroom-event']).toBeUndefined();
  });
});
