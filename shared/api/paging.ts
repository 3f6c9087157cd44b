/**
 * Reading a paged list of the platform without trusting its page size: the largest `limit` a server honours is
 * not documented, so the reader advances by the items it actually received and stops at `total` (or at its
 * cap). After the first page (which tells the total and the served page size) the rest is read with bounded
 * parallelism; a page that comes back short is completed where it stopped, so nothing is skipped.
 */
import type { Page } from './types.js';

/** Pages read at once after the first (the client keeps at most as many connections per origin). */
export const PAGE_CONCURRENCY = 4;

export interface ReadPagesOptions<T> {
  /** The `limit` asked for; the server may serve fewer. */
  pageSize: number;
  /** Stop after this many items. */
  cap?: number;
  concurrency?: number;
  /** Stop early once a page's items satisfy this (for a search: the page holds the match). */
  enough?: (items: readonly T[]) => boolean;
}

export interface PagesRead<T> {
  items: T[];
  /** The platform's `total` (at least the items read). */
  total: number;
}

export async function readPages<T>(read: (start: number, limit: number) => Promise<Page<T>>, options: ReadPagesOptions<T>): Promise<PagesRead<T>> {
  const cap = options.cap ?? Number.POSITIVE_INFINITY;
  const first = await read(0, options.pageSize);
  const items = first.items.slice(0, cap);
  const total = Math.max(first.total, first.items.length);
  const served = first.items.length;
  const want = Math.min(total, cap);
  if (served === 0 || items.length >= want || options.enough?.(items)) return { items, total };

  // Offsets of the remaining pages at the size the server actually served.
  const offsets: number[] = [];
  for (let start = served; start < want; start += served) offsets.push(start);
  const pages = new Map<number, T[]>();
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < offsets.length) {
      const start = offsets[next++]!;
      const end = Math.min(start + served, want);
      const got: T[] = [];
      // A short page (a lower maximum further on, or a list that moved) is completed from where it stopped.
      while (start + got.length < end) {
        const page = await read(start + got.length, Math.min(options.pageSize, end - start - got.length));
        if (page.items.length === 0) break;
        got.push(...page.items.slice(0, end - start - got.length));
      }
      pages.set(start, got);
      if (options.enough && options.enough(got)) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? PAGE_CONCURRENCY, offsets.length) }, worker));
  for (const start of offsets) {
    const got = pages.get(start);
    if (got === undefined) break;
    items.push(...got);
    // An empty stretch means the list ended early (it shrank while being read): what follows cannot be trusted.
    if (got.length < Math.min(served, want - start)) break;
  }
  return { items, total };
}
