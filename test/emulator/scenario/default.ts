/**
 * The scenario used when none is given: one project, four scanners, baselines on `main`, realistic findings.
 * demo-app uses two SAST scanners (codethreat scanned on main, semgrep configured there), one DAST and no CS.
 */
import type { Scenario, ScenarioFinding } from './schema.js';

const DEMO_HOST = 'https://demo-app.example.test';

/** codethreat's findings on main (and, with additions, on other branches). */
const CODETHREAT_MAIN: ScenarioFinding[] = [
  { name: 'SQL Injection', severity: 'critical', cwe: 89, cweName: "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')", path: 'src/db/users.ts', line: 42, cvss: 9.8, language: 'typescript' },
  { name: 'Cross-Site Scripting (Reflected)', severity: 'high', cwe: 79, cweName: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')", path: 'src/web/render.ts', line: 88, cvss: 7.4, language: 'typescript' },
  { name: 'Path Traversal', severity: 'high', cwe: 22, cweName: "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')", path: 'src/files/download.ts', line: 17, cvss: 7.5, language: 'typescript' },
  { name: 'Use of Weak Hash (MD5)', severity: 'medium', cwe: 328, cweName: 'Use of Weak Hash', path: 'src/auth/password.ts', line: 23, cvss: 5.9, language: 'typescript' },
  { name: 'Open Redirect', severity: 'medium', cwe: 601, cweName: "URL Redirection to Untrusted Site ('Open Redirect')", path: 'src/web/redirect.ts', line: 12, cvss: 6.1, language: 'typescript' },
  { name: 'Insecure Randomness', severity: 'medium', cwe: 330, cweName: 'Use of Insufficiently Random Values', path: 'src/auth/token.ts', line: 9, cvss: 5.3, language: 'typescript' },
  { name: 'Error Message Information Exposure', severity: 'low', cwe: 209, cweName: 'Generation of Error Message Containing Sensitive Information', path: 'src/web/errors.ts', line: 31, cvss: 3.7, language: 'typescript' },
  { name: 'Cookie Without Secure Flag', severity: 'low', cwe: 614, cweName: "Sensitive Cookie in HTTPS Session Without 'Secure' Attribute", path: 'src/web/session.ts', line: 55, cvss: 3.1, language: 'typescript' },
  { name: 'Debug Logging Enabled', severity: 'info', cwe: 489, cweName: 'Active Debug Code', path: 'src/config/logger.ts', line: 5, language: 'typescript' },
];

export const defaultScenario: Scenario = {
  description: 'demo-app with codethreat (sast, bound: rescan-only), saltsecurity (dast, bound: rescan-only), semgrep (sast, import) and trivy (cs, import)',
  projects: [
    {
      name: 'demo-app',
      defaultBranch: 'main',
      labels: ['demo', 'web'],
      team: 'appsec',
      repoUrl: 'https://github.com/example-org/demo-app',
      almTool: 'github',
      release: { rules: { sast: { failWhen: { critical: 0 } }, dast: { failWhen: { critical: 0 } } }, inProgressPolls: 0 },
    },
  ],
  /** Teams and labels a new project may name (unknown ones are refused, as `unknownTeamsLabels: refuse`). */
  teams: ['payments'],
  labels: ['api', 'pci'],
  products: [{ name: 'storefront', projects: ['demo-app'] }],
  agents: [{ label: 'default-agent', url: 'https://agent.example.test' }],
  scanners: [
    {
      slug: 'codethreat',
      displayName: 'CodeThreat',
      type: 'sast',
      // The seeds: "Bind to … Required: Yes". Scans are bound to an integration set up on the platform.
      labels: ['kdt', 'bind'],
      durationMs: 3000,
      findings: {
        default: CODETHREAT_MAIN,
        branches: [
          { branch: 'main', add: [] },
          // A branch that fixes main's SQL injection (and adds nothing): "fixed by this change" on its pull request.
          { branch: 'fix/*', replace: CODETHREAT_MAIN.filter((f) => f.name !== 'SQL Injection') },
          {
            branch: '*',
            add: [
              { name: 'OS Command Injection', severity: 'critical', cwe: 78, cweName: "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')", path: 'src/jobs/convert.ts', line: 27, cvss: 9.8, language: 'typescript' },
              { name: 'Prototype Pollution', severity: 'medium', cwe: 1321, cweName: "Improperly Controlled Modification of Object Prototype Attributes ('Prototype Pollution')", path: 'src/utils/merge.ts', line: 14, cvss: 5.6, language: 'typescript' },
            ],
          },
        ],
      },
    },
    {
      slug: 'saltsecurity',
      displayName: 'Salt Security',
      type: 'dast',
      labels: ['kdt', 'bind'],
      durationMs: 3000,
      findings: {
        default: [
          { name: 'Broken Object Level Authorization (BOLA)', severity: 'high', cwe: 639, cweName: 'Authorization Bypass Through User-Controlled Key', path: `${DEMO_HOST}/api/v1/users/{id}`, method: 'GET', parameter: 'id', cvss: 8.1 },
          { name: 'JWT Signature Not Verified', severity: 'high', cwe: 347, cweName: 'Improper Verification of Cryptographic Signature', path: `${DEMO_HOST}/api/v1/login`, method: 'POST', parameter: 'Authorization', cvss: 7.7 },
          { name: 'Excessive Data Exposure', severity: 'medium', cwe: 213, cweName: 'Exposure of Sensitive Information Due to Incompatible Policies', path: `${DEMO_HOST}/api/v1/orders`, method: 'GET', parameter: 'fields', cvss: 5.3 },
          { name: 'Missing Rate Limiting', severity: 'medium', cwe: 770, cweName: 'Allocation of Resources Without Limits or Throttling', path: `${DEMO_HOST}/api/v1/password/reset`, method: 'POST', parameter: 'email', cvss: 5.0 },
          { name: 'Verbose Server Header', severity: 'low', cwe: 200, cweName: 'Exposure of Sensitive Information to an Unauthorized Actor', path: `${DEMO_HOST}/api/v1/health`, method: 'GET', parameter: 'Server', cvss: 2.6 },
        ],
        branches: [
          { branch: 'main', add: [] },
          {
            branch: '*',
            add: [
              { name: 'Mass Assignment', severity: 'high', cwe: 915, cweName: 'Improperly Controlled Modification of Dynamically-Determined Object Attributes', path: `${DEMO_HOST}/api/v1/users/{id}`, method: 'PATCH', parameter: 'role', cvss: 7.1 },
            ],
          },
        ],
      },
    },
    {
      slug: 'semgrep',
      displayName: 'Semgrep',
      type: 'sast',
      labels: ['kdt', 'import'],
      customType: 1,
      params: {
        ruleset_type: { description: 'Ruleset type', default_value: '', optional: true, type: 'int' },
        'ruleset_options.config': { description: 'Semgrep config', default_value: '', optional: true, type: 'string' },
      },
      importFormats: ['semgrep', 'sarif'],
      durationMs: 3000,
      findings: {
        default: [
          { name: 'javascript.express.security.audit.xss.direct-response-write', severity: 'high', cwe: 79, cweName: 'Cross-site Scripting', path: 'src/web/render.ts', line: 90, language: 'typescript' },
          { name: 'javascript.lang.security.audit.detect-non-literal-regexp', severity: 'medium', cwe: 1333, cweName: 'Inefficient Regular Expression Complexity', path: 'src/utils/search.ts', line: 8, language: 'typescript' },
        ],
      },
    },
    {
      slug: 'trivy',
      displayName: 'Trivy',
      type: 'cs',
      labels: ['kdt', 'import', 'docker'],
      params: {
        'registry.username': { description: 'Registry user', default_value: '', optional: true, type: 'string' },
        'registry.password': { description: 'Registry password', default_value: '', optional: true, type: 'string' },
      },
      // Trivy writes SARIF with --format sarif; its own JSON is not a format this emulator reads.
      importFormats: ['sarif'],
      durationMs: 3000,
      findings: {
        default: [
          { name: 'CVE-2023-44487 nghttp2: HTTP/2 Rapid Reset', severity: 'high', cwe: 400, cweName: 'Uncontrolled Resource Consumption', path: 'usr/lib/libnghttp2.so.14 (nghttp2-libs 1.51.0-r0)', cvss: 7.5 },
          { name: 'CVE-2023-5678 openssl: DH key generation slowness', severity: 'medium', cwe: 606, path: 'lib/libcrypto.so.3 (libcrypto3 3.1.3-r0)', cvss: 5.3 },
          { name: 'CVE-2024-0727 openssl: PKCS12 NULL dereference', severity: 'medium', cwe: 476, path: 'lib/libssl.so.3 (libssl3 3.1.3-r0)', cvss: 5.5 },
          { name: 'CVE-2023-42363 busybox: use-after-free in awk', severity: 'low', cwe: 416, path: 'bin/busybox (busybox 1.36.1-r2)', cvss: 3.3 },
        ],
      },
    },
  ],
  scanparams: [
    { project: 'demo-app', tool: 'codethreat', branch: 'main', bindName: 'demo-app (CodeThreat)' },
    { project: 'demo-app', tool: 'saltsecurity', branch: 'main', bindName: 'demo-app API (Salt Security)' },
    // demo-app's second SAST scanner: configured on main but not scanned yet, so `scanner-type: sast` finds both.
    { project: 'demo-app', tool: 'semgrep', branch: 'main', custom: { type: 1, params: null } },
  ],
  baselineScans: [
    { project: 'demo-app', tool: 'codethreat', branch: 'main', ageMinutes: 120 },
    { project: 'demo-app', tool: 'saltsecurity', branch: 'main', ageMinutes: 90 },
  ],
};

/**
 * The default scenario with CodeThreat and Salt Security freely creatable (no `bind` label): what a platform
 * that lets CI create scan configurations looks like, for the create-scanparams paths.
 */
export const creatableScenario: Scenario = {
  ...defaultScenario,
  description: 'demo-app as in the default scenario, with codethreat and saltsecurity creatable from CI (no bind)',
  scanners: (defaultScenario.scanners ?? []).map((s) =>
    s.slug === 'codethreat' || s.slug === 'saltsecurity' ? { ...s, labels: (s.labels ?? []).filter((l) => l !== 'bind') } : s,
  ),
  scanparams: (defaultScenario.scanparams ?? []).map((sp) => ({ ...sp, bindName: '' })),
};
