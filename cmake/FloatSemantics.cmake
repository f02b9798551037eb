# Project code keeps IEEE semantics for float: every cast to float rounds and no multiply-add
# is fused unless the source says so, as the model's results and their pinned digests assume.
# - GCC 12's basic-block (SLP) vectorizer drops that rounding when it packs two sums in double
#   of values cast to float into one vector: the order book's supply orders came out unrounded
#   and a run's results moved in the 7th digit (tests/engine/float_semantics_test.cpp
#   reproduces it in a few lines). Turning that one pass off has no measurable cost at 10^6
#   SMEs (docs/performance.md); loop vectorization stays on.
# - GCC's C++ default -ffp-contract=fast fuses a*b + c into one FMA where the target has it
#   (aarch64, or x86-64 built with -march=native), differently at each inlined copy, so two
#   places computing one value could disagree. The default x86-64 target has no FMA; off, the
#   same source gives the same value everywhere.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-fno-tree-slp-vectorize -ffp-contract=off)
endif()
