/**
 * The benchmark: a deterministic data-set generator and an end-to-end timing of {@code analyze}.
 */
package dev.soakanalyzer.bench;
