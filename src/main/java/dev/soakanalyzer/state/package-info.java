/** The runner's key/value state port (Redis behind it): alert state, heartbeat, export hash. */
package dev.soakanalyzer.state;
