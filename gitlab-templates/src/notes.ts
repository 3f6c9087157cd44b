/**
 * `CommentStore` for GitLab merge requests, over `@gitbeaker/rest` (MR notes), through the adapter's one client.
 *
 * CI_JOB_TOKEN cannot write notes, so this takes a project/group access token or a bot user's PAT
 * (`token`, sent as PRIVATE-TOKEN) or an OAuth token (`oauthToken`, sent as `Authorization: Bearer`).
 */
import { z } from 'zod';
import { ConfigError } from '../../shared/errors.js';
import type { CommentRef, CommentStore, ExistingComment } from '../../shared/platforms/comment.js';
import { codeHostError } from '../../shared/platforms/errors.js';
import { gitlabClient, type GitLabClientOptions } from './gitlab-client.js';

/** The client's settings (exactly one of `token` and `oauthToken`) and the merge request. */
export interface GitLabNoteStoreOptions extends GitLabClientOptions {
  /** CI_PROJECT_ID, or the project path (`group/project`). */
  projectId: string | number;
  /** CI_MERGE_REQUEST_IID. */
  mrIid: number;
  /** CI_PROJECT_URL: used to build note links. */
  projectWebUrl?: string;
  /** Upper bound on pages of 100 notes read (newest first); default 50. */
  maxPages?: number;
}

/** GitLab's limit on a note body. */
export const GITLAB_NOTE_MAX_CHARS = 1_000_000;

const WRITE_HINT =
  'Use a project or group access token (or a bot user PAT) with the `api` scope and at least the Reporter role; ' +
  'CI_JOB_TOKEN cannot write merge request notes.';

const User = z.object({ id: z.number(), username: z.string().optional() });
const Note = z.object({
  id: z.number(),
  body: z.string().nullish(),
  system: z.boolean().optional(),
  author: z.object({ id: z.number() }).nullish(),
});
const Notes = z.array(Note);
const RequestFailure = z.object({ cause: z.object({ response: z.object({ status: z.number() }) }) });

export function gitlabNoteStore(options: GitLabNoteStoreOptions): CommentStore {
  const secret = options.token ?? options.oauthToken;
  if (!secret || (options.token && options.oauthToken)) {
    throw new ConfigError(
      'gitlab-token',
      'Set exactly one GitLab token for merge request comments (an access token or an OAuth token).',
    );
  }
  const api = gitlabClient(options);
  const { projectId, mrIid } = options;
  const notesPath = `/projects/${encodeURIComponent(String(projectId))}/merge_requests/${mrIid}/notes`;
  const noteUrl = (id: number): string | undefined =>
    options.projectWebUrl ? `${options.projectWebUrl.replace(/\/+$/, '')}/-/merge_requests/${mrIid}#note_${id}` : undefined;

  async function call<T>(endpoint: string, fn: () => Promise<T>, hint?: string): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const failure = RequestFailure.safeParse(err);
      const status = failure.success ? failure.data.cause.response.status : undefined;
      const hostMessage = err instanceof Error ? err.message : String(err);
      const withHint = status === 403 || status === 404 ? hint : undefined;
      throw codeHostError({
        host: 'gitlab',
        endpoint,
        status,
        hostMessage,
        secrets: [secret ?? ''],
        ...(withHint ? { hint: withHint } : {}),
      });
    }
  }

  const ref = (raw: unknown): CommentRef => {
    const note = Note.parse(raw);
    const url = noteUrl(note.id);
    return { id: String(note.id), ...(url ? { url } : {}) };
  };

  return {
    async whoAmI() {
      const user = User.parse(await call('GET /user', () => api.Users.showCurrentUser()));
      return { id: String(user.id), ...(user.username ? { login: user.username } : {}) };
    },

    async *list(): AsyncIterable<ExistingComment> {
      // Newest first, so a page cap drops the oldest notes rather than our latest one; yielded oldest first.
      const raw = await call(
        `GET ${notesPath}`,
        () =>
          api.MergeRequestNotes.all(projectId, mrIid, {
            sort: 'desc',
            orderBy: 'created_at',
            perPage: 100,
            maxPages: options.maxPages ?? 50,
          }),
        WRITE_HINT,
      );
      for (const note of Notes.parse(raw).reverse()) {
        const url = noteUrl(note.id);
        yield {
          id: String(note.id),
          body: note.body ?? '',
          authorId: note.author ? String(note.author.id) : '',
          system: note.system === true,
          ...(url ? { url } : {}),
        };
      }
    },

    async create(body: string) {
      return ref(await call(`POST ${notesPath}`, () => api.MergeRequestNotes.create(projectId, mrIid, body), WRITE_HINT));
    },

    async update(id: string, body: string) {
      const raw = await call(
        `PUT ${notesPath}/${id}`,
        () => api.MergeRequestNotes.edit(projectId, mrIid, Number(id), { body }),
        WRITE_HINT,
      );
      return ref(raw);
    },
  };
}
