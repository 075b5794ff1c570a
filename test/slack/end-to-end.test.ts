import { afterEach, describe, expect, it } from 'vitest';
import {
  type LiveFakes,
  PRIVATE_CHANNELS,
  runOnceCli,
  startLiveFakes,
} from '../fakes/live-setup.js';

describe('end to end: fake Reddit and X → run --once → fake Slack', () => {
  let fakes: LiveFakes | undefined;
  afterEach(async () => fakes?.close());

  it('posts one message per flagged post to the right private channel, mentioning the right owner', async () => {
    fakes = await startLiveFakes();
    const { reddit, x, slack, config, env } = fakes;
    await runOnceCli(config, env);

    const now = Date.now();
    reddit.publish(
      {
        kind: 'post',
        subreddit: 'AmazonFlexDrivers',
        title: 'Scanner',
        text: 'The app crashed again <!channel> <@U0BOSS> & <!here>',
        createdAt: new Date(now),
      },
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'Tips missing since Monday',
        createdAt: new Date(now + 1),
      },
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'We strike on Friday, the app is broken',
        createdAt: new Date(now + 2),
      },
      {
        kind: 'post',
        subreddit: 'AmazonFlexDrivers',
        title: 'Podcasts',
        text: 'What do you listen to?',
        createdAt: new Date(now + 3),
      },
    );
    x.publish(
      { text: 'La app se cierra cada vez que escaneo', createdAt: new Date(now + 4), lang: 'es' },
      { text: 'Huelga de repartidores el lunes', createdAt: new Date(now + 5), lang: 'es' },
    );
    const { stdout } = await runOnceCli(config, env);
    expect(stdout).toContain('slack: 3 posted, 0 failed, 0 pending');

    const posts = slack.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.channel).sort()).toEqual([
      'C0000APPOPS',
      'C0000ESPANA',
      'C0000PAYOPS',
    ]);
    const byChannel = Object.fromEntries(posts.map((p) => [String(p.args.channel), p.args]));
    const blocksText = (args: Record<string, unknown>) => JSON.stringify(args.blocks);
    expect(blocksText(byChannel.C0000APPOPS!)).toContain('<@U0000APPLEAD>');
    expect(blocksText(byChannel.C0000PAYOPS!)).toContain('<@U0000PAYLEAD>');
    expect(blocksText(byChannel.C0000ESPANA!)).toContain('<@U0000ESLEAD>');

    const app = blocksText(byChannel.C0000APPOPS!);
    expect(app).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt; &amp; &lt;!here&gt;');
    expect(app).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(String(byChannel.C0000APPOPS!.text)).not.toContain('<!channel>');
    expect(byChannel.C0000APPOPS!.unfurl_links).toBe('false');
    expect(byChannel.C0000APPOPS!).not.toHaveProperty('link_names');

    const everything = JSON.stringify(slack.calls);
    expect(everything).not.toMatch(/strike|Huelga|Podcasts/i);
    expect(slack.callsTo('users.lookupByEmail')).toHaveLength(1);
    expect(slack.callsTo('conversations.info').length).toBeGreaterThan(0);
  });

  it('refuses a public or externally shared channel and tells the admin channel once', async () => {
    fakes = await startLiveFakes({
      channels: {
        ...PRIVATE_CHANNELS,
        C0000APPOPS: { isPrivate: false },
        C0000PAYOPS: { isPrivate: true, isExtShared: true },
      },
      users: {},
    });
    const { reddit, slack, config, env } = fakes;
    await runOnceCli(config, env);
    reddit.publish(
      {
        kind: 'post',
        subreddit: 'AmazonFlexDrivers',
        title: 'Scanner',
        text: 'The app crashed again',
        createdAt: new Date(),
      },
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'Tips missing since Monday',
        createdAt: new Date(Date.now() + 1),
      },
    );
    await runOnceCli(config, env);
    const posted = slack.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(posted).not.toContain('C0000APPOPS');
    expect(posted).not.toContain('C0000PAYOPS');
    const alerts = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'C0000ADMIN')
      .map((c) => String(c.args.text));
    expect(alerts.filter((t) => t.includes('C0000APPOPS is public'))).toHaveLength(1);
    expect(alerts.filter((t) => t.includes('C0000PAYOPS is shared outside'))).toHaveLength(1);
  });
});
