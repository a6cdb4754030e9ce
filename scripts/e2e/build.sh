#!/usr/bin/env bash
# Builds kube-apiserver and etcd from their Go modules (test/e2e/go/{apiserver,etcd}) for the end-to-end tests.
# Go is test infrastructure only; it never enters the product.
#
# Binaries go to a cache outside the repository, keyed by version:
#   ${KUBEWARD_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward-e2e}/k8s-v1.37.2/kube-apiserver
#   ${KUBEWARD_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward-e2e}/etcd-v3.7.3/etcd
# A binary is rebuilt only when it is missing or its module (go.mod, go.sum, main.go) or the Go version changed.
# Concurrent runs are serialised by flock, and binaries are moved into place atomically.
#
# Progress and timings go to stderr. The last lines on stdout are machine-readable:
#   apiserver=<path>
#   etcd=<path>
#   version=<kubernetes version>
#   etcdVersion=<etcd version>
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
go_root="$repo_root/test/e2e/go"
cache="${KUBEWARD_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeward-e2e}"

go_bin="$(command -v go || true)"
if [[ -z "$go_bin" && -x /usr/local/go/bin/go ]]; then go_bin=/usr/local/go/bin/go; fi
if [[ -z "$go_bin" ]]; then
  echo "e2e build: no Go toolchain found (install Go >= 1.26 or put it on PATH)" >&2
  exit 2
fi

log() { echo "e2e build: $*" >&2; }

# The version a module requires, read from its go.mod (`require <module> <version>` or inside a require block).
required_version() {
  awk -v mod="$2" '$1 == mod && $2 ~ /^v/ { print $2; exit } $1 == "require" && $2 == mod { print $3; exit }' "$1"
}

k8s_version="$(required_version "$go_root/apiserver/go.mod" k8s.io/kubernetes)"
etcd_version="$(required_version "$go_root/etcd/go.mod" go.etcd.io/etcd/server/v3)"
if [[ -z "$k8s_version" || -z "$etcd_version" ]]; then
  log "cannot read the pinned versions from test/e2e/go/*/go.mod"
  exit 2
fi
go_version="$("$go_bin" env GOVERSION)"

mkdir -p "$cache"
exec 9>"$cache/.lock"
if ! flock -n 9; then
  log "waiting for another build to finish (lock $cache/.lock)"
  flock 9
fi

# Stamp = hash of everything that determines the binary, so an edited go.mod or a new Go rebuilds.
stamp_of() {
  { cat "$1/go.mod" "$1/go.sum" "$1/main.go"; echo "$go_version"; } | sha256sum | cut -d' ' -f1
}

# build <module dir> <output path> <ldflags>
build() {
  local module="$1" out="$2" ldflags="$3"
  local stamp
  stamp="$(stamp_of "$module")"
  if [[ -x "$out" && -f "$out.stamp" && "$(cat "$out.stamp")" == "$stamp" ]]; then
    log "$(basename "$out"): cached at $out"
    return
  fi
  mkdir -p "$(dirname "$out")"
  log "$(basename "$out"): building with $go_version (this takes minutes on a cold Go cache)"
  local start=$SECONDS tmp="$out.tmp.$$"
  (
    cd "$module"
    CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" \
      "$go_bin" build -trimpath -ldflags="-s -w $ldflags" -o "$tmp" .
  ) || {
    rm -f "$tmp"
    log "$(basename "$out"): go build failed in $module"
    exit 1
  }
  mv -f "$tmp" "$out"
  echo "$stamp" >"$out.stamp"
  log "$(basename "$out"): built in $((SECONDS - start))s"
}

total_start=$SECONDS

apiserver="$cache/k8s-$k8s_version/kube-apiserver"
etcd="$cache/etcd-$etcd_version/etcd"

# Version stamping as Kubernetes' hack/lib/version.sh does, so /version reports the real release.
major="${k8s_version#v}"
major="${major%%.*}"
minor="${k8s_version#v*.}"
minor="${minor%%.*}"
k8s_ldflags=""
for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
  k8s_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  k8s_ldflags+=" -X $pkg.gitTreeState=clean"
done

# etcd first: it is small, so a broken Go setup shows up fast.
build "$go_root/etcd" "$etcd" ""
build "$go_root/apiserver" "$apiserver" "$k8s_ldflags"

log "done in $((SECONDS - total_start))s"
echo "apiserver=$apiserver"
echo "etcd=$etcd"
echo "version=$k8s_version"
echo "etcdVersion=$etcd_version"
