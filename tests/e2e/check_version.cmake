execute_process(COMMAND ${BIN} --version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sentra --version exited ${rc}")
endif()
foreach(word "sentra " "git " "hdf5 " "oneTBB " "yaml-cpp " "boost " "CLI11 ")
  string(FIND "${out}" "${word}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "sentra --version does not mention '${word}':\n${out}")
  endif()
endforeach()
# The commit named is the one the sources were at when the binary was built (stamped at every
# build, not when CMake first configured). Checked when the binary is newer than the current
# commit; a binary built before the latest commit is merely stale. SOURCE_DIR is passed by
# ctest; outside a git checkout there is nothing to check.
if(SOURCE_DIR)
  execute_process(COMMAND git describe --always --dirty --tags WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE git_rc)
  execute_process(COMMAND git log -1 --format=%ct WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE committed OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(TIMESTAMP ${BIN} built "%s" UTC)
  if(git_rc EQUAL 0 AND commit AND committed AND built GREATER committed)
    string(FIND "${out}" "(git ${commit})" pos)
    if(pos EQUAL -1)
      message(FATAL_ERROR "sentra --version does not name the current commit ${commit}, though built after it:\n${out}")
    endif()
  endif()
endif()
