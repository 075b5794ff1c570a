import { z } from 'zod';

/** Defaults live here and only here. */
export const DEFAULTS = {
  redditPollSeconds: 60,
  xPollSeconds: 300,
  xMonthlyReadBudget: 10_000,
  retentionDays: 30,
  deletionCheckHours: 24,
  storagePath: 'driver-voice.db',
  languages: ['en', 'es'],
  monitoringPort: 9464,
} as const;

const channelId = z
  .string()
  .regex(
    /^[CG][A-Z0-9]{6,}$/,
    'expected a Slack channel id such as C0123ABCD (open the channel details to copy it)',
  );
const owner = z
  .string()
  .regex(
    /^([UW][A-Z0-9]{6,}|[^@\s]+@[^@\s]+\.[^@\s]+)$/,
    'expected a Slack user id such as U0123ABCD or an email address',
  );
const route = z.strictObject({ channel: channelId, owner: owner.optional() });

export const configSchema = z.strictObject({
  sources: z
    .strictObject({
      reddit: z
        .strictObject({
          subreddits: z
            .array(
              z
                .string()
                .regex(
                  /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/,
                  'expected a subreddit name without "r/", e.g. AmazonFlexDrivers',
                ),
            )
            .min(1, 'list at least one subreddit'),
          include: z
            .array(z.enum(['posts', 'comments']))
            .min(1)
            .default(['posts', 'comments']),
          pollSeconds: z
            .number()
            .int()
            .min(10, 'poll at most every 10 seconds')
            .default(DEFAULTS.redditPollSeconds),
        })
        .optional(),
      x: z
        .strictObject({
          query: z.string().min(1).max(512, 'X allows at most 512 characters in a query'),
          pollSeconds: z
            .number()
            .int()
            .min(60, 'poll X at most once a minute')
            .default(DEFAULTS.xPollSeconds),
          monthlyReadBudget: z.number().int().min(0).default(DEFAULTS.xMonthlyReadBudget),
        })
        .optional(),
    })
    .default({}),
  taxonomy: z.string().min(1).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code such as en'))
    .min(1)
    .default([...DEFAULTS.languages]),
  guard: z
    .strictObject({
      extraTerms: z.array(z.string().min(1)).default([]),
    })
    .default({ extraTerms: [] }),
  routing: z
    .strictObject({
      default: route,
      categories: z
        .record(
          z.string(),
          z.strictObject({
            channel: channelId.optional(),
            owner: owner.optional(),
            priority: z.enum(['high', 'normal', 'low']).optional(),
          }),
        )
        .default({}),
      languages: z.record(z.string().regex(/^[a-z]{2}$/), route).default({}),
    })
    .optional(),
  slack: z
    .strictObject({
      adminChannel: channelId,
      admins: z
        .array(z.string().regex(/^[UW][A-Z0-9]{6,}$/, 'expected a Slack user id such as U0123ABCD'))
        .default([]),
    })
    .optional(),
  privacy: z
    .strictObject({
      retentionDays: z.number().int().min(1).max(3650).default(DEFAULTS.retentionDays),
      deletionCheckHours: z.number().int().min(1).max(168).default(DEFAULTS.deletionCheckHours),
      retentionSlack: z.enum(['stub', 'leave']).default('stub'),
    })
    .default({
      retentionDays: DEFAULTS.retentionDays,
      deletionCheckHours: DEFAULTS.deletionCheckHours,
      retentionSlack: 'stub',
    }),
  storage: z
    .strictObject({ path: z.string().min(1).default(DEFAULTS.storagePath) })
    .default({ path: DEFAULTS.storagePath }),
  notice: z
    .strictObject({
      organisation: z.string().min(1).optional(),
      contact: z.string().min(3).optional(),
    })
    .default({}),
  monitoring: z
    .strictObject({
      enabled: z.boolean().default(true),
      port: z.number().int().min(0).max(65535).default(DEFAULTS.monitoringPort),
    })
    .default({ enabled: true, port: DEFAULTS.monitoringPort }),
});

export type ConfigFile = z.infer<typeof configSchema>;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const optionalUrl = optionalText.pipe(
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:8080' })
    .optional(),
);

/** Secrets and endpoints from the environment; every one is optional here, and required where it is used. */
export const envSchema = z.object({
  DRIVER_VOICE_CONFIG: optionalText,
  DRIVER_VOICE_SECRET: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'a bot token starts with xoxb-').optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'an app-level token starts with xapp-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  REDDIT_CLIENT_ID: optionalText,
  REDDIT_CLIENT_SECRET: optionalText,
  REDDIT_USER_AGENT: optionalText,
  X_BEARER_TOKEN: optionalText,
  REDDIT_BASE_URL: optionalUrl,
  X_API_BASE_URL: optionalUrl,
  SLACK_API_URL: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;
