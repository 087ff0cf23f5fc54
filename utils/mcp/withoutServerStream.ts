import type { FetchLike } from './recordingFetch';

/**
 * For a one-shot test: the SDK opens the optional GET stream for server-initiated messages right
 * after `initialized`, a fifth request the test never reads. It is answered here with the 405 the
 * spec gives servers that offer no such stream, which the SDK takes quietly — so a test makes the
 * four requests the protocol needs (initialize, initialized, tools/list, DELETE).
 */
export function withoutServerStream(fetchFn: FetchLike): FetchLike {
  return (url, init) => {
    const accept = new Headers(init?.headers).get('accept') ?? '';
    if ((init?.method ?? 'GET').toUpperCase() === 'GET' && accept.includes('text/event-stream')) {
      return Promise.resolve(new Response(null, { status: 405, statusText: 'Not requested by this tester' }));
    }
    return fetchFn(url, init);
  };
}
