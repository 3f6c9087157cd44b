export const id = 750;
export const ids = [750];
export const modules = {

/***/ 5750:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  announce: () => (/* binding */ announce),
  publish: () => (/* binding */ publish)
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

// EXTERNAL MODULE: ./build/shared/core/config.js + 1 modules
var core_config = __webpack_require__(8443);
// EXTERNAL MODULE: ./build/shared/core/release.js
var release = __webpack_require__(931);
;// CONCATENATED MODULE: ./build/shared/render/json.js

/** 2: a scanner's `counts` is left out when it has no finished scan (unknown), as `newCounts` is when not read. */
const JSON_SCHEMA_VERSION = 2;
/** Drops keys whose value is undefined, so optional fields are absent rather than `null`-ish. */
function compact(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
const counts = (c) => ({
    critical: c.critical,
    high: c.high,
    medium: c.medium,
    low: c.low,
    info: c.info,
});
const reason = (r) => compact({ rule: r.rule, outcome: r.outcome, message: r.message, actual: r.actual, limit: r.limit });
const finding = (f) => compact({
    id: f.id,
    ruleId: f.ruleId,
    name: f.name,
    severity: f.severity,
    scanner: f.scanner,
    scannerType: f.scannerType,
    isNew: f.isNew,
    cweId: f.cweId,
    cweName: f.cweName,
    cvss: f.cvss,
    path: f.path,
    line: f.line,
    url: f.url,
    method: f.method,
    parameter: f.parameter,
    link: f.link,
    inChange: f.inChange,
});
const scanner = (s) => compact({
    scanner: s.scanner,
    scannerType: s.scannerType,
    status: s.status,
    mode: s.mode,
    branch: s.branch,
    targetBranch: s.targetBranch,
    eventId: s.eventId,
    scanId: s.scanId,
    counts: s.counts === undefined ? undefined : counts(s.counts),
    newCounts: s.newCounts === undefined ? undefined : counts(s.newCounts),
    fixedCounts: s.fixedCounts === undefined ? undefined : counts(s.fixedCounts),
    fixedFindings: s.fixedFindings?.map(finding),
    scope: s.scope === undefined ? undefined : { ...s.scope },
    chosenBecause: s.chosenBecause,
    riskScore: s.riskScore,
    previousRiskScore: s.previousRiskScore,
    releaseStatus: s.release === undefined ? undefined : (0,release/* gatedReleaseStatus */.hu)(s.release),
    release: s.release === undefined
        ? undefined
        : { status: s.release.status, types: { ...s.release.types }, failingTypes: [...s.release.failingTypes] },
    reasons: s.reasons.map(reason),
    findings: s.findings.map(finding),
    findingsTruncated: s.findingsTruncated,
    links: compact({ scan: s.links.scan, event: s.links.event, project: s.links.project }),
    timings: { startedAt: s.timings.startedAt, finishedAt: s.timings.finishedAt, durationMs: s.timings.durationMs },
    error: s.error,
    note: s.note,
});
/** The report as an object (for callers that embed it). */
function toJsonReport(result) {
    return compact({
        schemaVersion: JSON_SCHEMA_VERSION,
        status: result.status,
        exitCode: result.exitCode,
        project: compact({ id: result.project.id, name: result.project.name, link: result.project.link }),
        branch: result.branch,
        targetBranch: result.targetBranch,
        pullRequest: result.pullRequest,
        scanners: result.scanners.map(scanner),
        summary: result.summary,
        warnOnly: result.warnOnly,
        newFindingsOnly: result.newFindingsOnly,
        changedOnly: result.changedOnly === undefined ? undefined : { ...result.changedOnly },
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        reportUrl: result.reportUrl,
        toolVersion: result.toolVersion,
    });
}
/** Pretty JSON with a trailing newline. */
function renderJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
/**
 * The text of a machine-read report file (SARIF, GitLab security reports): compact JSON and a final newline.
 * Indentation would double a 100,000-finding SARIF file (95 MB to about 60) for no reader that needs it.
 */
function reportFileText(report) {
    return `${JSON.stringify(report)}\n`;
}

// EXTERNAL MODULE: ./build/shared/render/markdown.js + 1 modules
var render_markdown = __webpack_require__(1359);
// EXTERNAL MODULE: ./build/shared/render/format.js
var format = __webpack_require__(8794);
;// CONCATENATED MODULE: ./build/shared/render/sarif.js


const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub accepts at most 25,000 results per run (and shows the first 5,000). */
const SARIF_MAX_RESULTS_PER_RUN = 25_000;
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    info: '0.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note',
};
const sarif_plain = (text, max) => (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text), max);
function securitySeverity(f) {
    return f.cvss !== undefined && Number.isFinite(f.cvss) && f.cvss >= 0 && f.cvss <= 10
        ? f.cvss.toFixed(1)
        : SECURITY_SEVERITY[f.severity];
}
/** Percent-encodes what is not allowed in a relative URI path (and `:`, which would read as a scheme). */
function uriPath(path) {
    return path.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=@/%]/gu, (ch) => encodeURIComponent(ch));
}
function locationOf(f, scanner) {
    const path = (0,format/* repoPath */.qN)(f.path);
    if (path !== '') {
        const line = (0,format/* validLine */.$c)(f.line);
        return {
            physicalLocation: {
                artifactLocation: { uri: uriPath(path), uriBaseId: '%SRCROOT%' },
                ...(line === undefined ? {} : { region: { startLine: line } }),
            },
        };
    }
    const synthetic = { physicalLocation: { artifactLocation: { uri: `${format/* PRODUCT_ID */.OI}/${(0,format/* slug */.yR)(scanner)}` } } };
    const request = requestOf(f);
    if (request === undefined)
        return synthetic;
    const method = request.method === undefined ? '' : `${request.method} `;
    const param = request.parameter === undefined ? '' : ` (${request.parameter})`;
    return { ...synthetic, logicalLocations: [{ kind: 'resource', fullyQualifiedName: `${method}${request.url}${param}` }] };
}
/**
 * A DAST finding's request (no repository path, an http(s) URL), cleaned: the location's logical name and the
 * result's properties (the URL is not a repository file).
 */
function requestOf(f) {
    const url = (0,format/* repoPath */.qN)(f.path) === '' ? (0,render_escape/* safeHttpUrl */.vH)(f.url) : undefined;
    if (url === undefined)
        return undefined;
    return {
        url: (0,render_escape/* truncate */.xv)(url, 2000),
        ...(f.method === undefined || f.method.trim() === '' ? {} : { method: sarif_plain(f.method, 20).toUpperCase() }),
        ...(f.parameter === undefined || f.parameter === '' ? {} : { parameter: sarif_plain(f.parameter, 200) }),
    };
}
function messageOf(f) {
    const cwe = f.cweId !== undefined && (0,format/* cweUrl */.xj)(f.cweId) !== undefined ? ` (CWE-${f.cweId})` : '';
    const where = f.path !== undefined && f.path !== ''
        ? ` in ${f.path}${(0,format/* validLine */.$c)(f.line) === undefined ? '' : `:${f.line}`}`
        : f.url !== undefined && f.url !== ''
            ? ` at ${f.method ?? ''} ${f.url}${f.parameter === undefined ? '' : ` (parameter ${f.parameter})`}`
            : '';
    return sarif_plain(`${capitalSeverity(f.severity)}: ${f.name}${cwe}${where}`, 2000);
}
const capitalSeverity = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function ruleOf(f, ruleId) {
    const cwe = (0,format/* cweUrl */.xj)(f.cweId);
    const helpUri = cwe ?? (0,render_escape/* safeHttpUrl */.vH)(f.link);
    const tags = ['security', ...(cwe === undefined ? [] : [`CWE-${f.cweId}`, `external/cwe/cwe-${f.cweId}`])];
    const title = sarif_plain(f.name, 300) || ruleId;
    const weakness = f.cweName === undefined ? '' : sarif_plain(f.cweName, 1000);
    // A CWE-keyed rule is described by its weakness: the titles of its findings may differ, the weakness does not.
    const short = cwe !== undefined && weakness !== '' ? `CWE-${f.cweId}: ${weakness}` : title;
    // Something the title does not say already, or nothing: a rule keyed by a title says no more than it.
    const full = cwe === undefined && weakness !== '' ? `${title}: ${weakness}.` : undefined;
    return {
        id: ruleId,
        shortDescription: { text: short },
        ...(full === undefined ? {} : { fullDescription: { text: full } }),
        ...(helpUri === undefined ? {} : { helpUri }),
        help: { text: helpUri === undefined ? (full ?? short) : `${full ?? short}\n\n${helpUri}` },
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { tags, 'security-severity': securitySeverity(f), precision: 'high' },
    };
}
function runOf(scanner, toolVersion, maxResults) {
    const findings = [...scanner.findings].sort(format/* compareFindings */.Eg).slice(0, maxResults);
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((f) => {
        const ruleId = sarif_plain(f.ruleId, 255) || `${(0,format/* slug */.yR)(scanner.scanner)}/unknown`;
        let index = ruleIndex.get(ruleId);
        if (index === undefined) {
            // Findings are most severe first, so a rule takes the severity of its worst finding.
            index = rules.push(ruleOf(f, ruleId)) - 1;
            ruleIndex.set(ruleId, index);
        }
        return {
            ruleId,
            ruleIndex: index,
            level: LEVEL[f.severity],
            kind: 'fail',
            message: { text: messageOf(f) },
            locations: [locationOf(f, scanner.scanner)],
            partialFingerprints: { 'invictiFindingId/v1': (0,format/* sha256Hex */.fg)(`${scanner.scanner}\u0000${f.id}`) },
            baselineState: f.isNew ? 'new' : 'unchanged',
            properties: { severity: f.severity, scanner: sarif_plain(scanner.scanner, 200), isNew: f.isNew, ...requestOf(f) },
        };
    });
    return {
        tool: {
            driver: {
                name: sarif_plain(`${format/* PRODUCT_NAME */.KR}: ${scanner.scanner}`, 200),
                informationUri: format/* PRODUCT_URL */.IQ,
                version: sarif_plain(toolVersion, 50) || '0.0.0',
                rules,
            },
        },
        automationDetails: { id: `${format/* PRODUCT_ID */.OI}/${(0,format/* slug */.yR)(scanner.scanner)}/` },
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
            scannerType: sarif_plain(scanner.scannerType, 50),
            status: scanner.status,
            findingsTruncated: scanner.findingsTruncated || scanner.findings.length > findings.length,
        },
    };
}
function renderSarif(result, options = {}) {
    const maxResults = Math.max(0, Math.floor(options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN));
    const reported = result.scanners.filter((s) => s.status === 'passed' || s.status === 'failed' || s.status === 'warned');
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: reported.map((s) => runOf(s, result.toolVersion, maxResults)),
    };
}

;// CONCATENATED MODULE: ./build/shared/core/report-files.js
/**
 * The report files a run can leave behind (`output-json`, `sarif`, `summary-markdown`), written through an
 * injected writer so that every packaging writes them the same way.
 */



/** Write every report file asked for; returns what was written, as `{ kind, path }`. */
async function writeReportFiles(result, settings, write) {
    const written = [];
    if (settings.outputJson) {
        await write(settings.outputJson, renderJson(result));
        written.push({ kind: 'json', path: settings.outputJson });
    }
    if (settings.sarif) {
        await write(settings.sarif, reportFileText(renderSarif(result)));
        written.push({ kind: 'sarif', path: settings.sarif });
    }
    if (settings.summaryMarkdown) {
        const markdown = (0,render_markdown/* renderMarkdown */.Gc)(result, {
            flavour: 'summary',
            maxFindings: settings.maxFindings,
            ...(settings.jobUrl ? { jobUrl: settings.jobUrl } : {}),
            ...(settings.reportHost ? { codeHost: settings.reportHost } : {}),
        });
        await write(settings.summaryMarkdown, markdown);
        written.push({ kind: 'summary-markdown', path: settings.summaryMarkdown });
    }
    return written;
}

// EXTERNAL MODULE: ./build/actions/github/annotation-limits.js
var annotation_limits = __webpack_require__(1102);
;// CONCATENATED MODULE: ./build/actions/github/annotations.js




const annotations_LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: undefined,
    info: undefined,
};
/** Scanner text on one line, without control or direction characters; the toolkit escapes the rest. */
const annotations_plain = (text, max) => (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text).trim(), max);
/** A repository path the runner can map onto a file, or undefined (absolute, parent-relative or empty). */
function repoFile(path) {
    const relative = (0,format/* repoPath */.qN)(path);
    if (relative === '' || /^[A-Za-z]:/.test(relative) || relative.split('/').includes('..'))
        return undefined;
    return relative;
}
function annotationOf(f, level) {
    const title = annotations_plain(`${(0,format/* capitalise */.sK)(f.severity)}${f.isNew ? ' (new)' : ''}: ${f.name}`, 200);
    const details = [annotations_plain(f.name, 300)];
    if (f.cweId !== undefined && Number.isSafeInteger(f.cweId))
        details.push(`CWE-${f.cweId}`);
    if (f.url !== undefined && f.url !== '')
        details.push(annotations_plain(`${f.method ?? ''} ${f.url}${f.parameter ? ` (${f.parameter})` : ''}`, 300));
    else if (f.path !== undefined && f.path !== '')
        details.push(annotations_plain(f.path, 300));
    details.push(`found by ${annotations_plain(f.scanner, 60)}`);
    const props = { title };
    const file = (0,format/* isSastType */.Qy)(f.scannerType) ? repoFile(f.path) : undefined;
    if (file !== undefined) {
        props.file = file;
        const line = (0,format/* validLine */.$c)(f.line);
        if (line !== undefined)
            props.startLine = line;
    }
    return { level, message: details.join(' · '), props };
}
/** The annotations to emit for a run, most important first, at most `limits` of each level. */
function findingAnnotations(result, limits = annotation_limits/* FINDING_ANNOTATION_LIMITS */.t) {
    const used = { error: 0, warning: 0 };
    const out = [];
    for (const finding of (0,format/* sortedFindings */.Y_)(result)) {
        const level = annotations_LEVEL[finding.severity];
        if (level === undefined || used[level] >= limits[level])
            continue;
        used[level] += 1;
        out.push(annotationOf(finding, level));
    }
    return out;
}

// EXTERNAL MODULE: ./build/actions/github/outputs.js + 1 modules
var outputs = __webpack_require__(7007);
// EXTERNAL MODULE: ./build/shared/platforms/errors.js
var platforms_errors = __webpack_require__(3036);
// EXTERNAL MODULE: ./build/shared/platforms/marker.js
var marker = __webpack_require__(3805);
;// CONCATENATED MODULE: ./build/shared/platforms/truncate.js
/**
 * Safety net for comment bodies over a host's size limit (GitHub refuses bodies over 65,536 characters).
 * Renderers should already keep the comment short (top-N findings, full detail in the job summary); this only
 * makes sure an oversized body still posts, still renders, and still carries its marker.
 */

/**
 * Cut `body` to at most `maxChars` characters, appending `note` (say where the full report is).
 * Keeps marker lines (otherwise the next run could not find the comment), closes an open code fence or
 * `<details>` block so the note is not swallowed by it, prefers a line boundary and never splits a
 * surrogate pair. Bodies that fit are returned unchanged.
 */
function truncateBody(body, maxChars, note) {
    if (body.length <= maxChars)
        return body;
    const markers = body.split('\n').filter(marker/* isMarkerLine */.rf).map((l) => l.trim());
    let budget = maxChars;
    // A few passes: what we append (closers, markers) depends on where the cut lands.
    for (let attempt = 0; attempt < 4 && budget > 0; attempt += 1) {
        const head = cutAt(body, budget);
        const keptMarkers = markers.filter((m) => !head.split('\n').some((l) => l.trim() === m));
        const out = [head.replace(/\s+$/, ''), ...closers(head), '', note, ...keptMarkers].join('\n');
        if (out.length <= maxChars)
            return out;
        budget = Math.min(budget, head.length) - (out.length - maxChars);
    }
    // The note and markers alone do not fit: the marker matters most, then as much note as fits.
    const minimal = [...markers, note].join('\n');
    return cutAt(minimal, maxChars);
}
function cutAt(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, Math.max(0, max));
    const lastNewline = cut.lastIndexOf('\n');
    // A line boundary is nicer, but not at the price of throwing away more than a fifth of the budget.
    if (lastNewline > max * 0.8)
        cut = cut.slice(0, lastNewline);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return cut;
}
/** Closing lines for constructs left open by the cut: a fenced code block and `<details>` elements. */
function closers(head) {
    const parts = [];
    let fence;
    for (const line of head.split('\n')) {
        const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (open === undefined)
            continue;
        if (fence === undefined)
            fence = open;
        else if (open.startsWith(fence))
            fence = undefined;
    }
    if (fence !== undefined)
        parts.push(fence);
    const opened = (head.match(/<details[\s>]/gi) ?? []).length;
    const closed = (head.match(/<\/details>/gi) ?? []).length;
    for (let i = closed; i < opened; i += 1)
        parts.push('</details>');
    return parts;
}

;// CONCATENATED MODULE: ./build/shared/platforms/comment.js
/**
 * The sticky comment: one comment per project and scanner set on a pull/merge request, updated in place.
 *
 * Host-independent; each host implements the small `CommentStore` port over its real client. The rule
 * (after sticky-pull-request-comment, danger and renovate): a comment is ours when it carries our marker on
 * a line of its own AND was written by the token's own identity; every page is read; nothing is written when
 * the body is unchanged; permission problems are skipped with a reason, never failed.
 */






const DEFAULT_TRUNCATED_NOTE = '_This comment was shortened to fit the size limit. The full report is in the pipeline summary and artifacts._';
async function upsertComment(store, options) {
    if (!(0,marker/* hasMarker */.xY)(options.body, options.markerId)) {
        // A programming error in the caller: without the marker the comment could never be found again.
        throw new Error('comment body does not carry its marker line; render markerLine(markerId, style) into it');
    }
    const body = truncateBody(options.body, options.maxChars, options.truncatedNote ?? DEFAULT_TRUNCATED_NOTE);
    try {
        if (options.mode === 'new')
            return { action: 'created', ...(await store.create(body)) };
        const existing = await findOwnComment(store, options.markerId);
        if (!existing)
            return { action: 'created', ...(await store.create(body)) };
        if (sameBody(existing.body, body)) {
            return { action: 'unchanged', id: existing.id, ...(existing.url ? { url: existing.url } : {}) };
        }
        return { action: 'updated', ...(await store.update(existing.id, body)) };
    }
    catch (err) {
        if (!(0,platforms_errors/* isPermissionProblem */.nj)(err))
            throw err;
        const reason = `Not commenting: ${(0,errors/* describeError */.Uc)(err)}.${err.hint ? ` ${err.hint}` : ''}`;
        options.notice?.(reason);
        return { action: 'skipped', reason, ...(err.status === undefined ? {} : { status: err.status }) };
    }
}
/** The most recent comment carrying the marker and written by the token's own identity, if any. */
async function findOwnComment(store, markerId) {
    const me = await store.whoAmI();
    let found;
    for await (const comment of store.list()) {
        if (comment.system === true || comment.authorId === '' || comment.authorId !== me.id)
            continue;
        if ((0,marker/* hasMarker */.xY)(comment.body, markerId))
            found = comment;
    }
    return found;
}
/** Hosts may hand back `\r\n` or drop trailing whitespace; neither is a change worth a write. */
function sameBody(a, b) {
    const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();
    return norm(a) === norm(b);
}

;// CONCATENATED MODULE: ./build/shared/render/code-quality.js


const SEVERITY = {
    critical: 'blocker',
    high: 'critical',
    medium: 'major',
    low: 'minor',
    info: 'info',
};
function renderCodeQuality(result) {
    const issues = [];
    const seen = new Set();
    const findings = result.scanners.flatMap((s) => s.findings.map((f) => ({ f, scanner: s.scanner })));
    findings.sort((a, b) => compareFindings(a.f, b.f));
    for (const { f, scanner } of findings) {
        const path = repoPath(f.path);
        if (path === '')
            continue;
        const fingerprint = sha256Hex(`${scanner}\u0000${f.id}`);
        // GitLab wants unique fingerprints; the same finding listed twice is reported once.
        if (seen.has(fingerprint))
            continue;
        seen.add(fingerprint);
        const cwe = f.cweId !== undefined && Number.isSafeInteger(f.cweId) && f.cweId > 0 ? ` (CWE-${f.cweId})` : '';
        issues.push({
            description: truncate(cleanText(`${f.isNew ? '[new] ' : ''}${f.name}${cwe}`), 1000),
            check_name: truncate(cleanText(f.ruleId), 255) || `${scanner}/unknown`,
            fingerprint,
            severity: SEVERITY[f.severity] ?? 'info',
            location: { path, lines: { begin: validLine(f.line) ?? 1 } },
        });
    }
    return issues;
}

;// CONCATENATED MODULE: ./build/shared/render/junit.js


const attr = (value, max = 1000) => escapeXml(truncate(value, max));
const seconds = (ms) => (Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0');
function caseOfReason(reason) {
    const isError = reason.rule === 'error' || reason.rule === 'timeout';
    const outcome = reason.outcome === 'pass' ? 'pass' : reason.outcome === 'warn' ? 'warn' : isError ? 'error' : 'failure';
    const numbers = [
        reason.actual === undefined ? '' : `actual: ${reason.actual}`,
        reason.limit === undefined ? '' : `limit: ${reason.limit}`,
    ].filter((s) => s !== '');
    return { name: reason.rule, outcome, message: reason.message, ...(numbers.length > 0 ? { detail: numbers.join(', ') } : {}) };
}
function casesOf(s) {
    const cases = s.reasons.map(caseOfReason);
    const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
    if ((s.status === 'error' || s.status === 'timeout') && !explained) {
        cases.push({ name: s.status, outcome: 'error', message: s.error ?? `The scan ended with status ${s.status}.` });
    }
    if (cases.length === 0) {
        cases.push(s.status === 'skipped'
            ? { name: 'gate', outcome: 'skipped', message: 'The scanner was skipped.' }
            : { name: 'gate', outcome: 'pass', message: 'No gate rule applied.' });
    }
    return cases;
}
function runCase(result) {
    const outcome = result.status === 'error' || result.status === 'timeout'
        ? 'error'
        : result.status === 'failed'
            ? 'failure'
            : result.status === 'skipped'
                ? 'skipped'
                : result.status === 'warned'
                    ? 'warn'
                    : 'pass';
    return { name: 'run', outcome, message: result.summary || `The run ended with status ${result.status}.` };
}
function caseXml(c, classname) {
    const open = `    <testcase classname="${attr(classname, 300)}" name="${attr(c.name, 200)}" time="0"`;
    const body = escapeXml(truncate(c.detail === undefined ? c.message : `${c.message}\n${c.detail}`, 10_000));
    switch (c.outcome) {
        case 'pass':
            return `${open}/>`;
        case 'warn':
            return `${open}>\n      <system-out>${escapeXml('warning: ')}${body}</system-out>\n    </testcase>`;
        case 'skipped':
            return `${open}>\n      <skipped message="${attr(c.message)}"/>\n    </testcase>`;
        case 'failure':
        case 'error':
            return `${open}>\n      <${c.outcome} message="${attr(c.message)}" type="${attr(c.name, 200)}">${body}</${c.outcome}>\n    </testcase>`;
    }
}
const count = (cases, outcome) => cases.filter((c) => c.outcome === outcome).length;
function suiteXml(suite) {
    const { cases } = suite;
    const head = `  <testsuite name="${attr(suite.name, 300)}" tests="${cases.length}" failures="${count(cases, 'failure')}"` +
        ` errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" time="${seconds(suite.durationMs)}"` +
        ` timestamp="${attr(suite.timestamp, 40)}">`;
    return [head, ...cases.map((c) => caseXml(c, suite.classname)), '  </testsuite>'].join('\n');
}
function renderJunit(result) {
    const suites = result.scanners.length === 0
        ? [{ name: PRODUCT_NAME, classname: PRODUCT_ID, cases: [runCase(result)], durationMs: 0, timestamp: result.startedAt }]
        : result.scanners.map((s) => ({
            name: `${PRODUCT_NAME}: ${s.scanner}`,
            classname: `${PRODUCT_ID}.${s.scanner}`,
            cases: casesOf(s),
            durationMs: s.timings.durationMs,
            timestamp: s.timings.startedAt,
        }));
    const all = suites.flatMap((s) => s.cases);
    const totalMs = suites.reduce((sum, s) => sum + (Number.isFinite(s.durationMs) ? s.durationMs : 0), 0);
    const head = `<testsuites name="${attr(PRODUCT_NAME)}" tests="${all.length}" failures="${count(all, 'failure')}"` +
        ` errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${seconds(totalMs)}">`;
    return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map(suiteXml), '</testsuites>', ''].join('\n');
}

;// CONCATENATED MODULE: ./build/shared/render/gitlab.js




const GITLAB_REPORT_VERSION = '15.2.1';
const gitlab_plain = (text, max) => truncate(cleanText(text), max);
function identifiers(f, scanner) {
    const rule = gitlab_plain(f.ruleId, 255) || `${scanner}/unknown`;
    const list = [{ type: 'invicti_appsec_rule', name: `${PRODUCT_NAME} rule ${rule}`, value: rule }];
    const cwe = cweUrl(f.cweId);
    if (cwe !== undefined)
        list.push({ type: 'cwe', name: `CWE-${f.cweId}`, value: String(f.cweId), url: cwe });
    return list;
}
function description(f) {
    const parts = [f.name];
    if (f.cweName !== undefined && f.cweName !== '')
        parts.push(`CWE: ${f.cweName}`);
    if (f.cvss !== undefined && Number.isFinite(f.cvss))
        parts.push(`CVSS: ${f.cvss}`);
    parts.push(`Scanner: ${f.scanner}`, f.isNew ? 'New in this change.' : 'Already present.');
    return truncate(cleanText(parts.join('\n'), true), 10_000);
}
function vulnerability(f, scanner, location) {
    const link = safeHttpUrl(f.link);
    return {
        id: uuidFrom(`${scanner.scanner}\u0000${f.id}`),
        name: gitlab_plain(f.name, 255) || gitlab_plain(f.ruleId, 255) || 'Finding',
        description: description(f),
        severity: capitalise(f.severity),
        identifiers: identifiers(f, scanner.scanner),
        location,
        ...(link === undefined ? {} : { links: [{ name: PRODUCT_NAME, url: link }] }),
    };
}
function sastLocation(f) {
    const file = repoPath(f.path);
    if (file === '')
        return {};
    const line = validLine(f.line);
    return line === undefined ? { file } : { file, start_line: line };
}
function dastLocation(f) {
    const url = safeHttpUrl(f.url);
    const method = gitlab_plain(f.method ?? '', 20).toUpperCase();
    const param = gitlab_plain(f.parameter ?? '', 500);
    const location = {};
    if (url !== undefined) {
        const parsed = new URL(url);
        location.hostname = parsed.origin;
        location.path = parsed.pathname;
    }
    if (method !== '')
        location.method = method;
    if (param !== '')
        location.param = param;
    return location;
}
function tool(version) {
    const v = gitlab_plain(version, 50) || '0.0.0';
    return { id: PRODUCT_ID, name: PRODUCT_NAME, url: PRODUCT_URL, version: v, vendor: { name: VENDOR_NAME } };
}
function scanOf(result, scanners, type) {
    const messages = [];
    for (const s of scanners) {
        if (s.status === 'error' || s.status === 'timeout') {
            messages.push({ level: 'fatal', value: gitlab_plain(`${s.scanner}: ${s.error ?? s.status}`, 1000) });
        }
        if (s.findingsTruncated) {
            messages.push({ level: 'warn', value: gitlab_plain(`${s.scanner}: the findings list is incomplete; see the platform for all.`, 1000) });
        }
    }
    const failed = scanners.some((s) => s.status === 'error' || s.status === 'timeout');
    return {
        analyzer: tool(result.toolVersion),
        scanner: tool(result.toolVersion),
        type,
        start_time: gitlabTime(result.startedAt),
        end_time: gitlabTime(result.finishedAt),
        status: failed ? 'failure' : 'success',
        messages,
    };
}
const findingsOf = (scanners) => scanners.flatMap((s) => s.findings.map((f) => ({ f, s }))).sort((a, b) => compareFindings(a.f, b.f));
function renderGitlabSast(result) {
    const scanners = result.scanners.filter((s) => isSastType(s.scannerType));
    return {
        version: GITLAB_REPORT_VERSION,
        scan: scanOf(result, scanners, 'sast'),
        vulnerabilities: findingsOf(scanners).map(({ f, s }) => vulnerability(f, s, sastLocation(f))),
    };
}
function renderGitlabDast(result) {
    const scanners = result.scanners.filter((s) => isDastType(s.scannerType));
    const findings = findingsOf(scanners);
    // The attack surface we know of: the resources findings were reported on (query strings left out).
    const resources = new Map();
    for (const { f } of findings) {
        const url = safeHttpUrl(f.url);
        if (url === undefined)
            continue;
        const parsed = new URL(url);
        const method = gitlab_plain(f.method ?? '', 20).toUpperCase() || 'GET';
        const resourceUrl = `${parsed.origin}${parsed.pathname}`;
        resources.set(`${method} ${resourceUrl}`, { method, url: resourceUrl, type: 'url' });
    }
    return {
        version: GITLAB_REPORT_VERSION,
        scan: { ...scanOf(result, scanners, 'dast'), scanned_resources: [...resources.values()] },
        vulnerabilities: findings.map(({ f, s }) => vulnerability(f, s, dastLocation(f))),
    };
}

;// CONCATENATED MODULE: ./build/shared/render/index.js
/** The renderers: pure functions of a `RunResult` to comment text, reports and logs. */






;// CONCATENATED MODULE: ./build/actions/github/pr-comment.js




const DEFAULT_API_URL = 'https://api.github.com';
/**
 * A comment is due when the run knows its pull request: from a `pull_request`/`pull_request_target` payload, or
 * from `pr-number` (how a `workflow_run` workflow, which has the base repository's token, comments on a fork's
 * pull request). A fork pull request is still tried: a private repository may give fork PRs a write token, and
 * a refusal (403) only becomes a notice.
 */
function planComment(config, context) {
    if (config.comment === 'off')
        return { post: false, reason: 'comment is off', notice: false };
    if (config.async)
        return { post: false, reason: 'async run: the step that waits for the scans writes the comment', notice: false };
    // config.prNumber is the pr-number input, else the event's pull request.
    if (config.prNumber === undefined) {
        return { post: false, reason: `no pull request to comment on (event ${context.eventName ?? 'unknown'}; set pr-number to name one)`, notice: false };
    }
    const token = config.codeHost.githubToken;
    if (token === undefined || token === '') {
        return { post: false, notice: true, reason: 'Not commenting: input "github-token" is empty. The job summary has the report.' };
    }
    const [owner, repo, ...rest] = (context.repository ?? '').split('/');
    if (!owner || !repo || rest.length > 0) {
        return { post: false, notice: true, reason: 'Not commenting: GITHUB_REPOSITORY does not name a repository (owner/repo).' };
    }
    // The event's own pull request from a fork: its pull_request token is read-only unless the repository allows more.
    const fork = context.pullRequest?.isFork === true && context.pullRequest.number === String(config.prNumber) && context.eventName === 'pull_request';
    return { post: true, owner, repo, issueNumber: config.prNumber, token, apiUrl: context.apiUrl ?? DEFAULT_API_URL, fork };
}
const FORK_HINT = 'This pull request comes from a fork, and its GITHUB_TOKEN may not write comments: the job summary has the ' +
    'report. To comment on fork pull requests, run the action from a workflow_run workflow with pr-number set (docs/github.md).';
/** The comment's identity: project as the user named it (or as resolved) and the scanners of the run. */
function commentMarker(config, result) {
    const project = config.project ?? result.project.name;
    const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
    return (0,marker/* commentKey */.Td)(project, scanners);
}
/** Write (or update, or leave alone) the comment; returns what happened, or undefined when none was due. */
async function publishComment(result, config, context, deps) {
    const plan = planComment(config, context);
    if (!plan.post) {
        if (plan.notice)
            deps.notice(plan.reason);
        else
            deps.debug(`no pull request comment: ${plan.reason}`);
        return undefined;
    }
    const markerId = commentMarker(config, result);
    const jobUrl = context.jobUrl;
    const rendered = (0,render_markdown/* renderMarkdown */.Gc)(result, {
        flavour: 'github',
        marker: markerId,
        maxFindings: config.maxFindings,
        ...(jobUrl ? { jobUrl } : {}),
    });
    const body = deps.redact ? deps.redact(rendered) : rendered;
    const summaryLink = (0,render_escape/* markdownLink */.iQ)('job summary', jobUrl);
    const truncatedNote = `_This comment was shortened to fit GitHub's size limit. The full report is in the ${summaryLink}._`;
    try {
        const { token, apiUrl, owner, repo, issueNumber } = plan;
        const store = await deps.createStore({ token, apiUrl, owner, repo, issueNumber, log: (m) => deps.debug(m) });
        const mode = config.comment === 'new' ? 'new' : 'update';
        const notice = (m) => deps.notice(plan.fork ? `${m} ${FORK_HINT}` : m);
        return await upsertComment(store, { markerId, body, mode, maxChars: render_markdown/* GITHUB_COMMENT_LIMIT */._4, truncatedNote, notice });
    }
    catch (err) {
        deps.warning(`Could not write the pull request comment: ${(0,errors/* describeError */.Uc)(err)}. The job summary has the report.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/actions/github/sarif-file.js

async function writeSarifFile(result, path, write) {
    const log = renderSarif(result);
    if (log.runs.length === 0) {
        return { written: false, reason: `not writing ${path}: no scanner finished with results (status ${result.status})` };
    }
    await write(path, reportFileText(log));
    const results = log.runs.reduce((n, run) => n + run.results.length, 0);
    return { written: true, path, runs: log.runs.length, results };
}

;// CONCATENATED MODULE: ./build/actions/github/summary.js

/** Room left for the line break the toolkit appends. */
const SUMMARY_MAX_BYTES = render_markdown/* GITHUB_SUMMARY_LIMIT */.Bi - 16;
function jobSummary(result, options) {
    return (0,render_markdown/* renderMarkdown */.Gc)(result, {
        flavour: 'summary',
        codeHost: 'github',
        maxChars: SUMMARY_MAX_BYTES,
        maxFindings: options.maxFindings,
        ...(options.jobUrl ? { jobUrl: options.jobUrl } : {}),
    });
}

;// CONCATENATED MODULE: ./build/actions/github/publish.js









/** Everything the run leaves behind; returns the exit code (a report file that cannot be written makes it 2). */
async function publish(result, config, context, io, kit) {
    let exitCode = result.exitCode;
    const jobUrl = context.jobUrl ? { jobUrl: context.jobUrl } : {};
    try {
        const files = await writeReportFiles(result, { ...config, sarif: undefined, ...jobUrl, reportHost: 'github' }, io.writeFile);
        for (const file of files)
            kit.info(`wrote ${file.kind}: ${file.path}`);
    }
    catch (err) {
        kit.error(`Could not write a report file: ${(0,errors/* describeError */.Uc)(err)}`);
        exitCode = errors/* EXIT_CODES */.ai.config;
    }
    let sarifFile;
    if (config.sarif) {
        try {
            const sarif = await writeSarifFile(result, config.sarif, io.writeFile);
            if (sarif.written) {
                sarifFile = sarif.path;
                kit.info(`wrote SARIF: ${sarif.path} (${sarif.runs} runs, ${sarif.results} results)`);
            }
            else {
                kit.notice(`SARIF: ${sarif.reason}; output sarif-file is empty.`);
            }
        }
        catch (err) {
            kit.error(`Could not write the SARIF file (input "sarif"): ${(0,errors/* describeError */.Uc)(err)}`);
            exitCode = errors/* EXIT_CODES */.ai.config;
        }
    }
    try {
        const summary = jobSummary(result, { maxFindings: config.maxFindings, ...jobUrl });
        if (!(await kit.appendSummary(summary)))
            kit.debug('no GITHUB_STEP_SUMMARY: job summary not written');
    }
    catch (err) {
        kit.warning(`Could not write the job summary: ${(0,errors/* describeError */.Uc)(err)}`);
    }
    for (const a of findingAnnotations(result))
        kit[a.level](a.message, a.props);
    const comment = await publishComment(result, config, context, {
        // Octokit loads only when a comment is to be written: it is most of the bundle's start-up cost.
        createStore: io.createCommentStore ?? (async (options) => (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(315)]).then(__webpack_require__.bind(__webpack_require__, 5315))).githubCommentStore(options)),
        redact: (text) => (0,errors/* redact */.E$)(text, (0,core_config/* configSecrets */.Uf)(config)),
        notice: (m) => kit.notice(m),
        warning: (m) => kit.warning(m),
        debug: (m) => kit.debug(m),
    });
    const commentUrl = comment && comment.action !== 'skipped' ? comment.url : undefined;
    if (comment && comment.action !== 'skipped')
        kit.info(`pull request comment ${comment.action}${commentUrl ? `: ${commentUrl}` : ''}`);
    (0,outputs.setOutputs)(kit, (0,outputs/* actionOutputs */.dr)({ ...result, exitCode }, { ...(sarifFile ? { sarifFile } : {}), ...(commentUrl ? { commentUrl } : {}) }));
    return exitCode;
}
/**
 * The decision, last in the log: the plain report, then one annotation line when the step fails or warns
 * (exit 2 after a run means a report file could not be written, which is already reported as such).
 */
function announce(result, exitCode, kit) {
    for (const line of textReport(result).trimEnd().split('\n'))
        kit.info(line);
    if (exitCode === errors/* EXIT_CODES */.ai.gateFailed)
        kit.error(`Invicti AppSec gate failed: ${result.summary}`, { title: 'Invicti AppSec' });
    else if (exitCode === errors/* EXIT_CODES */.ai.platform)
        kit.error(`Invicti AppSec could not decide: ${result.summary}`, { title: 'Invicti AppSec' });
    else if (result.status === 'warned' || result.status === 'error' || result.status === 'timeout') {
        kit.warning(`Invicti AppSec: ${result.summary}`, { title: 'Invicti AppSec' });
    }
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

/***/ 3036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ codeHostError),
/* harmony export */   kX: () => (/* binding */ CodeHostError),
/* harmony export */   nj: () => (/* binding */ isPermissionProblem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
/**
 * Errors from a code host (GitHub, GitLab, Bitbucket) while commenting or reporting.
 *
 * The message is built by us from the method, the path and the host's own short message, never from a raw
 * request, so it cannot carry the token; `redact` runs over the host's text anyway as a last line of defence.
 */

const HOST_LABEL = {
    github: 'GitHub',
    gitlab: 'GitLab',
    bitbucket: 'Bitbucket',
};
class CodeHostError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AppError */ .uV {
    host;
    endpoint;
    status;
    hint;
    exitCode = _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_CODES */ .ai.platform;
    kind = 'code-host';
    constructor(host, 
    /** `METHOD /path` of the request, without host or query. */
    endpoint, message, 
    /** HTTP status, when the host answered at all. */
    status, 
    /** What the user can do about it (a permission to grant, a token type to use). */
    hint) {
        super(message);
        this.host = host;
        this.endpoint = endpoint;
        this.status = status;
        this.hint = hint;
        this.name = 'CodeHostError';
    }
}
/** Longest piece of a host's own error text we repeat; enough for "Resource not accessible by integration". */
const MAX_HOST_TEXT = 200;
/** Build a `CodeHostError` from an answer; `secrets` are scrubbed from the host's text. */
function codeHostError(args) {
    const text = args.hostMessage ? oneLine((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(args.hostMessage, args.secrets)) : '';
    const what = args.status === undefined ? 'failed' : `answered ${args.status}`;
    const message = `${HOST_LABEL[args.host]} ${args.endpoint} ${what}${text ? `: ${text}` : ''}`;
    return new CodeHostError(args.host, args.endpoint, message, args.status, args.hint);
}
/**
 * 403 and 404 on a comment route mean "this token may not see or write here": a fork pull request, a read-only
 * token, a token without the comment scope. Commenting is a courtesy, so these are skipped, not failed.
 */
function isPermissionProblem(err) {
    return err instanceof CodeHostError && (err.status === 403 || err.status === 404);
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_HOST_TEXT ? `${flat.slice(0, MAX_HOST_TEXT - 1)}…` : flat;
}


/***/ }),

/***/ 3805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ markerLine),
/* harmony export */   Td: () => (/* binding */ commentKey),
/* harmony export */   rf: () => (/* binding */ isMarkerLine),
/* harmony export */   xY: () => (/* binding */ hasMarker)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/**
 * The hidden marker that lets a run find its own comment again.
 *
 * Versioned and namespaced (`invicti-appsec:v1 id=<key>`), encoded as an HTML comment on GitHub and GitLab and
 * as a markdown link-reference definition on Bitbucket, whose renderer drops raw HTML comments into the text.
 */

const NAMESPACE = 'invicti-appsec:v1';
/** What a key may contain: nothing that can close `-->` or `)` or start a new line. */
const KEY_PATTERN = /^[A-Za-z0-9._~%/,-]{1,256}$/;
const MAX_KEY = 200;
/**
 * A stable key for one project and set of scanners: order and duplicates of scanners do not matter.
 * Every character outside `[A-Za-z0-9._~-]` is percent-encoded, so user text (a project called `x -->`)
 * cannot break out of the comment syntax, and distinct inputs stay distinct.
 */
function commentKey(project, scanners = []) {
    const parts = [...new Set(scanners.map(encodePart))].filter((s) => s !== '').sort();
    const key = parts.length > 0 ? `${encodePart(project)}/${parts.join(',')}` : encodePart(project);
    if (key === '')
        return 'default';
    if (key.length <= MAX_KEY)
        return key;
    // Very long names: keep a readable prefix and a digest of the whole so the key stays unique and bounded.
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16);
    return `${key.slice(0, MAX_KEY - 17)}.${digest}`;
}
/** The marker line for a key. Throws on a key `commentKey` could not have produced. */
function markerLine(markerId, style) {
    if (!KEY_PATTERN.test(markerId)) {
        throw new Error(`invalid comment marker id ${JSON.stringify(markerId.slice(0, 40))}`);
    }
    const text = `${NAMESPACE} id=${markerId}`;
    return style === 'html' ? `<!-- ${text} -->` : `[//]: # (${text})`;
}
/**
 * True when the body carries the marker for this key on a line of its own, in either encoding.
 * A quoted copy (`> <!-- ... -->`) does not count.
 */
function hasMarker(body, markerId) {
    if (!KEY_PATTERN.test(markerId))
        return false;
    const wanted = new Set([markerLine(markerId, 'html'), markerLine(markerId, 'bitbucket')]);
    return body.split('\n').some((line) => wanted.has(line.trim()));
}
/** True for a line that is any of our markers (whatever the key); used to keep markers through truncation. */
function isMarkerLine(line) {
    const t = line.trim();
    return ((t.startsWith(`<!-- ${NAMESPACE} id=`) && t.endsWith(' -->')) ||
        (t.startsWith(`[//]: # (${NAMESPACE} id=`) && t.endsWith(')')));
}
function encodePart(text) {
    let out = '';
    for (const byte of Buffer.from(text.trim(), 'utf8')) {
        const ch = String.fromCharCode(byte);
        out += /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}


/***/ }),

/***/ 8794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ validLine),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   IQ: () => (/* binding */ PRODUCT_URL),
/* harmony export */   KR: () => (/* binding */ PRODUCT_NAME),
/* harmony export */   OI: () => (/* binding */ PRODUCT_ID),
/* harmony export */   Qy: () => (/* binding */ isSastType),
/* harmony export */   VP: () => (/* binding */ totalFindings),
/* harmony export */   Y_: () => (/* binding */ sortedFindings),
/* harmony export */   cu: () => (/* binding */ STATUS_EMOJI),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   m4: () => (/* binding */ clipUtf8),
/* harmony export */   qN: () => (/* binding */ repoPath),
/* harmony export */   sK: () => (/* binding */ capitalise),
/* harmony export */   wI: () => (/* binding */ utf8Length),
/* harmony export */   xj: () => (/* binding */ cweUrl),
/* harmony export */   xp: () => (/* binding */ SEVERITY_EMOJI),
/* harmony export */   yR: () => (/* binding */ slug)
/* harmony export */ });
/* unused harmony exports VENDOR_NAME, severityRank, isDastType, uuidFrom, gitlabTime */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _api_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9190);
/* harmony import */ var _core_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4641);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3318);
/** Small helpers shared by the renderers: ordering, wording, hashing, sizes. */




const PRODUCT_NAME = 'Invicti AppSec';
const PRODUCT_ID = 'invicti-appsec';
const VENDOR_NAME = 'Invicti';
const PRODUCT_URL = 'https://www.invicti.com/';
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const severityRank = (severity) => SEVERITY_RANK[severity] ?? _api_types_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITIES */ .oC.length;
/**
 * Findings on the lines a change touched first (with `changed-only`: what the reviewer is looking at, kept when a
 * host's limit cuts the list), then most severe, then new before existing, then higher CVSS; otherwise the input
 * order is kept.
 */
function compareFindings(a, b) {
    return (Number(b.inChange === true) - Number(a.inChange === true) ||
        severityRank(a.severity) - severityRank(b.severity) ||
        Number(b.isNew) - Number(a.isNew) ||
        (b.cvss ?? -1) - (a.cvss ?? -1));
}
/** All findings of a run, most severe first (a stable sort of a copy). */
function sortedFindings(result) {
    return result.scanners.flatMap((s) => s.findings).sort(compareFindings);
}
const STATUS_EMOJI = {
    passed: '✅',
    failed: '❌',
    warned: '⚠️',
    error: '💥',
    timeout: '⏱️',
    skipped: '⏭️',
};
const SEVERITY_EMOJI = {
    critical: '🔴',
    high: '🟠',
    medium: '🟡',
    low: '🔵',
    info: '⚪',
};
const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);
function cweUrl(cweId) {
    return cweId !== undefined && Number.isSafeInteger(cweId) && cweId > 0
        ? `https://cwe.mitre.org/data/definitions/${cweId}.html`
        : undefined;
}
/** A positive integer line number, or undefined. */
const validLine = (line) => line !== undefined && Number.isSafeInteger(line) && line >= 1 ? line : undefined;
/** Which scanners feed which GitLab security report (by the platform's scanner type). */
const isDastType = (type) => type.toLowerCase() === 'dast';
const isSastType = (type) => type.toLowerCase() === 'sast';
function sha256Hex(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/**
 * A deterministic UUID-shaped id (RFC 9562 version 8, "custom") derived from `text`, so the same finding
 * gets the same id in every report.
 */
function uuidFrom(text) {
    const hex = sha256Hex(text);
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** `yyyy-mm-ddThh:mm:ss` in UTC (GitLab security reports); the epoch when the input is no valid date. */
function gitlabTime(iso) {
    const date = new Date(iso);
    const text = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text) ? text : '1970-01-01T00:00:00';
}
/** UTF-8 size of a string without allocating; never less than its UTF-16 length. */
function utf8Length(text) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            bytes += 1;
        else if (code < 0x800)
            bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                bytes += 4;
                i++;
            }
            else
                bytes += 3;
        }
        else
            bytes += 3;
    }
    return bytes;
}
/** The longest prefix of `text` whose UTF-8 size is at most `maxBytes`, never splitting a surrogate pair. */
function clipUtf8(text, maxBytes) {
    if (utf8Length(text) <= maxBytes)
        return text;
    let bytes = 0;
    let i = 0;
    while (i < text.length) {
        const code = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        i += size === 4 ? 2 : 1;
    }
    return text.slice(0, i);
}
/** A lowercase id fragment for categories and ids: letters, digits, `.`, `_`, `-` only. */
function slug(text) {
    const s = text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 64);
    return s === '' ? 'scanner' : s;
}
/** Total findings the run knows of: the larger of the fetched list and the platform's counts (none when unknown). */
function totalFindings(scanners) {
    let total = 0;
    for (const s of scanners) {
        const counted = s.counts === undefined ? 0 : (0,_core_result_js__WEBPACK_IMPORTED_MODULE_3__/* .countTotal */ .I)(s.counts);
        total += Math.max(counted, s.findings.length);
    }
    return total;
}
/** Longer paths are garbage rather than files (PATH_MAX is 4096 bytes); cut so reports stay bounded. */
const MAX_PATH = 1024;
/** A repository-relative path as reports want it: clean text, `/` separators, no leading `./` or `/`. */
function repoPath(path) {
    if (path === undefined)
        return '';
    const relative = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanText */ .X5)(path).trim().replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(relative, MAX_PATH);
}


/***/ }),

/***/ 1359:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _4: () => (/* binding */ GITHUB_COMMENT_LIMIT),
  Bi: () => (/* binding */ GITHUB_SUMMARY_LIMIT),
  Gc: () => (/* binding */ renderMarkdown)
});

// UNUSED EXPORTS: BITBUCKET_COMMENT_LIMIT, DEFAULT_MAX_FINDINGS, GITLAB_NOTE_LIMIT, MARKDOWN_LIMITS

// EXTERNAL MODULE: ./build/shared/platforms/marker.js
var marker = __webpack_require__(3805);
// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(3318);
// EXTERNAL MODULE: ./build/shared/render/format.js
var format = __webpack_require__(8794);
// EXTERNAL MODULE: ./build/shared/api/types.js
var types = __webpack_require__(9190);
// EXTERNAL MODULE: ./build/shared/core/result.js
var core_result = __webpack_require__(4641);
;// CONCATENATED MODULE: ./build/shared/render/markdown-sections.js
/**
 * The sections of the markdown report, each a list of lines. Every scanner-provided string passes through
 * `text()` (clean, cut, escape) and every link through `markdownLink` (http(s) only).
 */




function sectionContext(flavour, compact, fullReportUrl, codeHost) {
    const host = flavour === 'summary' ? codeHost : flavour;
    return {
        flavour,
        ...(host === undefined ? {} : { codeHost: host }),
        dialect: flavour === 'bitbucket' ? 'bitbucket' : 'commonmark',
        html: flavour !== 'bitbucket',
        compact,
        ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
    };
}
/** Untrusted text as inert inline markdown, cut to a length that depends on the pass. */
function markdown_sections_text(ctx, value, normal, compact = Math.min(normal, 80)) {
    return (0,render_escape/* escapeMarkdown */.FV)((0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(value), ctx.compact ? compact : normal), ctx.dialect);
}
const num = (n) => (n !== undefined && Number.isFinite(n) ? String(n) : '—');
function riskCell(s) {
    if (s.riskScore === undefined || !Number.isFinite(s.riskScore))
        return '—';
    if (s.previousRiskScore === undefined || !Number.isFinite(s.previousRiskScore))
        return num(s.riskScore);
    const delta = Math.round((s.riskScore - s.previousRiskScore) * 100) / 100;
    const change = delta > 0 ? `▲ +${delta}` : delta < 0 ? `▼ ${delta}` : '±0';
    return `${num(s.riskScore)} (${change})`;
}
const statusText = (status) => `${format/* STATUS_EMOJI */.cu[status] ?? ''} ${status}`;
/** Each host's own notation: GitLab's "Merge request !12", GitHub's and Bitbucket's "Pull request #12". */
function changeRequest(ctx, number) {
    switch (ctx.codeHost) {
        case 'gitlab':
            return `**Merge request** !${number}`;
        case 'github':
        case 'bitbucket':
            return `**Pull request** #${number}`;
        case undefined:
            return `**Pull/merge request:** ${number}`;
    }
}
function headerLines(result, ctx) {
    const project = (0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, result.project.name, 200), result.project.link);
    const branch = markdown_sections_text(ctx, result.branch, 200);
    const target = result.targetBranch === undefined ? '' : ` → ${markdown_sections_text(ctx, result.targetBranch, 200)}`;
    const pr = result.pullRequest === undefined ? '' : ` · ${changeRequest(ctx, markdown_sections_text(ctx, result.pullRequest, 50))}`;
    const lines = [
        `## ${format/* STATUS_EMOJI */.cu[result.status] ?? ''} ${format/* PRODUCT_NAME */.KR}: ${result.status}`,
        '',
        `**Project:** ${project} · **Branch:** ${branch}${target}${pr}`,
    ];
    if (result.summary.trim() !== '')
        lines.push('', markdown_sections_text(ctx, result.summary, 1000, 300));
    const modes = [];
    if (result.warnOnly)
        modes.push('Warn-only mode: findings are reported but do not fail the build.');
    if (result.newFindingsOnly)
        modes.push('The gate counts new findings only.');
    const scope = result.changedOnly;
    if (scope?.applied) {
        const where = scope.mode === 'lines' ? 'on the lines this change touched (✏️)' : 'in the files this change touched (✏️)';
        modes.push(`The gate counts findings ${where}, and findings without a file location as usual; diff from the ${scope.detail}.`);
    }
    else if (scope) {
        modes.push(`changed-only ${scope.mode} was not applied (${scope.detail}): the gate counts all findings.`);
    }
    if (modes.length > 0)
        lines.push('', `_${modes.join(' ')}_`);
    return lines;
}
const SCANNER_HEADER = [
    '| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
function scannerLines(result, ctx) {
    if (result.scanners.length === 0)
        return ['### Scanners', '', '_No scanner ran._'];
    const cap = ctx.compact ? 50 : Infinity;
    const rows = result.scanners.slice(0, cap).map((s) => {
        const name = (0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, s.scanner, 100, 40), s.links.scan ?? s.links.event);
        const counts = types/* SEVERITIES */.oC.map((sev) => num(s.counts?.[sev]));
        const newTotal = s.newCounts === undefined ? undefined : (0,core_result/* countTotal */.I)(s.newCounts);
        return `| ${name} | ${markdown_sections_text(ctx, s.scannerType, 30)} | ${statusText(s.status)} | ${counts.join(' | ')} | ${num(newTotal)} | ${riskCell(s)} |`;
    });
    const lines = ['### Scanners', '', ...SCANNER_HEADER, ...rows];
    const hidden = result.scanners.length - rows.length;
    if (hidden > 0)
        lines.push('', `_… and ${hidden} more scanners._`);
    // A dash is not a zero: say so once, so that nobody reads a scanner without a finished scan as clean.
    if (result.scanners.some((s) => s.counts === undefined))
        lines.push('', '_— not known: no finished scan to count._');
    const fixed = result.scanners.flatMap((s) => (s.fixedCounts === undefined ? [] : [{ s, c: s.fixedCounts }]));
    if (fixed.length > 0) {
        const each = fixed.map(({ s, c }) => {
            const bySeverity = types/* SEVERITIES */.oC.filter((sev) => c[sev] > 0).map((sev) => `${c[sev]} ${sev}`);
            return `**${markdown_sections_text(ctx, s.scanner, 100, 40)}** ${bySeverity.length > 0 ? bySeverity.join(', ') : 'none'}`;
        });
        lines.push('', `Fixed by this change: ${each.join(' · ')}`);
    }
    const chosen = result.scanners.slice(0, cap).filter((s) => s.chosenBecause !== undefined);
    if (chosen.length > 0) {
        const why = chosen.map((s) => `**${markdown_sections_text(ctx, s.scanner, 100, 40)}**: ${markdown_sections_text(ctx, s.chosenBecause ?? '', 200, 80)}`);
        lines.push('', `Chosen by scanner type: ${why.join(' · ')}`);
    }
    const notes = result.scanners.slice(0, cap).filter((s) => s.note !== undefined);
    if (notes.length > 0)
        lines.push('', ...notes.map((s) => `- ℹ️ **${markdown_sections_text(ctx, s.scanner, 100, 40)}**: ${markdown_sections_text(ctx, s.note ?? '', 500, 200)}`));
    return lines;
}
const OUTCOME_EMOJI = { fail: '❌', warn: '⚠️', pass: '✅' };
const OUTCOME_ORDER = { fail: 0, warn: 1, pass: 2 };
function reasonLine(ctx, scanner, reason) {
    return `- ${OUTCOME_EMOJI[reason.outcome] ?? ''} **${markdown_sections_text(ctx, scanner, 100, 40)}** · ${reason.rule}: ${markdown_sections_text(ctx, reason.message, 500, 160)}`;
}
function gateLines(result, ctx) {
    const items = [];
    for (const s of result.scanners) {
        for (const reason of s.reasons)
            items.push({ scanner: s.scanner, reason });
        const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
        if (s.error !== undefined && !explained) {
            const rule = s.status === 'timeout' ? 'timeout' : 'error';
            items.push({ scanner: s.scanner, reason: { rule, outcome: 'fail', message: s.error } });
        }
    }
    if (items.length === 0)
        return [];
    items.sort((a, b) => (OUTCOME_ORDER[a.reason.outcome] ?? 3) - (OUTCOME_ORDER[b.reason.outcome] ?? 3));
    const open = items.filter((i) => i.reason.outcome !== 'pass');
    const passing = items.filter((i) => i.reason.outcome === 'pass');
    const lines = ['### Gate', ''];
    const shown = ctx.compact ? open.slice(0, 20) : open;
    lines.push(...shown.map((i) => reasonLine(ctx, i.scanner, i.reason)));
    if (shown.length < open.length)
        lines.push(`- _… and ${open.length - shown.length} more._`);
    if (ctx.compact || passing.length === 0) {
        if (passing.length > 0)
            lines.push(`- ✅ ${passing.length} rules passed.`);
        return lines;
    }
    const passLines = passing.map((i) => reasonLine(ctx, i.scanner, i.reason));
    if (!ctx.html)
        return [...lines, ...passLines];
    // Passing rules are detail: folded away where the platform renders HTML.
    const summary = (0,render_escape/* escapeHtml */.ZD)(`${passing.length} passing ${passing.length === 1 ? 'rule' : 'rules'}`);
    return [...lines, '', `<details><summary>${summary}</summary>`, '', ...passLines, '', '</details>'];
}
const RELEASE_EMOJI = { success: '✅', fail: '❌' };
const releaseWord = (status) => status === '' || status === 'undefined' ? '— no release criteria set' : `${RELEASE_EMOJI[status] ?? ''} ${status}`.trim();
function releaseLines(result, ctx) {
    // Release criteria belong to the project and branch, so scanners share them; only which failing types count
    // differs (each scanner gates on its own types by default). Show each distinct set of statuses once, with the
    // types that were evaluated and which scanners they gate.
    const distinct = new Map();
    for (const s of result.scanners) {
        if (s.release === undefined)
            continue;
        const key = JSON.stringify([s.release.status, s.release.types]);
        const entry = distinct.get(key) ?? { release: s.release, gatedBy: new Map() };
        for (const type of s.release.failingTypes)
            entry.gatedBy.set(type, [...(entry.gatedBy.get(type) ?? []), s.scanner]);
        distinct.set(key, entry);
    }
    if (distinct.size === 0)
        return [];
    const lines = ['### Release criteria'];
    for (const { release, gatedBy } of distinct.values()) {
        lines.push('', `Overall: ${markdown_sections_text(ctx, releaseWord(release.status), 60)}`);
        const types = Object.entries(release.types)
            .filter(([, status]) => status !== '' && status !== 'undefined')
            .slice(0, ctx.compact ? 20 : 100);
        if (types.length === 0)
            continue;
        lines.push('', '| Type | Status | Fails the gate of |', '| --- | --- | --- |');
        for (const [type, status] of types) {
            const gated = gatedBy.get(type)?.join(', ') ?? '—';
            lines.push(`| ${markdown_sections_text(ctx, type, 30)} | ${markdown_sections_text(ctx, releaseWord(status), 60)} | ${markdown_sections_text(ctx, gated, 200, 60)} |`);
        }
    }
    return lines;
}
function locationText(f) {
    if (f.path !== undefined && f.path !== '') {
        const line = (0,format/* validLine */.$c)(f.line);
        return line === undefined ? f.path : `${f.path}:${line}`;
    }
    if (f.url !== undefined && f.url !== '') {
        const method = f.method === undefined || f.method === '' ? '' : `${f.method} `;
        const param = f.parameter === undefined || f.parameter === '' ? '' : ` (${f.parameter})`;
        return `${method}${f.url}${param}`;
    }
    return '';
}
function findingRow(f, ctx) {
    const severity = `${format/* SEVERITY_EMOJI */.xp[f.severity] ?? ''} ${(0,format/* capitalise */.sK)(f.severity)}`;
    const name = `${f.inChange ? '✏️ ' : ''}${f.isNew ? '🆕 ' : ''}${(0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, f.name, 200), f.link)}`;
    const location = locationText(f);
    const where = location === '' ? '—' : markdown_sections_text(ctx, location, 200);
    const cwe = (0,format/* cweUrl */.xj)(f.cweId);
    const cweCell = cwe === undefined ? '—' : (0,render_escape/* markdownLink */.iQ)(`CWE\\-${f.cweId}`, cwe);
    return `| ${severity} | ${name} | ${where} | ${cweCell} | ${markdown_sections_text(ctx, f.scanner, 60, 30)} |`;
}
/** The findings section with the first `rows.length` rows; empty when there are none to show. */
function findingsLines(rows, total, ctx) {
    if (rows.length === 0)
        return [];
    const note = rows.length < total
        ? [`_Showing the ${rows.length} most severe of ${total} findings._ ${(0,render_escape/* markdownLink */.iQ)('Full report', ctx.fullReportUrl)}`.trim()]
        : [];
    const table = ['| Severity | Finding | Location | CWE | Scanner |', '| --- | --- | --- | --- | --- |', ...rows];
    if (!ctx.html)
        return ['### Top findings', '', ...table, ...(note.length > 0 ? ['', ...note] : [])];
    return [
        '<details open><summary><b>Top findings</b></summary>',
        '',
        ...table,
        ...(note.length > 0 ? ['', ...note] : []),
        '',
        '</details>',
    ];
}
function footerLines(result, ctx, jobUrl) {
    const links = [];
    const project = (0,render_escape/* safeHttpUrl */.vH)(result.project.link);
    if (project !== undefined)
        links.push((0,render_escape/* markdownLink */.iQ)(`Open the project in ${format/* PRODUCT_NAME */.KR}`, project));
    const report = (0,render_escape/* safeHttpUrl */.vH)(result.reportUrl);
    if (report !== undefined && report !== project)
        links.push((0,render_escape/* markdownLink */.iQ)('Full report', report));
    const job = (0,render_escape/* safeHttpUrl */.vH)(jobUrl);
    if (job !== undefined)
        links.push((0,render_escape/* markdownLink */.iQ)('CI job', job));
    const version = `${format/* PRODUCT_NAME */.KR} CI ${markdown_sections_text(ctx, result.toolVersion, 40)}`;
    return [...(links.length > 0 ? [links.join(' · '), ''] : []), ctx.html ? `<sub>${version}</sub>` : `_${version}_`];
}
function shortenedNotice(ctx) {
    const link = (0,render_escape/* markdownLink */.iQ)('See the full report', ctx.fullReportUrl);
    const where = ctx.fullReportUrl === undefined ? 'See the CI job log for the full report.' : `${link}.`;
    return `> ⚠️ This report was shortened to fit the size limit. ${where}`;
}

;// CONCATENATED MODULE: ./build/shared/render/markdown.js




/** GitHub issue/PR comment body. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** GitHub step summary (`GITHUB_STEP_SUMMARY`), 1 MiB. */
const GITHUB_SUMMARY_LIMIT = 1_048_576;
/** GitLab note body. */
const GITLAB_NOTE_LIMIT = 1_000_000;
/** Bitbucket pull-request comment (kept conservative). */
const BITBUCKET_COMMENT_LIMIT = 32_768;
const MARKDOWN_LIMITS = {
    github: GITHUB_COMMENT_LIMIT,
    summary: GITHUB_SUMMARY_LIMIT,
    gitlab: GITLAB_NOTE_LIMIT,
    bitbucket: BITBUCKET_COMMENT_LIMIT,
};
const DEFAULT_MAX_FINDINGS = 25;
function buildParts(result, options, compact, top, budget) {
    const fullReportUrl = [options.jobUrl, result.reportUrl, result.project.link].map(render_escape/* safeHttpUrl */.vH).find((u) => u !== undefined);
    const ctx = sectionContext(options.flavour, compact, fullReportUrl, options.codeHost);
    const head = [
        ...(options.marker === undefined ? [] : [(0,marker/* markerLine */.B_)(options.marker, options.flavour === 'bitbucket' ? 'bitbucket' : 'html')]),
        ...headerLines(result, ctx),
    ];
    const body = [];
    for (const section of [scannerLines(result, ctx), gateLines(result, ctx), releaseLines(result, ctx)]) {
        if (section.length > 0)
            body.push('', ...section);
    }
    return { ctx, head, body, footer: footerLines(result, ctx, options.jobUrl), rows: findingRows(top, ctx, budget) };
}
/** Rows for the top findings, stopping once they alone exceed the budget (more could never fit). */
function findingRows(top, ctx, budget) {
    const rows = [];
    let bytes = 0;
    for (const f of top) {
        const row = findingRow(f, ctx);
        bytes += (0,format/* utf8Length */.wI)(row) + 1;
        if (bytes > budget)
            break;
        rows.push(row);
    }
    return rows;
}
function assemble(parts, rowCount, total, notice) {
    const findings = findingsLines(parts.rows.slice(0, rowCount), total, parts.ctx);
    const lines = [...parts.head, ...parts.body];
    if (findings.length > 0)
        lines.push('', ...findings);
    if (notice)
        lines.push('', shortenedNotice(parts.ctx));
    lines.push('', ...parts.footer);
    return `${lines.join('\n')}\n`;
}
/** The most rows that fit with the notice, or -1 when not even the report without rows fits. */
function mostRowsThatFit(parts, total, budget) {
    if ((0,format/* utf8Length */.wI)(assemble(parts, 0, total, true)) > budget)
        return -1;
    let low = 0;
    let high = parts.rows.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if ((0,format/* utf8Length */.wI)(assemble(parts, mid, total, true)) <= budget)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
/** Last resort: keep whole leading lines (the marker and status come first) and add the notice. */
function hardCut(parts, total, budget) {
    const notice = `\n${shortenedNotice(parts.ctx)}\n`;
    const full = assemble(parts, 0, total, false);
    const room = budget - (0,format/* utf8Length */.wI)(notice);
    if (room <= 0)
        return (0,format/* clipUtf8 */.m4)(notice.trimStart(), budget);
    // Whole lines only, and no heading left dangling without its content.
    const lines = (0,format/* clipUtf8 */.m4)(full, room).split('\n').slice(0, -1);
    while (lines.length > 0 && /^(#|\s*$)/.test(lines[lines.length - 1] ?? ''))
        lines.pop();
    const kept = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    return (0,format/* clipUtf8 */.m4)(`${kept}${notice}`, budget);
}
function renderMarkdown(result, options) {
    const budget = Math.max(0, Math.floor(options.maxChars ?? MARKDOWN_LIMITS[options.flavour]));
    const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? DEFAULT_MAX_FINDINGS));
    const total = (0,format/* totalFindings */.VP)(result.scanners);
    const top = maxFindings === 0 ? [] : (0,format/* sortedFindings */.Y_)(result).slice(0, maxFindings);
    const full = buildParts(result, options, false, top, budget);
    if (full.rows.length === top.length) {
        const complete = assemble(full, full.rows.length, total, false);
        if ((0,format/* utf8Length */.wI)(complete) <= budget)
            return complete;
    }
    const rows = mostRowsThatFit(full, total, budget);
    if (rows >= 0)
        return assemble(full, rows, total, true);
    const compact = buildParts(result, options, true, top, budget);
    const compactRows = mostRowsThatFit(compact, total, budget);
    if (compactRows >= 0)
        return assemble(compact, compactRows, total, true);
    return hardCut(compact, total, budget);
}


/***/ })

};
