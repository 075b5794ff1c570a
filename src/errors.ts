/**
 * The error family. Every error says what went wrong and what to do about it;
 * `code` is stable for programs, `message` is for people.
 */
export class DriverVoiceError extends Error {
  readonly code: string;
  readonly context: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: { context?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** The configuration file or environment is wrong; the message says what to set. */
export class ConfigError extends DriverVoiceError {
  constructor(
    message: string,
    options: { context?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super('CONFIG_INVALID', message, options);
  }
}

/** A taxonomy query could not be parsed; `position` is the 1-based column. */
export class QuerySyntaxError extends DriverVoiceError {
  readonly position: number;

  constructor(query: string, position: number, problem: string) {
    super(
      'QUERY_SYNTAX',
      `${problem} at column ${position} of query ${JSON.stringify(query)}\n  ${query}\n  ${' '.repeat(Math.max(0, position - 1))}^`,
      { context: { query, position } },
    );
    this.position = position;
  }
}

/** The taxonomy file is invalid (shape, query syntax, or a query that targets the guard). */
export class TaxonomyError extends DriverVoiceError {
  constructor(
    message: string,
    options: { context?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super('TAXONOMY_INVALID', message, options);
  }
}

/** What a person typed as a search cannot be run; the message says how to fix it. */
export class SearchQueryError extends DriverVoiceError {
  constructor(message: string) {
    super('SEARCH_INVALID', message);
  }
}

/** How a source failure should change the source's state. */
export type SourceFailureKind = 'transient' | 'permanent';

/**
 * A source could not be polled. `kind` decides the state: transient failures
 * (5xx, timeouts, malformed pages) make it `degraded` and back off; permanent
 * ones (bad credentials, 403, quarantine) make it `failing` until fixed.
 * The message names the method and URL and says what the operator should do.
 */
export class SourceError extends DriverVoiceError {
  readonly kind: SourceFailureKind;
  readonly status: number | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      kind: SourceFailureKind;
      status?: number;
      context?: Record<string, unknown>;
      cause?: unknown;
    },
  ) {
    super(code, message, options);
    this.kind = options.kind;
    this.status = options.status;
  }
}

/** The source asked us to wait; polling resumes after `retryAfterMs`. */
export class RateLimitedError extends SourceError {
  readonly retryAfterMs: number;

  constructor(
    message: string,
    retryAfterMs: number,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super('RATE_LIMITED', message, { kind: 'transient', ...options });
    this.retryAfterMs = retryAfterMs;
  }
}

/** The X monthly read budget is spent; polling stays paused until the next month. */
export class BudgetSpentError extends SourceError {
  constructor(message: string) {
    super('BUDGET_SPENT', message, { kind: 'transient' });
  }
}

/**
 * A Slack Web API call failed. `permanent` failures (channel_not_found,
 * not_in_channel, is_archived, bad token, missing scope) will not heal by
 * retrying; a rate limit carries how long to wait.
 */
export class SlackError extends DriverVoiceError {
  readonly slackError: string;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    method: string,
    slackError: string,
    options: { permanent: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super('SLACK_ERROR', `Slack ${method} failed: ${slackError}`, {
      cause: options.cause,
      context: { method, slackError },
    });
    this.slackError = slackError;
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}
