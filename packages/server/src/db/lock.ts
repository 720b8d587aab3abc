import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose
 * writes. We hold `chuangcheng.lock` (created exclusively, holding our pid) for the
 * life of the process. A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}); ` +
        'set CHUANGCHENG_DATA_DIR to a writable directory',
    );
  }
  const lockPath = path.join(dataDir, 'chuangcheng.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new ConfigError(
          `data directory ${dataDir} is in use by another Chuangcheng process (pid ${holder}); ` +
            'stop it or set CHUANGCHENG_DATA_DIR to another directory',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new ConfigError(`could not lock data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
