import fs from 'node:fs';

export type MemoryReading = { rssKb: number; hwmKb: number };

/**
 * VmRSS is the resident set now; VmHWM is the kernel's own high-water mark, which catches
 * spikes shorter than any sampling interval.
 */
export function readMemory(pid: number): MemoryReading | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined; // the process has gone
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

export type RssSampler = { stop: () => { peakKb: number; samples: number } };

/** Samples VmRSS every `intervalMs` until stopped; reports the highest value seen. */
export function sampleRss(pid: number, intervalMs = 200): RssSampler {
  let peakKb = 0;
  let samples = 0;
  const take = () => {
    const reading = readMemory(pid);
    if (!reading) return;
    samples += 1;
    peakKb = Math.max(peakKb, reading.rssKb);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peakKb, samples };
    },
  };
}
