/** Where Bitbucket's APIs are, in a pipe and outside one. Kept apart so settings can name them without loading the HTTP client. */

/** The Pipelines auth proxy: plain HTTP, no credentials, for Code Insights from inside a step. */
export const PIPELINES_PROXY_URL = 'http://host.docker.internal:29418';
/** The API as requests through that proxy address it (plain http; the proxy adds TLS and credentials). */
export const PIPELINES_API_URL = 'http://api.bitbucket.org/2.0';
export const BITBUCKET_API_URL = 'https://api.bitbucket.org/2.0';
