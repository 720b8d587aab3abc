import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.ts';
import { createBenchDatabase, postgresVersion } from './postgres.ts';
import type { DatabaseTarget } from './server.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type BenchOptions = {
  durationS: number;
  warmupS: number;
  connections: number;
  databases: DatabaseKind[];
};

/** One database per kind for the whole run: the startup scenario fills it, later scenarios reuse it. */
type Fixture = { target: DatabaseTarget; initialised: boolean };

export type BenchContext = {
  options: BenchOptions;
  adminPassword: string;
  fixture: (kind: DatabaseKind) => Promise<Fixture | undefined>;
  /** Why a database kind could not be measured, for the report. */
  skipped: Partial<Record<DatabaseKind, string>>;
};

/** A scenario prints its own markdown and hands back raw numbers for latest.json. */
export type ScenarioResult = { name: string; markdown: string; data: unknown };
export type Scenario = (context: BenchContext) => Promise<ScenarioResult>;

export function createContext(options: BenchOptions): BenchContext {
  const fixtures = new Map<DatabaseKind, Fixture>();
  const skipped: BenchContext['skipped'] = {};
  return {
    options,
    // A throwaway password: the data dir and database are deleted at the end.
    adminPassword: `bench-${process.pid}-${Date.now()}`,
    skipped,
    fixture: async (kind) => {
      const existing = fixtures.get(kind);
      if (existing) return existing;
      if (skipped[kind]) return undefined;
      let fixture: Fixture;
      if (kind === 'pglite') {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangcheng-bench-'));
        onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
        fixture = { target: { kind: 'pglite', dataDir }, initialised: false };
      } else {
        if (!(await postgresVersion())) {
          skipped.postgres = 'no PostgreSQL answered on 127.0.0.1:5432';
          return undefined;
        }
        const { url } = await createBenchDatabase();
        fixture = { target: { kind: 'postgres', url }, initialised: false };
      }
      fixtures.set(kind, fixture);
      return fixture;
    },
  };
}
