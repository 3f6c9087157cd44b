/**
 * Field-level parsing of raw settings (strings from inputs, variables or flags) with zod, one schema per option
 * type. Problems are collected, not thrown, so parseConfig can report every bad setting at once.
 * Messages never echo the value of a secret setting.
 */
import { z } from 'zod';
import { parseDuration } from './duration.js';
import { getOption, type OptionDef } from './options.js';
import { didYouMean } from './suggest.js';

export interface ConfigIssue {
  /** The setting's registry name (`threshold-critical`). */
  setting: string;
  /** What is wrong and how to fix it, without naming the setting (the caller prefixes its label). */
  message: string;
}

export type RawSettings = Readonly<Record<string, string | undefined>>;

const TRUE = ['true', 'yes', '1'];
const FALSE = ['false', 'no', '0'];
/** Integers are counts and sizes: anything past a million is a typo, and keeps arithmetic exact. */
const MAX_INTEGER = 1_000_000;

/** How a value is quoted in a message: never for secrets, shortened when long. */
function shown(option: OptionDef, text: string): string {
  if (option.secret) return '';
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return ` (got ${JSON.stringify(short)})`;
}

const booleanSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE.includes(v) || FALSE.includes(v))
  .transform((v) => TRUE.includes(v));

const integerSchema = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().max(MAX_INTEGER));

const durationSchema = z
  .string()
  .transform((v) => parseDuration(v))
  .pipe(z.number());

const urlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/ }))
  .transform((v) => v.replace(/\/+$/, ''));

const listSchema = z.string().transform((v) =>
  v
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/** Reads options from raw strings: `''`/blank means unset and falls back to the registry default. */
export class FieldReader {
  readonly issues: ConfigIssue[] = [];

  constructor(
    private readonly raw: RawSettings,
    /** How the user names a setting, for messages that mention a second one. */
    readonly label: (name: string) => string,
  ) {}

  /** The raw text (trimmed), or the option's default, or undefined. */
  text(name: string): string | undefined {
    const value = this.raw[name]?.trim();
    return value === undefined || value === '' ? getOption(name).default : value;
  }

  /** Whether the user gave a value (a default does not count). */
  given(name: string): boolean {
    return (this.raw[name]?.trim() ?? '') !== '';
  }

  add(setting: string, message: string): void {
    this.issues.push({ setting, message });
  }

  private parse<T>(name: string, schema: z.ZodType<T, string>, problem: string): T | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const result = schema.safeParse(text);
    if (result.success) return result.data;
    this.add(name, `${problem}${shown(getOption(name), text)}.`);
    return undefined;
  }

  string(name: string): string | undefined {
    return this.text(name);
  }

  path(name: string): string | undefined {
    return this.parse(name, z.string().refine((v) => !v.includes('\0')), 'must be a file path');
  }

  boolean(name: string): boolean {
    return this.parse(name, booleanSchema, 'must be true or false') ?? false;
  }

  integer(name: string, hint = ''): number | undefined {
    return this.parse(name, integerSchema, `must be a whole number from 0 to ${MAX_INTEGER}${hint}`);
  }

  /** Milliseconds. */
  duration(name: string): number | undefined {
    return this.parse(name, durationSchema, 'must be a duration such as 90s, 15m or 1h30m, or a number of seconds');
  }

  url(name: string): string | undefined {
    const text = this.text(name);
    // A URL with credentials is rejected without echoing it: the password would land in the log.
    if (text !== undefined && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(text)) {
      this.add(name, 'must not contain a user name or password; pass credentials in their own settings.');
      return undefined;
    }
    return this.parse(name, urlSchema, 'must be an http(s) URL such as https://aspm.example.com');
  }

  enumValue<T extends string>(name: string): T | undefined {
    const option = getOption(name);
    const values = option.values ?? [];
    const text = this.text(name);
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    if (values.includes(lower)) return lower as T;
    this.add(name, `must be one of ${values.join(', ')}${shown(option, text)}.${didYouMean(lower, values)}`);
    return undefined;
  }

  list(name: string): string[] {
    const text = this.text(name);
    if (text === undefined) return [];
    // Duplicates are dropped: running a scanner twice or waiting twice for one event helps nobody.
    return [...new Set(listSchema.parse(text))];
  }
}
