# shellcheck shell=bash
# Shared by tools/check and tools/demo (sourced, not run): stage headers, the
# Debian packages Annals needs, the Release configuration of build/, the
# consumer tests (find_package from the build tree and from an install,
# pkg-config, the shared library) and the ThreadSanitizer run. Expects the
# repository root as the current directory.

# What building the `annals` command and the library takes: tools/demo
# installs only these (`annals serve` needs cpp-httplib and nlohmann-json).
ANNALS_DEMO_PACKAGES=(build-essential cmake pkg-config librocksdb-dev
  libabsl-dev libboost-serialization-dev libreadline-dev libcpp-httplib-dev
  nlohmann-json3-dev libserd-dev)
# What tools/check adds: the tests, benchmarks, the Python package and its
# tests, the sanitizer runtimes, the fuzzing toolchain, and ccache (the
# shared library's build reuses build/'s objects through it).
ANNALS_CHECK_PACKAGES=("${ANNALS_DEMO_PACKAGES[@]}" ccache libgtest-dev libgmock-dev
  libbenchmark-dev libsqlite3-dev python3 python3-dev pybind11-dev
  python3-pandas python3-pytest python3-networkx python3-matplotlib
  python3-nbclient python3-nbformat python3-ipykernel clang-14
  libclang-rt-14-dev chromium chromium-driver python3-selenium
  python3-rdflib)
ANNALS_JOBS=${ANNALS_JOBS:-2}

# Prints a stage header: "==> Building (Release) in build/".
annals_stage() {
  printf '\n==> %s\n' "$*"
}

annals_die() {
  printf '\nFAILED: %s\n' "$*" >&2
  exit 1
}

# Temporary directories removed when the script exits, whatever the reason.
ANNALS_TMP_DIRS=()
annals_cleanup() {
  local d
  for d in "${ANNALS_TMP_DIRS[@]}"; do rm -rf -- "$d"; done
}
trap annals_cleanup EXIT

# Installs whichever of the packages named ($@, e.g.
# "${ANNALS_DEMO_PACKAGES[@]}") is missing, with apt-get (as root, or through
# sudo when there is one). When nothing is missing it touches neither apt
# nor the network.
annals_install_missing() {
  local packages=("$@")
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "not a Debian system: make sure these are installed: ${packages[*]}"
    return 0
  fi
  local missing=() p
  for p in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    echo "all ${#packages[@]} packages are installed"
    return 0
  fi
  local as_root=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 ||
      annals_die "missing packages (${missing[*]}) and neither root nor sudo to install them"
    as_root=(sudo)
  fi
  echo "installing: ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
    annals_die "apt-get update"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}" || annals_die "apt-get install ${missing[*]}"
}

# True when clang-14 and its libFuzzer runtime (libclang-rt-14-dev) are there,
# as tools/fuzz needs them.
annals_have_fuzz_toolchain() {
  local cxx=${ANNALS_FUZZ_CXX:-clang++-14} dir
  command -v "$cxx" >/dev/null 2>&1 || return 1
  dir=$("$cxx" -print-resource-dir 2>/dev/null) || return 1
  [[ -e "$dir/lib/linux/libclang_rt.fuzzer-$(uname -m).a" ]]
}

# Sets the array ANNALS_LAUNCHER to cmake's ccache launcher option when
# there is a ccache (after the packages are installed). Paths under the
# repository are hashed relative to it (CCACHE_BASEDIR), so build-shared/
# hits the objects build/ compiled: the objects are position-independent in
# every configuration.
ANNALS_LAUNCHER=()
annals_find_launcher() {
  ANNALS_LAUNCHER=()
  if command -v ccache >/dev/null 2>&1; then
    ANNALS_LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
  fi
}

# Configures build/ for Release with warnings as errors and everything on
# (tests, benchmarks, the Python package), as tools/check builds it.
annals_configure_release() {
  annals_find_launcher
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON \
    -DANNALS_BUILD_TESTS=ON -DANNALS_BUILD_BENCH=ON -DANNALS_BUILD_PYTHON=ON \
    "${ANNALS_LAUNCHER[@]}" || annals_die "configuring build/"
}

# tools/demo's configuration of build/: a build/ that exists (made by
# tools/check, or by an earlier demo) is kept as it is configured; a new one
# is Release with warnings as errors, without the tests, benchmarks and
# Python package (whose packages the demo does not install; tools/check
# turns them on again). Output goes to the file $1.
annals_configure_demo() {
  if [[ -f build/CMakeCache.txt ]]; then
    cmake -S . -B build >>"$1" 2>&1
  else
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON \
      -DANNALS_BUILD_TESTS=OFF -DANNALS_BUILD_BENCH=OFF \
      -DANNALS_BUILD_PYTHON=OFF >>"$1" 2>&1
  fi
}

# Runs a build command ($2...) with its output in the file $1, showing one
# line of progress from make's "[ 45%]" markers: "building annals: [ 45%]"
# rewritten in place on a terminal, a plain line at each quarter without
# one. On failure prints the log's errors and where the whole log is, and
# returns non-zero.
annals_build_with_progress() {
  local log=$1 line pct shown=-1 start=$SECONDS tty=0 status=0
  shift
  [[ -t 1 ]] && tty=1
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    [[ "$line" =~ ^\[\ *([0-9]+)%\] ]] || continue
    pct=${BASH_REMATCH[1]}
    if ((tty)); then
      printf '\rbuilding annals: [%3d%%]' "$pct"
    elif ((pct / 25 > shown / 25)); then
      printf 'building annals: [%3d%%]\n' "$pct"
      shown=$pct
    fi
  done < <("$@" 2>&1; echo "build exit code $?")
  ((tty)) && printf '\r\033[K'
  line=$(tail -n 1 "$log")
  [[ "$line" == "build exit code 0" ]] || status=1
  if ((status)); then
    echo "building annals failed; its errors (the whole log is $log):"
    grep -v '^\[ *[0-9]*%\]' "$log" | tail -n 60
    return 1
  fi
  echo "building annals: done in $((SECONDS - start))s (log: $log)"
}

# A new temporary directory (removed at exit) in the variable named $1.
annals_tmp_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/annals-consumer.XXXXXX") || annals_die "mktemp"
  ANNALS_TMP_DIRS+=("$dir")
  printf -v "$1" '%s' "$dir"
}

# Configures, builds and runs tests/consumer (find_package(Annals),
# Annals::annals) with CMAKE_PREFIX_PATH $2, in a temporary folder; $1 says
# what is tested. Prints embed_example's path in the variable named $3.
annals_consumer_cmake() {
  local what=$1 prefix_path=$2 tmp
  annals_tmp_dir tmp
  echo "tests/consumer through find_package(Annals) from $what"
  { cmake -S tests/consumer -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix_path" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" &&
    cmake --build "$tmp/build" -j"$ANNALS_JOBS"; } >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log"; annals_die "tests/consumer from $what"; }
  "$tmp/build/embed_example" >"$tmp/run.log" ||
    { cat "$tmp/run.log"; annals_die "tests/consumer/embed_example from $what"; }
  printf -v "$3" '%s' "$tmp/build/embed_example"
}

# Builds tests/consumer/embed_example.cc with nothing but
# g++ $(pkg-config --cflags --libs annals), PKG_CONFIG_PATH pointing into the
# install prefix $1, and runs it (LD_LIBRARY_PATH $2, for a shared library).
annals_consumer_pkg_config() {
  local prefix=$1 ld_path=${2:-} tmp flags
  annals_tmp_dir tmp
  echo "tests/consumer/embed_example.cc through g++ \$(pkg-config --cflags --libs annals)"
  flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs annals) ||
    annals_die "pkg-config --cflags --libs annals (PKG_CONFIG_PATH=$prefix/lib/pkgconfig)"
  # shellcheck disable=SC2086  # the flags are words
  g++ -std=c++17 -Wall -Wextra -Werror tests/consumer/embed_example.cc $flags \
    -o "$tmp/embed_example" >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log"; echo "flags: $flags"; annals_die "g++ with pkg-config annals"; }
  LD_LIBRARY_PATH="$ld_path" "$tmp/embed_example" >"$tmp/run.log" ||
    { cat "$tmp/run.log"; annals_die "embed_example built with pkg-config"; }
}

# Installs the library of the build in $1 (`cmake --install --component
# library`: headers, libraries, CMake and pkg-config files) into a new
# temporary prefix, named in the variable $2.
annals_install_library() {
  local tmp
  annals_tmp_dir tmp
  cmake --install "$1" --prefix "$tmp/prefix" --component library \
    >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; annals_die "cmake --install $1"; }
  printf -v "$2" '%s' "$tmp/prefix"
}

# The consumer tests of the static libraries of build/ ($1): tests/consumer
# through find_package from the build tree and from an install, and through
# pkg-config from that install.
annals_run_consumer() {
  local prefix exe
  annals_consumer_cmake "the build tree $1/" "$PWD/$1" exe
  annals_install_library "$1" prefix
  annals_consumer_cmake "an install" "$prefix" exe
  annals_consumer_pkg_config "$prefix"
}

# The shared library: configures $1 with -DANNALS_SHARED=ON (no tests,
# benchmarks or Python package), builds only libannals.so (through ccache,
# the position-independent objects build/ compiled: a link, not a rebuild),
# checks its SONAME, and runs the consumer tests against it (the build tree,
# then an install through pkg-config).
annals_run_shared_consumer() {
  local dir=$1 prefix exe soname
  annals_find_launcher
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON \
    -DANNALS_SHARED=ON -DANNALS_BUILD_TESTS=OFF -DANNALS_BUILD_BENCH=OFF \
    -DANNALS_BUILD_PYTHON=OFF "${ANNALS_LAUNCHER[@]}" >/dev/null ||
    annals_die "configuring $dir/ with -DANNALS_SHARED=ON"
  cmake --build "$dir" -j"$ANNALS_JOBS" --target annals_shared >/dev/null ||
    annals_die "building libannals.so in $dir/"
  soname=$(readelf -d "$dir/api/libannals.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  echo "libannals.so: SONAME $soname"
  [[ "$soname" =~ ^libannals\.so\.[0-9]+$ ]] || annals_die "libannals.so's SONAME is '$soname'"
  annals_consumer_cmake "the shared library's build tree $dir/" "$PWD/$dir" exe
  readelf -d "$exe" | grep -q "NEEDED.*\[$soname\]" ||
    annals_die "embed_example does not load $soname"
  annals_install_library "$dir" prefix
  annals_consumer_pkg_config "$prefix" "$prefix/lib"
}

# Runs the ThreadSanitizer test binary $1 with tests/concurrency/tsan.supp;
# the first report fails it. A kernel with more mmap randomisation than GCC
# 12's TSan runtime allows ("unexpected memory mapping") gets a second run
# with address randomisation off (setarch -R).
annals_run_tsan() {
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/annals-tsan.XXXXXX") || annals_die "mktemp"
  ANNALS_TMP_DIRS+=("$log")
  local opts="halt_on_error=1 second_deadlock_stack=1 history_size=7"
  opts+=" suppressions=$PWD/tests/concurrency/tsan.supp"
  if TSAN_OPTIONS="$opts" "$1" 2>&1 | tee "$log"; then return 0; fi
  grep -q "unexpected memory mapping" "$log" || return 1
  echo "retrying with address space randomisation off (setarch -R)"
  TSAN_OPTIONS="$opts" setarch "$(uname -m)" -R "$1"
}
