/** Outbound HTTP clients, all built one way: the environment's proxies and the extra CAs. */
package dev.soakanalyzer.http;
