# shellcheck shell=bash
# Shared by tools/check and tools/demo (sourced, not run): stage headers, the
# Debian packages Annals needs, the Release configuration of build/, the
# find_package consumer test and the ThreadSanitizer run. Expects the repository root as the current
# directory.

ANNALS_PACKAGES=(build-essential cmake librocksdb-dev libabsl-dev
  libboost-serialization-dev libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev libreadline-dev python3 python3-dev pybind11-dev python3-pandas
  python3-pytest python3-networkx python3-matplotlib python3-nbclient
  python3-nbformat python3-ipykernel pkg-config clang-14 libclang-rt-14-dev
  libcpp-httplib-dev nlohmann-json3-dev)
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

# Installs whichever of ANNALS_PACKAGES is missing, with apt-get (as root, or
# through sudo when there is one). When nothing is missing it touches neither
# apt nor the network.
annals_install_missing() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "not a Debian system: make sure these are installed: ${ANNALS_PACKAGES[*]}"
    return 0
  fi
  local missing=() p
  for p in "${ANNALS_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    echo "all ${#ANNALS_PACKAGES[@]} packages are installed"
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

# Configures build/ for Release with warnings as errors. tools/check and
# tools/demo share build/, so they must configure it the same way.
annals_configure_release() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON ||
    annals_die "configuring build/"
}

# Installs the build in $1 into a temporary prefix, then configures, builds
# and runs tests/consumer against it through find_package(Annals).
annals_run_consumer() {
  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/annals-consumer.XXXXXX") || annals_die "mktemp"
  ANNALS_TMP_DIRS+=("$tmp")
  echo "installing $1 into $tmp/prefix"
  cmake --install "$1" --prefix "$tmp/prefix" >"$tmp/install.log" ||
    { cat "$tmp/install.log"; annals_die "cmake --install $1"; }
  echo "building tests/consumer against it (find_package(Annals), Annals::annals)"
  { cmake -S tests/consumer -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" &&
    cmake --build "$tmp/build" -j"$ANNALS_JOBS"; } >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log"; annals_die "configuring or building tests/consumer"; }
  echo "running embed_example"
  "$tmp/build/embed_example" || annals_die "tests/consumer/embed_example"
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
