import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readTestEnvironment } from '@campus/config';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningApp {
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves when a line matching `pattern` has been written. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Runs `apps/<name>/src/main.ts` as its own process, from source (tsx, with
 * the @campus/source export condition), the way `npm run start -w apps/<name>`
 * runs the built one. For tests that kill, restart or scale a process.
 */
export function spawnApp(name: string, env: Record<string, string>): RunningApp {
  const child = spawn(
    process.execPath,
    ['--conditions=@campus/source', '--import', 'tsx', `apps/${name}/src/main.ts`],
    {
      cwd: REPO_ROOT,
      env: { ...readTestEnvironment().inherited, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );

  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `apps/${name} did not print ${pattern} within ${timeoutMs} ms. Output:\n${output.slice(-3000)}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(output)) {
            cleanup();
            reject(
              new Error(
                `apps/${name} exited before printing ${pattern}. Output:\n${output.slice(-3000)}`,
              ),
            );
          }
        });
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
