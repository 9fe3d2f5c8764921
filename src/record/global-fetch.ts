// Whether global fetch's body chunks can be recorded. Node 20's bundled undici (6.x) publishes
// create/headers/trailers/error but no bodyChunkReceived; requests it sends through an undici 7
// dispatcher are undici 7 requests and publish chunks. Loading the undici package installs its Agent
// as the global dispatcher when none exists yet, so in this harness (which loads undici before any
// fetch) global fetch already goes through undici 7. The recorder does not swap the dispatcher itself:
// a dispatcher set by the code under test (a proxy, a mock, tuned pools) must stay, and swapping per
// window would drop pooled connections between variants. It reports instead.
import { Dispatcher, getGlobalDispatcher } from 'undici';

export function globalFetchPublishesChunks(): boolean {
  return getGlobalDispatcher() instanceof Dispatcher;
}
