# Runs a canary that a sanitizer must catch, as a ctest entry:
#   cmake -DEXE=<program> -DREPORT=<regex> [-DEXIT_CODE=<n>] -P expect_report.cmake
# Passes only if the program exits non-zero (EXIT_CODE exactly, when given) AND its output
# holds the expected sanitizer report. Plain WILL_FAIL would also "pass" when the
# sanitizer runtime cannot even start (e.g. TSan's "unexpected memory mapping") or the
# program crashes for another reason; this wrapper tells those apart.
execute_process(COMMAND "${EXE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(rc EQUAL 0)
  message(FATAL_ERROR "canary: ${EXE} exited 0: the sanitizer did NOT catch the planted bug")
endif()
if(DEFINED EXIT_CODE AND NOT rc STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "canary: ${EXE} exited '${rc}', expected the sanitizer exit code ${EXIT_CODE}")
endif()
if(NOT out MATCHES "${REPORT}")
  message(FATAL_ERROR "canary: ${EXE} failed (${rc}) without the expected report /${REPORT}/")
endif()
message(STATUS "canary: caught as expected (exit ${rc}, report /${REPORT}/)")
