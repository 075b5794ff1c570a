import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../log/create-logger.js';

/** Routes the logs of Bolt and the Web API client into the one pino logger. */
export function createSlackLogger(log: Logger): SlackLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const text = (messages: unknown[]) =>
    messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...messages) => child.debug(text(messages)),
    info: (...messages) => child.info(text(messages)),
    warn: (...messages) => child.warn(text(messages)),
    error: (...messages) => child.error(text(messages)),
    setLevel: (value) => {
      level = value;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
