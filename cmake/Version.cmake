# The git commit is taken at configure time and baked into the binary for provenance.
execute_process(COMMAND git describe --always --dirty --tags
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  OUTPUT_VARIABLE SENTRA_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT SENTRA_GIT_COMMIT)
  set(SENTRA_GIT_COMMIT "unknown")
endif()
