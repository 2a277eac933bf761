# Shared set-up steps for ./livedigits and ./test.sh: each installs what is missing, once.
# Sourced, not run. Messages go to stderr so that stdout stays the program's.

ld_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LIVEDIGITS_HOME="$ld_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ld_say() { printf 'livedigits: %s\n' "$*" >&2; }

# Installs Debian packages when run as root; otherwise names them and fails.
# Usage: ld_apt_install "why they are needed" pkg...
ld_apt_install() {
  local why="$1"; shift
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    ld_say "$why needs these packages; install them and retry: $*"
    return 1
  fi
  ld_say "installing $* ($why)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || {
      ld_say "could not install $*"; return 1; }
  fi
}

# The OpenCV native runtime links against GTK 3 even when no window is opened.
ld_ensure_gtk() {
  # No grep -q on a pipe here: with pipefail, ldconfig's SIGPIPE would read as "missing".
  case "$(/sbin/ldconfig -p 2>/dev/null)" in *libgtk-3.so.0*) return 0 ;; esac
  ld_apt_install "the OpenCV runtime (GTK 3)" libgtk-3-0
}

# The window tests run the app in a private X server (Xvfb) under openbox, drive it with xdotool and
# take screenshots with ImageMagick's import; x11-utils gives xdpyinfo and xprop to wait for them.
ld_ensure_window_tools() {
  local tool
  for tool in Xvfb openbox xdotool import xdpyinfo xprop; do
    command -v "$tool" >/dev/null 2>&1 || {
      ld_apt_install "the window tests" xvfb openbox xdotool imagemagick x11-utils; return; }
  done
}

ld_ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return 0
  ld_say "the .NET 10 SDK is needed (dotnet was not found on PATH)"
  return 1
}

# Builds the app in Release into .cache/app when any source is newer than the last build. The projects'
# bin/ and obj/ are not sources: ./test.sh builds there, and counting them rebuilt the app after every test run.
ld_ensure_app() {
  local out="$ld_root/.cache/app" stamp="$ld_root/.cache/app/.built"
  if [ -f "$stamp" ] && [ -z "$(find "$ld_root/src" "$ld_root/Directory.Build.props" \
      "$ld_root/Directory.Packages.props" \( -name bin -o -name obj \) -prune -o \
      -type f -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  ld_say "building (Release)..."
  local log="$ld_root/.cache/build.log"
  mkdir -p "$ld_root/.cache"
  if ! dotnet build "$ld_root/src/LiveDigits/LiveDigits.csproj" -c Release -o "$out" -nologo -v q \
      >"$log" 2>&1; then
    grep -E 'error' "$log" | sort -u | head -20 >&2
    ld_say "build failed; full log in $log"
    return 1
  fi
  touch "$stamp"
}
