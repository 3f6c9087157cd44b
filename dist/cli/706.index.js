export const id = 706;
export const ids = [706];
export const modules = {

/***/ 706:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMAND_INFO: () => (/* binding */ COMMAND_INFO),
/* harmony export */   helpText: () => (/* binding */ helpText)
/* harmony export */ });
/* harmony import */ var _core_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(768);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(308);
/* harmony import */ var _program_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(433);
/**
 * `--help` text for each command, generated from the option registry so it cannot drift from the flags.
 */



const named = (...names) => (o) => names.includes(o.name);
const inGroups = (...groups) => (o) => groups.includes(o.group);
const either = (...tests) => (o) => tests.some((t) => t(o));
const COMMAND_INFO = {
    scan: {
        summary: 'Start a scan (or import a result file, or scan a container image), wait for it and gate on the findings.',
        uses: (o) => o.name !== 'event-id',
    },
    release: {
        summary: "Gate on the project's release criteria for a branch, without scanning.",
        uses: either(inGroups('connection', 'output', 'code-host'), named('project', 'branch', 'target-branch', 'pr-number', 'scanner', 'scanner-type', 'release-criteria', 'warn-only', 'on-error', 'on-timeout', 'timeout')),
    },
    wait: {
        summary: 'Wait for scans an async run started (by event ID) and gate on their findings.',
        uses: either(inGroups('connection', 'gate', 'output', 'code-host'), named('event-id', 'project', 'branch', 'target-branch', 'pr-number')),
    },
    ping: { summary: 'Check the connection and the token.', uses: inGroups('connection') },
    projects: {
        summary: 'List projects (filter with --project).',
        uses: either(inGroups('connection'), named('project')),
        meaning: { project: 'List only the project with this ID and the projects whose name contains this text (case-insensitive).' },
    },
    scanners: {
        summary: 'List active scanners (filter with --scanner or --scanner-type).',
        uses: either(inGroups('connection'), named('scanner', 'scanner-type')),
        meaning: {
            scanner: 'List only these scanner slugs, comma-separated (such as codethreat,semgrep).',
            'scanner-type': 'List only scanners of these types, comma-separated (such as sast or sast,dast).',
        },
    },
    kdt: { summary: 'Run a kdt command line unchanged (kdt scan -p app -t semgrep -b main) and print its native equivalent.', uses: () => false },
    help: { summary: 'Show help for a command: help <command>.', uses: () => false },
    version: { summary: 'Print the version.', uses: () => false },
};
const GROUP_TITLES = {
    connection: 'Connection',
    target: 'What to scan',
    gate: 'Gate',
    output: 'Output',
    'code-host': 'Pull/merge request comment',
    'project-creation': 'Project creation',
};
function valueHint(option) {
    switch (option.type) {
        case 'boolean':
            return '';
        case 'enum':
            return ` <${(option.values ?? []).join('|')}>`;
        case 'integer':
            return ' <n>';
        case 'duration':
            return ' <duration>';
        case 'list':
            return ' <a,b>';
        case 'path':
            return ' <file>';
        case 'url':
            return ' <url>';
        case 'string':
            return ' <text>';
    }
}
function flagColumn(option) {
    const short = option.short ? `-${option.short}, ` : '    ';
    return `${short}--${option.name}${valueHint(option)}`;
}
function details(option, info) {
    const filter = info.meaning?.[option.name];
    if (filter !== undefined)
        return `${filter} [env ${option.env}]`;
    const notes = [`env ${option.env}`];
    if (option.required)
        notes.push('required');
    else if (option.default !== undefined)
        notes.push(`default ${option.default}`);
    else if (option.contextDefault !== undefined)
        notes.push(`default: ${option.contextDefault}`);
    return `${(0,_core_options_js__WEBPACK_IMPORTED_MODULE_0__/* .describeOption */ .ti)(option, 'cli')} [${notes.join('; ')}]`;
}
/** Two columns, the second starting where the widest first one ends. */
function columns(rows, width = Math.min(40, Math.max(0, ...rows.map(([left]) => left.length)) + 2)) {
    return rows.map(([left, right]) => (left.length + 2 > width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`));
}
const EXIT_CODES_TEXT = 'Exit codes: 0 passed (or warned), 1 gate failed, 2 configuration error, 3 platform error or timeout.';
function overview() {
    const rows = _args_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMANDS */ .Lo.map((c) => [c, COMMAND_INFO[c].summary]);
    return [
        `Usage: ${_program_js__WEBPACK_IMPORTED_MODULE_2__/* .PROGRAM */ .R} <command> [options]`,
        '',
        'Invicti AppSec (ASPM) scans and merge gates from any CI or terminal.',
        '',
        'Commands:',
        ...columns(rows),
        '',
        `Run ${_program_js__WEBPACK_IMPORTED_MODULE_2__/* .PROGRAM */ .R} help <command> (or <command> --help) for its options.`,
        'Every option can also be set by its environment variable; a flag wins over the environment.',
        EXIT_CODES_TEXT,
    ].join('\n');
}
function kdtHelp() {
    return [
        `Usage: ${_program_js__WEBPACK_IMPORTED_MODULE_2__/* .PROGRAM */ .R} kdt <kdt command line>`,
        '',
        COMMAND_INFO.kdt.summary,
        '',
        'kdt commands: scan, release, ping, list projects, list scanners, version.',
        "Flags keep kdt's meanings (--timeout in minutes, -t the scanner, -M the merge target); a kdt flag that is",
        'not supported yet is an error naming it. The run itself is ours: our output, reports and exit codes.',
        'Every flag and its native spelling: docs/migrating-from-kdt.md.',
        EXIT_CODES_TEXT,
    ].join('\n');
}
/** The help text of one command (`help` and `version` give the overview). */
function helpText(command) {
    if (command === 'help' || command === 'version')
        return overview();
    if (command === 'kdt')
        return kdtHelp();
    const info = COMMAND_INFO[command];
    const lines = [`Usage: ${_program_js__WEBPACK_IMPORTED_MODULE_2__/* .PROGRAM */ .R} ${command} [options]`, '', info.summary];
    const sections = _core_options_js__WEBPACK_IMPORTED_MODULE_0__/* .OPTION_GROUPS */ .Fg.map((group) => {
        const used = _core_options_js__WEBPACK_IMPORTED_MODULE_0__/* .OPTIONS */ .lw.filter((o) => o.group === group && info.uses(o));
        const rows = [
            ...used.filter((o) => o.cli === 'flag').map((o) => [flagColumn(o), details(o, info)]),
            ...used.filter((o) => o.cli === 'env').map((o) => [`    ${o.env}`, `${(0,_core_options_js__WEBPACK_IMPORTED_MODULE_0__/* .describeOption */ .ti)(o, 'cli')} (environment only)`]),
        ];
        // A list command's filters are not "what to scan".
        const title = used.length > 0 && used.every((o) => info.meaning?.[o.name] !== undefined) ? 'Filters' : GROUP_TITLES[group];
        return { title, rows };
    });
    // One column width for the whole page; very long left cells (enum lists) wrap instead of widening it.
    const width = Math.min(40, Math.max(0, ...sections.flatMap((s) => s.rows.map(([left]) => left.length))) + 2);
    for (const { title, rows } of sections) {
        if (rows.length > 0)
            lines.push('', `${title}:`, ...columns(rows, width));
    }
    if (info.uses((0,_core_options_js__WEBPACK_IMPORTED_MODULE_0__/* .getOption */ .om)('token'))) {
        lines.push('', 'Prefer INVICTI_ASPM_TOKEN to --token: command lines end up in shell history and process lists.');
    }
    lines.push('Booleans: --name turns an option on, --no-name off. Values: --name value or --name=value.', EXIT_CODES_TEXT);
    return lines.join('\n');
}


/***/ })

};
