export const id = 673;
export const ids = [673];
export const modules = {

/***/ 6673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  textReport: () => (/* binding */ textReport)
});

// EXTERNAL MODULE: ./build/shared/api/types.js
var types = __webpack_require__(9190);
// EXTERNAL MODULE: ./build/shared/core/result.js
var core_result = __webpack_require__(4641);
// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(3318);
// EXTERNAL MODULE: ./build/shared/core/change-scope.js
var change_scope = __webpack_require__(6657);
// EXTERNAL MODULE: ./build/shared/errors.js + 1 modules
var errors = __webpack_require__(7208);
// EXTERNAL MODULE: ./build/shared/core/options.js
var options = __webpack_require__(3768);
;// CONCATENATED MODULE: ./build/shared/cli/kdt-flags.js
/**
 * The flags of the official `kdt` CLI (v1.46) and what each becomes in our option registry: the one table behind
 * `invicti-appsec kdt <kdt command line>`, the native CLI's hints for kdt spellings, and the flag table of
 * docs/migrating-from-kdt.md (a test compares the two). A kdt flag is either mapped, implied (our command always
 * does it) or unsupported: an unsupported flag is an exit-2 error naming it, never silently dropped.
 */
const kdt_flags_KDT_COMMANDS = (/* unused pure expression or super */ null && (['scan', 'release', 'ping', 'list projects', 'list scanners', 'version']));
const opt = (option) => ({ kind: 'option', option });
const no = (why) => ({ kind: 'unsupported', why });
const SCAN = ['scan'];
const CREATE_ONLY = 'only with --create-project, which creates the project from the CI repository';
const kdt_flags_KDT_FLAGS = [
    // Globals.
    { long: 'host', commands: 'global', value: true, to: opt('host') },
    { long: 'token', commands: 'global', value: true, to: opt('token'), note: 'Prefer INVICTI_ASPM_TOKEN: command lines end up in shell history.' },
    { long: 'verbose', short: 'v', commands: 'global', value: false, to: opt('verbose') },
    { long: 'insecure', commands: 'global', value: false, to: opt('insecure') },
    { long: 'config', commands: 'global', value: true, to: no('no config file: set the INVICTI_* environment variables instead') },
    { long: 'exit-code', commands: 'global', value: true, to: no('exit codes are fixed (0 passed, 1 gate failed, 2 configuration, 3 platform or timeout); use --warn-only or --on-error/--on-timeout') },
    // scan: what and where.
    { long: 'project', short: 'p', commands: ['scan', 'release'], value: true, to: opt('project') },
    { long: 'tool', short: 't', commands: SCAN, value: true, to: opt('scanner') },
    { long: 'branch', short: 'b', commands: ['scan', 'release'], value: true, to: opt('branch') },
    { long: 'scan-id', short: 's', commands: SCAN, value: true, to: { kind: 'scan-id' }, note: "The scan's project, scanner, branch and meta data are read from the platform; then it runs like -p -t -b." },
    { long: 'file', short: 'f', commands: SCAN, value: true, to: opt('file'), note: 'Only scanners that accept imports; checked before the upload.' },
    { long: 'image', short: 'I', commands: SCAN, value: true, to: opt('image') },
    { long: 'merge-target', short: 'M', commands: SCAN, value: true, to: opt('target-branch') },
    { long: 'pr-number', commands: SCAN, value: true, to: opt('pr-number') },
    { long: 'meta', short: 'm', commands: SCAN, value: true, to: opt('meta-data') },
    { long: 'env', commands: SCAN, value: true, to: opt('environment') },
    { long: 'scan-tag', commands: SCAN, value: true, to: opt('scan-tag') },
    { long: 'async', commands: SCAN, value: false, to: opt('async'), note: 'Prints one `invicti-appsec wait --event-id ...` command to resume.' },
    { long: 'timeout', commands: ['scan', 'release'], value: true, to: { kind: 'minutes', option: 'timeout' },
        note: 'Minutes, as in kdt (native: a duration such as 30m). 0 (kdt: wait forever) keeps our 30m default. A scan that outlives it fails the run (exit 3) instead of passing silently; add --on-timeout pass for kdt behaviour.' },
    // scan: gate.
    { long: 'threshold-crit', commands: SCAN, value: true, to: opt('threshold-critical') },
    { long: 'threshold-high', commands: SCAN, value: true, to: opt('threshold-high') },
    { long: 'threshold-med', commands: SCAN, value: true, to: opt('threshold-medium') },
    { long: 'threshold-low', commands: SCAN, value: true, to: opt('threshold-low') },
    { long: 'threshold-risk', commands: SCAN, value: false, to: opt('fail-on-risk-increase'), note: "A project's first scan passes (kdt fails it for missing score records)." },
    { long: 'break-by-scanner-type', commands: SCAN, value: false, to: { kind: 'set', option: 'release-criteria', value: 'scanner' },
        note: 'Without it the kdt command enforces all release criteria (--release-criteria on), as kdt does.' },
    { long: 'release-timeout', commands: SCAN, value: true, to: no('the release-criteria check shares --timeout') },
    // scan: project creation.
    { long: 'create-project', commands: SCAN, value: false, to: opt('create-project') },
    { long: 'repo-id', short: 'r', commands: SCAN, value: true, to: opt('repo-url'), note: 'A repository URL; used when the project is created.' },
    { long: 'alm-tool', short: 'A', commands: SCAN, value: true, to: opt('alm-tool') },
    { long: 'team', short: 'T', commands: SCAN, value: true, to: opt('team') },
    { long: 'labels', short: 'l', commands: SCAN, value: true, to: opt('labels') },
    { long: 'default-branch', commands: SCAN, value: true, to: opt('default-branch') },
    { long: 'project-name', commands: SCAN, value: true, to: no(`give the name with -p; a missing project is created ${CREATE_ONLY}`) },
    { long: 'product-name', short: 'P', commands: SCAN, value: true, to: no('products are not managed by this tool') },
    { long: 'disable-clone', commands: SCAN, value: false, to: no('no equivalent setting') },
    { long: 'feature-branch-retention', commands: SCAN, value: true, to: no('no equivalent setting') },
    { long: 'feature-branch-infinite-retention', commands: SCAN, value: false, to: no('no equivalent setting') },
    { long: 'scope-include-empty', commands: SCAN, value: false, to: no('no equivalent setting') },
    { long: 'scope-included-paths', commands: SCAN, value: true, to: no('no equivalent setting') },
    { long: 'scope-included-files', commands: SCAN, value: true, to: no('no equivalent setting') },
    { long: 'criticality-level', commands: SCAN, value: true, to: no('no equivalent setting') },
    // scan: kdt modes we do not run.
    { long: 'agent', short: 'a', commands: SCAN, value: true, to: no('agent scanners are not supported yet') },
    { long: 'params', commands: SCAN, value: true, to: no('custom scan parameters are not supported yet') },
    { long: 'fork-scan', short: 'B', commands: SCAN, value: false, to: no('fork scans are not supported yet') },
    { long: 'fork-source', commands: SCAN, value: true, to: no('fork scans are not supported yet') },
    { long: 'override-fork-source', commands: SCAN, value: false, to: no('fork scans are not supported yet') },
    { long: 'incremental-scan', short: 'i', commands: SCAN, value: false, to: no('incremental imports are not supported yet') },
    { long: 'override', commands: SCAN, value: false, to: no('no equivalent setting yet') },
    { long: 'no-decoration', commands: SCAN, value: false, to: no('deprecated in kdt: leave out --pr-number to skip decoration') },
    { long: 'pr-decoration-scanner-types', commands: SCAN, value: true, to: no('no equivalent setting yet') },
    // release.
    ...['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom'].map((type) => ({ long: type, commands: ['release'], value: false, to: { kind: 'release-type', type }, note: 'Several add up; none checks every type (--release-criteria on).' })),
    // ping and list.
    { long: 'auth', short: 'a', commands: ['ping'], value: false, to: { kind: 'implied' }, note: 'Our ping always checks the token.' },
    { long: 'type', short: 't', commands: ['list scanners'], value: true, to: opt('scanner-type') },
    { long: 'labels', short: 'l', commands: ['list scanners'], value: true, to: no('filter by label is not supported; filter by --type') },
];
/** Whether a flag goes with a command. */
function kdt_flags_kdtFlagApplies(flag, command) {
    return flag.commands === 'global' || flag.commands.includes(command);
}
/** The native flag a kdt flag (`tool`, `M`) maps to in `scan`, when it maps to one option: for hints on the native CLI. */
function kdt_flags_nativeSpelling(kdtName) {
    const flag = kdt_flags_KDT_FLAGS.find((f) => kdt_flags_kdtFlagApplies(f, 'scan') && (f.long === kdtName || f.short === kdtName));
    return flag?.to.kind === 'option' || flag?.to.kind === 'minutes' ? flag.to.option : undefined;
}
function mappingText(to) {
    switch (to.kind) {
        case 'option':
            return `\`--${to.option}\``;
        case 'minutes':
            return `\`--${to.option} <n>m\``;
        case 'set':
            return `\`--${to.option} ${to.value}\``;
        case 'release-type':
            return `\`--release-criteria ${to.type}\``;
        case 'scan-id':
            return 'looked up: `--project`, `--scanner`, `--branch`, `--meta-data`';
        case 'implied':
            return 'always on';
        case 'unsupported':
            return `**not supported**: ${to.why}`;
    }
}
/** The flag-by-flag table of docs/migrating-from-kdt.md (`npm run docs:sync` writes it). */
function kdtFlagsMarkdown() {
    const rows = kdt_flags_KDT_FLAGS.map((f) => {
        const names = [f.short ? `\`-${f.short}\`` : undefined, `\`--${f.long}\``].filter(Boolean).join(', ');
        const where = f.commands === 'global' ? 'all' : f.commands.join(', ');
        return `| ${names} | ${where} | ${mappingText(f.to)} | ${(f.note ?? '').replace(/\|/g, '\\|')} |`;
    });
    return ['| kdt flag | kdt command | `invicti-appsec` | Notes |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

;// CONCATENATED MODULE: ./build/shared/cli/args.js
/**
 * Command-line parsing driven by the option registry: `invicti-appsec <command> [--name value ...]`.
 * Produces raw settings (strings keyed by option name) for parseConfig, so the CLI validates exactly like the
 * CI packagings. Supports `--name value`, `--name=value`, boolean switches (`--async`, `--no-async`,
 * `--async=false`), the registry's one-letter aliases, and `--` to end options.
 */




const COMMANDS = (/* unused pure expression or super */ null && (['scan', 'release', 'wait', 'ping', 'projects', 'scanners', 'kdt', 'help', 'version']));
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', '1', '0']);
/** Commands that are a mode of the scan flow: they set the `mode` setting. */
const MODE_COMMANDS = new Set(['scan', 'release', 'wait']);
const FLAG_OPTIONS = options/* OPTIONS */.lw.filter((o) => o.cli === 'flag');
const BY_SHORT = new Map(FLAG_OPTIONS.filter((o) => o.short !== undefined).map((o) => [o.short, o]));
const FLAG_NAMES = [...FLAG_OPTIONS.map((o) => o.name), 'help', 'version'];
function isCommand(word) {
    return COMMANDS.includes(word);
}
/** Why a registry option is not a flag, and what to do instead. */
function notAFlag(option) {
    if (option.name === 'mode')
        return '--mode is not a flag: the command sets it (invicti-appsec scan | release | wait).';
    return `--${option.name} is not a flag: set ${option.env} in the environment (secrets stay off the command line).`;
}
/** A kdt spelling (`-t`, `--merge-target`) on the native CLI: the native flag, and the kdt drop-in. */
function kdtHint(token, name) {
    const native = nativeSpelling(name);
    if (native === undefined || findOption(native)?.cli !== 'flag')
        return undefined;
    return `${token} is kdt's spelling: here it is --${native}. (Or run the kdt command line unchanged: invicti-appsec kdt scan ...)`;
}
/** Every problem of one command line, thrown together as one ConfigError naming each setting (exit 2). */
class args_CommandLineProblems {
    list = [];
    where;
    footer;
    /** `where`: "on the command line"; `footer`: the line that says where to read more. */
    constructor(where, footer) {
        this.where = where;
        this.footer = footer;
    }
    add(setting, message) {
        this.list.push({ setting, message });
    }
    throwIfAny() {
        if (this.list.length === 0)
            return;
        const settings = [...new Set(this.list.map((p) => p.setting))].join(', ');
        const text = this.list.length === 1 ? (this.list[0]?.message ?? '') : `${this.list.length} problems ${this.where}:\n${this.list.map((p) => `- ${p.message}`).join('\n')}`;
        throw new ConfigError(settings, `${text}\n${this.footer}`);
    }
}
/**
 * Parse `argv` (without the node binary and script: `process.argv.slice(2)`). Throws one ConfigError for all
 * unknown flags, missing values and stray arguments, with a "did you mean" where one is close.
 */
function parseArgs(argv) {
    const errors = new args_CommandLineProblems('on the command line', 'Run invicti-appsec help for the list of options.');
    const raw = {};
    const positionals = [];
    let help = argv.length === 0;
    let version = false;
    const set = (option, value) => {
        // A list given twice accumulates (`--scanner a --scanner b`); any other setting: the last one wins.
        const previous = raw[option.name];
        raw[option.name] = option.type === 'list' && previous !== undefined && previous !== '' ? `${previous},${value}` : value;
    };
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i] ?? '';
        if (token === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (token === '--help' || token === '-h') {
            help = true;
            continue;
        }
        if (token === '--version') {
            version = true;
            continue;
        }
        let option;
        let inline;
        let negated = false;
        if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            let name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
            inline = eq >= 0 ? token.slice(eq + 1) : undefined;
            if (name.startsWith('no-') && findOption(name) === undefined) {
                negated = true;
                name = name.slice(3);
            }
            option = findOption(name);
            if (option === undefined) {
                const best = closest(name, FLAG_NAMES);
                errors.add(name, kdtHint(`--${name}`, name) ?? `unknown option --${name}.${best ? ` Did you mean --${best}?` : ''}`);
                // Its value most likely follows: do not report it again as a stray argument.
                const next = argv[i + 1];
                if (inline === undefined && next !== undefined && !next.startsWith('-') && !isCommand(next))
                    i++;
                continue;
            }
            if (option.cli !== 'flag') {
                errors.add(name, notAFlag(option));
                if (inline === undefined && option.type !== 'boolean' && i + 1 < argv.length && !argv[i + 1]?.startsWith('--'))
                    i++;
                continue;
            }
        }
        else if (/^-[a-zA-Z]$/.test(token)) {
            option = BY_SHORT.get(token.slice(1));
            if (option === undefined) {
                errors.add(token.slice(1), kdtHint(token, token.slice(1)) ?? `unknown option ${token}.`);
                // Its value most likely follows (`-t semgrep`): do not report it again as a stray argument.
                const next = argv[i + 1];
                if (next !== undefined && !next.startsWith('-') && !isCommand(next))
                    i++;
                continue;
            }
        }
        else {
            positionals.push(token);
            continue;
        }
        const flag = `--${option.name}`;
        if (option.type === 'boolean') {
            if (negated && inline !== undefined)
                errors.add(option.name, `--no-${option.name} takes no value.`);
            else if (negated)
                set(option, 'false');
            else if (inline !== undefined)
                set(option, inline);
            else if (BOOLEAN_WORDS.has((argv[i + 1] ?? '').toLowerCase()))
                set(option, argv[++i] ?? '');
            else
                set(option, 'true');
            continue;
        }
        if (negated) {
            errors.add(option.name, `--no-${option.name} is only for on/off options; to leave ${flag} unset, omit it.`);
            continue;
        }
        const value = inline ?? argv[i + 1];
        if (inline === undefined) {
            if (value === undefined || value.startsWith('--')) {
                errors.add(option.name, `${flag} needs a value.`);
                continue;
            }
            i++;
        }
        // kdt's --timeout counted minutes and our durations once read a bare number as seconds: ask, do not guess.
        if (option.name === 'timeout' && /^\d+$/.test(value?.trim() ?? '')) {
            errors.add(option.name, `${flag} needs a unit: write ${value}m for minutes (kdt's unit) or ${value}s for seconds.`);
            continue;
        }
        set(option, value ?? '');
    }
    let command = version ? 'version' : 'scan';
    const [first, ...rest] = positionals;
    if (first !== undefined) {
        if (isCommand(first))
            command = first;
        else {
            const best = closest(first, COMMANDS);
            errors.add('command', `unknown command "${first}".${best ? ` Did you mean "${best}"?` : ''} Commands: ${COMMANDS.join(', ')}.`);
        }
    }
    else if (argv.length === 0 || (help && !version)) {
        command = 'help';
    }
    if (command === 'help' && first === 'help') {
        help = true;
        const topic = rest.shift();
        if (topic !== undefined) {
            if (isCommand(topic))
                command = topic;
            else
                errors.add('command', `no help on "${topic}". Commands: ${COMMANDS.join(', ')}.`);
        }
    }
    for (const extra of rest)
        errors.add('command', `unexpected argument "${extra}": values follow their option, such as --project ${extra}.`);
    errors.throwIfAny();
    if (MODE_COMMANDS.has(command))
        raw.mode = command;
    return { command, raw, help };
}

;// CONCATENATED MODULE: ./build/shared/cli/kdt-args.js
/**
 * `invicti-appsec kdt <kdt command line>`: a kdt command line (`scan -p app -t semgrep -b main --timeout 30`)
 * read with kdt's meanings and turned into the equivalent native command line, which the CLI then runs as if
 * the user had typed it. Table-driven by KDT_FLAGS; pflag spellings: `--flag value`, `--flag=value`, `-f value`,
 * `-f=value`, `-fvalue`, switches as `--flag` or `--flag=false`. Every problem is collected into one ConfigError.
 */






const NATIVE_COMMAND = {
    scan: 'scan',
    release: 'release',
    ping: 'ping',
    'list projects': 'projects',
    'list scanners': 'scanners',
    version: 'version',
};
const GLOBAL_VALUE_FLAGS = new Set(kdt_flags_KDT_FLAGS.filter((f) => f.commands === 'global' && f.value).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
const SWITCH_WORDS = { true: 'true', '1': 'true', t: 'true', false: 'false', '0': 'false', f: 'false' };
/** The kdt command at the start of `argv` (global flags may come first), and where its flags begin. */
function findCommand(argv, problems) {
    const before = [];
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i] ?? '';
        if (token.startsWith('-')) {
            before.push(token);
            if (GLOBAL_VALUE_FLAGS.has(token) && i + 1 < argv.length)
                before.push(argv[++i] ?? '');
            continue;
        }
        const rest = [...before, ...argv.slice(i + 1)];
        if (token === 'list') {
            const at = argv.findIndex((t, j) => j > i && !t.startsWith('-') && !GLOBAL_VALUE_FLAGS.has(argv[j - 1] ?? ''));
            const sub = at >= 0 ? argv[at] : undefined;
            if (sub === 'projects' || sub === 'scanners')
                return { command: `list ${sub}`, rest: [...before, ...argv.slice(i + 1, at), ...argv.slice(at + 1)] };
            problems.add('command', `kdt list ${sub ?? ''} is not supported here: use kdt list projects or kdt list scanners.`.replace('list  is', 'list is'));
            return { rest };
        }
        if (KDT_COMMANDS.includes(token))
            return { command: token, rest };
        const best = closest(token, ['scan', 'release', 'ping', 'list', 'version']);
        problems.add('command', `kdt ${token} is not supported${best ? ` (did you mean kdt ${best}?)` : ''}: the kdt commands here are scan, release, ping, list projects, list scanners and version.`);
        return { rest };
    }
    problems.add('command', 'name a kdt command, such as: invicti-appsec kdt scan -p <project> -t <scanner> -b <branch>.');
    return { rest: [] };
}
/** The flag a token names for `command`: by long name (`project`) or short letter (`p`). */
function lookup(name, isShort, command) {
    return KDT_FLAGS.find((f) => kdtFlagApplies(f, command) && (isShort ? f.short === name : f.long === name));
}
function spelling(flag) {
    return flag.short ? `-${flag.short}/--${flag.long}` : `--${flag.long}`;
}
/** A command-line word, quoted for a POSIX shell when it needs it (for the printed equivalent only). */
function shellWord(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
/** Read a kdt command line (what follows `invicti-appsec kdt`). Throws one ConfigError (exit 2) for every problem. */
function translateKdt(argv) {
    const problems = new CommandLineProblems('in the kdt command line', 'See docs/migrating-from-kdt.md for every kdt flag and its native spelling.');
    const { command, rest } = findCommand(argv, problems);
    if (command === undefined) {
        problems.throwIfAny();
        throw new ConfigError('command', 'name a kdt command.');
    }
    const raw = new Map();
    const releaseTypes = [];
    const positionals = [];
    let scanId;
    const apply = (flag, value) => {
        const to = flag.to;
        switch (to.kind) {
            case 'option':
                raw.set(to.option, value);
                return;
            case 'set':
                if (value === 'true')
                    raw.set(to.option, to.value);
                return;
            case 'release-type':
                if (value === 'true' && !releaseTypes.includes(to.type))
                    releaseTypes.push(to.type);
                return;
            case 'minutes':
                if (!/^\d+$/.test(value))
                    problems.add(flag.long, `kdt --${flag.long} takes whole minutes, such as 30 (got ${JSON.stringify(value.slice(0, 20))}).`);
                else if (Number(value) > 0)
                    raw.set(to.option, `${Number(value)}m`);
                return;
            case 'scan-id':
                if (!isObjectId(value))
                    problems.add(flag.long, `kdt ${spelling(flag)} takes a scan ID of 24 hexadecimal characters (got ${JSON.stringify(value.slice(0, 30))}).`);
                else
                    scanId = value;
                return;
            case 'implied':
                return;
            case 'unsupported':
                problems.add(flag.long, `kdt flag ${spelling(flag)} is not supported: ${to.why}.`);
        }
    };
    for (let i = 0; i < rest.length; i++) {
        const token = rest[i] ?? '';
        if (token === '--') {
            positionals.push(...rest.slice(i + 1));
            break;
        }
        if (!token.startsWith('-') || token === '-') {
            positionals.push(token);
            continue;
        }
        const isShort = !token.startsWith('--');
        const body = token.slice(isShort ? 1 : 2);
        const eq = body.indexOf('=');
        let name = eq >= 0 ? body.slice(0, eq) : body;
        let inline = eq >= 0 ? body.slice(eq + 1) : undefined;
        // pflag also reads `-pdemo` as `-p demo`.
        if (isShort && name.length > 1 && inline === undefined) {
            inline = name.slice(1);
            name = name.slice(0, 1);
        }
        const flag = lookup(name, isShort, command);
        if (flag === undefined) {
            const dash = isShort ? '-' : '--';
            const elsewhere = KDT_FLAGS.find((f) => (isShort ? f.short === name : f.long === name));
            const candidates = KDT_FLAGS.filter((f) => kdtFlagApplies(f, command)).map((f) => f.long);
            const best = isShort ? undefined : closest(name, candidates);
            problems.add(name, elsewhere
                ? `kdt ${command} has no flag ${dash}${name} (it belongs to kdt ${elsewhere.commands === 'global' ? '' : elsewhere.commands.join(', ')}).`
                : `unknown kdt flag ${dash}${name}.${best ? ` Did you mean --${best}?` : ''}`);
            if (inline === undefined && rest[i + 1] !== undefined && !rest[i + 1]?.startsWith('-'))
                i++;
            continue;
        }
        if (!flag.value) {
            const word = inline === undefined ? 'true' : SWITCH_WORDS[inline.toLowerCase()];
            if (word === undefined)
                problems.add(flag.long, `kdt ${spelling(flag)} is a switch: give it alone or as --${flag.long}=false.`);
            else
                apply(flag, word);
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = rest[i + 1];
            if (next === undefined) {
                problems.add(flag.long, `kdt ${spelling(flag)} needs a value.`);
                continue;
            }
            value = next;
            i++;
        }
        apply(flag, value);
    }
    if (command === 'list projects' && positionals.length > 0)
        raw.set('project', positionals.shift() ?? '');
    for (const extra of positionals)
        problems.add('command', `unexpected argument "${extra}" after kdt ${command}.`);
    problems.throwIfAny();
    // kdt checks every release criterion unless told otherwise; our default (the run's scanner types) is narrower.
    if (command === 'scan' && !raw.has('release-criteria'))
        raw.set('release-criteria', 'on');
    if (command === 'release')
        raw.set('release-criteria', releaseTypes.length > 0 ? releaseTypes.join(',') : 'on');
    const out = [NATIVE_COMMAND[command]];
    for (const option of OPTIONS) {
        const value = raw.get(option.name);
        if (value === undefined)
            continue;
        if (getOption(option.name).type === 'boolean')
            out.push(value === 'true' ? `--${option.name}` : `--no-${option.name}`);
        else
            out.push(`--${option.name}`, value);
    }
    return { command, argv: out, ...(scanId ? { scanId } : {}) };
}

;// CONCATENATED MODULE: ./build/shared/cli/text-report.js
/** The plain-text decision the CLI prints on stdout: one header line, one block per scanner. */





const MARK = { pass: 'ok  ', fail: 'FAIL', warn: 'warn' };
/** Scanner text reaches a terminal: no control characters that could move the cursor or recolour. */
const plain = (text) => (0,render_escape/* cleanText */.X5)(text);
function textReport(result) {
    const lines = [];
    const where = result.targetBranch ? `${result.branch} -> ${result.targetBranch}` : result.branch;
    lines.push(`Invicti AppSec: ${result.status.toUpperCase()} (exit ${result.exitCode}) - project ${plain(result.project.name)}, branch ${plain(where)}`);
    const scope = result.changedOnly;
    if (scope)
        lines.push(`  changed-only ${scope.mode}: ${scope.applied ? `diff from the ${plain(scope.detail)}` : `not applied (${plain(scope.detail)}); all findings count`}`);
    for (const s of result.scanners) {
        if (s.status === 'skipped') {
            // Started without waiting: nothing was counted, and zeros would read as "no findings".
            lines.push(`  ${plain(s.scanner)}${s.scannerType ? ` (${s.scannerType})` : ''}: started, not waited for${s.eventId ? ` (event ${plain(s.eventId)})` : ''}`);
            continue;
        }
        // No finished scan (an error, a timeout): nothing was counted, and zeros would read as "no findings". Release
        // mode counts nothing by design: no counts to speak of.
        const known = s.counts;
        const counts = known ? `  ${types/* SEVERITIES */.oC.map((sev) => `${sev} ${known[sev]}`).join('  ')}` : s.mode === 'release' ? '' : '  counts unknown';
        // The new/existing split is read only when something asked for it: unknown is left out, not printed as 0.
        const fresh = s.newCounts ? `  new ${(0,core_result/* countTotal */.I)(s.newCounts)}` : '';
        const risk = s.riskScore !== undefined ? `  risk ${s.riskScore}` : '';
        lines.push(`  ${plain(s.scanner)}${s.scannerType ? ` (${s.scannerType})` : ''}: ${s.status}${counts}${fresh}${risk}`);
        if (s.chosenBecause)
            lines.push(`    chosen by scanner type: ${plain(s.chosenBecause)}`);
        if (s.fixedCounts)
            lines.push(`    fixed by this change: ${(0,core_result/* countTotal */.I)(s.fixedCounts)}`);
        if (s.scope)
            lines.push(`    ${plain((0,change_scope/* scopeSentence */.i9)(s.scope))}`);
        if (s.note)
            lines.push(`    note: ${plain(s.note)}`);
        for (const reason of s.reasons)
            lines.push(`    ${MARK[reason.outcome]} ${plain(reason.message)}`);
        const link = s.links.scan ?? s.links.event;
        if (link)
            lines.push(`    report: ${plain(link)}`);
    }
    // Scans still running on the platform (async, a timeout, a cancellation): one command gates them later.
    const open = result.scanners.filter((s) => s.eventId && (s.status === 'skipped' || s.status === 'timeout' || s.error?.startsWith('cancelled')));
    const ids = open.map((s) => plain(s.eventId ?? ''));
    const project = result.project.name ? ` --project ${shellWord(plain(result.project.name))}` : '';
    if (ids.length > 0)
        lines.push(`Resume and gate with: invicti-appsec wait${project} --event-id ${ids.join(',')}`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 6657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   No: () => (/* binding */ scopeFindings),
/* harmony export */   hx: () => (/* binding */ readScope),
/* harmony export */   i9: () => (/* binding */ scopeSentence)
/* harmony export */ });
/* harmony import */ var _diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6217);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4641);



/** Read the change once for the run; under fallback `fail`, a diff that cannot be had stops the run (exit 2). */
async function readScope(request, diff, logger) {
    const mode = request.mode;
    if (mode === 'off')
        return { kind: 'off' };
    const unscoped = (why) => {
        if (request.fallback === 'fail') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('changed-only', `cannot limit the gate to the change: ${why}. Give the code-host token, fetch the target branch in the checkout, or set changed-only-fallback to unscoped.`);
        }
        logger.warn(`changed-only ${mode}: ${why}; the gate counts all findings (changed-only-fallback is unscoped)`);
        return { kind: 'unscoped', mode, why };
    };
    if (!request.isPullRequest || !request.targetBranch) {
        logger.info(`changed-only ${mode} applies to pull/merge request runs; this run counts all findings`);
        return { kind: 'unscoped', mode, why: 'not a pull/merge request run' };
    }
    if (!diff)
        return unscoped('no way to read the diff here (no code-host token and no git checkout)');
    try {
        const changes = await diff.changes({
            targetBranch: request.targetBranch,
            sourceBranch: request.sourceBranch,
            ...(request.prNumber ? { number: request.prNumber } : {}),
            ...(request.signal ? { signal: request.signal } : {}),
        });
        logger.info(`changed-only ${mode}: ${changes.files.size} changed files, from the ${changes.source}`);
        return { kind: 'scoped', mode, changes };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL)
            throw err;
        const why = err instanceof _diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL ? err.message : `the diff could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)})`;
        return unscoped(why);
    }
}
/**
 * Mark each finding in or out of the change and count what the gate sees: findings in the change, and findings
 * without a file location. `truncated` says the platform had more findings than were fetched.
 */
function scopeFindings(findings, scope, truncated) {
    const counts = (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .zeroCounts */ .N)();
    const newCounts = (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .zeroCounts */ .N)();
    const summary = { mode: scope.mode, source: scope.changes.source, inChange: 0, outside: 0, unlocated: 0, ...(truncated ? { partial: true } : {}) };
    for (const f of findings) {
        const located = f.path !== undefined && f.path !== '';
        if (located) {
            f.inChange = (0,_diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .touches */ .yI)(scope.changes, scope.mode, f.path ?? '', f.line);
            if (!f.inChange) {
                summary.outside += 1;
                continue;
            }
            summary.inChange += 1;
        }
        else
            summary.unlocated += 1;
        counts[f.severity] += 1;
        if (f.isNew)
            newCounts[f.severity] += 1;
    }
    return { counts, newCounts, summary };
}
/** One sentence on the scope of a scanner's gate, for logs and reports. */
function scopeSentence(s) {
    const where = s.mode === 'lines' ? 'on the changed lines' : 'in the changed files';
    const parts = [`${s.inChange} ${where}`, `${s.outside} outside the change (not counted)`];
    if (s.unlocated > 0)
        parts.push(`${s.unlocated} without a file location (counted as usual)`);
    return `changed-only ${s.mode}: ${parts.join(', ')}${s.partial ? '; only the findings fetched were placed' : ''}`;
}


/***/ }),

/***/ 3318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   iQ: () => (/* binding */ markdownLink),
/* harmony export */   vH: () => (/* binding */ safeHttpUrl),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export escapeXml */
/**
 * Making scanner text inert. Finding names, paths, URLs and messages come from third-party scanners and
 * may be crafted: they must never become markup, mentions, links to odd schemes, or reordered text.
 */
/** Characters that reorder or hide text direction ("Trojan Source"): embeddings, overrides, isolates, marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF]/g;
/** Line breaks and tabs, including the Unicode line/paragraph separators and NEL. */
const BREAKS = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Strips control characters, bidi overrides and direction marks, and repairs lone surrogates.
 * Line breaks and tabs become spaces unless `keepNewlines` (then they become `\n`; tabs stay).
 */
function cleanText(text, keepNewlines = false) {
    let out = text.replace(LONE_SURROGATE, '\uFFFD').replace(BIDI, '');
    out = keepNewlines
        ? out.replace(BREAKS, (m) => (m === '\t' ? '\t' : '\n'))
        : out.replace(BREAKS, ' ');
    return out.replace(CONTROL, '');
}
/**
 * Cuts `text` to at most `maxChars` UTF-16 units, ending with an ellipsis when cut.
 * Never leaves half of a surrogate pair.
 */
function truncate(text, maxChars) {
    const max = Math.max(0, Math.floor(maxChars));
    if (text.length <= max)
        return text;
    if (max === 0)
        return '';
    let end = max - 1;
    const last = text.charCodeAt(end - 1);
    if (end > 0 && last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}…`;
}
// CommonMark lets any ASCII punctuation be backslash-escaped. Besides structure (`*_[]()#|` ...), `.` and `:`
// are escaped so bare URLs and domains are not auto-linked, `~` so GitLab labels and strikethrough do not fire,
// `$` so GitHub math does not render, `%` for GitLab milestones.
const COMMONMARK_SPECIAL = /[\\`*_{}[\]()#+\-.!|~$:%&<>@]/g;
// Python-Markdown (Bitbucket) only honours these escapes (plus `|` in tables); others would show a backslash.
const BITBUCKET_SPECIAL = /[\\`*_{}[\]()#+\-.!|&<>@]/g;
function escapeChar(ch) {
    switch (ch) {
        case '&':
            return '&amp;';
        case '<':
            return '&lt;';
        case '>':
            return '&gt;';
        // A joiner after `@` keeps "@user" readable but stops it from notifying anyone (mention filters work
        // on the rendered text, where a backslash escape is already gone).
        case '@':
            return '@\u200D';
        default:
            return `\\${ch}`;
    }
}
/** Inline markdown text (also safe inside a table cell): one line, no markup, no mentions, no autolinks. */
function escapeMarkdown(text, dialect = 'commonmark') {
    const special = dialect === 'bitbucket' ? BITBUCKET_SPECIAL : COMMONMARK_SPECIAL;
    return cleanText(text).replace(special, escapeChar);
}
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value inside HTML. Newlines are kept (they are whitespace in HTML). */
function escapeHtml(text) {
    return cleanText(text, true).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}
/** Characters XML 1.0 does not allow at all, even as references (lone surrogates are handled by cleanText). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES = {
    ...HTML_ENTITIES,
    "'": '&apos;',
    '\n': '&#10;',
    '\r': '&#13;',
    '\t': '&#9;',
};
/**
 * Text or attribute value in XML (JUnit). Drops characters XML 1.0 forbids; line breaks and tabs become
 * character references so they survive attribute-value normalisation.
 */
function escapeXml(text) {
    return cleanText(text, true)
        .replace(XML_INVALID, '')
        .replace(/[&<>"'\n\r\t]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}
/** URLs longer than this are shown as text: no real link is this long, and it would blow the size budget. */
const MAX_URL_LENGTH = 2048;
/**
 * The URL in canonical form when it is an absolute http(s) URL, else undefined. Credentials in the URL are
 * dropped (they must never reach a report).
 */
function safeHttpUrl(url) {
    if (url === undefined)
        return undefined;
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.length > MAX_URL_LENGTH)
        return undefined;
    let parsed;
    try {
        parsed = new URL(trimmed);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return undefined;
    if (parsed.hostname === '')
        return undefined;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
}
/**
 * A markdown link destination: characters that could close the link, split a table row or start markup are
 * percent-encoded (WHATWG `href` already encodes spaces, quotes and non-ASCII).
 */
function linkDestination(href) {
    return href.replace(/[^A-Za-z0-9\-._~:/?#&=%+,;@!$*]/g, (ch) => {
        const code = ch.charCodeAt(0);
        return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
    });
}
/**
 * `[label](url)` when `url` is an absolute http(s) URL, else just `label`. `label` must already be
 * escaped markdown; the URL is checked and encoded here.
 */
function markdownLink(label, url) {
    const href = safeHttpUrl(url);
    return href === undefined ? label : `[${label}](${linkDestination(href)})`;
}


/***/ })

};
