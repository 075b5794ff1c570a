import { reply, type VoiceContext, type VoiceReply } from './voice-context.js';

const mention = (owner: string | undefined): string =>
  owner ? (/^[UW][A-Z0-9]+$/.test(owner) ? `<@${owner}>` : owner) : '_nobody_';

/** `/voice owners`: where each category goes and who owns it, with the language overrides. */
export function voiceOwners(context: VoiceContext): VoiceReply {
  const routing = context.config.routing;
  if (!routing) return reply('No routing is configured: flagged posts are stored but not posted.');
  const lines = context.taxonomy.categories.map((category) => {
    const route = routing.categories[category.id];
    return `• *${category.name}* (\`${category.id}\`) → <#${route?.channel ?? routing.default.channel}>, ${mention(route?.owner ?? routing.default.owner)}`;
  });
  for (const [lang, route] of Object.entries(routing.languages))
    lines.push(
      `• posts in \`${lang}\` → <#${route.channel}>, ${mention(route.owner)} (wins over the category)`,
    );
  return reply('driver-voice owners', [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
  ]);
}
