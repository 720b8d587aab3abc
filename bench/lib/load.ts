import autocannon from 'autocannon';

export type LoadOptions = {
  baseUrl: string;
  /** Paths with query strings; every connection cycles through them in order. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationS: number;
};

export type LoadResult = {
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  /** From every response's own timing, in ms with sub-millisecond precision. */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  /** autocannon's own summary (whole ms; it has no p95), kept to cross-check ours. */
  autocannon: { p50: number; p97_5: number; p99: number; requestsAverage: number };
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/**
 * One autocannon run. autocannon's histogram has no p95 and rounds to whole milliseconds, which
 * hides everything on the bare-Fastify side, so every response time is also recorded here.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationS,
        headers: options.headers,
        requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });

  const sorted = Float64Array.from(times).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const completed = times.length;
  return {
    durationS: result.duration,
    requests: completed,
    requestsPerSecond: completed / result.duration,
    latencyMs: {
      mean: completed ? total / completed : NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    bytesPerResponse: completed ? result.throughput.total / completed : 0,
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      requestsAverage: result.requests.average,
    },
  };
}
