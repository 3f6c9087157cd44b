/** Deterministic 24-hex ObjectIDs: a fixed timestamp part and a counter, so runs are reproducible. */
import { createHash } from 'node:crypto';

const PREFIX = '65a1b2c3';

export class IdAllocator {
  private counter = 0;
  private readonly taken = new Set<string>();

  /** Marks an id given by the scenario as used so the counter never hands it out. */
  reserve(id: string): string {
    this.taken.add(id);
    return id;
  }

  next(): string {
    for (;;) {
      this.counter += 1;
      const id = PREFIX + this.counter.toString(16).padStart(16, '0');
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

export const isObjectId = (value: string): boolean => /^[0-9a-fA-F]{24}$/.test(value);

/**
 * A 24-hex id derived from a key, for records too many to number up front (a finding keeps its id across scans
 * because its key does): computed when shown, so finishing a scan of 100,000 findings allocates none.
 */
export const derivedId = (key: string): string => createHash('sha1').update(key).digest('hex').slice(0, 24);
