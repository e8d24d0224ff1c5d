package dev.soakanalyzer.redis;

import java.util.Locale;

/**
 * Why a Redis operation failed, as a closed set, so callers degrade only when Redis is really
 * unreachable and report anything else with its real reason.
 */
public enum RedisFailure {
  /** Connection refused, timed out, dropped, host unknown, or the server is still loading. */
  UNREACHABLE,
  /** AUTH refused (WRONGPASS) or the ACL user lacks a permission (NOPERM). */
  AUTH_REFUSED,
  /** A key we write holds another type (WRONGTYPE). */
  WRONG_TYPE,
  /** TLS handshake or certificate problem. */
  TLS,
  /** Any other server error (OOM, READONLY, ...). */
  SERVER_ERROR;

  /** The {@code reason} written to last_export_status.json. */
  public String reasonCode() {
    return this == UNREACHABLE ? "redis_unavailable" : name().toLowerCase(Locale.ROOT);
  }
}
