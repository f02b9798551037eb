# Run at every build (cli/CMakeLists.txt, target sentra_git_commit): writes the commit the
# sources are at (`git describe --always --dirty --tags`) into OUT, but only when it changed,
# so a build after a commit stamps the new one and an unchanged tree rebuilds nothing.
# Before, the commit was taken when CMake configured, and `sentra --version` and every result
# file went on naming that commit through later commits.
execute_process(COMMAND git describe --always --dirty --tags
  WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT commit)
  set(commit "unknown")
endif()
set(text "// Generated at build time by cmake/GitCommit.cmake.\n#include \"cli/git_commit.hpp\"\nconst char* sentra::cli::git_commit() { return \"${commit}\"; }\n")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
endif()
if(NOT "${old}" STREQUAL "${text}")
  file(WRITE ${OUT} "${text}")
endif()
