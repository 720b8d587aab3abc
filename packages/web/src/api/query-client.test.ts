import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver, type QueryClient, type QueryObserverResult } from '@tanstack/react-query';
import { api, ApiError } from './client.ts';
import { apiKey, createQueryClient, invalidateAfterWrites, reportFailures } from './query-client.ts';
import { apiQueryOptions } from './useApiQuery.ts';

/**
 * The query layer without React: `QueryObserver` is what `useQuery` subscribes a component with,
 * so an observer here is one component showing a URL. `fetch` is replaced by a small fake server.
 */

interface Call {
  method: string;
  url: string;
}

let calls: Call[];
let answers: Map<string, () => Response>;
let client: QueryClient;
let stops: (() => void)[];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

beforeEach(() => {
  calls = [];
  answers = new Map();
  stops = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url });
    const answer = answers.get(`${method} ${url}`);
    return Promise.resolve(answer ? answer() : json({ code: 'NOT_FOUND', title: 'Not found' }, 404));
  });
  client = createQueryClient();
});

afterEach(() => {
  for (const stop of stops) stop();
  client.clear();
  vi.unstubAllGlobals();
});

/** Subscribes one "component" to a URL and resolves with its first settled result. */
function show<T>(url: string): { observer: QueryObserver<T>; settled: () => Promise<QueryObserverResult<T>> } {
  const observer = new QueryObserver<T>(client, apiQueryOptions<T>(url));
  const results: QueryObserverResult<T>[] = [];
  stops.push(observer.subscribe((result) => results.push(result)));
  return {
    observer,
    settled: () =>
      new Promise((resolve) => {
        const check = () => {
          const current = observer.getCurrentResult();
          if (!current.isFetching) resolve(current);
          else setTimeout(check, 1);
        };
        check();
      }),
  };
}

function gets(url: string): number {
  return calls.filter((call) => call.method === 'GET' && call.url === url).length;
}

describe('apiKey', () => {
  it('keys a URL by its path segments and query string, so a module prefix reaches all its URLs', () => {
    expect(apiKey('/api/v1/cases/stats?from=2026-01-01')).toEqual(['api', 'cases', 'stats', 'from=2026-01-01']);
    expect(apiKey('/api/v1/plans/%E5%88%9B%E5%9F%8E')).toEqual(['api', 'plans', '创城', '']);
    expect(apiKey('/api/v1/cases')).toEqual(['api', 'cases', '']);
  });
});

describe('the query cache', () => {
  it('asks once for a URL that two components show, and both get the same answer', async () => {
    answers.set('GET /api/v1/regions', () => json({ items: [{ code: '110000', name: '北京市' }] }));
    const first = show<{ items: unknown[] }>('/api/v1/regions');
    const second = show<{ items: unknown[] }>('/api/v1/regions');
    const [a, b] = await Promise.all([first.settled(), second.settled()]);
    expect(gets('/api/v1/regions')).toBe(1);
    expect(a.data).toEqual({ items: [{ code: '110000', name: '北京市' }] });
    expect(b.data).toBe(a.data);
  });

  it('shows the cached answer to a page opened again and asks the server again behind it', async () => {
    let name = '北京市';
    answers.set('GET /api/v1/regions/110000', () => json({ code: '110000', name }));
    const first = show<{ name: string }>('/api/v1/regions/110000');
    await first.settled();
    for (const stop of stops.splice(0)) stop();

    name = '北京';
    const again = show<{ name: string }>('/api/v1/regions/110000');
    expect(again.observer.getCurrentResult().data).toEqual({ code: '110000', name: '北京市' });
    expect((await again.settled()).data).toEqual({ code: '110000', name: '北京' });
    expect(gets('/api/v1/regions/110000')).toBe(2);
  });
});

describe('invalidation after a write', () => {
  it('refetches every list on screen after a write, also one of another module', async () => {
    stops.push(invalidateAfterWrites(client));
    let open = 2;
    answers.set('GET /api/v1/notices', () => json({ items: [], total: open }));
    answers.set('GET /api/v1/workbench', () => json({ open }));
    answers.set('POST /api/v1/notices/7/close', () => {
      open = 1;
      return json({ id: '7' });
    });
    const notices = show<{ total: number }>('/api/v1/notices');
    const workbench = show<{ open: number }>('/api/v1/workbench');
    await Promise.all([notices.settled(), workbench.settled()]);

    await api.post('/api/v1/notices/7/close');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await notices.settled()).data?.total).toBe(1);
    expect((await workbench.settled()).data?.open).toBe(1);
    expect(gets('/api/v1/notices')).toBe(2);
    expect(gets('/api/v1/workbench')).toBe(2);
  });

  it('marks what is not on screen stale without fetching it, and a refused write invalidates nothing', async () => {
    stops.push(invalidateAfterWrites(client));
    answers.set('GET /api/v1/cases', () => json({ items: [] }));
    answers.set('POST /api/v1/cases', () => json({ code: 'FORBIDDEN', title: '无权操作' }, 403));
    answers.set('POST /api/v1/cases/1/actions', () => json({ id: '1' }));
    await show('/api/v1/cases').settled();
    for (const stop of stops.splice(1)) stop();

    await expect(api.post('/api/v1/cases', {})).rejects.toBeInstanceOf(ApiError);
    expect(client.getQueryState(apiKey('/api/v1/cases'))?.isInvalidated).toBe(false);

    await api.post('/api/v1/cases/1/actions', {});
    expect(client.getQueryState(apiKey('/api/v1/cases'))?.isInvalidated).toBe(true);
    expect(gets('/api/v1/cases')).toBe(1);
  });
});

describe('failures', () => {
  it('reports a failed GET once however many components show it, and not a quiet status', async () => {
    const reported: unknown[] = [];
    stops.push(reportFailures(client, (error) => reported.push(error)));
    answers.set('GET /api/v1/audit', () => json({ code: 'FORBIDDEN', title: '无权查看' }, 403));
    const first = show('/api/v1/audit');
    const second = show('/api/v1/audit');
    const [result] = await Promise.all([first.settled(), second.settled()]);
    expect(result.isError).toBe(true);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ status: 403, code: 'FORBIDDEN', title: '无权查看' });

    const geo = new QueryObserver(client, apiQueryOptions('/api/v1/geo/110101', { quiet: [404] }));
    stops.push(geo.subscribe(() => undefined));
    await expect(geo.refetch({ throwOnError: true })).rejects.toMatchObject({ status: 404 });
    expect(reported).toHaveLength(1);
  });
});
