// "kdt model": the request sequence and the waiting of the official CLI's `kdt scan -p P -t T -b B` on a project
// with a previous scan of the branch (reference §1.3, §3.1, §3.4 mode 7, §4, §5.2), as a baseline process for the
// benchmarks. It models kdt's requests (the core probe and the "TLS" ping at each of its two client
// constructions, the scanner check with limit=0 then limit=1, the project search, the latest scan, the restart,
// a status poll at once and then every 10 s, the scan detail, the release check) and its fixed 10 s poll; it does
// not model its start-up time or output. Node's fetch keeps one connection alive, as Go's client does.
// Usage: node kdt-model.mjs <project> <tool> <branch> (env: HOST, TOKEN). Exit 0 passed, 1 failed (like kdt).
const [project, tool, branch] = process.argv.slice(2);
const host = process.env.HOST;
const token = process.env.TOKEN;
const base = `${host}/api/aspm/v1`;
const headers = { 'X-Auth': token, 'User-Agent': 'KDT', Accept: 'application/json' };

async function get(path, body) {
  const init = body === undefined ? { headers } : { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const q = (pairs) => new URLSearchParams(pairs).toString();

async function construct() {
  await get('/core/version'); // the core probe
  await get('/core/version'); // the "TLS" ping in the chosen mode
}

await construct();
await get(`/api/v2/scanners/active?${q([['labels', ''], ['limit', '0'], ['name', tool], ['types', '']])}`);
await construct();
const scanner = (await get(`/api/v2/scanners/active?${q([['labels', ''], ['limit', '1'], ['name', tool], ['types', '']])}`)).active_scanners[0];
const projects = await get(`/api/v2/projects?${q([['alm', ''], ['name', project]])}`);
if (projects.total !== 1) throw new Error(`multiple projects found for given parameters (${projects.total})`);
const scans = await get(
  `/api/v2/projects/${encodeURIComponent(project)}/scans?${q([['agent_id', ''], ['branch', branch], ['environment', ''], ['fork_scan', 'false'], ['fork_source_branch', ''], ['limit', '1'], ['manual', 'false'], ['meta_data', ''], ['pr', 'false'], ['tool', tool]])}`,
);
const latest = scans.scans[0];
let eventId;
if (latest) {
  eventId = (await get(`/api/v2/scans/${latest.id}/restart`)).event;
} else {
  // No scan yet: the saved configuration, then a new scan from it (mode 7, steps 4-5).
  const params = await get(
    `/api/v2/projects/${encodeURIComponent(project)}/scanparams?${q([['agent', ''], ['branch', branch], ['environment', ''], ['fork_scan', 'false'], ['fork_source_branch', ''], ['limit', '1'], ['manual', 'false'], ['meta_data', ''], ['pr', 'false'], ['target', ''], ['tool_id', scanner.id]])}`,
  );
  const sp = params.scanparams[0];
  if (!sp) throw new Error('no scan configuration (the model covers rescans and saved configurations)');
  const pr = { ok: false, target: '', pr_number: '', no_decoration: false, pr_decoration_scanner_types: '' };
  eventId = (await get('/api/v2/scans/create', { scanparams_id: sp.id, branch, project, tool_id: scanner.id, pr, custom: sp.custom, meta_data: '', scan_tag: '', fork_scan: false, fork_source_branch: '', override_fork_source_branch: false, environment: '' })).event_id;
}
let event;
for (;;) {
  event = await get(`/api/v2/events/${eventId}/status`);
  if (event.active === -1) process.exit(1);
  if (event.active === 0 && event.status === 6) break;
  if (event.active === 1) await sleep(10_000);
}
const scan = await get(`/api/v2/scans/${event.scan_id}`);
for (;;) {
  const release = await get(`/api/v2/projects/${encodeURIComponent(scan.project)}/release?${q([['branch', scan.branch]])}`);
  if (release.progress_status === 'in_progress') {
    await sleep(5_000);
    continue;
  }
  process.exitCode = release.status === 'fail' ? 1 : 0;
  break;
}
