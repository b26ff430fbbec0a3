// Child processes of the benchmark: the CLI, API instances and the bare server, each on its own
// process so that the load generator (this process) does not share their event loop.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');

/** Runs a CLI command to its end; its progress (standard error) shows in this terminal. */
export function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} exited with ${code}: ${out}`))));
  });
}

/**
 * An API process as production starts it (`node dist/apps/api/src/main.js`), with the default log
 * level unless told otherwise. Its log goes to a file, as it would go to a collector: writing the
 * lines is part of the cost measured; reading them is not.
 */
export async function startApi({ env, port, logFile }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [API_MAIN], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port), HOST: '127.0.0.1', WORKER_IN_PROCESS: 'false' },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `API on port ${port} exited with ${child.exitCode}; see ${logFile}:\n${(await readFile(logFile, 'utf8')).slice(-2000)}`,
      );
    const healthy = await fetch(`http://127.0.0.1:${port}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`API on port ${port} did not become healthy within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The bare node:http server for the given answers (URL path -> body). */
export function startBare(answersFile, { withHeaders = false } = {}) {
  const args = withHeaders ? [answersFile, 'headers'] : [answersFile];
  return startHelper('bare-server.mjs', args, /listening (\d+)/, (port) => `http://127.0.0.1:${port}`);
}

/** s3rver in its own process, with the bucket made. */
export function startS3(directory, bucket) {
  return startHelper('s3-server.mjs', [directory, bucket], /endpoint (\S+)/, (endpoint) => endpoint);
}

/** A script of bench/ as a child process, ready once it prints the line `ready` matches. */
async function startHelper(script, args, ready, urlOf) {
  const child = spawn(process.execPath, [join(ROOT, 'bench', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const found = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    pid: child.pid,
    url: urlOf(found),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process now, in MiB (Linux /proc). */
export async function rssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}
