/** Use cases shared by the CLI, the action and the runner (analysis job, console). */
package dev.soakanalyzer.app;
