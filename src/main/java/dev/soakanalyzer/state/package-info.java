/** The state port shared by the runner and the action: alert state, heartbeat, last export hash. */
package dev.soakanalyzer.state;
