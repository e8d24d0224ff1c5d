package dev.soakanalyzer.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A local stand-in for the GitHub REST API (WireMock) holding one pull request and its comments.
 * Bodies are shaped like GitHub's; writes found in the request journal are applied to the comment
 * list by {@link #applyWrites()}, so consecutive runs see each other's comments.
 */
public final class FakeGitHub implements AutoCloseable {

  public static final String OWNER = "acme";
  public static final String REPO = "mm-bot";
  public static final int PR = 7;
  public static final String BOT = "soak-bot";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One issue comment. */
  public record Comment(long id, String user, String body) {}

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final List<Comment> comments = new ArrayList<>();
  private long nextId = 1000;
  private int pageSize = 30;
  private ResponseDefinitionBuilder writeFailure;
  private boolean userForbidden;
  private boolean endlessPages;

  /** Path prefix of the API: "" as on github.com, "/api/v3" as on GitHub Enterprise Server. */
  private final String basePath;

  public FakeGitHub() {
    this("");
  }

  public FakeGitHub(String basePath) {
    this.basePath = basePath;
    server.start();
    restub();
  }

  public String apiUrl() {
    return "http://localhost:" + server.port() + basePath;
  }

  public WireMockServer server() {
    return server;
  }

  public List<Comment> comments() {
    return List.copyOf(comments);
  }

  public FakeGitHub addComment(String user, String body) {
    comments.add(new Comment(nextId++, user, body));
    restub();
    return this;
  }

  /** Comments per page of the list endpoint (GitHub caps it at 100; small values force paging). */
  public FakeGitHub pageSize(int size) {
    this.pageSize = size;
    restub();
    return this;
  }

  /** Every POST/PATCH of a comment answers with this instead. */
  public FakeGitHub failWrites(ResponseDefinitionBuilder response) {
    this.writeFailure = response;
    restub();
    return this;
  }

  /** Every comments page says {@code Link: next} to another page, for ever. */
  public FakeGitHub endlessPages() {
    this.endlessPages = true;
    restub();
    return this;
  }

  public int commentPageReads() {
    return server
        .findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching(".*/issues/\\d+/comments")))
        .size();
  }

  /** GET /user answers 403, as it does for the default GITHUB_TOKEN (an installation token). */
  public FakeGitHub userEndpointForbidden() {
    this.userForbidden = true;
    restub();
    return this;
  }

  public int posts() {
    return server.findAll(postRequestedFor(urlPathMatching(".*/repos/.*/comments"))).size();
  }

  public int patches() {
    return server.findAll(patchRequestedFor(urlPathMatching(".*/repos/.*/comments/.*"))).size();
  }

  /** Applies the journal's successful creates and updates to the comment list, then restubs. */
  public void applyWrites() throws Exception {
    if (writeFailure == null) {
      for (LoggedRequest r :
          server.findAll(postRequestedFor(urlPathMatching(".*/repos/.*/comments")))) {
        comments.add(
            new Comment(nextId++, BOT, JSON.readTree(r.getBodyAsString()).get("body").asText()));
      }
      for (LoggedRequest r :
          server.findAll(patchRequestedFor(urlPathMatching(".*/repos/.*/issues/comments/.*")))) {
        long id = Long.parseLong(r.getUrl().replaceAll(".*/comments/(\\d+).*", "$1"));
        String body = JSON.readTree(r.getBodyAsString()).get("body").asText();
        comments.replaceAll(c -> c.id() == id ? new Comment(id, c.user(), body) : c);
      }
    }
    server.resetRequests();
    restub();
  }

  private void restub() {
    server.resetMappings();
    String repoPath = basePath + "/repos/" + OWNER + "/" + REPO;
    if (userForbidden) {
      server.stubFor(
          get(urlPathEqualTo(basePath + "/user"))
              .willReturn(
                  json(
                      403,
                      "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest/users/users#get-the-authenticated-user\",\"status\":\"403\"}")));
    } else {
      server.stubFor(
          get(urlPathEqualTo(basePath + "/user")).willReturn(json(200, user(BOT).toString())));
    }
    server.stubFor(get(urlPathEqualTo(repoPath)).willReturn(json(200, repo().toString())));
    server.stubFor(
        get(urlPathEqualTo(repoPath + "/issues/" + PR)).willReturn(json(200, issue().toString())));
    int pages = Math.max(1, (comments.size() + pageSize - 1) / pageSize);
    for (int p = 1; p <= pages; p++) {
      ArrayNode page = JSON.createArrayNode();
      for (int i = (p - 1) * pageSize; i < Math.min(comments.size(), p * pageSize); i++) {
        page.add(comment(comments.get(i)));
      }
      ResponseDefinitionBuilder response = json(200, page.toString());
      if (p < pages) {
        String next =
            "http://localhost:"
                + server.port()
                + repoPath
                + "/issues/"
                + PR
                + "/comments?per_page="
                + pageSize
                + "&page="
                + (p + 1);
        String last =
            "http://localhost:"
                + server.port()
                + repoPath
                + "/issues/"
                + PR
                + "/comments?per_page="
                + pageSize
                + "&page="
                + pages;
        response.withHeader("Link", "<" + next + ">; rel=\"next\", <" + last + ">; rel=\"last\"");
      }
      server.stubFor(
          get(urlPathEqualTo(repoPath + "/issues/" + PR + "/comments"))
              .withQueryParam("page", p == 1 ? absent() : equalTo(Integer.toString(p)))
              .willReturn(response));
    }
    if (endlessPages) {
      String self = "http://localhost:" + server.port() + repoPath + "/issues/" + PR + "/comments";
      server.stubFor(
          get(urlPathEqualTo(repoPath + "/issues/" + PR + "/comments"))
              .atPriority(1)
              .willReturn(
                  json(
                          200,
                          JSON.createArrayNode()
                              .add(comment(new Comment(1, "someone", "hi")))
                              .toString())
                      .withHeader("Link", "<" + self + "?page=2>; rel=\"next\"")));
    }
    if (writeFailure != null) {
      server.stubFor(
          post(urlPathEqualTo(repoPath + "/issues/" + PR + "/comments")).willReturn(writeFailure));
      server.stubFor(
          patch(urlPathMatching(repoPath + "/issues/comments/\\d+")).willReturn(writeFailure));
    } else {
      server.stubFor(
          post(urlPathEqualTo(repoPath + "/issues/" + PR + "/comments"))
              .willReturn(json(201, comment(new Comment(nextId, BOT, "created")).toString())));
      for (Comment c : comments) {
        server.stubFor(
            patch(urlPathEqualTo(repoPath + "/issues/comments/" + c.id()))
                .willReturn(json(200, comment(c).toString())));
      }
    }
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("X-GitHub-Media-Type", "github.v3; format=json")
        .withHeader("X-RateLimit-Limit", "5000")
        .withHeader("X-RateLimit-Remaining", "4990")
        .withHeader("X-RateLimit-Reset", "4102444800")
        .withHeader("X-RateLimit-Resource", "core")
        .withBody(body);
  }

  private ObjectNode user(String login) {
    ObjectNode u = JSON.createObjectNode();
    u.put("login", login).put("id", login.hashCode() & 0xffff).put("node_id", "U_" + login);
    u.put("type", login.endsWith("[bot]") ? "Bot" : "User").put("site_admin", false);
    u.put("url", apiUrl() + "/users/" + login).put("html_url", "https://github.com/" + login);
    return u;
  }

  private ObjectNode repo() {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", 555)
        .put("node_id", "R_kgDOAbc")
        .put("name", REPO)
        .put("full_name", OWNER + "/" + REPO);
    r.put("private", true).put("fork", false).put("default_branch", "main");
    r.set("owner", user(OWNER).put("type", "Organization"));
    r.put("html_url", "https://github.com/" + OWNER + "/" + REPO);
    r.put("url", apiUrl() + "/repos/" + OWNER + "/" + REPO);
    ObjectNode perms = r.putObject("permissions");
    perms.put("admin", false).put("push", true).put("pull", true);
    return r;
  }

  private ObjectNode issue() {
    ObjectNode i = JSON.createObjectNode();
    String base = apiUrl() + "/repos/" + OWNER + "/" + REPO;
    i.put("id", 1998877).put("node_id", "PR_kwDOAbc123").put("number", PR);
    i.put("title", "Tune spread for ETHUSDT").put("state", "open").put("locked", false);
    i.put("url", base + "/issues/" + PR).put("repository_url", base);
    i.put("comments_url", base + "/issues/" + PR + "/comments");
    i.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR);
    i.put("comments", comments.size());
    i.set("user", user("octocat"));
    ObjectNode pr = i.putObject("pull_request");
    pr.put("url", base + "/pulls/" + PR)
        .put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR);
    i.put("created_at", "2026-01-05T10:00:00Z").put("updated_at", "2026-01-05T11:00:00Z");
    return i;
  }

  private ObjectNode comment(Comment c) {
    ObjectNode n = JSON.createObjectNode();
    String base = apiUrl() + "/repos/" + OWNER + "/" + REPO;
    n.put("id", c.id()).put("node_id", "IC_" + c.id());
    n.put("url", base + "/issues/comments/" + c.id());
    n.put(
        "html_url",
        "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + "#issuecomment-" + c.id());
    n.put("issue_url", base + "/issues/" + PR);
    n.put("body", c.body());
    if (c.user() == null) {
      n.putNull("user"); // a deleted account
    } else {
      n.set("user", user(c.user()));
    }
    n.put("created_at", "2026-01-05T10:00:00Z").put("updated_at", "2026-01-05T10:00:00Z");
    n.put("author_association", "MEMBER");
    return n;
  }

  @Override
  public void close() {
    server.stop();
  }
}
