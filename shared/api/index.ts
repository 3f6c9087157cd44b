/** The platform client's public face: the factory, its options, the retry policy and the domain types. */
import { PlatformClient, type PlatformClientOptions } from './client.js';

export { PlatformClient, type PlatformClientOptions } from './client.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { DEFAULT_TIMEOUT_MS } from './transport.js';
export type { ProxySettings } from './connections.js';
export * from './types.js';

/** Build the client the core talks to. Throws `ConfigError` for a bad host, token, CA file or proxy. */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return new PlatformClient(options);
}
