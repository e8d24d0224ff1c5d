/** The GitHub runner edge: action inputs and context, workflow commands, outputs, PR comment. */
package dev.soakanalyzer.github;
