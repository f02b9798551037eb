// Writes the synthetic run (synthetic.hpp) to the file named on the command line, for
// the Python reader checks (read_with_h5py.py --expect-synthetic).
#include <exception>
#include <iostream>

#include "tests/output/synthetic.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " FILE.h5\n";
    return 2;
  }
  try {
    sentra::output::testing::write_synthetic_run(argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  std::cout << "wrote " << argv[1] << "\n";
  return 0;
}
