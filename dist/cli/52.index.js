export const id = 52;
export const ids = [52];
export const modules = {

/***/ 52:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   shellWord: () => (/* binding */ shellWord),
/* harmony export */   translateKdt: () => (/* binding */ translateKdt)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(208);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(308);
/* harmony import */ var _core_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(768);
/* harmony import */ var _core_suggest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(872);
/* harmony import */ var _core_object_id_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(905);
/* harmony import */ var _kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(250);
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
const GLOBAL_VALUE_FLAGS = new Set(_kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .KDT_FLAGS */ .Sz.filter((f) => f.commands === 'global' && f.value).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
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
        if (_kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .KDT_COMMANDS */ .pm.includes(token))
            return { command: token, rest };
        const best = (0,_core_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .kp)(token, ['scan', 'release', 'ping', 'list', 'version']);
        problems.add('command', `kdt ${token} is not supported${best ? ` (did you mean kdt ${best}?)` : ''}: the kdt commands here are scan, release, ping, list projects, list scanners and version.`);
        return { rest };
    }
    problems.add('command', 'name a kdt command, such as: invicti-appsec kdt scan -p <project> -t <scanner> -b <branch>.');
    return { rest: [] };
}
/** The flag a token names for `command`: by long name (`project`) or short letter (`p`). */
function lookup(name, isShort, command) {
    return _kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .KDT_FLAGS */ .Sz.find((f) => (0,_kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .kdtFlagApplies */ .eG)(f, command) && (isShort ? f.short === name : f.long === name));
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
    const problems = new _args_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandLineProblems */ .mS('in the kdt command line', 'See docs/migrating-from-kdt.md for every kdt flag and its native spelling.');
    const { command, rest } = findCommand(argv, problems);
    if (command === undefined) {
        problems.throwIfAny();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('command', 'name a kdt command.');
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
                if (!(0,_core_object_id_js__WEBPACK_IMPORTED_MODULE_5__/* .isObjectId */ .T)(value))
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
            const elsewhere = _kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .KDT_FLAGS */ .Sz.find((f) => (isShort ? f.short === name : f.long === name));
            const candidates = _kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .KDT_FLAGS */ .Sz.filter((f) => (0,_kdt_flags_js__WEBPACK_IMPORTED_MODULE_3__/* .kdtFlagApplies */ .eG)(f, command)).map((f) => f.long);
            const best = isShort ? undefined : (0,_core_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .kp)(name, candidates);
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
    for (const option of _core_options_js__WEBPACK_IMPORTED_MODULE_2__/* .OPTIONS */ .lw) {
        const value = raw.get(option.name);
        if (value === undefined)
            continue;
        if ((0,_core_options_js__WEBPACK_IMPORTED_MODULE_2__/* .getOption */ .om)(option.name).type === 'boolean')
            out.push(value === 'true' ? `--${option.name}` : `--no-${option.name}`);
        else
            out.push(`--${option.name}`, value);
    }
    return { command, argv: out, ...(scanId ? { scanId } : {}) };
}


/***/ })

};
