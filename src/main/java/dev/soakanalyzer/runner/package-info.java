/** The continuous runner: cycle, lock file, lease, heartbeat, config precedence and metrics. */
package dev.soakanalyzer.runner;
