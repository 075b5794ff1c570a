import type { ConfigFile } from '../config/config-schema.js';
import type { CategoryMatch, Priority } from '../types.js';

export type Routing = NonNullable<ConfigFile['routing']>;

export interface Route {
  channel: string;
  /** A Slack user id or an email, resolved at delivery. */
  owner: string | null;
  categories: string[];
}

const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/**
 * Where a flagged post goes: one message per channel. A language route
 * (Spanish posts to the Spain channel) wins over the category's; a category
 * without a route uses the default. The owner of a channel's message is the
 * owner of its highest-priority category there.
 */
export function routePost(
  categories: readonly CategoryMatch[],
  lang: string,
  routing: Routing,
): Route[] {
  const byChannel = new Map<string, Route & { rank: number }>();
  const sorted = [...categories].sort((a, b) => RANK[a.priority] - RANK[b.priority]);
  for (const category of sorted) {
    const language = routing.languages[lang];
    const configured = routing.categories[category.id];
    const channel = language?.channel ?? configured?.channel ?? routing.default.channel;
    const owner = (language ? language.owner : configured?.owner) ?? routing.default.owner ?? null;
    const route = byChannel.get(channel);
    if (route) route.categories.push(category.id);
    else
      byChannel.set(channel, {
        channel,
        owner,
        categories: [category.id],
        rank: RANK[category.priority],
      });
  }
  return [...byChannel.values()].map(({ rank: _rank, ...route }) => route);
}
