import { WebClient } from '@slack/web-api';
import type { Logger } from '../log/create-logger.js';
import { createSlackLogger } from './create-slack-logger.js';

/**
 * The Web API client driver-voice uses: rate-limited calls are rejected (the
 * dispatcher decides how to wait), a couple of retries for network errors,
 * and `SLACK_API_URL` to reach a fake or a proxy.
 */
export function webClientOptions(log: Logger, slackApiUrl: string | undefined) {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    timeout: 20_000,
    logger: createSlackLogger(log),
  };
}

export function createWebClient(
  token: string,
  log: Logger,
  slackApiUrl: string | undefined,
): WebClient {
  return new WebClient(token, webClientOptions(log, slackApiUrl));
}
