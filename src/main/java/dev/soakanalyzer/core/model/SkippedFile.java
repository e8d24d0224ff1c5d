package dev.soakanalyzer.core.model;

/** An input file left out of the analysis, and why (one line). */
public record SkippedFile(String file, String reason) {}
