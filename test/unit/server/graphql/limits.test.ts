import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { largeBodyGate } from '../../../../server/graphql/limits';

/** Just what the gate reads of a request and writes to a response. */
function exchange(contentLength: number | null) {
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200, headers: {} as Record<string, string>, body: undefined as unknown,
    status(code: number) { this.statusCode = code; return this; },
    set(name: string, value: string) { this.headers[name] = value; return this; },
    json(body: unknown) { this.body = body; return this; },
  });
  const req = { method: 'POST', get: (h: string) => (h === 'content-length' && contentLength !== null ? String(contentLength) : undefined) };
  return { req: req as unknown as Request, res, passed: false };
}

describe('largeBodyGate', () => {
  const gate = () => largeBodyGate({ threshold: 1000, concurrent: 2, queue: 1 });
  function send(g: ReturnType<typeof gate>, length: number | null) {
    const x = exchange(length);
    g(x.req, x.res as unknown as Response, () => { x.passed = true; });
    return x;
  }

  it('lets small bodies through at once, however many large ones run', () => {
    const g = gate();
    send(g, 5000); send(g, 5000);
    expect(send(g, 999).passed).toBe(true);
  });

  it('runs two large bodies at a time, queues the next, and refuses past the queue with 503 and Retry-After', () => {
    const g = gate();
    const [a, b] = [send(g, 5000), send(g, null)]; // no Content-Length counts as large
    const c = send(g, 5000);
    const d = send(g, 5000);
    expect([a.passed, b.passed, c.passed]).toEqual([true, true, false]);
    expect(d.res.statusCode).toBe(503);
    expect(d.res.headers['retry-after']).toBe('1');
    expect(d.res.body).toEqual({ errors: [{ message: expect.stringMatching(/busy/), extensions: { code: 'SERVER_BUSY' } }] });
    a.res.emit('close');
    expect(c.passed).toBe(true);
  });

  it('drops a request from the queue when its client gives up', () => {
    const g = gate();
    const [a] = [send(g, 5000), send(g, 5000)];
    const waiting = send(g, 5000);
    waiting.res.emit('close');
    const next = send(g, 5000);
    a.res.emit('close');
    expect(waiting.passed).toBe(false);
    expect(next.passed).toBe(true);
  });
});

describe('operationCost', () => {
  it('leaves room for every dashboard operation at the longest range', async () => {
    const { parse, Kind } = await import('graphql');
    const { operationCost, MAX_COST } = await import('../../../../server/graphql/limits');
    const { DOCUMENTS } = await import('../../../clientDocuments');
    const costs: number[] = [];
    for (const document of Object.values(DOCUMENTS)) {
      const doc = parse(document);
      const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
      for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) costs.push(operationCost(d.selectionSet, fragments, {}));
    }
    expect(Math.max(...costs)).toBeGreaterThan(0);
    expect(Math.max(...costs)).toBeLessThanOrEqual(MAX_COST / 1.5);
  });
});
