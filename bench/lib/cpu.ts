import fs from 'node:fs';
import os from 'node:os';

/** Kernel clock ticks per second for /proc times; 100 on every Linux build this runs on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process, in ticks; undefined once it has exited. */
function processTicks(pid: number | string): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; the fields we need follow its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** CPU ticks of every live PostgreSQL process (postmaster, backends, walwriter …) by pid. */
function postgresTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const value = processTicks(pid);
    if (value !== undefined) ticks.set(pid, value);
  }
  return ticks;
}

/** Busy and total ticks of the whole machine, all cores, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** Percent of one core (100 = one core fully busy) for the processes; percent of all cores for the machine. */
export type CpuUsage = {
  serverPct: number;
  postgresPct: number;
  benchPct: number;
  machineBusyPct: number;
  /** Busy time not accounted for by the three above (other users' builds, the kernel), in % of a core. */
  otherPct: number;
};

/**
 * Where the CPU went during a run: the server's Node process, PostgreSQL's processes, this bench
 * process (autocannon plus the bare worker) and the machine as a whole. On 2 cores this tells a
 * CPU-bound server from one that waits on its database.
 */
export function startCpuMeter(serverPid: number): { stop: () => CpuUsage } {
  const started = process.hrtime.bigint();
  const server0 = processTicks(serverPid) ?? 0;
  const postgres0 = postgresTicks();
  const bench0 = process.cpuUsage();
  const machine0 = machineTicks();
  return {
    stop: () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pct = (ticks: number) => (ticks / TICKS_PER_SECOND / seconds) * 100;
      let postgres = 0;
      for (const [pid, ticks] of postgresTicks()) postgres += ticks - (postgres0.get(pid) ?? 0);
      const bench = process.cpuUsage(bench0);
      const machine = machineTicks();
      const serverPct = pct((processTicks(serverPid) ?? server0) - server0);
      const postgresPct = pct(postgres);
      const benchPct = ((bench.user + bench.system) / 1e6 / seconds) * 100;
      const machineBusyPct = ((machine.busy - machine0.busy) / Math.max(1, machine.total - machine0.total)) * 100;
      const otherPct = Math.max(0, machineBusyPct * os.availableParallelism() - serverPct - postgresPct - benchPct);
      return { serverPct, postgresPct, benchPct, machineBusyPct, otherPct };
    },
  };
}
