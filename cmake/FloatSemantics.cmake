# Project code keeps IEEE semantics for float: every cast to float rounds, as the model's
# results and their pinned digests assume. GCC 12's basic-block (SLP) vectorizer drops that
# rounding when it packs two sums in double of values cast to float into one vector: the
# order book's supply orders came out unrounded, and a run's results moved in the 7th digit
# (tests/engine/float_semantics_test.cpp reproduces it in a few lines). Turning that one pass
# off costs about 1% of a month at 10^6 SMEs (docs/performance.md). Loop vectorization stays on.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-fno-tree-slp-vectorize)
endif()
