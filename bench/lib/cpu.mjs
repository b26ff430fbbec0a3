// CPU time of a process from /proc/<pid>/stat: user + system, in clock ticks (100 per second on Linux).
import { readFile } from 'node:fs/promises';

export async function clockTicks(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU time of this process's children that have ended and been waited for (cutime + cstime), in clock ticks. */
export async function endedChildrenTicks() {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[13]) + Number(fields[14]);
}
