import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * The one root logger, made in cli.ts and passed down: JSON lines on stderr
 * (stdout belongs to command output), pretty when stderr is a terminal. Post
 * text and authors are never logged.
 */
export function createLogger(
  options: { level?: string | undefined; destination?: DestinationStream } = {},
): Logger {
  return pino(
    { name: 'driver-voice', level: options.level ?? 'info', base: undefined },
    options.destination ?? pino.destination(2),
  );
}
