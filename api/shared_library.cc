// The one source of libannals.so (-DANNALS_SHARED=ON, api/CMakeLists.txt):
// its code is the static layers' objects, linked in whole; a shared library
// target needs a source of its own.
namespace annals {}  // namespace annals
