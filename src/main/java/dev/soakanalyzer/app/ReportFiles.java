package dev.soakanalyzer.app;

/** Names of the report files in the out dir. */
public final class ReportFiles {
  public static final String ANALYSIS = "POST_SOAK_ANALYSIS.md";
  public static final String VIOLATIONS = "VIOLATIONS.json";
  public static final String RECOMMENDATIONS = "RECOMMENDATIONS.md";
  public static final String SUMMARY = "SOAK_SUMMARY.json";
  public static final String HTML = dev.soakanalyzer.core.report.HtmlReportRenderer.FILE_NAME;

  private ReportFiles() {}
}
