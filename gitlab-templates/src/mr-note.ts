/**
 * The merge request note: when to write one, and writing it as the one sticky note of this project and scanner
 * set (`upsertComment` over `gitlabNoteStore`).
 *
 * A note is a courtesy, never a reason to fail the job: a missing token, a token without the `api` scope or
 * an unreachable API ends in a line in the job log, and the report artifacts still carry the result.
 */
import type { Env, RunContext } from '../../shared/ci/index.js';
import { read } from '../../shared/ci/context.js';
import type { ScanConfig } from '../../shared/core/config.js';
import { getOption } from '../../shared/core/options.js';
import type { Logger } from '../../shared/ports.js';
import type { RunResult } from '../../shared/core/result.js';
import { describeError } from '../../shared/errors.js';
import { commentKey, upsertComment, type CommentStore, type UpsertResult } from '../../shared/platforms/comment.js';
import { proxySettingsFromEnv } from '../../shared/proxy.js';
import { renderMarkdown } from '../../shared/render/markdown.js';
import { GITLAB_NOTE_MAX_CHARS, gitlabNoteStore, type GitLabNoteStoreOptions } from './notes.js';

export type NoteStoreFactory = (options: GitLabNoteStoreOptions) => CommentStore;

/** Where the note goes, or why there is none (`level` says how loudly to tell the user). */
export type NotePlan =
  | { post: true; store: GitLabNoteStoreOptions }
  | { post: false; reason: string; level: 'debug' | 'info' | 'warn' };

const TOKEN_VARIABLE = getOption('gitlab-token').env;

export function planNote(config: ScanConfig, context: RunContext, env: Env): NotePlan {
  if (config.comment === 'off') return { post: false, reason: 'comment is off', level: 'debug' };
  if (config.async) return { post: false, reason: 'async run: the job that waits for the scans writes the note', level: 'debug' };
  const mr = context.pullRequest;
  if (mr === undefined) {
    // A branch pipeline of a branch with an open MR: say how to get the note, since the user likely expects one.
    const open = context.openMergeRequests;
    return open !== undefined && open.length > 0
      ? {
          post: false,
          level: 'info',
          reason:
            `No merge request note: this is a branch pipeline (open merge request !${open.join(', !')}). Notes are written in ` +
            'merge request pipelines: add a rule such as `if: $CI_PIPELINE_SOURCE == "merge_request_event"`.',
        }
      : { post: false, reason: `not a merge request pipeline (${context.eventName ?? 'unknown source'})`, level: 'debug' };
  }
  const token = config.codeHost.gitlabToken;
  if (token === undefined || token === '') {
    return {
      post: false,
      level: 'info',
      reason:
        `No merge request note: set the masked CI/CD variable ${TOKEN_VARIABLE} to a project access token (or a bot ` +
        'user token) with the api scope and at least the Reporter role. CI_JOB_TOKEN cannot write notes.',
    };
  }
  // The MR belongs to the target project, which is not this one in a fork's pipeline.
  const projectId = read(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? context.projectId;
  // parseConfig checked the number: the MR's IID, or pr-number when set (as the other adapters comment on it).
  const mrIid = config.prNumber;
  if (context.apiUrl === undefined || projectId === undefined || mrIid === undefined) {
    return { post: false, level: 'warn', reason: 'No merge request note: CI_API_V4_URL, CI_PROJECT_ID or CI_MERGE_REQUEST_IID is missing.' };
  }
  const projectWebUrl = read(env, 'CI_MERGE_REQUEST_PROJECT_URL') ?? context.repositoryUrl;
  return {
    post: true,
    store: {
      token,
      apiUrl: context.apiUrl,
      projectId,
      mrIid,
      ...(projectWebUrl ? { projectWebUrl } : {}),
      // gitbeaker uses fetch, which ignores HTTPS_PROXY by itself: the store turns these into a dispatcher.
      proxy: proxySettingsFromEnv(env),
    },
  };
}

/** The note's identity: project as the user named it (or as resolved) and the scanners of the run. */
export function noteMarker(config: ScanConfig, result: RunResult): string {
  const project = config.project ?? result.project.name;
  const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
  return commentKey(project, scanners);
}

export interface NoteDeps {
  env: Env;
  logger: Logger;
  createStore?: NoteStoreFactory;
}

/** Write (or update, or leave alone) the note; undefined when none was due or it could not be written. */
export async function publishNote(result: RunResult, config: ScanConfig, context: RunContext, deps: NoteDeps): Promise<UpsertResult | undefined> {
  const { logger } = deps;
  const plan = planNote(config, context, deps.env);
  if (!plan.post) {
    if (plan.level === 'debug') logger.debug(`no merge request note: ${plan.reason}`);
    else logger[plan.level](plan.reason);
    return undefined;
  }
  const markerId = noteMarker(config, result);
  const body = renderMarkdown(result, {
    flavour: 'gitlab',
    marker: markerId,
    maxFindings: config.maxFindings,
    ...(context.jobUrl ? { jobUrl: context.jobUrl } : {}),
  });
  try {
    const store = (deps.createStore ?? gitlabNoteStore)(plan.store);
    const outcome = await upsertComment(store, {
      markerId,
      body,
      mode: config.comment === 'new' ? 'new' : 'update',
      maxChars: GITLAB_NOTE_MAX_CHARS,
      notice: (message) => logger.warn(message),
    });
    if (outcome.action !== 'skipped') {
      logger.info(`merge request note ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}`);
    }
    return outcome;
  } catch (err) {
    logger.warn(`could not write the merge request note: ${describeError(err)}`);
    return undefined;
  }
}
