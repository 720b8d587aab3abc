import { runLoad, type LoadOptions, type LoadResult } from './load.ts';
import { fmtMs } from './report.ts';
import { waitUntilDrained } from './server.ts';

export type Timing = { warmupS: number; durationS: number };

/** An optional warm-up run, then the measured run; the server's queue is drained after each. */
export async function warmAndMeasure(load: Omit<LoadOptions, 'durationS'>, timing: Timing): Promise<LoadResult> {
  if (timing.warmupS > 0) {
    await runLoad({ ...load, durationS: timing.warmupS });
    await waitUntilDrained(load.baseUrl);
  }
  const result = await runLoad({ ...load, durationS: timing.durationS });
  await waitUntilDrained(load.baseUrl);
  return result;
}

export type Endpoint = { id: string; label: string; path: string; headers?: Record<string, string> };
export type EndpointRun = { id: string; label: string; bodyBytes: number; load: LoadResult };

/**
 * Measures each endpoint alone: one request first, which must answer 200 (its body size is kept),
 * then `warmAndMeasure`. `headers` apply unless the endpoint brings its own.
 */
export async function measureEndpoints(
  baseUrl: string,
  endpoints: readonly Endpoint[],
  defaults: { headers: Record<string, string>; connections: number },
  timing: Timing,
  tag: string,
): Promise<EndpointRun[]> {
  const runs: EndpointRun[] = [];
  for (const endpoint of endpoints) {
    const headers = endpoint.headers ?? defaults.headers;
    const first = await fetch(`${baseUrl}${endpoint.path}`, { headers });
    const body = await first.text();
    if (first.status !== 200) throw new Error(`${endpoint.path} answered ${first.status}: ${body.slice(0, 300)}`);
    const load = await warmAndMeasure(
      { baseUrl, paths: [endpoint.path], headers, connections: defaults.connections },
      timing,
    );
    runs.push({ id: endpoint.id, label: endpoint.label, bodyBytes: Buffer.byteLength(body), load });
    console.error(`bench: ${tag} ${endpoint.id}: p95 ${fmtMs(load.latencyMs.p95)}`);
  }
  return runs;
}
