// HTTP load with wrk (C, one thread, 50 connections): a generator that leaves the server the CPU.
// The CPU time of the server and of wrk is read from /proc for every run, so the report can show
// that the generator was not the limit (it used less than a core while the server used one).
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { clockTicks, endedChildrenTicks } from './cpu.mjs';

export const CONNECTIONS = 50;
const SCRIPT = new URL('../wrk/paths.lua', import.meta.url).pathname;

/** wrk is a Debian package; installed here when missing, as .ci/run installs its packages. */
export function ensureWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if (error.code !== 'ENOENT') return;
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', 'wrk'];
    const [command, ...args] = process.getuid?.() === 0 ? install : ['sudo', ...install];
    execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}

/**
 * `paths` asked in turn for `seconds` by 50 connections on one wrk thread. Returns requests per
 * second, p50/p90/p99 in ms, errors, and the CPU each side used (in cores: 1.0 is one core busy).
 */
export async function wrk({ url, paths, seconds, serverPid, tmp }) {
  const list = `${tmp}/wrk-paths-${process.hrtime.bigint()}.txt`;
  await writeFile(list, `${paths.join('\n')}\n`);
  const serverBefore = serverPid ? await clockTicks(serverPid) : 0;
  const childrenBefore = await endedChildrenTicks();
  const started = process.hrtime.bigint();
  const child = spawn('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '5s', '-s', SCRIPT, url, '--', list], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  // wrk's own CPU: once it has ended and been waited for, it counts in this process's children's time.
  const wrkTicks = (await endedChildrenTicks()) - childrenBefore;
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const serverTicks = serverPid ? (await clockTicks(serverPid)) - serverBefore : 0;
  const line = out.split('\n').find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`wrk exited with ${code}: ${out}`);
  const r = JSON.parse(line);
  const measured = r.durationUs / 1e6;
  return {
    requests: r.requests,
    rps: Math.round(r.requests / measured),
    p50: ms(r.p50Us),
    p90: ms(r.p90Us),
    p99: ms(r.p99Us),
    max: ms(r.maxUs),
    non2xx: r.status,
    errors: r.connect + r.read + r.write + r.timeout,
    serverCores: serverPid ? round2(serverTicks / TICKS_PER_SECOND / wall) : undefined,
    wrkCores: round2(wrkTicks / TICKS_PER_SECOND / measured),
  };
}

const TICKS_PER_SECOND = 100;
const ms = (us) => Math.round(us / 10) / 100;
const round2 = (value) => Math.round(value * 100) / 100;
