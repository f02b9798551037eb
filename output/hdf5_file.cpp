#include "output/hdf5_file.hpp"

#include <stdexcept>

namespace sentra::output::h5 {

File create_file(const std::filesystem::path& path, const std::string& what) {
  const std::filesystem::path parent = path.parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent))
    throw std::runtime_error("cannot create " + what + " '" + path.string() + "': directory '" +
                             parent.string() + "' does not exist");
  const PropList create(H5Pcreate(H5P_FILE_CREATE), "create file properties");
  check(H5Pset_link_creation_order(create.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track link creation order in " + path.string());
  check(H5Pset_attr_creation_order(create.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track attribute creation order in " + path.string());
  // The root carries a dozen attributes (format, versions, seed, units...). Past 8, HDF5
  // moves an object's attributes to "dense" storage (a fractal heap and two B-trees, for
  // names and creation order); keeping up to 64 in the object header is cheaper to write.
  check(H5Pset_attr_phase_change(create.get(), 64, 48), "keep the root's attributes compact in " + path.string());
  const PropList access(H5Pcreate(H5P_FILE_ACCESS), "create file access properties");
  // SEMI: closing the file fails if any object in it is still open, so a leaked handle
  // shows up as an error at commit instead of a silently unfinished file.
  check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "set the close degree of " + path.string());
  // TRUNC replaces a stale .partial left by a crashed run.
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, create.get(), access.get());
  if (file < 0)
    throw std::runtime_error("cannot create " + what + " '" + path.string() +
                             "' (permissions? disk full? file locked by another program? "
                             "on NFS/Lustre try HDF5_USE_FILE_LOCKING=FALSE)");
  return File(file, "create " + path.string());
}

}  // namespace sentra::output::h5
