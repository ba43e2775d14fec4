#!/usr/bin/env bash
# Prerequisite checks for DomainFlow's scripts. Source this file; it only defines functions.
#
#   ensure_packages pkg...      install missing Debian packages (root) or explain what to install
#   ensure_postgres_binaries    make initdb/pg_ctl/postgres available and export PG_BINDIR + PATH
#   ensure_chromium             install Debian's chromium (browser tests drive /usr/bin/chromium)
#   ensure_dns_lab              install knot (knotd, started by the DNS tests) and dnsperf; no system service
#   ensure_web_lab              install nginx (started by scripts/bench-http) and curl; no system service
#   ensure_proxy_lab            install tinyproxy and microsocks (started by the proxy tests); no system service
#   require_dotnet / require_node / require_toolchain
#
# Everything fails with one clear line on stderr and `exit 1`: these run at the top of scripts,
# where stopping early beats a confusing error from dotnet or initdb much later.

# Set once `apt-get update` has run in this shell, so several ensure_packages calls update only once.
_PREREQS_APT_UPDATED=${_PREREQS_APT_UPDATED:-0}

# Print to stderr with a recognisable prefix, so prereq problems stand out in long CI logs.
prereq_die() {
    echo "prereqs: $*" >&2
    exit 1
}

# ensure_packages pkg...
# Installs only the packages dpkg does not report as installed. apt-get update (slow, needs the
# mirror) runs only when something is actually missing, so the common "all present" path is offline
# and takes milliseconds.
ensure_packages() {
    (($# > 0)) || return 0
    command -v dpkg-query >/dev/null 2>&1 ||
        prereq_die "dpkg-query not found: these scripts expect Debian/Ubuntu; install by hand: $*"

    local pkg missing=()
    for pkg in "$@"; do
        # "install ok installed" is the only state in which the package's files are really there
        # (a removed-but-not-purged package is still known to dpkg as "deinstall ok config-files").
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]} == 0)) && return 0

    if [[ $EUID -ne 0 ]]; then
        prereq_die "missing Debian packages; run: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi

    echo "prereqs: installing ${missing[*]}" >&2
    # noninteractive: never block CI on a debconf question.
    export DEBIAN_FRONTEND=noninteractive
    if [[ $_PREREQS_APT_UPDATED -eq 0 ]]; then
        apt-get update -qq || prereq_die "apt-get update failed (needed to install ${missing[*]})"
        _PREREQS_APT_UPDATED=1
    fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
        prereq_die "apt-get install failed for: ${missing[*]}"
}

# Prints the directory holding initdb, pg_ctl and postgres, or nothing.
# Looks at PATH first (this image has symlinks in /usr/local/bin), then at Debian's versioned
# layout /usr/lib/postgresql/<major>/bin (not on PATH by default), newest major first.
_find_postgres_bindir() {
    local pg_ctl_path dir
    if pg_ctl_path=$(command -v pg_ctl 2>/dev/null) && command -v initdb >/dev/null 2>&1 &&
        command -v postgres >/dev/null 2>&1; then
        # Resolve symlinks: pg_ctl locates `postgres` next to its own real path anyway, and using
        # the real dir also gives us the matching pg_isready/psql of the same major version.
        dirname "$(readlink -f "$pg_ctl_path")"
        return 0
    fi
    # (An unmatched glob stays literal and fails the -x tests below.)
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4,4 -rn); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 0
}

# ensure_postgres_binaries
# Exports PG_BINDIR and puts it first on PATH. Installs the server package when no binaries exist.
# PG_DEBIAN_PACKAGE overrides the package name (postgresql-15 is Debian 12's server).
ensure_postgres_binaries() {
    local bindir
    bindir=$(_find_postgres_bindir)
    if [[ -z "$bindir" ]]; then
        ensure_packages "${PG_DEBIAN_PACKAGE:-postgresql-15}"
        bindir=$(_find_postgres_bindir)
        [[ -n "$bindir" ]] ||
            prereq_die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found even after installing ${PG_DEBIAN_PACKAGE:-postgresql-15}"
    fi
    export PG_BINDIR="$bindir"
    case ":$PATH:" in
        *":$bindir:"*) ;;
        *) export PATH="$bindir:$PATH" ;;
    esac
}

# ensure_chromium
# The browser tests (Playwright for .NET) launch the Debian package's /usr/bin/chromium and download
# no browser of their own, so the package must be there; as root it is installed with apt.
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
ensure_chromium() {
    if [[ $EUID -ne 0 && ! -x "$CHROMIUM_PATH" ]]; then
        prereq_die "the browser tests need Chromium at $CHROMIUM_PATH; run: sudo apt-get install -y --no-install-recommends chromium"
    fi
    ensure_packages chromium
    [[ -x "$CHROMIUM_PATH" ]] ||
        prereq_die "the Debian chromium package is installed but $CHROMIUM_PATH is missing; the browser tests launch exactly that file"
}

# ensure_dns_lab
# The DNS tests start their own knotd (tests/DomainFlow.Testing/Dns/KnotServer.cs) on a loopback port and the
# DNS benchmarks drive dnsperf. Debian's knot package enables a system service: see ensure_packages_no_service.
KNOTD_PATH=${KNOTD_PATH:-/usr/sbin/knotd}
ensure_dns_lab() {
    ensure_packages_no_service knot knotd knot dnsperf
    "$KNOTD_PATH" --version >/dev/null 2>&1 ||
        prereq_die "$KNOTD_PATH --version failed: the knot package is broken or installed elsewhere (set KNOTD_PATH)"
    command -v dnsperf >/dev/null 2>&1 || prereq_die "dnsperf is not on PATH although the dnsperf package is installed"
}

# ensure_web_lab
# The HTTP benchmark starts its own nginx on a loopback port and drives curl beside our prober. Debian's nginx
# package enables a system service on port 80: see ensure_packages_no_service.
ensure_web_lab() {
    ensure_packages_no_service nginx nginx nginx curl
    command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || prereq_die "nginx is not installed although the nginx package is"
}

# ensure_proxy_lab
# The proxy tests start their own tinyproxy (HTTP CONNECT) and microsocks (SOCKS5) on loopback ports. Debian's
# tinyproxy package enables a system service: see ensure_packages_no_service.
ensure_proxy_lab() {
    ensure_packages_no_service tinyproxy tinyproxy tinyproxy microsocks
    command -v tinyproxy >/dev/null 2>&1 || [[ -x /usr/bin/tinyproxy ]] || prereq_die "tinyproxy is not installed although the package is"
    command -v microsocks >/dev/null 2>&1 || prereq_die "microsocks is not on PATH although the package is installed"
}

# ensure_packages_no_service SERVICE PROCESS pkg...
# Installs packages whose Debian package enables a system service (SERVICE, running as PROCESS) that a host with
# a running init would start on install: nothing here needs it, and nothing may listen beyond 127.0.0.0/8. So a
# fresh install runs with service starts forbidden (policy-rc.d exit 101, unless the host already has a policy),
# then the service is stopped and disabled. A package installed earlier is left as its owner set it up.
ensure_packages_no_service() {
    local service=$1 process=$2 fresh=0 created_policy=0 rc=0
    shift 2
    [[ "$(dpkg-query -W -f='${Status}' "$service" 2>/dev/null || true)" == "install ok installed" ]] || fresh=1
    if ((fresh)) && [[ $EUID -eq 0 && ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# written by DomainFlow scripts/lib/prereqs.sh for one install: start no service\nexit 101\n' \
            >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    # A subshell, so that prereq_die's exit still lets the temporary policy be removed below.
    (ensure_packages "$@") || rc=$?
    ((created_policy)) && rm -f /usr/sbin/policy-rc.d
    ((rc == 0)) || exit "$rc"
    if ((fresh)) && [[ $EUID -eq 0 ]]; then
        _disable_service "$service" "$process"
    fi
}

# Stops and disables the system service of a fresh install. `systemctl disable` works on the unit files even
# where systemd is not PID 1 (containers); `stop` only where an init actually runs it.
_disable_service() {
    local service=$1 process=$2
    if command -v systemctl >/dev/null 2>&1; then
        if [[ -d /run/systemd/system ]]; then
            systemctl stop "$service.service" >/dev/null 2>&1 || true
        fi
        systemctl disable "$service.service" >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1 && [[ -e "/etc/init.d/$service" ]]; then
        invoke-rc.d "$service" stop >/dev/null 2>&1 || true
        update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
    # Whatever the init system did: a process listening beyond loopback now is the system service, not ours.
    command -v ss >/dev/null 2>&1 || return 0
    local address
    for address in $(ss -Hlntup 2>/dev/null | awk -v p="\"$process\"" 'index($0, p) {print $5}' || true); do
        [[ "$address" == 127.* || "$address" == "[::1]:"* ]] ||
            prereq_die "$process listens on $address after installing $service; stop the service (systemctl stop $service) and rerun"
    done
}

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 ||
        prereq_die "'dotnet' not found on PATH: install the .NET 10 SDK (see global.json for the exact version)"
}

# The server's build runs `npm ci` and Vite for web/, so building needs node and npm too.
require_node() {
    command -v node >/dev/null 2>&1 || prereq_die "'node' not found on PATH: install Node.js 20 or newer"
    command -v npm >/dev/null 2>&1 || prereq_die "'npm' not found on PATH: install npm (comes with Node.js)"
}

require_toolchain() {
    require_dotnet
    require_node
}
