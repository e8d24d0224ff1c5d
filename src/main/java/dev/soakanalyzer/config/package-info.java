/** The optional thresholds file: per-symbol thresholds and custom metrics without code changes. */
package dev.soakanalyzer.config;
