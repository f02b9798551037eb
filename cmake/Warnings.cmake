# Project code builds with warnings as errors; third-party headers are included as SYSTEM
# so their warnings do not count against us.
add_library(sentra_warnings INTERFACE)
target_compile_options(sentra_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wformat=2 -Werror)
