// `annals export`: the command-line side of tools/export/export_writer.h
// (flags, the output file, the summary). annals_main.cc dispatches to it.
#ifndef ANNALS_TOOLS_EXPORT_EXPORT_COMMAND_H_
#define ANNALS_TOOLS_EXPORT_EXPORT_COMMAND_H_

#include <string>
#include <utility>
#include <vector>

namespace annals::cli {

extern const char kExportHelp[];

// Runs `annals export` with the command's positional arguments and
// `--name=value` flags (value empty for `--name`). Returns the exit code:
// 0 exported, 1 failed, 2 usage error (message and help on stderr).
int RunExport(const std::vector<std::string>& positional,
              const std::vector<std::pair<std::string, std::string>>& flags);

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_EXPORT_EXPORT_COMMAND_H_
