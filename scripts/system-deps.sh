#!/bin/sh
# Installs the system packages a fresh Debian machine needs before `npm ci`: a C++ toolchain and
# Python for node-pty (the terminal tests' pseudo-terminal), and a C compiler for the CLI's
# pipe-size addon and the throughput benchmark's counter. Does nothing when they are present.
set -e
missing=""
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
# Node's headers, for the pipe-size addon: release builds of Node carry them; Debian's nodejs does not.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
[ -f "$node_prefix/include/node/node_api.h" ] || [ -f /usr/include/node/node_api.h ] || missing="$missing libnode-dev"
[ -z "$missing" ] && exit 0
echo "system-deps: installing$missing (for node-pty and the pipe-size addon)" >&2
if [ "$(id -u)" -eq 0 ]; then run=""; elif command -v sudo >/dev/null 2>&1; then run="sudo"; else
  echo "system-deps: need root (or sudo) to apt-get install:$missing" >&2
  exit 1
fi
$run apt-get update -qq
DEBIAN_FRONTEND=noninteractive $run apt-get install -y -qq $missing >/dev/null
