/** The GitHub Action use case: analysis, step summary, annotations, PR comment, outputs. */
package dev.soakanalyzer.action;
