/**
 * Injected faults: each rule matches a method (optional) and a regex on the path without the core prefix,
 * and applies to the next `count` matching requests (0 = every one until cleared), before the handler runs.
 */
import { z } from 'zod';

export const faultSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.strictObject({ type: z.literal('retry-after'), seconds: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('delay'), ms: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('hang') }),
  z.strictObject({ type: z.literal('hold'), ms: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('garbled') }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('non-json') }),
  z.strictObject({ type: z.literal('html'), status: z.number().int().min(100).max(599).default(502) }),
]);

export const faultRuleSchema = z.strictObject({
  method: z.string().min(1).optional(),
  path: z.string().min(1).refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression'),
  count: z.number().int().nonnegative().default(1),
  fault: faultSchema,
});

export type Fault = z.output<typeof faultSchema>;
/** A fault rule as written (`count` defaults to 1). */
export type FaultRule = z.input<typeof faultRuleSchema>;

export interface ActiveFault {
  id: number;
  method?: string;
  path: string;
  /** Applications left; Infinity for count 0. */
  remaining: number;
  applied: number;
  fault: Fault;
}

export class FaultTable {
  private rules: (ActiveFault & { re: RegExp })[] = [];
  private nextId = 1;

  add(input: FaultRule): ActiveFault {
    const rule = faultRuleSchema.parse(input);
    const active = {
      id: this.nextId++,
      ...(rule.method ? { method: rule.method.toUpperCase() } : {}),
      path: rule.path,
      remaining: rule.count === 0 ? Infinity : rule.count,
      applied: 0,
      fault: rule.fault,
      re: new RegExp(rule.path),
    };
    this.rules.push(active);
    return this.describe(active);
  }

  clear(): number {
    const n = this.rules.length;
    this.rules = [];
    return n;
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => this.describe(r));
  }

  /** The first live rule matching this request, consumed once. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (r.method === undefined || r.method === method) && r.re.test(path));
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    rule.applied += 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }

  private describe(r: ActiveFault): ActiveFault {
    return {
      id: r.id,
      ...(r.method ? { method: r.method } : {}),
      path: r.path,
      remaining: r.remaining,
      applied: r.applied,
      fault: r.fault,
    };
  }
}
