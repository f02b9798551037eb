#pragma once
// The git commit the binary was built from (`git describe --always --dirty --tags`), stamped
// at every build by cmake/GitCommit.cmake into a generated source of its own.
namespace sentra::cli {
const char* git_commit();
}  // namespace sentra::cli
