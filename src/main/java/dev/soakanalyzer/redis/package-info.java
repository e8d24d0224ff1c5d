/** Redis adapter: export-redis, the Redis state store and connections; Jedis stays in here. */
package dev.soakanalyzer.redis;
