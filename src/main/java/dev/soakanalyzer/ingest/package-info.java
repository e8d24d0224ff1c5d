/**
 * Reading ITER_SUMMARY files: glob, parse every supported shape, and assemble per-symbol series.
 */
package dev.soakanalyzer.ingest;
