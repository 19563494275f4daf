// Tests of the web explorer's serving (web_assets.h): the embedded files
// with their types and security headers, the app shell at every page URL,
// the keywords generated from the lexer's table, and no path traversal:
// only the embedded names are served, whatever a path spells.
#include "tools/serve/web_assets.h"

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "query/token.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"
#include "tools/serve/server.h"

namespace annals::serve {
namespace {

TEST(WebAssetsTest, EveryPageFileIsEmbeddedWithItsType) {
  const std::pair<const char*, const char*> files[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"query_page.js", "text/javascript; charset=utf-8"},
      {"entity_page.js", "text/javascript; charset=utf-8"},
      {"graph_page.js", "text/javascript; charset=utf-8"},
      {"keywords.js", "text/javascript; charset=utf-8"},
      {"style.css", "text/css; charset=utf-8"},
      {"favicon.svg", "image/svg+xml"}};
  for (const auto& [name, type] : files) {
    const WebAsset* asset = FindWebAsset(name);
    ASSERT_NE(asset, nullptr) << name;
    EXPECT_EQ(asset->content_type, type) << name;
    EXPECT_FALSE(asset->body.empty()) << name;
  }
  EXPECT_EQ(FindWebAsset("nope.js"), nullptr);
  EXPECT_EQ(FindWebAsset(""), nullptr);
  EXPECT_EQ(FindWebAsset("../app.js"), nullptr);
}

TEST(WebAssetsTest, KeywordsAreTheLexersTable) {
  const WebAsset* asset = FindWebAsset("keywords.js");
  ASSERT_NE(asset, nullptr);
  std::string expected = "export const KEYWORDS = [";
  for (size_t i = 0; i < query::kKeywordCount; ++i) {
    absl::StrAppend(&expected, "\"", std::string(query::kKeywordTable[i].name),
                    "\",");
  }
  absl::StrAppend(&expected, "];");
  EXPECT_TRUE(absl::StrContains(std::string(asset->body), expected))
      << asset->body;
}

class WebServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = test::OpenDatabase(dir_.Join("store"), {test::kTinyClaims});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    options_.port = 0;
    options_.quiet = true;
    auto server = Server::Start(db_.get(), options_, nullptr);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // GET `path` exactly as written (no encoding by the client).
  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_url_encode(false);
    return client.Get(path);
  }

  test::TempDir dir_{"annals_web"};
  ServeOptions options_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Server> server_;
};

TEST_F(WebServeTest, EveryPageUrlServesTheAppShell) {
  for (const char* path :
       {"/", "/query", "/query?q=FIND%20%3Fx", "/entity/Russia",
        "/entity/Power%20of%20Siberia%202", "/entity/a%2Fb",
        "/graph/Russia?at=2025-09-02&path_to=Mongolia"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8")
        << path;
    EXPECT_TRUE(absl::StrContains(
        r->body, R"(<script type="module" src="/assets/app.js">)"))
        << path;
  }
}

TEST_F(WebServeTest, FilesHaveTheirTypeAndAPolicyWithoutInlineScript) {
  auto r = Get("/assets/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(r->body, std::string(FindWebAsset("app.js")->body));
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  for (const char* path : {"/", "/assets/style.css", "/entity/Russia"}) {
    auto page = Get(path);
    ASSERT_TRUE(page) << path;
    const std::string csp = page->get_header_value("Content-Security-Policy");
    EXPECT_TRUE(absl::StrContains(csp, "default-src 'none'")) << csp;
    EXPECT_TRUE(absl::StrContains(csp, "script-src 'self'")) << csp;
    EXPECT_TRUE(absl::StrContains(csp, "connect-src 'self'")) << csp;
    EXPECT_FALSE(absl::StrContains(csp, "unsafe")) << csp;
    EXPECT_FALSE(absl::StrContains(csp, "http")) << csp;
    EXPECT_FALSE(absl::StrContains(csp, "*")) << csp;
  }
  auto css = Get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(WebServeTest, NoPathTraversal) {
  for (const char* path : {"/assets/../server.cc",
                           "/assets/%2e%2e/server.cc",
                           "/assets/%2E%2E/%2E%2E/CMakeLists.txt",
                           "/assets/..%2fserver.cc",
                           "/assets/..%2Fweb%2Fapp.js",
                           "/assets/%2e%2e%2f%2e%2e%2fREADME.md",
                           "/assets//etc/passwd",
                           "/assets/%2Fetc%2Fpasswd",
                           "/assets/..\\server.cc",
                           "/assets/app.js/..",
                           "/assets/app.js%00.css",
                           "/assets/.",
                           "/assets/",
                           "/assets/web_assets.cc",
                           "/assets/index.html",
                           "/../../etc/passwd",
                           "/%2e%2e/%2e%2e/etc/passwd",
                           "/etc/passwd",
                           "/tools/serve/web/app.js",
                           "/web/app.js",
                           "/assets/APP.JS",
                           "/entity/",
                           "/graph/"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 404 || r->status == 400)
        << path << ": " << r->status;
    EXPECT_FALSE(absl::StrContains(r->body, "root:")) << path;
    EXPECT_FALSE(absl::StrContains(r->body, "namespace")) << path;
    EXPECT_FALSE(absl::StrContains(r->body, "import ")) << path;
  }
}

}  // namespace
}  // namespace annals::serve
