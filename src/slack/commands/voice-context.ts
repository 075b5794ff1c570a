import type { CompiledTaxonomy } from '../../classify/compile-taxonomy.js';
import type { Config } from '../../config/load-config.js';
import type { Logger } from '../../log/create-logger.js';
import type { Db } from '../../store/open-database.js';

/** What every /voice subcommand may use. */
export interface VoiceContext {
  db: Db;
  config: Config;
  taxonomy: CompiledTaxonomy;
  now: () => Date;
  log: Logger;
}

/** Who asked, and whether they are an admin (slack.admins). */
export interface Caller {
  userId: string;
}

/** An ephemeral reply: only the caller sees it. */
export interface VoiceReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: unknown[];
  replace_original?: boolean;
}

export const reply = (text: string, blocks?: unknown[]): VoiceReply => ({
  response_type: 'ephemeral',
  text,
  ...(blocks ? { blocks } : {}),
});

export function isAdmin(context: VoiceContext, caller: Caller): boolean {
  return context.config.slack?.admins.includes(caller.userId) ?? false;
}

export const notAdmin = (command: string): VoiceReply =>
  reply(
    `Sorry, \`/voice ${command}\` is for driver-voice admins. Ask one of them, or see \`/voice help\`.`,
  );
