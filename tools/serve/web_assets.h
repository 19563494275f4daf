// The web explorer's files (tools/serve/web/ and the generated keywords.js),
// compiled into the binary by cmake/embed_web_files.cmake, and the answers
// that serve them: only these names are ever served, so no request can
// reach a file of the disk.
#ifndef ANNALS_TOOLS_SERVE_WEB_ASSETS_H_
#define ANNALS_TOOLS_SERVE_WEB_ASSETS_H_

#include <string>
#include <string_view>

#include "tools/serve/api_types.h"

namespace annals::serve {

struct WebAsset {
  std::string_view name;          // "app.js": served at /assets/app.js
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
};

// Every embedded file (generated web_assets_data.cc).
const WebAsset* WebAssetsBegin();
const WebAsset* WebAssetsEnd();

// The file named exactly `name`, or nullptr.
const WebAsset* FindWebAsset(std::string_view name);

// GET /assets/NAME: the file with its type and the security headers, or a
// JSON 404 for any other name (`..`, `/`, an encoded one, anything).
ApiResponse GetWebAsset(const std::string& name);

// The app shell (index.html) that every page of the explorer starts from:
// GET /, /query, /entity/NAME, /graph/NAME, so that their URLs can be
// bookmarked; the page's script reads its URL and draws the page.
ApiResponse GetAppShell();

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_WEB_ASSETS_H_
