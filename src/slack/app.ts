import { App, LogLevel } from '@slack/bolt';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import { createSlackLogger } from './create-slack-logger.js';
import { webClientOptions } from './create-web-client.js';
import { type ListenerDeps, registerListeners } from './register-listeners.js';

export interface SlackAppOptions {
  botToken: string;
  /** Socket Mode (the default): no public URL needed. */
  appToken?: string | undefined;
  /** HTTP mode: requests to /slack/events are signature-checked with this secret. */
  signingSecret?: string | undefined;
  http?: { port: number; host?: string } | undefined;
  slackApiUrl?: string | undefined;
  log: Logger;
  deps: ListenerDeps;
}

/**
 * The Bolt app: Socket Mode by default (SLACK_APP_TOKEN), HTTP mode when a
 * port is given (SLACK_SIGNING_SECRET; Bolt rejects a bad signature or a
 * timestamp older than five minutes with 401). Bolt's logs go to pino.
 * Initialisation (auth.test) is deferred: call `await app.init()` before
 * `start()`, so a rejected token is an error the caller can explain.
 */
export function createSlackApp(options: SlackAppOptions): App {
  const logger = createSlackLogger(options.log);
  const clientOptions = webClientOptions(options.log, options.slackApiUrl);
  let app: App;
  if (options.http) {
    if (!options.signingSecret)
      throw new ConfigError(
        "HTTP mode (start --http PORT) needs SLACK_SIGNING_SECRET, from the app's Basic Information page.",
      );
    app = new App({
      token: options.botToken,
      signingSecret: options.signingSecret,
      processBeforeResponse: true,
      clientOptions,
      logger,
      logLevel: LogLevel.INFO,
      deferInitialization: true,
    });
  } else {
    if (!options.appToken)
      throw new ConfigError(
        'Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write), or run start --http PORT with SLACK_SIGNING_SECRET.',
      );
    app = new App({
      token: options.botToken,
      appToken: options.appToken,
      socketMode: true,
      clientOptions,
      logger,
      logLevel: LogLevel.INFO,
      deferInitialization: true,
    });
  }
  registerListeners(app, options.deps);
  return app;
}
