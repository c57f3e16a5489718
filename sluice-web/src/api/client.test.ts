import { ApiError, SluiceApi } from './client';

function answering(status: number, body: unknown) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(body === undefined ? '' : JSON.stringify(body), { status }));
}

describe('SluiceApi', () => {
  it('sends JSON with the credentials of the session', async () => {
    const fetcher = answering(200, { valid: true, errors: [], warnings: [] });
    const api = new SluiceApi('http://sluice', { authorization: () => 'Bearer t0k', onUnauthorized: vi.fn() }, fetcher);
    await api.validate('SELECT 1', { parallelism: 2 });
    const [url, init] = fetcher.mock.calls[0];
    expect(url).toBe('http://sluice/api/sql/validate');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    expect(JSON.parse(init?.body as string)).toEqual({ sql: 'SELECT 1', settings: { parallelism: 2 } });
  });

  it('sends no Authorization header without a session', async () => {
    const fetcher = answering(200, []);
    await new SluiceApi('', undefined, fetcher).jobs();
    expect((fetcher.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('hands a 401 to the session so it can ask for a login', async () => {
    const onUnauthorized = vi.fn();
    const api = new SluiceApi('', { authorization: () => null, onUnauthorized }, answering(401, { error: 'log in first' }));
    await expect(api.jobs()).rejects.toThrow('log in first');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('turns an error answer into an ApiError with the SQL positions', async () => {
    const api = new SluiceApi('', undefined, answering(400, {
      error: 'the SQL script is invalid', errors: [{ line: 3, column: 7, message: 'Column x not found' }],
    }));
    const error = await api.createJob('j', 'bad', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ line: 3, column: 7, message: 'Column x not found' }]);
  });

  it('escapes job names in paths', async () => {
    const fetcher = answering(200, {});
    await new SluiceApi('', undefined, fetcher).status('a b/c');
    expect(fetcher.mock.calls[0][0]).toBe('/api/jobs/a%20b%2Fc/status');
  });
});
