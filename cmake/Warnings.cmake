# Project code builds with warnings as errors; third-party headers are included as SYSTEM
# so their warnings do not count against us.
add_library(sentra_warnings INTERFACE)
target_compile_options(sentra_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wformat=2 -Werror)
# GCC 12 at -O3 reports -Wrestrict and -Wmaybe-uninitialized inside libstdc++'s std::string
# inlines for correct code (GCC bugs 105329 and 105651); they are not about our code, so they
# stay visible but do not fail the build.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(sentra_warnings INTERFACE -Wno-error=restrict -Wno-error=maybe-uninitialized)
endif()
