/**
 * What the pipe loads only once it talks to Bitbucket: the HTTP client (undici) and the publisher built on it.
 * The pull request diff and the publisher both import this one module, so the bundler makes one lazy chunk of
 * them instead of copying the HTTP client into a chunk for each. The diff is read after the first platform
 * request (with the scanners), so loading the publisher with it costs the start-up nothing.
 */
export { bitbucketHttp } from './bitbucket-http.js';
export { bitbucketPublisher } from './publish.js';
