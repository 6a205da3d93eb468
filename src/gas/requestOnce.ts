/**
 * A page's request done once (RULES R21): a double-click, or google.script.run retrying, sends the same
 * request id twice; the second call gets the first call's answer and writes nothing. The answer is kept
 * in the document cache for 6 hours (CacheService's longest, developers.google.com/apps-script/reference/
 * cache/cache#put(String,String,Integer)); callers hold the document lock, so two calls cannot both miss.
 */
const TTL_SECONDS = 21_600;
const PREFIX = 'esp-request:';

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getDocumentCache() ?? CacheService.getScriptCache();
}

/** Runs `work` unless `requestId` was already done; the answer says which (`repeated`). */
export function once<T extends object>(requestId: string, work: () => T): T & { repeated: boolean } {
  const key = PREFIX + requestId.slice(0, 200);
  const store = cache();
  const seen = store.get(key);
  if (seen !== null) return { ...(JSON.parse(seen) as T), repeated: true };
  const answer = work();
  store.put(key, JSON.stringify(answer), TTL_SECONDS);
  return { ...answer, repeated: false };
}
