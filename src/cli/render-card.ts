/** Undoes Slack's escaping for display: the terminal shows what Slack would show. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; text?: string | { text: string } }>;
}

/**
 * A chat.postMessage as the demo prints it: the channel, the header with
 * category, priority and owner, the excerpt, the context lines and the buttons.
 */
export function renderCard(channel: string, blocks: unknown, width = 78): string {
  const list = (Array.isArray(blocks) ? blocks : []) as Block[];
  const lines: string[] = [];
  const mrkdwn = (text: string) =>
    unescapeSlack(
      text
        .replace(/\*([^*\n]+)\*/g, '$1')
        .replace(/(^|\s)_([^_\n]+)_(?=\s|$)/g, '$1$2')
        .replace(/<@([A-Z0-9]+)>/g, '@$1')
        .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
        .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)'),
    );
  for (const block of list) {
    if (block.type === 'section' && block.text) lines.push(...mrkdwn(block.text.text).split('\n'));
    if (block.type === 'context')
      for (const e of block.elements ?? [])
        if (typeof e.text === 'string') lines.push(mrkdwn(e.text));
    if (block.type === 'actions') {
      lines.push(
        (block.elements ?? [])
          .map((e) =>
            e.type === 'users_select'
              ? '[Reassign ▾]'
              : `[${typeof e.text === 'object' ? e.text.text : ''}${e.type === 'button' && typeof e.text === 'object' && e.text.text === 'Open post' ? ' ↗' : ''}]`,
          )
          .join(' '),
      );
    }
  }
  const wrapped = lines.flatMap((line) => {
    const out: string[] = [];
    let rest = line;
    while (rest.length > width - 4) {
      const cut = rest.lastIndexOf(' ', width - 4);
      const at = cut > 20 ? cut : width - 4;
      out.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    out.push(rest);
    return out;
  });
  const title = `─ #${channel} `;
  return [
    `┌${title}${'─'.repeat(Math.max(0, width - title.length - 1))}`,
    ...wrapped.map((l) => `│ ${l}`),
    `└${'─'.repeat(width - 1)}`,
  ].join('\n');
}
