// Entry of the GitHub Action (dist/github/index.js, `runs.main` in action.yml): runs the action and nothing else.
// `--version` lets CI smoke-test the built bundle without a runner environment.
import { VERSION } from '../../shared/version.js';
import { run } from './entry.js';

if (process.argv.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // No top-level await: the bundler would wrap the whole bundle in an async function, compiled a second time at start.
  void run();
}
