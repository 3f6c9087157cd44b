/** Deterministic 24-hex ObjectIDs: a fixed timestamp part and a counter, so runs are reproducible. */
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
