// Serving the embedded web files (web_assets.h) with their types, a
// Content-Security-Policy that allows only this server's own scripts,
// styles and API (no inline script, no remote origin), and no sniffing.
#include "tools/serve/web_assets.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "tools/serve/http_errors.h"

namespace annals::serve {
namespace {

constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

ApiResponse AssetResponse(const WebAsset& asset) {
  ApiResponse r;
  r.content_type = std::string(asset.content_type);
  r.body = std::string(asset.body);
  r.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
               {"X-Content-Type-Options", "nosniff"},
               {"Referrer-Policy", "no-referrer"},
               {"Cache-Control", "no-cache"}};
  return r;
}

}  // namespace

const WebAsset* FindWebAsset(std::string_view name) {
  for (const WebAsset* a = WebAssetsBegin(); a != WebAssetsEnd(); ++a) {
    if (a->name == name) return a;
  }
  return nullptr;
}

ApiResponse GetWebAsset(const std::string& name) {
  const WebAsset* asset = FindWebAsset(name);
  if (asset == nullptr || asset->name == "index.html") {
    return ErrorResponse(
        404, absl::NotFoundError(absl::StrCat("no such file: /assets/", name)));
  }
  return AssetResponse(*asset);
}

ApiResponse GetAppShell() {
  const WebAsset* shell = FindWebAsset("index.html");
  if (shell == nullptr) {
    return ErrorResponse(absl::InternalError("the explorer was not built in"));
  }
  return AssetResponse(*shell);
}

}  // namespace annals::serve
