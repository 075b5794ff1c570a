import type { CompiledTaxonomy } from '../classify/compile-taxonomy.js';
import type { Guard } from '../classify/guard.js';
import type { Config } from '../config/load-config.js';

type Section = { heading: string; paragraphs: string[]; items?: string[] };

/** The notice as structured text, so that Markdown and HTML say exactly the same. */
export function noticeSections(
  config: Config,
  taxonomy: CompiledTaxonomy,
  guard: Guard,
): Section[] {
  const organisation = config.notice.organisation ?? 'The operations team';
  const contact = config.notice.contact ?? '(set notice.contact in the configuration)';
  const { reddit, x } = config.sources;
  const watched: string[] = [];
  if (reddit) {
    const kinds =
      reddit.include.length === 2
        ? 'posts and comments'
        : reddit.include[0] === 'posts'
          ? 'posts'
          : 'comments';
    for (const name of reddit.subreddits) watched.push(`Reddit: new public ${kinds} in r/${name}`);
  }
  if (x) watched.push(`X: public posts found by the search "${x.query}" (reposts excluded)`);
  return [
    {
      heading: 'What is read',
      paragraphs: [
        `${organisation} runs driver-voice, which reads public posts from these places only:`,
      ],
      items: watched.length > 0 ? watched : ['Nothing at the moment: no source is configured.'],
    },
    {
      heading: 'Why',
      paragraphs: [
        'To find operational problems drivers talk about in public and fix them quickly. Posts are sorted by topic with published rules:',
      ],
      items: taxonomy.categories.map((c) => c.name),
    },
    {
      heading: 'What is never watched',
      paragraphs: [
        `Posts about unions, strikes, walk-offs, protests, rallies, organising or petitions, and posts about contacting journalists, researchers, lawyers, arbitration or regulators are recognised (${guard.terms.length} terms, in English and Spanish) and discarded before anything is stored: no copy, no count, no message. This cannot be switched off.`,
      ],
    },
    {
      heading: 'What is kept, and for how long',
      paragraphs: [
        'For a post that needs follow-up: its text, its public link, the community, the time, its language, its topics and a sentiment score. No author name, handle, id or profile is stored or shown, and nothing can be searched by person.',
        `Posts are deleted after ${config.privacy.retentionDays} days; only daily counts per topic, with no text and no identity, are kept longer. Posts their authors delete at the source are removed here too, within ${config.privacy.deletionCheckHours} hours.`,
        'Posts are shared only in private channels of our internal Slack, with the people responsible for each topic.',
      ],
    },
    {
      heading: 'How to object',
      paragraphs: [
        `Write to ${contact}, giving your Reddit or X user name. We then stop reading your posts: the name is kept only as a keyed hash, used to drop your posts before anything is stored, and your posts already stored are removed at the next re-check.`,
      ],
    },
  ];
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `driver-voice notice`: a plain-language transparency notice from the configuration. */
export function buildNotice(
  config: Config,
  taxonomy: CompiledTaxonomy,
  guard: Guard,
  format: 'markdown' | 'html' = 'markdown',
): string {
  const sections = noticeSections(config, taxonomy, guard);
  const title = 'How we read public posts by drivers';
  if (format === 'html') {
    const body = sections
      .map(
        (s) =>
          `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}${s.items ? `\n<ul>\n${s.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>` : ''}`,
      )
      .join('\n');
    return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n${body}\n</body>\n</html>\n`;
  }
  return `# ${title}\n\n${sections
    .map(
      (s) =>
        `## ${s.heading}\n\n${s.paragraphs.join('\n\n')}${s.items ? `\n\n${s.items.map((i) => `- ${i}`).join('\n')}` : ''}`,
    )
    .join('\n\n')}\n`;
}
