import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError, onUnauthenticated, request } from '../../client/graphql/request';
import { TypedDocumentString } from '../../client/graphql/generated/graphql';

const OP = new TypedDocumentString<{ ok: boolean }, { x: number }>('query Q($x: Int) { ok }');

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('POSTs the document and variables as JSON and resolves with data', async () => {
    answer(200, { data: { ok: true } });
    await expect(request(OP, { x: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = (fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ query: 'query Q($x: Int) { ok }', variables: { x: 1 } });
  });

  it('throws the server’s message with its code and record problems', async () => {
    const records = [{ index: 0, field: 'range.from', message: 'must be a real date' }];
    answer(200, { data: null, errors: [{ message: 'bad range', extensions: { code: 'BAD_USER_INPUT', records } }] });
    const err = await request(OP, { x: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect(err).toMatchObject({ message: 'bad range', code: 'BAD_USER_INPUT', records });
  });

  it('reads errors from a 400 answer too', async () => {
    answer(400, { errors: [{ message: 'Variable "$x" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] });
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
  });

  it('names the HTTP status when the answer is not GraphQL', async () => {
    answer(502, 'Bad Gateway');
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ message: expect.stringContaining('502'), status: 502 });
  });

  it('says the server is unreachable on a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('tells the one unauthenticated listener, from a GraphQL error or a bare 401', async () => {
    const seen = vi.fn();
    const stop = onUnauthenticated(seen);
    answer(401, { errors: [{ message: 'That token is unknown, revoked or expired.', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    answer(401, 'Unauthorized');
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    answer(200, { data: null, errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] });
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(seen).toHaveBeenCalledTimes(2);

    stop();
    answer(401, 'Unauthorized');
    await expect(request(OP, { x: 1 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
