import { createMemorySource } from '../fakes/memory-source.js';
import { makePost } from '../helpers.js';
import { sourceContract } from './source-contract.js';

sourceContract('the in-memory fake source', async () => {
  const source = createMemorySource();
  let n = 0;
  return {
    source: () => source,
    publish(count) {
      const posts = Array.from({ length: count }, () =>
        makePost({
          text: `The app crashed, report ${++n}`,
          createdAt: new Date(Date.UTC(2026, 10, 1) + n * 1000),
        }),
      );
      source.publish(posts);
      return posts.map((p) => p.text);
    },
    close: async () => {},
  };
});
