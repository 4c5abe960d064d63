import type { ChannelRow, OutboxRow } from './queries';
import { slackBody, webhookBody } from './messages';
import { SIGNATURE_HEADER, signatureHeader } from './signature';

/** The request a message becomes on its channel: Slack's `{ text, blocks }`, or the signed JSON body. */
export function requestFor(channel: ChannelRow, m: Pick<OutboxRow, 'id' | 'event' | 'payload' | 'createdAt'>, now: Date): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Headroom-Notifications/1' };
  if (channel.kind === 'slack') return { body: JSON.stringify(slackBody(m.event, m.payload)), headers };
  const body = JSON.stringify(webhookBody(m));
  headers['x-headroom-event'] = m.event;
  headers['x-headroom-delivery'] = String(m.id);
  // Signed at each attempt: the timestamp says when this request was made.
  if (channel.secret) headers[SIGNATURE_HEADER.toLowerCase()] = signatureHeader(channel.secret, Math.floor(now.getTime() / 1000), body);
  return { body, headers };
}

/**
 * One POST; resolves with null when the receiver took it (2xx), else why not. Redirects are not
 * followed (a webhook URL that moved is a configuration to fix, and the signature is for this URL).
 */
export async function post(url: string, req: { body: string; headers: Record<string, string> }, timeoutMs: number): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'POST', body: req.body, headers: req.headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel();
      return null;
    }
    const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
    return `HTTP ${res.status}${text ? `: ${text}` : ''}`;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
    return err.cause?.code ?? err.cause?.message ?? err.message;
  }
}
