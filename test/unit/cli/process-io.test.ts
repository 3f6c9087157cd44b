import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortOnSignals } from '../../../shared/cli/process-io.js';

describe('abortOnSignals', () => {
  it('aborts on the first SIGTERM and keeps its handler, so a second SIGTERM or SIGINT cannot kill the run', () => {
    const proc = new EventEmitter();
    const signal = abortOnSignals(proc as unknown as NodeJS.Process);
    proc.emit('SIGTERM');
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('received SIGTERM');
    // Node kills a process on a signal nobody listens to: both must still be listened to after the first.
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    expect(proc.listenerCount('SIGINT')).toBe(1);
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect((signal.reason as Error).message).toBe('received SIGTERM');
    expect(proc.listenerCount('SIGTERM')).toBe(1);
  });
});
