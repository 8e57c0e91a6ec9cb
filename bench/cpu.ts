// CPU time of a process from Linux's /proc, for the benches that count what a screen or an ask cost the machine.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU time of process `pid`, all its threads, in ms (user + system; NaN where /proc cannot be read or it has ended). */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command's closing parenthesis (the name may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return NaN;
  }
}
