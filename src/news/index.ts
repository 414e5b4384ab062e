// The news layer: events with economic content, narratives that read them, the gap maps, the
// social network and the feed that diffuses narratives to traders.
export * from './event.ts';
export * from './gaps.ts';
export * from './network.ts';
export * from './feed.ts';
