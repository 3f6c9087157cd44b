/**
 * The pipe's publishing hook for `runScanCommand`: Code Insights reports on the build's commit, then the pull
 * request comment. Each part fails on its own with a warning; neither changes the exit code.
 *
 * Code Insights goes through the Pipelines auth proxy when running in Pipelines (no credentials needed), and
 * through the REST API with the comment credentials elsewhere. The comment always needs credentials.
 */
import type { PublishInput } from '../../shared/cli/run-scan-command.js';
import { getOption } from '../../shared/core/options.js';
import { describeError } from '../../shared/errors.js';
import { bitbucketInsights, type BitbucketAuth, type BitbucketConnection } from './bitbucket-api.js';
import { bitbucketAuth } from './bitbucket-auth.js';
import type { PipeSettings } from './pipe-settings.js';
import { publishInsights } from './publish-insights.js';
import { publishPrComment } from './pr-comment.js';

const env = (name: string): string => getOption(name).env;

export function insightsConnection(settings: PipeSettings, auth: BitbucketAuth | undefined, timeoutMs: number): BitbucketConnection | undefined {
  if (settings.inPipelines) return { mode: 'pipelines-proxy', proxyUrl: settings.proxyUrl, timeoutMs };
  if (!auth) return undefined;
  return { mode: 'rest', auth, proxy: settings.proxy, timeoutMs, ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}) };
}

export function bitbucketPublisher(settings: PipeSettings): (input: PublishInput) => Promise<void> {
  return async ({ result, config, context, logger }) => {
    const auth = bitbucketAuth(config.codeHost);
    const jobUrl = context.jobUrl;

    const connection = insightsConnection(settings, auth, config.requestTimeoutMs);
    if (!settings.repo || !settings.commit) {
      logger.info('Code Insights: skipped, BITBUCKET_REPO_FULL_NAME and BITBUCKET_COMMIT do not name a commit.');
    } else if (!connection) {
      logger.info(`Code Insights: skipped outside Bitbucket Pipelines without credentials (${env('bitbucket-token')}).`);
    } else {
      const target = { repo: settings.repo, commit: settings.commit };
      await publishInsights(bitbucketInsights(connection), target, { result, config, ...(jobUrl ? { jobUrl } : {}) }, logger);
    }

    if (config.comment === 'off') return;
    const prId = config.prNumber;
    if (prId === undefined) {
      logger.debug('PR comment: not a pull request build (no BITBUCKET_PR_ID), nothing to comment on.');
      return;
    }
    if (!auth) {
      logger.info(
        `PR comment: skipped, no credentials. To get one, pass a repository access token with the pullrequest:write scope ` +
          `as ${env('bitbucket-token')}, or ${env('bitbucket-email')} with ${env('bitbucket-api-token')}, from secured variables.`,
      );
      return;
    }
    if (!settings.repo) {
      logger.info('PR comment: skipped, BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG are not set.');
      return;
    }
    try {
      await publishPrComment(
        {
          result,
          config,
          repo: settings.repo,
          prId,
          auth,
          proxy: settings.proxy,
          ...(jobUrl ? { jobUrl } : {}),
          ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
          ...(settings.authorUuid ? { authorUuid: settings.authorUuid } : {}),
        },
        logger,
      );
    } catch (err) {
      logger.warn(`PR comment: could not write it: ${describeError(err)}`);
    }
  };
}
