// Command etcd builds the upstream etcd server from the go.etcd.io/etcd/server/v3 module, as storage for the
// API server in Kubeward's end-to-end tests only (Go never enters the product). It mirrors etcd's own
// https://github.com/etcd-io/etcd/blob/main/server/main.go.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
