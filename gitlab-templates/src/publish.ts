/**
 * The GitLab packaging's own output, run by `runScanCommand` after the gate has decided: the report artifacts,
 * the merge request note, then the dotenv outputs (last, since they carry the note's link).
 *
 * Each step stands alone: a failed write or an unreachable GitLab API is logged and the next step still runs.
 * Nothing here changes the exit code.
 */
import { join } from 'node:path';
import type { Env } from '../../shared/ci/index.js';
import type { PublishInput } from '../../shared/cli/run-scan-command.js';
import type { WriteText } from '../../shared/core/report-files.js';
import { describeError } from '../../shared/errors.js';
import { gitlabOutputs, renderDotenv } from './dotenv.js';
import { publishNote, type NoteStoreFactory } from './mr-note.js';
import { GITLAB_REPORT_FILES, writeGitlabReports } from './report-files.js';

export interface GitlabPublishDeps {
  env: Env;
  writeFile: WriteText;
  /**
   * Where the reports go: the job's working directory. The job starts in CI_PROJECT_DIR, where `artifacts:`
   * looks, and relative paths of the other settings (sarif, output-json) resolve against it too.
   */
  dir: string;
  /** The note store; `gitlabNoteStore` unless a test swaps it. */
  createStore?: NoteStoreFactory;
}

export function gitlabPublisher(deps: GitlabPublishDeps): (input: PublishInput) => Promise<void> {
  return async ({ result, config, context, logger }) => {
    try {
      for (const file of await writeGitlabReports(result, deps.dir, deps.writeFile)) logger.info(`wrote GitLab ${file.kind} report: ${file.path}`);
    } catch (err) {
      logger.warn(`could not write the GitLab reports: ${describeError(err)}`);
    }

    const note = await publishNote(result, config, context, {
      env: deps.env,
      logger,
      ...(deps.createStore ? { createStore: deps.createStore } : {}),
    });
    const noteUrl = note !== undefined && note.action !== 'skipped' ? note.url : undefined;

    const path = join(deps.dir, GITLAB_REPORT_FILES.dotenv);
    try {
      await deps.writeFile(path, renderDotenv(gitlabOutputs(result, noteUrl ? { noteUrl } : {})));
      logger.info(`wrote GitLab dotenv outputs: ${path}`);
    } catch (err) {
      logger.warn(`could not write the dotenv outputs: ${describeError(err)}`);
    }
  };
}
