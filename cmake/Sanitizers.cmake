# SENTRA_SANITIZE="address,undefined" or "thread" instruments every target.
# Under ThreadSanitizer, point TBB_DIR at an instrumented oneTBB (scripts/build-tbb-tsan.sh):
# Debian's libtbb is not instrumented and would report false races.
if(SENTRA_SANITIZE)
  add_compile_options(-fsanitize=${SENTRA_SANITIZE} -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${SENTRA_SANITIZE})
  if(SENTRA_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=all)
  endif()
endif()
